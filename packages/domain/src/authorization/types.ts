// The authorization vocabulary: the state the engine reads, the case it judges, and the answers it gives.
import type { DecisionPoint, ProjectGrade } from '../ltc/ltc';
import type { Money } from '../money/money';
import type { OrgUnitRecord } from '../organisation/tree';
import type { CertificationRecord } from '../qualification/held';
import type { TriangleRole } from '../roles/roles';
import type { TimeWindow } from '../time/window';

/** A person holding a position title in an org unit, for a window (the contract's PositionAssignment). */
export interface AuthorityPosition {
  readonly id: string;
  readonly personId: string;
  readonly title: string;
  readonly orgUnitId: string;
  readonly window: TimeWindow;
}

/**
 * A seat of a decision body: filled by whoever holds one of `titles` in the nearest unit at or above the case's unit.
 */
export interface AuthorityBodySeat {
  /** The seat's title; it also names the seat. */
  readonly title: string;
  /** Other titles that may fill the seat (e.g. "director or chief engineer"). */
  readonly alternativeTitles?: readonly string[];
  /** Fixed seats must approve under the default quorum; on-demand seats are called when needed. */
  readonly fixed: boolean;
}

/** ALL_FIXED (default): every fixed seat approves. AT_LEAST: at least `count` seats, fixed or on demand. */
export type AuthorityBodyQuorum =
  { readonly kind: 'ALL_FIXED' } | { readonly kind: 'AT_LEAST'; readonly count: number };

/** A decision body (e.g. the grade I / grade II decision teams). */
export interface AuthorityBody {
  readonly id: string;
  readonly name?: string;
  readonly seats: readonly AuthorityBodySeat[];
  readonly quorum?: AuthorityBodyQuorum;
}

export const AUTHORITY_HOLDER_KINDS = ['POSITION', 'DECISION_BODY', 'PROJECT_ROLE'] as const;
export type AuthorityHolderKind = (typeof AUTHORITY_HOLDER_KINDS)[number];

/** A link of an authority chain: the rule itself or a delegation. */
export const AUTHORITY_LINK_KINDS = ['RULE', 'DELEGATION'] as const;
export type AuthorityLinkKind = (typeof AUTHORITY_LINK_KINDS)[number];

export type AuthorityHolder =
  | { readonly kind: 'POSITION'; readonly title: string; readonly orgUnitId: string }
  | { readonly kind: 'DECISION_BODY'; readonly bodyId: string }
  | { readonly kind: 'PROJECT_ROLE'; readonly role: TriangleRole };

/** Grants its holder the right to take decision points, for grades, within a scope, up to a limit, for a window. */
export interface AuthorityRule {
  readonly id: string;
  readonly name?: string;
  readonly holder: AuthorityHolder;
  readonly decisionPoints: readonly DecisionPoint[];
  readonly grades: readonly ProjectGrade[];
  /** The scope unit and everything below it. */
  readonly scopeOrgUnitId: string;
  readonly currency: string;
  /** In minor units of `currency`; null: no limit. */
  readonly limit: bigint | null;
  readonly window: TimeWindow;
  /** How many levels deep it may be delegated; 0: not at all. */
  readonly delegableDepth: number;
}

export interface AuthorityRequiredQualification {
  readonly role: TriangleRole;
  /** Minimum level held (≥ 1). */
  readonly level: number;
}

export type DelegationSource =
  { readonly kind: 'RULE'; readonly id: string } | { readonly kind: 'DELEGATION'; readonly id: string };

/** A delegation as proposed (no id needed, never revoked). */
export interface DelegationDraft {
  readonly id?: string;
  readonly source: DelegationSource;
  readonly delegatorId: string;
  readonly delegateId: string;
  readonly decisionPoints: readonly DecisionPoint[];
  readonly grades: readonly ProjectGrade[];
  readonly scopeOrgUnitId: string;
  readonly currency: string;
  /** In minor units of `currency`; null: no limit. */
  readonly limit: bigint | null;
  readonly window: TimeWindow;
  /** How many further levels the delegate may delegate; at most the source's depth − 1. */
  readonly redelegableDepth: number;
  readonly requiredQualification: AuthorityRequiredQualification | null;
  readonly reason: string;
}

export interface Delegation extends DelegationDraft {
  readonly id: string;
  /** Ends the delegation, and everything delegated from it, from this moment. */
  readonly revokedAt: Date | null;
}

