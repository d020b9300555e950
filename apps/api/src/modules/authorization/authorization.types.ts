// The GraphQL face of the authorization questions: the case, the answer, reasons, deciders and body seats.
import { AuthorityChange } from '../../platform/change-log';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Matches, MaxLength } from 'class-validator';
import { DecisionPointEnum, LinkKindEnum, ProjectGradeEnum } from '../../platform/enums';
import { DateTimeScalar, JSONScalar, MoneyScalar } from '../../platform/scalars';
import { AuthorityChain } from './authority-chain.types';
import { quickValidation } from '../../platform/quick-validation';

const CURRENCY = /^[A-Z]{3}$/;
const TEAM_MAX = 200;
const REVISION_MAX_LENGTH = 40;

@InputType('CaseInput', {
  description:
    'A case: a project, or a described one. With `projectId`, grade, org unit, amount, currency and team ' +
    'come from the project.',
})
export class CaseInput {
  @Field(() => DecisionPointEnum, { description: 'The decision point.' })
  decisionPoint: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The project; its grade, org unit, amount, currency and team (appointments in force at `at`) make the case.',
  })
  projectId?: string | null;

  @Field(() => ProjectGradeEnum, { nullable: true, description: 'Described case: the grade.' })
  grade?: string | null;

  @Field(() => ID, { nullable: true, description: 'Described case: the org unit.' })
  orgUnitId?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Described case: the amount.' })
  amount?: string | null;

  @Field(() => String, { nullable: true, description: 'Described case: ISO 4217 currency of the amount.' })
  @IsOptional()
  @Matches(CURRENCY, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Described case: the team members (they may not decide: conflict of interest). Counted as core members.',
  })
  @IsOptional()
  @ArrayMaxSize(TEAM_MAX)
  teamMemberIds?: string[] | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'The moment the decision is taken (effective time; default now).',
  })
  at?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Answer with what the system knew at this moment (recorded time; default now): reproduces the answer given ' +
      'then, corrections made later ignored.',
  })
  asKnownAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Do not answer from anything older than this revision (from `extensions.revision` of an earlier answer, e.g. ' +
      'a write): waits briefly for it, then SERVICE_UNAVAILABLE with a retry hint. Same as the X-At-Least-Revision ' +
      'header.',
  })
  @IsOptional()
  @MaxLength(REVISION_MAX_LENGTH)
  atLeastRevision?: string | null;
}

@InputType('AuthorizeInput', {
  description: 'May this person take this decision? A project, or a described case; as of `at` (default now).',
})
export class AuthorizeInput extends CaseInput {
  @Field(() => ID, { description: 'The person asked about.' })
  personId: string;
}

/** What the class-validator constraints of CaseInput ask (an authorizeMany of 100 cases validates 100 of them). */
const caseInputValid = (v: CaseInput): boolean =>
  (v.currency === undefined || v.currency === null || (typeof v.currency === 'string' && CURRENCY.test(v.currency))) &&
  (v.teamMemberIds === undefined ||
    v.teamMemberIds === null ||
    (Array.isArray(v.teamMemberIds) && v.teamMemberIds.length <= TEAM_MAX)) &&
  (v.atLeastRevision === undefined ||
    v.atLeastRevision === null ||
    (typeof v.atLeastRevision === 'string' && v.atLeastRevision.length <= REVISION_MAX_LENGTH));
quickValidation(CaseInput, caseInputValid);
quickValidation(AuthorizeInput, caseInputValid);

@ObjectType('DenialReason', { description: 'Why a candidate chain does not allow the decision.' })
export class DenialReasonType {
  @Field({
    description:
      'AMOUNT_OVER_LIMIT, OUT_OF_SCOPE, GRADE_NOT_COVERED, POINT_NOT_COVERED, NOT_IN_FORCE, REVOKED, ' +
      'DELEGATOR_LOST_SOURCE, DELEGATE_NOT_QUALIFIED, CONFLICT_OF_INTEREST, CURRENCY_MISMATCH, ' +
      'CHAIN_TOO_DEEP, CHAIN_CYCLE or NO_AUTHORITY.',
  })
  code: string;

  @Field({ description: "What is wrong and what to do, in the caller's language (Accept-Language: zh-CN or en)." })
  message: string;

  @Field(() => ID, { nullable: true, description: 'The rule or delegation concerned; null for NO_AUTHORITY.' })
  linkId: string | null;

  @Field(() => LinkKindEnum, {
    nullable: true,
    description: 'Whether linkId is the rule or a delegation (their ids may coincide).',
  })
  linkKind: string | null;

  @Field(() => [ID], { description: 'The candidate chain (rule first); empty for NO_AUTHORITY.' })
  chain: string[];

  @Field(() => JSONScalar, {
    nullable: true,
    description: 'The facts behind the reason; money as decimal strings, instants in ISO 8601.',
  })
  data: unknown;
}

@ObjectType('AuthorizationResult', {
  description: 'The answer to authorize: allowed with every chain that allows it, or every reason it is refused.',
})
export class AuthorizationResultType {
  @Field({ description: 'Whether the person may take the decision at `at`.' })
  allowed: boolean;

  @Field(() => DateTimeScalar, { description: 'The moment judged.' })
  at: Date;

