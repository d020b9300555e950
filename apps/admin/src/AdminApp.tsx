// The react-admin portal, loaded after sign-in (see main.tsx).
import { useEffect, useState } from 'react';
import { Admin, CustomRoutes, Resource, defaultLightTheme } from 'react-admin';
import { Route } from 'react-router';
import { apiTokens } from './apiTokens';
import { assessments } from './assessments';
import { audit } from './audit';
import { authorityRules } from './authorityRules';
import { eagerLazy, lazyScreen } from './components/lazy';
import { customers } from './customers';
import { leadNurtureActions, leads } from './leads';
import { opportunities } from './opportunities';
import { relationshipPlanActions, stakeholders } from './powerMap';
import { decisionBodies } from './decisionBodies';
import { decisions } from './decisions';
import { delegations } from './delegations';
import { frameworks } from './frameworks';
import { AppLayout } from './layout/AppLayout';
import { LoginRedirect } from './layout/LoginRedirect';
import { orgUnits } from './orgUnits';
import { people } from './people';
import { poolMembers } from './poolMembers';
import { poolMetrics } from './poolMetrics';
import { pools } from './pools';
import { positions } from './positions';
import { projects } from './projects';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { buildI18nProvider } from './providers/i18nProvider';
import { roleModels } from './roleModels';
import { roleModelVersions } from './roleModelVersions';
import { staffingRules } from './staffingRules';
import { teamAppointments } from './teamAppointments';
import { users } from './users';

const i18nProvider = buildI18nProvider();
const Dashboard = eagerLazy(async () => {
  const module = await import('./dashboard/Dashboard');
  return { default: module.Dashboard, preloadDashboardParts: module.preloadDashboardParts };
});
const CheckDecision = lazyScreen(() => import('./check/CheckDecision'), 'CheckDecision');
const TalentSearch = lazyScreen(() => import('./talent/TalentSearch'), 'TalentSearch');
const Inbox = lazyScreen(() => import('./inbox/Inbox'), 'Inbox');
const Glossary = lazyScreen(() => import('./glossary/Glossary'), 'Glossary');
const FunnelPage = lazyScreen(() => import('./funnel/FunnelPage'), 'FunnelPage');
const Recertification = lazyScreen(() => import('./recertification/Recertification'), 'Recertification');
const CompanySettingsPage = lazyScreen(() => import('./settings/CompanySettingsPage'), 'CompanySettingsPage');

const RESOURCES = [
  orgUnits,
  people,
  positions,
  customers,
  leads,
  leadNurtureActions,
  opportunities,
  stakeholders,
  relationshipPlanActions,
  projects,
  teamAppointments,
  roleModels,
  frameworks,
  assessments,
  staffingRules,
  authorityRules,
  decisionBodies,
  delegations,
  decisions,
  pools,
  audit,
  users,
  apiTokens,
  poolMetrics,
  poolMembers,
  roleModelVersions,
];

type Schema = { resources?: Array<{ type: { name: string } }> } | undefined;

/** The schema once read: the portal's first render then shows its menu at once, not one render later. */
let schemaRead: { schema: Schema } | null = null;

/** Has the records provider read the API schema (done ahead, while the sign-in screen is shown: preload.ts). */
export function readSchema(): Promise<Schema> {
  return Promise.resolve(dataProvider.getIntrospection?.() as Promise<Schema> | undefined).then((schema) => {
    schemaRead = { schema };
    return schema;
  });
}

/** Loads the dashboard screen and its parts, so that it renders without suspending after sign-in (preload.ts). */
export function preloadDashboard(): Promise<unknown> {
  return Dashboard.preload().then(({ preloadDashboardParts }) => preloadDashboardParts());
}

const servedBy = (schema: Schema) =>
  new Set(schema?.resources?.map((r) => r.type.name) ?? RESOURCES.map((r) => r.name));

/**
 * The record types the API serves now (from the introspection ra-data-graphql makes anyway), so that the menu
 * offers only what works; null while unknown, every resource when introspection is unavailable.
 */
function useServedResources(): Set<string> | null {
  const [served, setServed] = useState<Set<string> | null>(() => (schemaRead ? servedBy(schemaRead.schema) : null));
  useEffect(() => {
    if (served) return undefined;
    let live = true;
    readSchema()
      .then((schema) => {
        if (live) setServed(servedBy(schema));
      })
      .catch(() => live && setServed(new Set(RESOURCES.map((r) => r.name))));
    return () => {
      live = false;
    };
  }, [served]);
  return served;
}

/**
 * The menu is wide enough for its longest label in either language ("Qualification frameworks", "Position
 * assignments"); a longer one wraps onto a second line rather than being cut (AppMenu).
 */
const theme = { ...defaultLightTheme, sidebar: { width: 264, closedWidth: 50 } };

export default function AdminApp() {
  const served = useServedResources();
  if (!served) return null;
  return (
    <Admin
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={AppLayout}
      lightTheme={theme}
      dashboard={Dashboard}
      loginPage={LoginRedirect}
      title="app.title"
      disableTelemetry
    >
      {RESOURCES.filter((r) => served.has(r.name)).map(({ name, ...screens }) => (
        <Resource key={name} name={name} {...screens} />
      ))}
      <CustomRoutes>
        <Route path="/check" element={<CheckDecision />} />
        <Route path="/talent" element={<TalentSearch />} />
        <Route path="/inbox" element={<Inbox />} />
        <Route path="/glossary" element={<Glossary />} />
        <Route path="/recertification" element={<Recertification />} />
        <Route path="/funnel" element={<FunnelPage />} />
        <Route path="/settings" element={<CompanySettingsPage />} />
      </CustomRoutes>
    </Admin>
  );
}
