// The menu's way to the inbox, with how many requests wait (shown only to a sign-in that is a person).
import InboxIcon from '@mui/icons-material/Inbox';
import { Badge } from '@mui/material';
import { Menu, useTranslate } from 'react-admin';
import { useSession } from '../auth/useSession';
import { useInbox } from './inboxApi';

export function InboxMenuItem() {
  const translate = useTranslate();
  const personId = useSession()?.user.personId ?? null;
  const { data } = useInbox(Boolean(personId));
  if (!personId) return null;
  const count = data?.length ?? 0;
  return (
    <Menu.Item
      to="/inbox"
      primaryText={translate('inbox.menu')}
      leftIcon={
        count > 0 ? (
          <Badge badgeContent={<span data-testid="inbox-count">{count}</span>} color="error">
            <InboxIcon />
          </Badge>
        ) : (
          <InboxIcon />
        )
      }
    />
  );
}
