// A short first-run tour on the dashboard: 3 steps to the screens the signed-in role uses and one to the glossary,
// until dismissed (remembered in localStorage per user and role).
import { Button, Card, CardActions, CardContent, List as MuiList, ListItem, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, useTranslate } from 'react-admin';
import type { UserRole } from '../auth/session';
import { glossaryPath } from './terms';

interface Step {
  text: string;
  to: string;
}

export const TOUR_STEPS: Record<UserRole, Step[]> = {
  ADMIN: [
    { text: 'tour.ADMIN.users', to: '/User' },
    { text: 'tour.ADMIN.org', to: '/OrgUnit' },
    { text: 'tour.ADMIN.rules', to: '/AuthorityRule' },
  ],
  HR: [
    { text: 'tour.HR.people', to: '/Person' },
    { text: 'tour.HR.frameworks', to: '/QualificationFramework' },
    { text: 'tour.HR.assessments', to: '/Assessment' },
  ],
  LEADER: [
    { text: 'tour.LEADER.inbox', to: '/inbox' },
    { text: 'tour.LEADER.projects', to: '/Project' },
    { text: 'tour.LEADER.delegations', to: '/Delegation' },
  ],
  VIEWER: [
    { text: 'tour.VIEWER.projects', to: '/Project' },
    { text: 'tour.VIEWER.people', to: '/Person' },
    { text: 'tour.VIEWER.pools', to: '/IncentivePool' },
  ],
};

export function tourKey(userId: string, role: UserRole): string {
  return `ironTriangle.tourDismissed.${userId}.${role}`;
}

function isDismissed(key: string): boolean {
  try {
    return globalThis.localStorage?.getItem(key) === '1';
  } catch {
    return false;
  }
}

export function FirstRunTour({ userId, role }: { userId?: string; role?: UserRole }) {
  const translate = useTranslate();
  const key = userId && role ? tourKey(userId, role) : null;
  const [dismissed, setDismissed] = useState(() => (key ? isDismissed(key) : true));
  if (!key || !role || dismissed || !TOUR_STEPS[role]) return null;
  const dismiss = () => {
    try {
      globalThis.localStorage?.setItem(key, '1');
    } catch {
      // Private mode: hidden for this visit only.
    }
    setDismissed(true);
  };
  return (
    <Card sx={{ mb: 2 }} data-testid="first-run-tour">
      <CardContent>
        <Typography variant="h6">{translate('tour.title')}</Typography>
        <Typography color="text.secondary">{translate('tour.intro')}</Typography>
        <MuiList component="ol" dense sx={{ listStyle: 'decimal', pl: 3 }}>
          {[...TOUR_STEPS[role], { text: 'tour.glossary', to: glossaryPath() }].map((step) => (
            <ListItem key={step.text} sx={{ display: 'list-item' }}>
              <Link to={step.to}>{translate(step.text)}</Link>
            </ListItem>
          ))}
        </MuiList>
      </CardContent>
      <CardActions>
        <Button onClick={dismiss}>{translate('tour.dismiss')}</Button>
      </CardActions>
    </Card>
  );
}