/** Everything the engine reads. Treat it as immutable: the index built from it is cached per object. */
export interface AuthorityState {
  readonly orgUnits: readonly OrgUnitRecord[];
  readonly positions: readonly AuthorityPosition[];
  readonly bodies: readonly AuthorityBody[];
  readonly rules: readonly AuthorityRule[];
  readonly delegations: readonly Delegation[];
  readonly certifications: readonly CertificationRecord[];
  /** The longest chain allowed, in links (rule + delegations); default 6. */
  readonly maxChainLinks?: number;
}

export const DEFAULT_MAX_CHAIN_LINKS = 6;

/** A member of the project's team; without a window the member counts at any time. */
export interface AuthorizationTeamMember {
  readonly personId: string;
  readonly role: TriangleRole;
  readonly window?: TimeWindow;
}

/**
 * The team roles with a conflict of interest (DOMAIN.md §1): a member in one of them may not decide on the project
 * through a position or a decision body (a rule held by a project role is theirs to use). The triangle (AR, SR, FR)
 * and the core group (SPR) answer for the project's goals, profit and risk. The Sponsor does not: the Sponsor
 * answers for its results and takes its key decisions (a company setting can add the Sponsor). Nor does an Expert:
 * experts are called in for what they know, as the on-demand members of a decision team are (DOMAIN.md §4), and
 * own none of the project's results.
 */
export const DEFAULT_CONFLICT_ROLES: readonly TriangleRole[] = Object.freeze(['AR', 'SR', 'FR', 'CORE_MEMBER']);

/** A decision to take: a project, or a described one. */
export interface AuthorizationCase {
  readonly projectId?: string;
  readonly decisionPoint: DecisionPoint;
  readonly grade: ProjectGrade;
  readonly orgUnitId: string;
  readonly amount: Money;
  readonly team: readonly AuthorizationTeamMember[];
  /** The team roles with a conflict of interest on this case; default DEFAULT_CONFLICT_ROLES. */
  readonly conflictRoles?: readonly TriangleRole[];
}

/** One link of a chain, as the contract's AuthorityLink. */
export interface AuthorityLink {
  readonly kind: 'RULE' | 'DELEGATION';
  readonly id: string;
  /** The rule's holder on this chain, or the delegate. */
  readonly holderPersonId: string;
  readonly delegatorId: string | null;
  /** For a rule: who holds it (position, body, project role). */
  readonly ruleHolder: AuthorityHolder | null;
  readonly decisionPoints: readonly DecisionPoint[];
  readonly grades: readonly ProjectGrade[];
  readonly scopeOrgUnitId: string;
  readonly limit: Money | null;
  readonly currency: string;
  readonly window: TimeWindow;
  readonly requiredQualification: AuthorityRequiredQualification | null;
}

/**
 * From the rule to the person asked about. `body` is set when the rule is a decision body's: the decision then needs
 * the body's quorum.
 */
export interface AuthorityChain {
  readonly links: readonly AuthorityLink[];
  readonly body: { readonly bodyId: string; readonly seatTitles: readonly string[] } | null;
}

/**
 * The one check order, used by the engine and the reference alike. A candidate chain is judged check by check
 * in this order; within a check, link by link from the rule down to the person; the first failure is its reason.
 * Chain shape first (too deep, cycle), then whether every link is alive at t (window, revocation, delegator
 * still holding the source), then whether the case fits every link (currency, point, grade, scope, amount),
 * then the person-level constraints (qualification of each delegate, conflict of interest).
 */
export const AUTHORIZATION_CHECK_ORDER = [
  'CHAIN_TOO_DEEP',
  'CHAIN_CYCLE',
  'NOT_IN_FORCE',
  'REVOKED',
  'DELEGATOR_LOST_SOURCE',
  'CURRENCY_MISMATCH',
  'POINT_NOT_COVERED',
  'GRADE_NOT_COVERED',
  'OUT_OF_SCOPE',
  'AMOUNT_OVER_LIMIT',
  'DELEGATE_NOT_QUALIFIED',
  'CONFLICT_OF_INTEREST',
] as const;
export type AuthorizationCheck = (typeof AUTHORIZATION_CHECK_ORDER)[number];

interface ReasonBase<C extends string, D> {
  readonly code: C;
  /** The link concerned; null for NO_AUTHORITY. */
  readonly linkId: string | null;
  /** Link ids of the candidate chain, rule first; empty for NO_AUTHORITY. */
  readonly chain: readonly string[];
  readonly data: D;
}