  @Field(() => [AuthorityChain], { description: 'Every chain that allows; empty when denied.' })
  chains: AuthorityChain[];

  @Field(() => [DenialReasonType], { description: 'One reason per candidate chain; empty when allowed.' })
  reasons: DenialReasonType[];

  @Field({
    description:
      "True when every allowing chain is a decision body's: the person decides only as a seat of that " +
      'body, which needs its quorum.',
  })
  quorumRequired: boolean;

  @Field(() => DateTimeScalar, { description: 'What the system knew: the answer is as known at this moment.' })
  asKnownAt: Date;

  @Field({ description: 'The revision of the change log the answer was read from (a decimal string).' })
  revision: string;

  @Field(() => [AuthorityChange], {
    description:
      'Corrections of the past that decide a record this answer rests on (the person, their positions and ' +
      'assessments, the rules, bodies and delegations of its chains and reasons, the org units).',
  })
  corrections: AuthorityChange[];
}

@ObjectType('DecisionBodySeatFiller', { description: 'Who may act in a seat.' })
export class SeatFiller {
  @Field(() => ID, { description: 'The person.' })
  personId: string;

  @Field({ description: 'DIRECT (holds the seat) or DELEGATION (a delegate of a seat holder).' })
  via: string;
}

@ObjectType('DecisionBodySeatCoverage', {
  description: 'A seat of a decision body for this case: who holds it and who may act in it.',
})
export class SeatCoverage {
  @Field({ description: 'The seat (its title).' })
  title: string;

  @Field(() => [String], { description: 'Titles that fill the seat.' })
  titles: string[];

  @Field({ description: 'Fixed seats must take part under the default quorum.' })
  fixed: boolean;

  @Field(() => [ID], { description: "Who holds the seat for the case's org unit at `at`." })
  occupants: string[];

  @Field(() => [SeatFiller], { description: 'Who may act in the seat.' })
  filledBy: SeatFiller[];
}

@ObjectType('DecisionBodyCoverage', {
  description:
    "A decision body's rule that fits the case: its seats, who fills each, and whether quorum can be reached.",
})
export class BodyCoverage {
  @Field(() => ID, { description: 'The authority rule held by the body.' })
  ruleId: string;

  @Field(() => ID, { description: 'The decision body.' })
  bodyId: string;

  @Field({ description: 'Quorum rule: ALL_FIXED, or AT_LEAST n.' })
  quorum: string;

  @Field(() => Int, { nullable: true, description: 'For AT_LEAST: how many seats.' })
  quorumCount: number | null;

  @Field({ description: 'Whether enough seats can be filled to reach the quorum.' })
  quorumReachable: boolean;

  @Field(() => [SeatCoverage], { description: 'The seats.' })
  seats: SeatCoverage[];
}

@ObjectType('Decider', { description: 'A person who may take the decision, with every chain that allows it.' })
export class DeciderType {
  @Field(() => ID, { description: 'The person.' })
  personId: string;

  @Field({
    description:
      'Where this decider stands in the order (opaque): pass it as `after` to whoMayDecide or whoMayDecidePage with ' +
      'the same input for the deciders after this one.',
  })
  cursor: string;

  @Field({
    description:
      'True when the person holds a rule directly (by position, seat or project role: a chain of one link); false ' +
      'when only through delegations. Direct holders come first.',
  })
  direct: boolean;

  @Field(() => [AuthorityChain], { description: 'Every chain that allows.' })
  chains: AuthorityChain[];

  @Field({
    description: "True when the person may decide only as a seat of a decision body (the body's quorum is needed).",
  })
  quorumRequired: boolean;

  @Field(() => [BodyCoverage], {
    description:
      "The decision bodies this person's chains go through: seats, their fillers, and whether quorum can be reached.",
  })
  bodies: BodyCoverage[];

  @Field({ description: 'The revision of the change log the answer was read from (the same for every decider).' })
  revision: string;

  @Field(() => [AuthorityChange], {
    description: "Corrections of the past that decide a record this decider's chains rest on.",
  })
  corrections: AuthorityChange[];
}

@ObjectType('AuthorityChainBody', {
  description: 'For a chain from a decision body’s rule: the body and the seats the person sits in.',
})
export class AuthorityChainBody {
  @Field(() => ID, { description: 'The decision body.' })
  bodyId: string;

  @Field(() => [String], { description: 'Seats (titles) the person acts in.' })
  seatTitles: string[];
}

@ObjectType('DeciderPage', { description: 'A page of whoMayDecide, with the total count.' })
export class DeciderPageType {
  @Field(() => [DeciderType], {
    description: 'The deciders of this page: direct holders first, then by name (compared by code point), then by id.',
  })
  items: DeciderType[];

  @Field(() => Int, { description: 'How many deciders the whole answer has (every page).' })
  totalCount: number;

  @Field(() => String, {
    nullable: true,
    description: "The last item's cursor (null on an empty page): the next `after`.",
  })
  endCursor: string | null;

  @Field({ description: 'Whether deciders follow this page.' })
  hasNextPage: boolean;

  @Field(() => [BodyCoverage], {
    description:
      "The decision bodies this page's deciders' chains go through, each once: seats, who fills each (across the " +
      'whole answer) and whether quorum can be reached.',
  })
  bodies: BodyCoverage[];
}
