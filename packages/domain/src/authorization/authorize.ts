// The authorization engine: walks backwards from the person through the delegations they received, up to the rule.
import { qualificationAt } from '../qualification/held';
import type { DecisionPoint, ProjectGrade } from '../ltc/ltc';
import type { TriangleRole } from '../roles/roles';
import type { TimeWindow } from '../time/window';
import {
  AuthorityIndex,
  CompiledLink,
  authorityIndexOf,
  gradeBit,
  limitMoney,
  pointBit,
  seatOccupants,
  seatsFilledBy,
  sourceKey,
} from './authority-index';
import { compareStrings } from './chain-order';
import { quorumReachable } from './quorum';
import {
  STAGE as STAGES,
  SlowChecks,
  chainIds,
  chainStage,
  currencyNumber,
  failingLink,
  gatherCandidates,
  heldLevelOrNull,
  judgeCandidates,
  judged,
  personNumber,
} from './hot-index';
import {
  AuthorityBodyCoverage,
  AuthorityBodySeatCoverage,
  AuthorityChain,
  AuthorityDecider,
  AuthorityLink,
  AuthorityRule,
  AuthorityState,
  AuthorizationCase,
  AuthorizationResult,
  AuthorizationTeamMember,
  DEFAULT_CONFLICT_ROLES,
  Delegation,
  DenialReason,
  WhoMayDecideResult,
} from './types';

/** A module-local copy: an imported binding is read through a getter under some loaders (tsx), a local one is not. */
const STAGE = STAGES;

/** The case with what every chain check needs, computed once per question. */
interface CaseContext {
  readonly ix: AuthorityIndex;
  readonly c: AuthorizationCase;
  readonly at: Date;
  readonly t: number;
  readonly pointBit: number;
  readonly gradeBit: number;
  /** Team members counting at t. */
  readonly team: readonly AuthorizationTeamMember[];
  /** The team roles with a conflict of interest (the case's, or the default ones). */
  readonly conflictRoles: readonly TriangleRole[];
  /** The case interned for the compact index: currency number (−2 unknown), unit's number and interval (−1 unknown). */
  readonly currency: number;
  readonly unit: number;
  readonly unitEnter: number;
  readonly unitExit: number;
  /** The amount as a number, and whether that number is exact (a safe integer). */
  readonly amount: number;
  readonly amountExact: boolean;
  readonly minor: bigint;
}

/** A team member counts at t unless their window says otherwise. */
function memberCounts(m: AuthorizationTeamMember, t: number): boolean {
  return (
    m.window === undefined || (m.window.from.getTime() <= t && (m.window.to === null || t < m.window.to.getTime()))
  );
}

function contextOf(ix: AuthorityIndex, c: AuthorizationCase, at: Date): CaseContext {
  const t = at.getTime();
  // The case's own list when every member counts (nothing to copy), else the members who do.
  let all = true;
  for (const m of c.team) if (!memberCounts(m, t)) all = false;
  const team = all ? c.team : c.team.filter((m) => memberCounts(m, t));
  const hot = ix.hot;
  const unit = hot.unitIndex.get(c.orgUnitId);
  const amount = Number(c.amount.minor);
  return {
    ix,
    c,
    at,
    t,
    pointBit: pointBit(c.decisionPoint),
    gradeBit: gradeBit(c.grade),
    team,
    conflictRoles: c.conflictRoles ?? DEFAULT_CONFLICT_ROLES,
    currency: currencyNumber(hot, c.amount.currency),
    unit: unit ?? -1,
    unitEnter: unit === undefined ? -1 : (hot.unitEnter[unit] as number),
    unitExit: unit === undefined ? -1 : (hot.unitExit[unit] as number),
    amount,
    amountExact: Number.isSafeInteger(amount),
    minor: c.amount.minor,
  };
}

function reason<R extends DenialReason>(
  code: R['code'],
  links: readonly CompiledLink[],
  data: R['data'] & { linkId: string },
): DenialReason {
  return { code, linkId: data.linkId, chain: links.map((l) => l.id), data } as DenialReason;
}

