// Every persisted record type, for the data source.
import { OrgUnit } from './org-unit/org-unit.entity';
import { Person } from './person/person.entity';
import { PositionAssignment } from './position-assignment/position-assignment.entity';
import { Customer } from './customer/customer.entity';
import { Project } from './project/project.entity';
import { TeamAppointment } from './team-appointment/team-appointment.entity';
import { RoleModel, RoleModelDimension, RoleModelVersion } from './role-model/role-model.entity';
import { LevelRequirement, QualificationFramework, QualificationLevel } from './qualification/qualification.entity';
import { Assessment, AssessmentRating } from './assessment/assessment.entity';
import { StaffingRule } from './staffing-rule/staffing-rule.entity';
import { AuthorityRule } from './authority-rule/authority-rule.entity';
import { DecisionBody, DecisionBodySeat } from './decision-body/decision-body.entity';
import { Delegation } from './delegation/delegation.entity';
import { Decision } from './decision/decision.entity';
import { IncentivePool, PoolMember, PoolMetric } from './incentive-pool/incentive-pool.entity';
import { User } from './user/user.entity';
import { ApiToken } from './api-token/api-token.entity';
import { CompanySettings } from './company-settings/company-settings.entity';
import { DecisionRequest, DecisionRequestRecipient } from './decision-request/decision-request.entity';
import { Notification } from './notification/notification.entity';
import { ReassessmentSchedule } from './reassessment/reassessment.entity';
import { Lead, LeadNurtureAction } from './lead/lead.entity';
import { Opportunity } from './opportunity/opportunity.entity';
import { RelationshipPlanAction, Stakeholder, StakeholderAttitude } from './power-map/power-map.entity';
import { AuditEntry } from '../platform/audit-entry.entity';
import { AuthorityChange } from '../platform/change-log';

export const ENTITIES = [
  OrgUnit,
  Person,
  PositionAssignment,
  Customer,
  Project,
  TeamAppointment,
  RoleModel,
  RoleModelVersion,
  RoleModelDimension,
  QualificationFramework,
  QualificationLevel,
  LevelRequirement,
  Assessment,
  AssessmentRating,
  StaffingRule,
  AuthorityRule,
  DecisionBody,
  DecisionBodySeat,
  Delegation,
  Decision,
  IncentivePool,
  PoolMetric,
  PoolMember,
  User,
  ApiToken,
  CompanySettings,
  DecisionRequest,
  DecisionRequestRecipient,
  Notification,
  ReassessmentSchedule,
  Lead,
  LeadNurtureAction,
  Opportunity,
  Stakeholder,
  StakeholderAttitude,
  RelationshipPlanAction,
  AuditEntry,
  AuthorityChange,
];
