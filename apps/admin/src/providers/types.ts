// The shapes of the API's answers the portal draws (CONTRACT.graphql); the value lists are the domain's.
import {
  LTC_DECISION_POINTS,
  PROJECT_GRADES,
  TEAM_ROLES,
  type AuthorityLinkKind,
  type DecisionOutcome,
  type DecisionPoint,
  type PoolStatus,
  type ProjectGrade,
  type TriangleRole,
} from '@iron-triangle/domain';

export {
  ASSESSOR_KINDS,
  AUTHORITY_HOLDER_KINDS,
  CUSTOMER_TIERS,
  DECISION_OUTCOMES,
  DECISION_POINTS,
  LTC_STAGES,
  POOL_METRICS,
  POOL_STATUSES,
} from '@iron-triangle/domain';
export type { DecisionOutcome, DecisionPoint, PoolStatus, ProjectGrade, TriangleRole } from '@iron-triangle/domain';

export const LTC_POINTS: readonly DecisionPoint[] = LTC_DECISION_POINTS;
export const GRADES: readonly ProjectGrade[] = PROJECT_GRADES;
export const TRIANGLE_ROLES: readonly TriangleRole[] = TEAM_ROLES;

export interface AuthorityLink {
  kind: AuthorityLinkKind;
  id: string;
  holderPersonId?: string | null;
  delegatorId?: string | null;
  decisionPoints: DecisionPoint[];
  grades: ProjectGrade[];
  scopeOrgUnitId: string;
  limit?: string | null;
  currency: string;
  validFrom: string;
  validTo?: string | null;
  requiredRole?: TriangleRole | null;
  requiredLevel?: number | null;
}
export interface AuthorityChain {
  links: AuthorityLink[];
  /** For a decision body's rule: the body and the seats the person acts in. */
  body?: { bodyId: string; seatTitles: string[] } | null;
}
export interface DenialReason {
  code: string;
  message: string;
  linkId?: string | null;
  data?: unknown;
}
/** One entry of a record's history (the API's AuthorityChange): a version, when it holds and who recorded it. */
export interface AuthorityChange {
  /** Global, strictly increasing revision of the change log (a decimal string). */
  revision: string;
  recordType: string;
  recordId: string;
  recordVersion?: number;
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  /** From when the version holds; null: since the record began. */
  effectiveFrom: string | null;
  /** The entry holds since the record began (the API then reports effectiveFrom as 1970-01-01T00:00:00Z). */
  holdsSinceRecordBegan?: boolean;
  recordedAt: string;
  actorKind: string;
  actorLabel?: string | null;
  correction: boolean;
  reason?: string | null;
  /** The record as the log keeps it: column names, money in minor units (e.g. `limitMinor`). */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** For the parts of a record shown with it (a framework's levels and their requirements): which part. */
  part?: { level: number; dimensionCode?: string } | null;
}
/** What an answer was read from: the revision, the moment known, and the corrections of the past it rests on. */
export interface AnswerBasis {
  revision?: string | null;
  asKnownAt?: string | null;
  corrections?: AuthorityChange[];
}
export interface AuthorizationResult extends AnswerBasis {
  allowed: boolean;
  at: string;
  chains: AuthorityChain[];
  reasons: DenialReason[];
}
export interface SeatCoverage {
  title: string;
  fixed: boolean;
  titles: string[];
  occupants: string[];
  filledBy: Array<{ personId: string; via: string }>;
}
export interface BodyCoverage {
  bodyId: string;
  ruleId: string;
  quorum: string;
  quorumCount?: number | null;
  quorumReachable: boolean;
  seats: SeatCoverage[];
}
export interface Decider {
  personId: string;
  /** The person, when the caller may see them (whoMayDecidePage selects it). */
  person?: { id: string; name: string; employeeNo?: string | null } | null;
  chains: AuthorityChain[];
  revision?: string | null;
  corrections?: AuthorityChange[];
  bodies?: BodyCoverage[];
  quorumRequired?: boolean;
  /** Holds a rule directly (a chain of one link); false: only through delegations. */
  direct?: boolean;
  /** Where the decider stands in the answer's order: the `after` of the next page. */
  cursor?: string;
}
/** A page of "who may decide", with the total count and the bodies of the page once. */
export interface DeciderPage {
  items: Decider[];
  totalCount: number;
  endCursor?: string | null;
  hasNextPage: boolean;
  bodies: BodyCoverage[];
}
/** How a person holds a decision right (the API's DecisionRightVia). */
export type DecisionRightVia = 'POSITION' | 'PROJECT_ROLE' | 'DECISION_BODY' | 'DELEGATION';
/** Something a person may decide, through one chain (the API's DecisionRight): the reverse of whoMayDecide. */
export interface DecisionRight {
  decisionPoint: DecisionPoint;
  grades: ProjectGrade[];
  scopeOrgUnitId: string;
  /** The unit the right covers (with its subtree); null when outside what the caller may see. */
  scopeOrgUnit?: { id: string; name: string } | null;
  /** The smallest limit of the chain's links; null: no limit. */
  limit?: string | null;
  currency: string;
  validFrom: string;
  /** End of the window (exclusive); null while open. */
  validTo?: string | null;
  via: DecisionRightVia;
  /** For a project role's rule: counts only on projects where the rule's holder on the chain holds this role. */
  projectRole?: TriangleRole | null;
  /** A decision body's rule: the person decides only as a member of the body (its quorum is needed). */
  quorumRequired: boolean;
  chain: AuthorityChain;
  revision: string;
  corrections?: AuthorityChange[];
}
export interface QualificationStatus {
  personId: string;
  role: TriangleRole;
  level?: number | null;
  validUntil?: string | null;
  reason?: string | null;
  gap?: {
    nextLevel: number;
    dimensions: { dimension: string; required: number; held: number }[];
    tenureMonthsMissing: number;
    projectsMissing: number;
    gateFailed: boolean;
  } | null;
}
export interface DelegationRecord {
  id: string;
  sourceRuleId?: string | null;
  sourceDelegationId?: string | null;
  delegatorId: string;
  delegateId: string;
  decisionPoints: DecisionPoint[];
  grades: ProjectGrade[];
  scopeOrgUnitId: string;
  limit?: string | null;
  currency: string;
  validFrom: string;
  validTo?: string | null;
  redelegableDepth: number;
  requiredRole?: TriangleRole | null;
  requiredLevel?: number | null;
  reason: string;
  revokedAt?: string | null;
  revokeReason?: string | null;
  version: number;
}
export interface PoolMember {
  id: string;
  personId: string;
  role: TriangleRole;
  weight: string;
  coefficient: string;
  participation: string;
  share?: string | null;
}
export interface IncentivePoolRecord {
  id: string;
  name: string;
  status: PoolStatus;
  currency: string;
  baseAmount: string;
  fundedAmount?: string | null;
  members: PoolMember[];
  fundingTrace?: unknown;
  allocationTrace?: unknown;
  version: number;
}
export interface DecisionRecord {
  id: string;
  projectId: string;
  decisionPoint: DecisionPoint;
  outcome: DecisionOutcome;
  deciderId: string;
  decidedAt: string;
  chain: AuthorityChain;
  complete: boolean;
  comment?: string | null;
}

/** The moment an entry holds from; null when it holds since the record began. */
export function effectiveMomentOf(
  entry: Pick<AuthorityChange, 'effectiveFrom' | 'holdsSinceRecordBegan'>,
): string | null {
  if (!entry.effectiveFrom || entry.holdsSinceRecordBegan || Date.parse(entry.effectiveFrom) === 0) return null;
  return entry.effectiveFrom;
}
