// Every resolver class of the schema.
import { OrgUnitCrudResolver, OrgUnitFieldResolver } from './org-unit/org-unit.resolver';
import { PersonCrudResolver, PersonFieldResolver } from './person/person.resolver';
import { personImport } from './person/person.import';
import { orgUnitImport } from './org-unit/org-unit.import';
import { assessmentImport } from './assessment/assessment.import';
import { positionAssignmentImport } from './position-assignment/position-assignment.import';
import { authorityRuleImport } from './authority-rule/authority-rule.import';
import { delegationImport } from './delegation/delegation.import';
import { createImportResolver, type ImportDefinition } from '../platform/import';
import type { BaseRecord } from '../platform/columns';
import {
  PositionAssignmentCrudResolver,
  PositionAssignmentFieldResolver,
} from './position-assignment/position-assignment.resolver';
import { CustomerCrudResolver, CustomerFieldResolver } from './customer/customer.resolver';
import { ProjectCrudResolver, ProjectResolver } from './project/project.resolver';
import {
  TeamAppointmentCrudResolver,
  TeamAppointmentFieldResolver,
} from './team-appointment/team-appointment.resolver';
import {
  RoleModelCrudResolver,
  RoleModelDimensionCrudResolver,
  RoleModelFieldResolver,
  RoleModelVersionCrudResolver,
  RoleModelVersionFieldResolver,
} from './role-model/role-model.resolver';
import {
  LevelRequirementCrudResolver,
  QualificationFrameworkCrudResolver,
  QualificationFrameworkFieldResolver,
  QualificationLevelCrudResolver,
  QualificationLevelFieldResolver,
} from './qualification/qualification.resolver';
import {
  AssessmentCrudResolver,
  AssessmentRatingCrudResolver,
  AssessmentResolver,
  QualifiedPersonResolver,
} from './assessment/assessment.resolver';
import { StaffingRuleCrudResolver } from './staffing-rule/staffing-rule.resolver';
import { AuthorityRuleCrudResolver, AuthorityRuleFieldResolver } from './authority-rule/authority-rule.resolver';
import {
  DecisionBodyCrudResolver,
  DecisionBodyFieldResolver,
  DecisionBodySeatCrudResolver,
} from './decision-body/decision-body.resolver';
import { DelegationCrudResolver, DelegationResolver } from './delegation/delegation.resolver';
import { DecisionCrudResolver, DecisionFieldResolver } from './decision/decision.resolver';
import {
  IncentivePoolCrudResolver,
  IncentivePoolFieldResolver,
  PoolMemberCrudResolver,
  PoolMetricCrudResolver,
} from './incentive-pool/incentive-pool.resolver';
import { SessionResolver, UserCrudResolver } from './user/user.resolver';
import { ApiTokenCrudResolver, ApiTokenResolver } from './api-token/api-token.resolver';
import { AuditEntryCrudResolver } from './audit/audit-entry.resolver';
import { CompanySettingsResolver } from './company-settings/company-settings.resolver';
import {
  DecisionRequestCrudResolver,
  DecisionRequestFieldResolver,
  DecisionRequestRecipientFieldResolver,
} from './decision-request/decision-request.resolver';
import {
  CustomerPowerMapResolver,
  OpportunityPowerMapResolver,
  RelationshipPlanActionCrudResolver,
  RelationshipPlanActionFieldResolver,
  StakeholderCrudResolver,
  StakeholderFieldResolver,
} from './power-map/power-map.resolver';
import { LeadCrudResolver, LeadNurtureActionCrudResolver, LeadResolver } from './lead/lead.resolver';
import {
  LeadOpportunityFieldResolver,
  OpportunityCrudResolver,
  OpportunityResolver,
  ProjectOpportunityFieldResolver,
} from './opportunity/opportunity.resolver';
import { AuthorityChangeFieldResolver, RecordVersionResolver } from '../platform/change-log';
import { AuthorityChangeCursorResolver, ChangeFeedResolver } from './change-feed/change-feed.resolver';

/** The record types that can be imported from a spreadsheet (importRecords). */
const ImportResolver = createImportResolver([
  personImport,
  orgUnitImport,
  assessmentImport,
  positionAssignmentImport,
  authorityRuleImport,
  delegationImport,
] as unknown as ImportDefinition<BaseRecord>[]);

export const RESOLVERS = [
  OrgUnitCrudResolver,
  OrgUnitFieldResolver,
  PersonCrudResolver,
  PersonFieldResolver,
  PositionAssignmentCrudResolver,
  PositionAssignmentFieldResolver,
  CustomerCrudResolver,
  CustomerFieldResolver,
  StakeholderCrudResolver,
  StakeholderFieldResolver,
  RelationshipPlanActionCrudResolver,
  RelationshipPlanActionFieldResolver,
  CustomerPowerMapResolver,
  OpportunityPowerMapResolver,
  ProjectCrudResolver,
  ProjectResolver,
  TeamAppointmentCrudResolver,
  TeamAppointmentFieldResolver,
  RoleModelCrudResolver,
  RoleModelFieldResolver,
  RoleModelVersionCrudResolver,
  RoleModelVersionFieldResolver,
  RoleModelDimensionCrudResolver,
  QualificationFrameworkCrudResolver,
  QualificationFrameworkFieldResolver,
  QualificationLevelCrudResolver,
  QualificationLevelFieldResolver,
  LevelRequirementCrudResolver,
  AssessmentCrudResolver,
  AssessmentRatingCrudResolver,
  AssessmentResolver,
  QualifiedPersonResolver,
  StaffingRuleCrudResolver,
  AuthorityRuleCrudResolver,
  AuthorityRuleFieldResolver,
  DecisionBodyCrudResolver,
  DecisionBodyFieldResolver,
  DecisionBodySeatCrudResolver,
  DelegationCrudResolver,
  DelegationResolver,
  DecisionCrudResolver,
  DecisionFieldResolver,
  IncentivePoolCrudResolver,
  IncentivePoolFieldResolver,
  PoolMetricCrudResolver,
  PoolMemberCrudResolver,
  UserCrudResolver,
  SessionResolver,
  ApiTokenCrudResolver,
  ApiTokenResolver,
  AuditEntryCrudResolver,
  CompanySettingsResolver,
  DecisionRequestCrudResolver,
  DecisionRequestFieldResolver,
  DecisionRequestRecipientFieldResolver,
  LeadCrudResolver,
  LeadResolver,
  LeadNurtureActionCrudResolver,
  OpportunityCrudResolver,
  OpportunityResolver,
  LeadOpportunityFieldResolver,
  ProjectOpportunityFieldResolver,
  RecordVersionResolver,
  AuthorityChangeFieldResolver,
  ChangeFeedResolver,
  AuthorityChangeCursorResolver,
  ImportResolver,
] as const;
