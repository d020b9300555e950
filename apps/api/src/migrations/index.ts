// The migrations, in order. Hand-written and dialect-neutral (QueryRunner API).
import { InitialSchema1764400000000 } from './1764400000000-initial-schema';
import { AuthorityStateCounter1764500000000 } from './1764500000000-authority-state-counter';
import { PoolLifecycleColumns1764600000000 } from './1764600000000-pool-lifecycle-columns';
import { CaseStateCounter1764700000000 } from './1764700000000-case-state-counter';
import { ExactKeys1764820000000 } from './1764820000000-exact-keys';
import { IdempotencyRequests1764820000001 } from './1764820000001-idempotency-requests';
import { SessionsAndSignInThrottle1764830000000 } from './1764830000000-sessions-and-sign-in-throttle';
import { ChangeLog1764840000000 } from './1764840000000-change-log';
import { FrameworkVersions1764850000000 } from './1764850000000-framework-versions';
import { CompanySettingsAndDecisionTerms1764860000000 } from './1764860000000-company-settings-and-decision-terms';
import { DecisionRequests1764870000000 } from './1764870000000-decision-requests';
import { Notifications1764880000000 } from './1764880000000-notifications';
import { PersonLatinName1764890000000 } from './1764890000000-person-latin-name';
import { ListSortIndexes1764890500000 } from './1764890500000-list-sort-indexes';
import { QualifiedPeopleIndex1764900000000 } from './1764900000000-qualified-people-index';
import { ReassessmentSchedules1764910000000 } from './1764910000000-reassessment-schedules';
import { SalesLeads1764920000000 } from './1764920000000-sales-leads';
import { PowerMap1764930000000 } from './1764930000000-power-map';
import { SalesSettings1764940000000 } from './1764940000000-sales-settings';

export const MIGRATIONS = [
  InitialSchema1764400000000,
  AuthorityStateCounter1764500000000,
  PoolLifecycleColumns1764600000000,
  CaseStateCounter1764700000000,
  ExactKeys1764820000000,
  IdempotencyRequests1764820000001,
  SessionsAndSignInThrottle1764830000000,
  ChangeLog1764840000000,
  FrameworkVersions1764850000000,
  CompanySettingsAndDecisionTerms1764860000000,
  DecisionRequests1764870000000,
  Notifications1764880000000,
  PersonLatinName1764890000000,
  ListSortIndexes1764890500000,
  QualifiedPeopleIndex1764900000000,
  ReassessmentSchedules1764910000000,
  SalesLeads1764920000000,
  PowerMap1764930000000,
  SalesSettings1764940000000,
];
