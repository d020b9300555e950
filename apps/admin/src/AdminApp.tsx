// The react-admin portal, loaded after sign-in (see main.tsx).
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router';
import { apiTokens } from './apiTokens';
import { assessments } from './assessments';
import { audit } from './audit';
import { authorityRules } from './authorityRules';
import { lazyScreen } from './components/lazy';
import { customers } from './customers';
import { decisionBodies } from './decisionBodies';
import { decisions } from './decisions';
import { delegations } from './delegations';
import { frameworks } from './frameworks';
import { AppLayout } from './layout/AppLayout';
import { LoginRedirect } from './layout/LoginRedirect';
import { orgUnits } from './orgUnits';
import { people } from './people';
import { pools } from './pools';
import { positions } from './positions';
import { projects } from './projects';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { buildI18nProvider } from './providers/i18nProvider';
import { roleModels } from './roleModels';
import { staffingRules } from './staffingRules';
import { teamAppointments } from './teamAppointments';
import { users } from './users';

const i18nProvider = buildI18nProvider();
const Dashboard = lazyScreen(() => import('./dashboard/Dashboard'), 'Dashboard');
const CheckDecision = lazyScreen(() => import('./check/CheckDecision'), 'CheckDecision');

const RESOURCES = [
  orgUnits, people, positions, customers, projects, teamAppointments, roleModels, frameworks, assessments, staffingRules,
  authorityRules, decisionBodies, delegations, decisions, pools, audit, users, apiTokens,
];

export default function AdminApp() {
  return (
    <Admin
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={AppLayout}
      dashboard={Dashboard}
      loginPage={LoginRedirect}
      title="app.title"
      disableTelemetry
      requireAuth
    >
      {RESOURCES.map(({ name, ...screens }) => <Resource key={name} name={name} {...screens} />)}
      <CustomRoutes>
        <Route path="/check" element={<CheckDecision />} />
      </CustomRoutes>
    </Admin>
  );
}