/**
 * A chain's shape failure, the first checks of AUTHORIZATION_CHECK_ORDER (too deep, cycle), for a chain the
 * compact index found failing them (rare: the plain walk, once the answer is known to be this one).
 */
function shapeFailure(ctx: CaseContext, links: readonly CompiledLink[], rootHolder: string): DenialReason {
  const n = links.length;
  const max = ctx.ix.maxChainLinks;
  if (n > max)
    return reason('CHAIN_TOO_DEEP', links, {
      linkId: (links[max] as CompiledLink).id,
      length: n,
      max,
      cause: 'MAX_LINKS',
    });
  for (let i = 0; i < n - 1; i++) {
    const link = links[i] as CompiledLink;
    if (n - 1 - i > link.depth)
      return reason('CHAIN_TOO_DEEP', links, {
        linkId: link.id,
        length: n - 1 - i,
        max: link.depth,
        cause: 'DELEGABLE_DEPTH',
      });
  }
  // Not too deep, so some delegate repeats a person: the first such link, or else the last one.
  let i = 1;
  for (; i < n - 1; i++) {
    const delegate = (links[i] as CompiledLink).delegateId;
    let seen = delegate === rootHolder;
    for (let j = 1; j < i && !seen; j++) seen = (links[j] as CompiledLink).delegateId === delegate;
    if (seen) break;
  }
  const link = links[i] as CompiledLink;
  return reason('CHAIN_CYCLE', links, { linkId: link.id, personId: link.delegateId });
}

/** Rule → … → delegation, rule first. */
function pathOf(link: CompiledLink): CompiledLink[] {
  const links: CompiledLink[] = new Array(link.length);
  let cursor: CompiledLink | null = link;
  for (let i = link.length - 1; i >= 0; i--) {
    links[i] = cursor as CompiledLink;
    cursor = (cursor as CompiledLink).parent;
  }
  return links;
}

/** A rule's link as answers show it, held by `holder` on this chain. */
export function ruleOutput(rule: CompiledLink, holder: string): AuthorityLink {
  const r = rule.rule;
  return {
    kind: 'RULE',
    id: r.id,
    holderPersonId: holder,
    delegatorId: null,
    ruleHolder: r.holder,
    decisionPoints: r.decisionPoints,
    grades: r.grades,
    scopeOrgUnitId: r.scopeOrgUnitId,
    limit: limitMoney(r.limit, r.currency),
    currency: r.currency,
    window: r.window,
    requiredQualification: null,
  };
}

/** The output of link `l`'s chain for `person`: read on the compact index (delegations' outputs are prebuilt). */
function chainOutput(ctx: CaseContext, l: number, person: string): AuthorityChain {
  const h = ctx.ix.hot;
  const cached = h.chainOutputs[l];
  if (cached !== undefined) return cached;
  const out: AuthorityLink[] = new Array(h.length[l] as number);
  let x = l;
  let rootHolder = person;
  let first = -1;
  for (let i = out.length - 1; i > 0; i--) {
    out[i] = h.outputs[x] as AuthorityLink;
    first = x;
    x = h.parent[x] as number;
  }
  const root = h.links[x] as CompiledLink;
  if (first < 0) out[0] = ruleOutput(root, person);
  else {
    rootHolder = h.personIds[h.delegator[first] as number] as string;
    out[0] = h.ruleOutputs[first] ??= ruleOutput(root, rootHolder);
  }
  const holder = root.rule.holder;
  if (holder.kind === 'DECISION_BODY')
    return {
      links: out,
      body: {
        bodyId: holder.bodyId,
        seatTitles: seatsFilledBy(ctx.ix, holder.bodyId, rootHolder, ctx.c.orgUnitId, ctx.t),
      },
    };
  // A delegation chain not through a decision body reads the same whoever asks and whenever: keep it.
  if (first >= 0) return (h.chainOutputs[l] = Object.freeze({ links: Object.freeze(out), body: null }));
  return { links: out, body: null };
}