/** Why a candidate chain does not allow the decision (the contract's DenialReason, without the message). */
export type DenialReason =
  | ReasonBase<
      'CHAIN_TOO_DEEP',
      {
        readonly linkId: string;
        readonly length: number;
        readonly max: number;
        readonly cause: 'MAX_LINKS' | 'DELEGABLE_DEPTH';
      }
    >
  | ReasonBase<'CHAIN_CYCLE', { readonly linkId: string; readonly personId: string }>
  | ReasonBase<'NOT_IN_FORCE', { readonly linkId: string; readonly window: TimeWindow }>
  | ReasonBase<'REVOKED', { readonly linkId: string; readonly at: Date }>
  | ReasonBase<
      'DELEGATOR_LOST_SOURCE',
      { readonly linkId: string; readonly delegatorId: string; readonly sourceId: string }
    >
  | ReasonBase<
      'CURRENCY_MISMATCH',
      { readonly linkId: string; readonly currency: string; readonly caseCurrency: string }
    >
  | ReasonBase<
      'POINT_NOT_COVERED',
      { readonly linkId: string; readonly decisionPoint: DecisionPoint; readonly covered: readonly DecisionPoint[] }
    >
  | ReasonBase<
      'GRADE_NOT_COVERED',
      { readonly linkId: string; readonly grade: ProjectGrade; readonly covered: readonly ProjectGrade[] }
    >
  | ReasonBase<'OUT_OF_SCOPE', { readonly linkId: string; readonly orgUnitId: string; readonly scopeOrgUnitId: string }>
  | ReasonBase<'AMOUNT_OVER_LIMIT', { readonly linkId: string; readonly limit: Money; readonly amount: Money }>
  | ReasonBase<
      'DELEGATE_NOT_QUALIFIED',
      {
        readonly linkId: string;
        readonly personId: string;
        readonly role: TriangleRole;
        readonly required: number;
        readonly held: number | null;
      }
    >
  | ReasonBase<
      'CONFLICT_OF_INTEREST',
      { readonly linkId: string; readonly personId: string; readonly projectId: string | null }
    >
  | ReasonBase<'NO_AUTHORITY', { readonly personId: string }>;

export type DenialCode = DenialReason['code'];

/**
 * The answer. Allowed with every chain that allows (sorted by link ids); `quorumRequired` is true when every
 * allowing chain is a decision body's, i.e. the person may decide only as a member of that body.
 * Denied with one reason per candidate chain, or NO_AUTHORITY when the person holds nothing relevant.
 */
export type AuthorizationResult =
  | {
      readonly allowed: true;
      readonly at: Date;
      readonly chains: readonly AuthorityChain[];
      readonly quorumRequired: boolean;
      readonly reasons: readonly [];
    }
  | {
      readonly allowed: false;
      readonly at: Date;
      readonly chains: readonly [];
      readonly quorumRequired: false;
      readonly reasons: readonly DenialReason[];
    };

/** A person who may decide, with every chain that allows it. */
export interface AuthorityDecider {
  readonly personId: string;
  readonly chains: readonly AuthorityChain[];
  readonly quorumRequired: boolean;
}

export interface AuthorityBodySeatCoverage {
  readonly title: string;
  readonly titles: readonly string[];
  readonly fixed: boolean;
  /** Who holds the seat for this case at t (nearest unit at or above the case's unit). */
  readonly occupants: readonly string[];
  /** Who may act in the seat: an occupant directly, or a delegate of an occupant; sorted by person. */
  readonly filledBy: readonly { readonly personId: string; readonly via: 'DIRECT' | 'DELEGATION' }[];
}

/** A decision body's rule that fits the case: its seats, who fills each, and whether the body can reach quorum. */
export interface AuthorityBodyCoverage {
  readonly ruleId: string;
  readonly bodyId: string;
  readonly quorum: AuthorityBodyQuorum;
  readonly seats: readonly AuthorityBodySeatCoverage[];
  readonly quorumReachable: boolean;
}

export interface WhoMayDecideResult {
  readonly at: Date;
  /** Sorted by person id. */
  readonly deciders: readonly AuthorityDecider[];
  /** Every decision-body rule in force at t that fits the case, sorted by rule id. */
  readonly bodies: readonly AuthorityBodyCoverage[];
}
