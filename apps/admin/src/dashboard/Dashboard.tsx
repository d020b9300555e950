// What needs attention: charts of qualifications, triangle coverage, pools and decisions; certifications and
// delegations about to end, pools awaiting approval, this week's decisions. One request (the API's `dashboard`).
import { Box, Card, CardContent, LinearProgress, List as MuiList, ListItem, Typography } from '@mui/material';
import { ReactNode, Suspense, useEffect } from 'react';
import { Link, Title, useTranslate } from 'react-admin';
import { canAccess } from '../auth/canAccess';
import { eagerLazy } from '../components/lazy';
import { loadSession } from '../auth/session';
import { useDate, useEnumLabel, useMoney } from '../components/fields';
import { personDisplayName } from '../components/personName';
import { FirstRunTour } from '../glossary/FirstRunTour';
import { DashboardData, useDashboard } from './dashboardApi';
import { KeyAccountWarnings } from './KeyAccountWarnings';

// The charts library is big: its own chunk, asked for as the dashboard mounts (beside the data, not after it; after
// a sign-in it is loaded already, see preload.ts).
const DashboardCharts = eagerLazy(() => import('./DashboardCharts'));
const FunnelCard = eagerLazy(() => import('../funnel/FunnelCard'));

/** Loads the charts and the funnel card ahead, so that they render without suspending (components/lazy.ts). */
export function preloadDashboardParts(): Promise<unknown> {
  return Promise.all([DashboardCharts.preload(), FunnelCard.preload()]);
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

// A card's line reads as one sentence (link, then facts) that wraps like text, not as columns side by side.
const INLINE = { display: 'block' } as const;

function Empty() {
  const translate = useTranslate();
  return <Typography color="text.secondary">{translate('dashboard.nothing')}</Typography>;
}

function ExpiringQualifications({
  items,
  mayPlan,
}: {
  items: DashboardData['expiringCertifications'];
  mayPlan: boolean;
}) {
  const translate = useTranslate();
  const date = useDate();
  const role = useEnumLabel('TriangleRole');
  return (
    <Panel title={translate('dashboard.expiring_qualifications')} count={items.length} testId="dash-qualifications">
      {items.length === 0 ? (
        <Empty />
      ) : (
        <MuiList dense>
          {items.map((a) => (
            <ListItem sx={INLINE} key={a.id}>
              <Link to={`/Assessment/${a.id}/show`}>{personDisplayName(a.person)}</Link>
              &nbsp;· {role(a.role)} · {date(a.validUntil)}
            </ListItem>
          ))}
        </MuiList>
      )}
      <Link to="/recertification" data-testid="dash-recertification">
        {translate(mayPlan ? 'h15recert.dashboard_link' : 'h16review.recertification_view')}
      </Link>
    </Panel>
  );
}

function EndingDelegations({ items }: { items: DashboardData['endingDelegations'] }) {
  const translate = useTranslate();
  const date = useDate();
  const point = useEnumLabel('DecisionPoint');
  return (
    <Panel title={translate('dashboard.ending_delegations')} count={items.length} testId="dash-delegations">
      {items.length === 0 ? (
        <Empty />
      ) : (
        <MuiList dense>
          {items.map((d) => (
            <ListItem sx={INLINE} key={d.id}>
              <Link to={`/Delegation/${d.id}/show`}>
                {personDisplayName(d.delegator) || translate('h16review.outside_person')} →{' '}
                {personDisplayName(d.delegate) || translate('h16review.outside_person')}
              </Link>
              &nbsp;· {d.decisionPoints.map(point).join(', ')} · {date(d.validTo)}
            </ListItem>
          ))}
        </MuiList>
      )}
    </Panel>
  );
}

function PoolsAwaiting({ items }: { items: DashboardData['poolsAwaitingApproval'] }) {
  const translate = useTranslate();
  const money = useMoney();
  return (
    <Panel title={translate('dashboard.pools_awaiting')} count={items.length} testId="dash-pools">
      {items.length === 0 ? (
        <Empty />
      ) : (
        <MuiList dense>
          {items.map((p) => (
            <ListItem sx={INLINE} key={p.id}>
              <Link to={`/IncentivePool/${p.id}/show`}>{p.name}</Link>&nbsp;· {money(p.fundedAmount, p.currency)}
            </ListItem>
          ))}
        </MuiList>
      )}
    </Panel>
  );
}

function DecisionsThisWeek({ items }: { items: DashboardData['decisionsThisWeek'] }) {
  const translate = useTranslate();
  const date = useDate();
  const point = useEnumLabel('DecisionPoint');
  const outcome = useEnumLabel('DecisionOutcome');
  return (
    <Panel title={translate('dashboard.decisions_week')} count={items.length} testId="dash-decisions">
      {items.length === 0 ? (
        <Empty />
      ) : (
        <MuiList dense>
          {items.map((d) => (
            <ListItem sx={INLINE} key={d.id}>
              <Link to={`/Decision/${d.id}/show`}>{point(d.decisionPoint)}</Link>&nbsp;·{' '}
              {d.project?.name ?? translate('app.not_visible')} · {outcome(d.outcome)} · {date(d.decidedAt)}
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
  const { data, error } = useDashboard();
  useEffect(() => {
    // A failure shows where the charts go (the lazy component's own import fails the same way).
    DashboardCharts.preload().catch(() => undefined);
  }, []);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="menu.dashboard" />
      <Typography variant="h5" sx={{ mb: 2 }} data-testid="welcome">
        {translate('dashboard.welcome', { email: session?.user.email ?? '' })} ·{' '}
        {translate(`enums.UserRole.${role ?? 'VIEWER'}`)}
      </Typography>
      <FirstRunTour userId={session?.user.id} role={role} />
      {error ? (
        <Typography color="error" data-testid="dash-error">
          {translate('h15dash.failed', { error: error.message })}
        </Typography>
      ) : !data ? (
        <LinearProgress />
      ) : (
        <>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
            {canAccess(role, 'Assessment', 'list') && (
              <ExpiringQualifications
                items={data.expiringCertifications}
                mayPlan={canAccess(role, 'Assessment', 'create')}
              />
            )}
            {canAccess(role, 'Delegation', 'list') && <EndingDelegations items={data.endingDelegations} />}
            {canAccess(role, 'IncentivePool', 'list') && <PoolsAwaiting items={data.poolsAwaitingApproval} />}
            {canAccess(role, 'Decision', 'list') && <DecisionsThisWeek items={data.decisionsThisWeek} />}
            {canAccess(role, 'Customer', 'list') && canAccess(role, 'Opportunity', 'list') && <KeyAccountWarnings />}
            {canAccess(role, 'Opportunity', 'list') && (
              <Panel title={translate('sales.funnel.title')} testId="dash-funnel">
                <Suspense fallback={<LinearProgress />}>
                  <FunnelCard />
                </Suspense>
              </Panel>
            )}
          </Box>
          <Suspense fallback={<LinearProgress />}>
            <DashboardCharts data={data} />
          </Suspense>
        </>
      )}
    </Box>
  );
}