/** What the compact index leaves to the plain checks. */
const slow: SlowChecks<CaseContext> = {
  holdsRule(ctx, rule, p) {
    const holder = (ctx.ix.hot.links[rule] as CompiledLink).rule.holder as { readonly role: string };
    const person = ctx.ix.hot.personIds[p] as string;
    return ctx.team.some((m) => m.personId === person && m.role === holder.role);
  },
  heldLevel(ctx, x) {
    const link = ctx.ix.hot.links[x] as CompiledLink;
    const q = qualificationAt(
      ctx.ix.certificationsByPerson.get(link.delegateId) ?? [],
      link.delegateId,
      link.qualificationRole as TriangleRole,
      ctx.at,
    );
    return q.held ? q.level : -Infinity;
  },
};

function denial<R extends DenialReason>(
  code: R['code'],
  linkId: string,
  chain: readonly string[],
  data: R['data'],
): DenialReason {
  return { code, linkId, chain, data } as DenialReason;
}

/**
 * The reason link `l`'s chain fails at `stage`: the failing link found on the compact index, its data from the link
 * itself.
 */
function denialOf(ctx: CaseContext, l: number, stage: number, person: string): DenialReason {
  const h = ctx.ix.hot;
  const x = failingLink(h, ctx, l, stage, slow);
  if (x < 0) {
    const links = pathOf(h.links[l] as CompiledLink);
    return shapeFailure(ctx, links, rootHolderOf(links, person));
  }
  // The reason's data from the compact index and the per-link term lists, not from the link objects.
  const chain = chainIds(h, l);
  const c = ctx.c;
  const linkId = h.ids[x] as string;
  switch (stage) {
    case STAGE.IN_FORCE:
      return denial('NOT_IN_FORCE', linkId, chain, { linkId, window: h.windows[x] as TimeWindow });
    case STAGE.REVOKED:
      return denial('REVOKED', linkId, chain, { linkId, at: (h.terms[x] as Delegation).revokedAt as Date });
    case STAGE.SOURCE:
      return denial('DELEGATOR_LOST_SOURCE', linkId, chain, {
        linkId,
        delegatorId: h.personIds[h.delegator[x] as number] as string,
        sourceId: h.ids[h.parent[x] as number] as string,
      });
    case STAGE.CURRENCY:
      return denial('CURRENCY_MISMATCH', linkId, chain, {
        linkId,
        currency: h.currencyIds[h.linkCurrency[x] as number] as string,
        caseCurrency: c.amount.currency,
      });
    case STAGE.POINT:
      return denial('POINT_NOT_COVERED', linkId, chain, {
        linkId,
        decisionPoint: c.decisionPoint,
        covered: h.points[x] as readonly DecisionPoint[],
      });
    case STAGE.GRADE:
      return denial('GRADE_NOT_COVERED', linkId, chain, {
        linkId,
        grade: c.grade,
        covered: h.grades[x] as readonly ProjectGrade[],
      });
    case STAGE.SCOPE:
      return denial('OUT_OF_SCOPE', linkId, chain, {
        linkId,
        orgUnitId: c.orgUnitId,
        scopeOrgUnitId: h.scopes[x] as string,
      });
    case STAGE.AMOUNT: {
      const terms = h.terms[x] as AuthorityRule | Delegation;
      return denial('AMOUNT_OVER_LIMIT', linkId, chain, {
        linkId,
        limit: { minor: terms.limit as bigint, currency: terms.currency },
        amount: c.amount,
      });
    }
    case STAGE.QUALIFICATION:
      return denial('DELEGATE_NOT_QUALIFIED', linkId, chain, {
        linkId,
        personId: h.personIds[h.qual[x * 4] as number] as string,
        role: h.roleIds[h.qual[x * 4 + 1] as number] as TriangleRole,
        required: h.qual[x * 4 + 2] as number,
        held: heldLevelOrNull(h, ctx, x, slow),
      });
    default:
      return denial('CONFLICT_OF_INTEREST', linkId, chain, {
        linkId,
        personId: person,
        projectId: c.projectId ?? null,
      });
  }
}

/** What whoMayDecide learns of a candidate who may not decide: nothing more (no reasons are built for it). */
const NOT_A_DECIDER = null;

