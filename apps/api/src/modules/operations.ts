// The resolvers of the integration operations (authorization, delegation, decisions, pools, framework and
// role-model versions, notifications, the dashboard), registered in the schema.
import {
  AuthorityChainFieldResolver,
  AuthorizationResolver,
  DeciderFieldResolver,
  DecisionRightFieldResolver,
} from './authorization/authorization.resolver';
import { DelegationOperationsResolver } from './delegation/delegation.operations';
import { DecisionOperationsResolver } from './decision/decision.operations';
import { PoolOperationsResolver } from './incentive-pool/pool.operations';
import { FrameworkVersionResolver } from './qualification/framework-versions';
import { RoleModelVersionStepsResolver } from './role-model/role-model-versions';
import { DecisionRequestOperationsResolver } from './decision-request/decision-request.operations';
import { NotificationResolver } from './notification/notification.resolver';
import { DashboardResolver } from './dashboard';
import { ReassessmentResolver } from './reassessment/reassessment.resolver';
import { SalesFunnelResolver } from './opportunity/opportunity.funnel';

export const OPERATION_RESOLVERS = [
  AuthorizationResolver,
  AuthorityChainFieldResolver,
  DeciderFieldResolver,
  DecisionRightFieldResolver,
  DelegationOperationsResolver,
  DecisionOperationsResolver,
  PoolOperationsResolver,
  FrameworkVersionResolver,
  RoleModelVersionStepsResolver,
  DecisionRequestOperationsResolver,
  NotificationResolver,
  DashboardResolver,
  ReassessmentResolver,
  SalesFunnelResolver,
] as const;
