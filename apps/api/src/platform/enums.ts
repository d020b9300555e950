// The contract's enums, registered once for the schema; every value list is the domain's.
import { registerEnumType } from 'type-graphql';
import {
  ASSESSOR_KINDS,
  AUTHORITY_HOLDER_KINDS,
  AUTHORITY_LINK_KINDS,
  CUSTOMER_TIERS,
  DECISION_OUTCOMES,
  DECISION_POINTS,
  DECISION_ROLES,
  DECISION_RIGHT_VIAS,
  LEAD_CLASSES,
  LEAD_GRADES,
  INFLUENCE_LEVELS,
  LTC_STAGES,
  OPPORTUNITY_STAGES,
  POOL_METRICS,
  POOL_STATUSES,
  PROJECT_GRADES,
  TEAM_ROLES,
  USER_ROLES,
} from '@iron-triangle/domain';

function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const DecisionPointEnum = enumObject(DECISION_POINTS);
export const ProjectGradeEnum = enumObject(PROJECT_GRADES);
export const TriangleRoleEnum = enumObject(TEAM_ROLES);
export const HolderKindEnum = enumObject(AUTHORITY_HOLDER_KINDS);
export const LinkKindEnum = enumObject(AUTHORITY_LINK_KINDS);
export const DecisionOutcomeEnum = enumObject(DECISION_OUTCOMES);
export const PoolStatusEnum = enumObject(POOL_STATUSES);
export const UserRoleEnum = enumObject(USER_ROLES);
export const CustomerTierEnum = enumObject(CUSTOMER_TIERS);
export const LtcStageEnum = enumObject(LTC_STAGES);
export const AssessmentKindEnum = enumObject(ASSESSOR_KINDS);
export const PoolMetricKindEnum = enumObject(POOL_METRICS);
export const DecisionRightViaEnum = enumObject(DECISION_RIGHT_VIAS);
export const LeadGradeEnum = enumObject(LEAD_GRADES);
export const LeadClassEnum = enumObject(LEAD_CLASSES);
/** Where a lead stands (the API's own: the domain rules do not depend on it). */
export const LEAD_STATUSES = ['OPEN', 'CONVERTED', 'DROPPED'] as const;
export const LeadStatusEnum = enumObject(LEAD_STATUSES);
export const OpportunityStageEnum = enumObject(OPPORTUNITY_STAGES);
export const DecisionRoleEnum = enumObject(DECISION_ROLES);
export const InfluenceLevelEnum = enumObject(INFLUENCE_LEVELS);

registerEnumType(DecisionPointEnum, {
  name: 'DecisionPoint',
  description: 'An LTC decision point (ATI initiate, ATB bid, ATC sign, ATAC amend, ATCC close) or pool approval.',
});
registerEnumType(ProjectGradeEnum, {
  name: 'ProjectGrade',
  description: 'Project grade: I (highest impact), II, III.',
});
registerEnumType(TriangleRoleEnum, {
  name: 'TriangleRole',
  description: 'A role on a project team: the triangle (AR, SR, FR), the sponsor, a core-group member or an expert.',
});
registerEnumType(HolderKindEnum, {
  name: 'HolderKind',
  description:
    'Who holds an authority rule: a position in an org unit, a decision body, or the project member in a role.',
});
registerEnumType(LinkKindEnum, {
  name: 'LinkKind',
  description: 'A link of an authority chain: the rule itself or a delegation.',
});
registerEnumType(DecisionRightViaEnum, {
  name: 'DecisionRightVia',
  description:
    'How a person holds a decision right: a rule held by their position, by their seat on a decision body, or by ' +
    'their project role; or delegations received.',
  valuesConfig: {
    POSITION: { description: 'A rule held by a position the person holds.' },
    PROJECT_ROLE: { description: "A project role's rule: only on projects where the person holds that role." },
    DECISION_BODY: { description: "A decision body's rule: as a member of the body, which needs its quorum." },
    DELEGATION: { description: 'Delegations received: a chain of more than one link.' },
  },
});
registerEnumType(DecisionOutcomeEnum, { name: 'DecisionOutcome', description: 'The outcome of a decision.' });
registerEnumType(PoolStatusEnum, { name: 'PoolStatus', description: 'Lifecycle of an incentive pool.' });
registerEnumType(UserRoleEnum, {
  name: 'UserRole',
  description:
    'What a signed-in user may do: ADMIN everything, HR qualifications, LEADER projects and authority in ' +
    'their org subtree, VIEWER read.',
});
registerEnumType(CustomerTierEnum, { name: 'CustomerTier', description: 'Customer tier, S (strategic) to C.' });
registerEnumType(LtcStageEnum, { name: 'LtcStage', description: 'Lead-to-Cash stage of a project.' });
registerEnumType(AssessmentKindEnum, {
  name: 'AssessmentKind',
  description: 'Who assessed: the person (self, never certifies), their manager, or a panel.',
});
registerEnumType(PoolMetricKindEnum, {
  name: 'PoolMetricKind',
  description: 'A pool metric: orders, revenue or cash collected.',
});
registerEnumType(LeadGradeEnum, {
  name: 'LeadGrade',
  description:
    'Lead grade (DOMAIN.md §4): company-level major (公司级重大), major (重大), important (重要), general (一般).',
});
registerEnumType(LeadClassEnum, {
  name: 'LeadClass',
  description: 'Lead class (DOMAIN.md §4): initial (初级), credible (可信), opportunity lead (机会线索).',
});
registerEnumType(LeadStatusEnum, {
  name: 'LeadStatus',
  description: 'Where a lead stands: OPEN, CONVERTED (to an opportunity) or DROPPED.',
});
registerEnumType(OpportunityStageEnum, {
  name: 'OpportunityStage',
  description: 'Funnel stage of an opportunity: potential → intent → negotiation → deal, or lost.',
});
registerEnumType(DecisionRoleEnum, {
  name: 'DecisionRole',
  description:
    "A stakeholder's role in the customer's decision: decision maker, influencer, evaluator, user, gatekeeper.",
});
registerEnumType(InfluenceLevelEnum, {
  name: 'InfluenceLevel',
  description: "How much a stakeholder weighs in the customer's decision.",
});