function judge(ctx: CaseContext, person: string): AuthorizationResult;
function judge(ctx: CaseContext, person: string, explain: false): AuthorizationResult | typeof NOT_A_DECIDER;
function judge(ctx: CaseContext, person: string, explain = true): AuthorizationResult | typeof NOT_A_DECIDER {
  const h = ctx.ix.hot;
  const n = gatherCandidates(h, ctx, person, personNumber(h, person));
  if (n === 0 && !explain) return NOT_A_DECIDER;
  const at = new Date(ctx.t);
  if (n === 0)
    return {
      allowed: false,
      at,
      chains: [],
      quorumRequired: false,
      reasons: [{ code: 'NO_AUTHORITY', linkId: null, chain: [], data: { personId: person } }],
    };
  // A conflict of interest: the person is on the team at t in one of the case's conflicted roles.
  let conflicted = false;
  for (const m of ctx.team) if (m.personId === person && ctx.conflictRoles.includes(m.role)) conflicted = true;
  const allowing = judgeCandidates(h, ctx, n, conflicted, slow);
  const { candidates, stages } = judged;
  if (allowing > 0) {
    const chains: AuthorityChain[] = [];
    let quorumRequired = true;
    for (let i = 0; i < n; i++) {
      if (stages[i] !== STAGE.ALLOWS) continue;
      const chain = chainOutput(ctx, candidates[i] as number, person);
      if (chain.body === null) quorumRequired = false;
      chains.push(chain);
    }
    return { allowed: true, at, chains, quorumRequired, reasons: [] };
  }
  if (!explain) return NOT_A_DECIDER;
  // Every reason of a denial is built here, and only here: nothing is allocated for a chain whose answer is not
  // returned.
  const reasons: DenialReason[] = new Array(n);
  for (let i = 0; i < n; i++) reasons[i] = denialOf(ctx, candidates[i] as number, stages[i] as number, person);
  return { allowed: false, at, chains: [], quorumRequired: false, reasons };
}

/** Who holds the rule on a chain: the first delegator, or the person asked about for the rule alone. */
const rootHolderOf = (links: readonly CompiledLink[], person: string): string =>
  links.length > 1 ? (links[1] as CompiledLink).delegatorId : person;

/**
 * May `personId` take the case's decision at `at`? Allowed with every chain that allows it, or denied with,
 * for each candidate chain, the first check it failed (AUTHORIZATION_CHECK_ORDER); NO_AUTHORITY when the
 * person holds no rule and received no delegation reaching one. A seat-holder of a decision body is allowed
 * as a member of that body: the chain names the body and its seats, and `quorumRequired` says whether the
 * person may decide only that way.
 */
export function authorize(
  personId: string,
  c: AuthorizationCase,
  at: Date,
  state: AuthorityState | AuthorityIndex,
): AuthorizationResult {
  const ix = authorityIndexOf(state);
  return judge(contextOf(ix, c, at), personId);
}

/** The rule's own link is in force at t and the case fits it (candidates for whoMayDecide and body coverage). */
function ruleFits(ctx: CaseContext, rule: number): boolean {
  // As the chain of the rule alone, asked for a person no team member can be.
  return (
    chainStage(
      ctx.ix.hot,
      ctx,
      rule,
      ctx.team.some((m) => m.personId === '\u0000' && ctx.conflictRoles.includes(m.role)),
      slow,
    ) === STAGE.ALLOWS
  );
}

/**
 * Whether delegation `d`'s own terms leave the case out at t: not in force or revoked, another currency, the decision
 * point or grade not covered, the case's unit outside its scope, the amount over its limit. A chain is checked link by
 * link on each of these (its window, points, grades, scope and limit are those of all its links together), so no chain
 * through `d` allows. Only what is certain: a scope the index does not know leaves nothing out here.
 */
