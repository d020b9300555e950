// The app bar's bell: the unread count, and a popover of the latest notifications; opening one marks it read and goes
// to the record it is about.
import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  Badge,
  Box,
  Button,
  IconButton,
  List as MuiList,
  ListItemButton,
  ListItemText,
  Popover,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router';
import { useDate } from '../components/fields';
import { AppNotification, useMarkNotificationsRead, useNotifications } from '../inbox/inboxApi';

/** The portal's page for what a notification is about; null when there is none to go to. */
export function targetPath(targetType: string | null, targetId: string | null): string | null {
  if (!targetType) return null;
  if (targetType === 'DecisionRequest') return '/inbox';
  const shown = ['Project', 'Decision', 'Delegation', 'IncentivePool', 'Assessment'];
  if (!targetId || !shown.includes(targetType)) return null;
  return `/${targetType}/${encodeURIComponent(targetId)}/show`;
}

export function NotificationBell() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const date = useDate();
  const navigate = useNavigate();
  const { data } = useNotifications(locale);
  const markRead = useMarkNotificationsRead();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const unread = data?.unread ?? 0;
  const items = data?.items ?? [];

  const open = (notification: AppNotification) => {
    if (!notification.read) markRead.mutate([notification.id]);
    setAnchor(null);
    const path = targetPath(notification.targetType, notification.targetId);
    if (path) navigate(path);
  };

  return (
    <>
      <Tooltip title={translate('notifications.title')}>
        <IconButton
          color="inherit"
          onClick={(e) => setAnchor(e.currentTarget)}
          aria-label={translate('notifications.title')}
        >
          {unread > 0 ? (
            <Badge badgeContent={<span data-testid="notification-count">{unread}</span>} color="error">
              <NotificationsIcon />
            </Badge>
          ) : (
            <NotificationsIcon />
          )}
        </IconButton>
      </Tooltip>
      <Popover
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Box sx={{ width: 380, maxHeight: 480, display: 'flex', flexDirection: 'column' }}>
          <Box sx={{ display: 'flex', alignItems: 'center', px: 2, py: 1 }}>
            <Typography variant="subtitle1" sx={{ flex: 1 }}>
              {translate('notifications.title')}
            </Typography>
            <Button size="small" disabled={!unread || markRead.isPending} onClick={() => markRead.mutate([])}>
              {translate('notifications.mark_all_read')}
            </Button>
          </Box>
          {items.length === 0 ? (
            <Typography color="text.secondary" sx={{ px: 2, pb: 2 }} data-testid="notifications-empty">
              {translate('notifications.empty')}
            </Typography>
          ) : (
            <MuiList dense sx={{ overflowY: 'auto' }} data-testid="notification-list">
              {items.map((n) => (
                <ListItemButton
                  key={n.id}
                  onClick={() => open(n)}
                  data-testid="notification-item"
                  data-read={n.read ? 'true' : 'false'}
                  sx={{ alignItems: 'flex-start', bgcolor: n.read ? undefined : 'action.selected' }}
                >
                  <ListItemText
                    primary={n.title}
                    secondary={
                      <>
                        <span style={{ display: 'block' }}>{n.body}</span>
                        <span>
                          {date(n.createdAt, true)}
                          {' · '}
                          {translate(n.read ? 'notifications.read' : 'notifications.unread')}
                        </span>
                      </>
                    }
                    slotProps={{ primary: { sx: { fontWeight: n.read ? 'normal' : 'bold' } } }}
                  />
                </ListItemButton>
              ))}
            </MuiList>
          )}
        </Box>
      </Popover>
    </>
  );
}
