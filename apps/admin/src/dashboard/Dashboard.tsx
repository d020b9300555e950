// What needs attention: qualifications and delegations about to end, pools awaiting approval, this week's decisions.
import { Box, Card, CardContent, List as MuiList, ListItem, Typography } from '@mui/material';
import { ReactNode } from 'react';
import { Link, Title, useGetList, useTranslate } from 'react-admin';
import { canAccess } from '../auth/canAccess';
import { loadSession } from '../auth/session';
import { useDate, useEnumLabel, useMoney } from '../components/fields';
import { DelegationText } from '../components/names';
import { RecordName } from '../components/RecordName';

const DAY = 24 * 60 * 60 * 1000;

/** Records whose `field` date falls in [now, now + days]. Filtering is done here so the API needs no date filter. */
export function endingWithin<T extends Record<string, unknown>>(
  records: T[],
  field: string,
  days: number,
  now: Date,
): T[] {
  const end = now.getTime() + days * DAY;
  return records.filter((r) => {
    const t = r[field] ? new Date(String(r[field])).getTime() : NaN;
    return t >= now.getTime() && t <= end;
  });
}

export function startOfWeek(now: Date): Date {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}

function Panel({
  title,
  count,
  children,
  testId,
}: {
  title: string;
  count?: number;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Card sx={{ flex: '1 1 420px' }} data-testid={testId}>
      <CardContent>
        <Typography variant="h6">
          {title}
          {count !== undefined ? ` (${count})` : ''}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

function Empty() {
  const translate = useTranslate();
  return <Typography color="text.secondary">{translate('dashboard.nothing')}</Typography>;
}

const MANY = { page: 1, perPage: 200 };

function ExpiringQualifications({ now }: { now: Date }) {
  const translate = useTranslate();
  const date = useDate();
  const role = useEnumLabel('TriangleRole');
  const { data = [] } = useGetList('Assessment', { pagination: MANY, sort: { field: 'validUntil', order: 'ASC' } });
  const items = endingWithin(data, 'validUntil', 30, now);
  return (
    <Panel title={translate('dashboard.expiring_qualifications')} count={items.length} testId="dash-qualifications">
      {items.length === 0 ? (
        <Empty />
      ) : (
        <MuiList dense>
          {items.map((a) => (
            <ListItem key={a.id}>
              <Link to={`/Assessment/${a.id}/show`}>
                <RecordName resource="Person" id={a.personId} />
              </Link>
              &nbsp;· {role(a.role)} · {date(a.validUntil)}
            </ListItem>
          ))}
        </MuiList>
      )}
    </Panel>
  );
}

function EndingDelegations({ now }: { now: Date }) {
  const translate = useTranslate();
  const date = useDate();
  const { data = [] } = useGetList('Delegation', { pagination: MANY, sort: { field: 'validTo', order: 'ASC' } });
  const items = endingWithin(
    data.filter((d) => !d.revokedAt),
    'validTo',
    14,
    now,
  );
  return (
    <Panel title={translate('dashboard.ending_delegations')} count={items.length} testId="dash-delegations">
      {items.length === 0 ? (
        <Empty />
      ) : (
        <MuiList dense>
          {items.map((d) => (
            <ListItem key={d.id}>
              <Link to={`/Delegation/${d.id}/show`}>
                <DelegationText record={d} />
              </Link>
              &nbsp;· {date(d.validTo)}
            </ListItem>
          ))}
        </MuiList>
      )}
    </Panel>
  );
}

function PoolsAwaiting() {
  const translate = useTranslate();
  const money = useMoney();
  const { data = [] } = useGetList('IncentivePool', { pagination: MANY, sort: { field: 'id', order: 'ASC' } });
  const items = data.filter((p) => p.status === 'ALLOCATED');
  return (
    <Panel title={translate('dashboard.pools_awaiting')} count={items.length} testId="dash-pools">
      {items.length === 0 ? (
        <Empty />
      ) : (
        <MuiList dense>
          {items.map((p) => (
            <ListItem key={p.id}>
              <Link to={`/IncentivePool/${p.id}/show`}>{p.name}</Link>&nbsp;· {money(p.fundedAmount, p.currency)}
            </ListItem>
          ))}
        </MuiList>
      )}
    </Panel>
  );
}

function DecisionsThisWeek({ now }: { now: Date }) {
  const translate = useTranslate();
  const date = useDate();
  const point = useEnumLabel('DecisionPoint');
  const outcome = useEnumLabel('DecisionOutcome');
  const { data = [] } = useGetList('Decision', { pagination: MANY, sort: { field: 'decidedAt', order: 'DESC' } });
  const since = startOfWeek(now).getTime();
  const items = data.filter((d) => new Date(d.decidedAt).getTime() >= since);
  return (
    <Panel title={translate('dashboard.decisions_week')} count={items.length} testId="dash-decisions">
      {items.length === 0 ? (
        <Empty />
      ) : (
        <MuiList dense>
          {items.map((d) => (
            <ListItem key={d.id}>
              <Link to={`/Decision/${d.id}/show`}>{point(d.decisionPoint)}</Link>&nbsp;·{' '}
              <RecordName resource="Project" id={d.projectId} /> · {outcome(d.outcome)} · {date(d.decidedAt)}
            </ListItem>
          ))}
        </MuiList>
      )}
    </Panel>
  );
}

export function Dashboard() {
  const translate = useTranslate();
  const session = loadSession();
  const role = session?.user.role;
  const now = new Date();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="menu.dashboard" />
      <Typography variant="h5" sx={{ mb: 2 }} data-testid="welcome">
        {translate('dashboard.welcome', { email: session?.user.email ?? '' })} ·{' '}
        {translate(`enums.UserRole.${role ?? 'VIEWER'}`)}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        {canAccess(role, 'Assessment', 'list') && <ExpiringQualifications now={now} />}
        {canAccess(role, 'Delegation', 'list') && <EndingDelegations now={now} />}
        {canAccess(role, 'IncentivePool', 'list') && <PoolsAwaiting />}
        {canAccess(role, 'Decision', 'list') && <DecisionsThisWeek now={now} />}
      </Box>
    </Box>
  );
}