function leavesOut(ctx: CaseContext, d: Delegation): boolean {
  const t = ctx.t;
  const c = ctx.c;
  if (!(d.window.from.getTime() <= t && (d.window.to === null || t < d.window.to.getTime()))) return true;
  if (d.revokedAt !== null && d.revokedAt.getTime() <= t) return true;
  if (d.currency !== c.amount.currency) return true;
  if (!d.decisionPoints.includes(c.decisionPoint) || !d.grades.includes(c.grade)) return true;
  if (d.limit !== null && c.amount.minor > d.limit) return true;
  const h = ctx.ix.hot;
  const scope = h.unitIndex.get(d.scopeOrgUnitId);
  if (scope === undefined || ctx.unit < 0) return false;
  return !(ctx.unitEnter >= (h.unitEnter[scope] as number) && ctx.unitExit <= (h.unitExit[scope] as number));
}

/**
 * Each delegation's key as a source (sourceKey), by its id, made once: gather looks up every delegate's own
 * delegations. A plain map (a weak one would add its entries to every full garbage collection's final pause), emptied
 * when it is full.
 */
const DELEGATION_KEYS = new Map<string, string>();
const MAX_DELEGATION_KEYS = 1_000_000;

function delegationKey(d: Delegation): string {
  let key = DELEGATION_KEYS.get(d.id);
  if (key === undefined) {
    if (DELEGATION_KEYS.size >= MAX_DELEGATION_KEYS) DELEGATION_KEYS.clear();
    key = sourceKey('DELEGATION', d.id);
    DELEGATION_KEYS.set(d.id, key);
  }
  return key;
}

/** Who may decide, before judging: everyone a fitting rule reaches, and the rules. */
interface Gathered {
  readonly ctx: CaseContext;
  /** Holders of a fitting rule (the only ones a chain of the rule alone can allow) and every delegate below one. */
  readonly candidates: Set<string>;
  readonly holders: Set<string>;
  readonly fitting: CompiledLink[];
}

function gather(c: AuthorizationCase, at: Date, state: AuthorityState | AuthorityIndex): Gathered {
  const ix = authorityIndexOf(state);
  const ctx = contextOf(ix, c, at);
  const candidates = new Set<string>();
  const holders = new Set<string>();
  const fitting: CompiledLink[] = [];
  for (const number of ix.hot.ruleLinks) {
    if (!ruleFits(ctx, number)) continue;
    const rule = ix.hot.links[number] as CompiledLink;
    fitting.push(rule);
    const holder = rule.rule.holder;
    if (holder.kind === 'POSITION') {
      for (const p of ix.positionsByKey.get(rule.holderKey) ?? []) holders.add(p.personId);
    } else if (holder.kind === 'PROJECT_ROLE') {
      for (const m of ctx.team) if (m.role === holder.role) holders.add(m.personId);
    } else {
      for (const seat of ix.seatsByBody.get(holder.bodyId) ?? [])
        for (const p of seatOccupants(ix, seat.titles, c.orgUnitId, ctx.t)) holders.add(p);
    }
    // Every delegate below the rule, down to the longest chain allowed; not below a delegation whose own terms leave
    // the case out (every chain through it fails, whoever receives it or what is derived from it).
    // Two stacks side by side: the source's key and its chain's length (no tuple, no key made per delegation).
    const keys: string[] = [sourceKey('RULE', rule.id)];
    const lengths: number[] = [1];
    while (keys.length > 0) {
      const key = keys.pop() as string;
      const length = lengths.pop() as number;
      if (length >= ix.maxChainLinks) continue;
      for (const d of ix.delegationsBySource.get(key) ?? []) {
        if (leavesOut(ctx, d)) continue;
        candidates.add(d.delegateId);
        keys.push(delegationKey(d));
        lengths.push(length + 1);
      }
    }
  }
  for (const p of holders) candidates.add(p);
  return { ctx, candidates, holders, fitting };
}

/**
 * whoMayDecide's candidates, to judge only some of them (a page of deciders in another order): a candidate who may
 * decide through the rule alone (a direct holder) is one of `holders`; every decider is one of `candidates`.
 */
export interface DeciderCandidates {
  readonly candidates: ReadonlySet<string>;
  readonly holders: ReadonlySet<string>;
  /** A decision body holds a fitting rule: its seats' coverage needs every decider (ask `whole`). */
  readonly bodyRules: boolean;
  /** The person's chains when they may decide, else null: as whoMayDecide lists them. */
  decider(personId: string): AuthorityDecider | null;
  /** whoMayDecide's whole answer from these candidates (every one judged). */
  whole(): WhoMayDecideResult;
}

export function deciderCandidates(
  c: AuthorizationCase,
  at: Date,
  state: AuthorityState | AuthorityIndex,
): DeciderCandidates {
  const gathered = gather(c, at, state);
  const { ctx, candidates, holders, fitting } = gathered;
  const decider = (person: string): AuthorityDecider | null => {
    if (!candidates.has(person)) return null;
    const result = judge(ctx, person, false);
    return result !== NOT_A_DECIDER && result.allowed
      ? { personId: person, chains: result.chains, quorumRequired: result.quorumRequired }
      : null;
  };
  return {
    candidates,
    holders,
    bodyRules: fitting.some((rule) => rule.rule.holder.kind === 'DECISION_BODY'),
    decider,
    whole: () => wholeAnswer(c, gathered, decider),
  };
}

/**
 * Everyone who may take the case's decision at `at`, with their chains; and for each decision-body rule that fits, its
 * seats and quorum.
 */
export function whoMayDecide(
  c: AuthorizationCase,
  at: Date,
  state: AuthorityState | AuthorityIndex,
): WhoMayDecideResult {
  return deciderCandidates(c, at, state).whole();
}

/** whoMayDecide's answer from its candidates: every one judged, in id order, and the fitting bodies' coverage. */
function wholeAnswer(
  c: AuthorizationCase,
  { ctx, candidates, fitting }: Gathered,
  judged: (person: string) => AuthorityDecider | null,
): WhoMayDecideResult {
  const ix = ctx.ix;
  const deciders: AuthorityDecider[] = [];
  for (const person of [...candidates].sort(compareStrings)) {
    const found = judged(person);
    if (found !== null) deciders.push(found);
  }
  const bodies: AuthorityBodyCoverage[] = [];
  for (const rule of fitting.sort((a, b) => compareStrings(a.id, b.id))) {
    const holder = rule.rule.holder;
    if (holder.kind !== 'DECISION_BODY') continue;
    const body = ix.bodiesById.get(holder.bodyId);
    if (body === undefined) continue;
    const seats: AuthorityBodySeatCoverage[] = (ix.seatsByBody.get(body.id) ?? []).map((seat) => {
      const occupants = seatOccupants(ix, seat.titles, c.orgUnitId, ctx.t);
      const filledBy: Array<{ personId: string; via: 'DIRECT' | 'DELEGATION' }> = [];
      for (const decider of deciders) {
        for (const via of ['DIRECT', 'DELEGATION'] as const) {
          const acts = decider.chains.some(
            (ch) =>
              ch.links[0]?.id === rule.id &&
              (ch.links.length === 1) === (via === 'DIRECT') &&
              occupants.includes((ch.links[0] as AuthorityLink).holderPersonId),
          );
          if (acts) filledBy.push({ personId: decider.personId, via });
        }
      }
      return { title: seat.title, titles: seat.titles, fixed: seat.fixed, occupants, filledBy };
    });
    bodies.push({
      ruleId: rule.id,
      bodyId: body.id,
      quorum: body.quorum ?? { kind: 'ALL_FIXED' },
      seats,
      quorumReachable: authorityBodyQuorumReachable(body.quorum, seats),
    });
  }
  return { at: new Date(ctx.t), deciders, bodies };
}

/** ALL_FIXED: every fixed seat can be filled (and at least one seat). AT_LEAST n: n seats can be filled. */
export function authorityBodyQuorumReachable(
  quorum: AuthorityBodyCoverage['quorum'] | undefined,
  seats: readonly AuthorityBodySeatCoverage[],
): boolean {
  return quorumReachable(
    quorum,
    seats.map((s) => ({ fixed: s.fixed, fillable: s.filledBy.length > 0 })),
  );
}
