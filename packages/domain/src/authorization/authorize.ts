// The authorization engine: walks backwards from the person through the delegations they received, up to the rule.
import { qualificationAt } from '../qualification/held';
import type { TriangleRole } from '../roles/roles';
import {
  AuthorityIndex,
  CompiledLink,
  authorityIndexOf,
  gradeBit,
  limitMoney,
  pointBit,
  positionInForce,
  seatOccupants,
  seatsFilledBy,
} from './authority-index';
import { compareStrings } from './chain-order';
import { F_FROM, F_LIMIT, F_LIMIT_SLOW, F_LOST_BELOW, F_QUALIFICATION, F_REVOKED, F_SHAPE, F_TO, HOLDER_POSITION, HOLDER_ROLE, I_CURRENCY, I_FLAGS, I_MASKS, I_RANK, I_ROOT_HOLDER, I_RULE, I_SCOPE_ENTER, I_SCOPE_EXIT } from './hot-index';
import {
  AuthorityBodyCoverage,
  AuthorityBodySeatCoverage,
  AuthorityChain,
  AuthorityDecider,
  AuthorityLink,
  AuthorityState,
  AuthorizationCase,
  AuthorizationResult,
  AuthorizationTeamMember,
  DenialReason,
  WhoMayDecideResult,
} from './types';

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
  /** The case interned for the compact index: currency number (−2 unknown), unit's interval (enter −1 unknown). */
  readonly currency: number;
  readonly unitEnter: number;
  readonly unitExit: number;
  /** The amount as a number, and whether that number is exact (a safe integer). */
  readonly amount: number;
  readonly amountExact: boolean;
}

function contextOf(ix: AuthorityIndex, c: AuthorizationCase, at: Date): CaseContext {
  const t = at.getTime();
  const team = c.team.filter((m) => m.window === undefined || (m.window.from.getTime() <= t && (m.window.to === null || t < m.window.to.getTime())));
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
    currency: hot.currencyIndex.get(c.amount.currency) ?? -2,
    unitEnter: unit === undefined ? -1 : (hot.unitEnter[unit] as number),
    unitExit: unit === undefined ? -1 : (hot.unitExit[unit] as number),
    amount,
    amountExact: Number.isSafeInteger(amount),
  };
}

const inForce = (link: CompiledLink, t: number): boolean => link.fromMs <= t && t < link.toMs;

function holdsPosition(ix: AuthorityIndex, person: string, key: string, t: number): boolean {
  const held = ix.positionsByKey.get(key);
  if (held === undefined) return false;
  for (const p of held) if (p.personId === person && positionInForce(p, t)) return true;
  return false;
}

/** Whether `person` holds the rule itself at t for this case. */
function holdsRule(ctx: CaseContext, rule: CompiledLink, person: string): boolean {
  const holder = rule.rule.holder;
  if (holder.kind === 'POSITION') return holdsPosition(ctx.ix, person, rule.holderKey, ctx.t);
  if (holder.kind === 'PROJECT_ROLE') return ctx.team.some((m) => m.personId === person && m.role === holder.role);
  return seatsFilledBy(ctx.ix, holder.bodyId, person, ctx.c.orgUnitId, ctx.t).length > 0;
}

function reason<R extends DenialReason>(code: R['code'], links: readonly CompiledLink[], data: R['data'] & { linkId: string }): DenialReason {
  return { code, linkId: data.linkId, chain: links.map((l) => l.id), data } as DenialReason;
}

/** Stages of AUTHORIZATION_CHECK_ORDER, as the compact check reports them (0: the chain allows). */
const ALLOWS = 0;
const S_SHAPE = 1;
const S_IN_FORCE = 2;
const S_REVOKED = 3;
const S_SOURCE = 4;
const S_CURRENCY = 5;
const S_POINT = 6;
const S_GRADE = 7;
const S_SCOPE = 8;
const S_AMOUNT = 9;
const S_QUALIFICATION = 10;
const S_CONFLICT = 11;

/**
 * The first failed check of a candidate chain (AUTHORIZATION_CHECK_ORDER), or null when it allows. `from`
 * skips the stages before it, for a caller that knows they pass (the compact check): the answer is the same.
 */
function firstFailure(ctx: CaseContext, links: readonly CompiledLink[], rootHolder: string, person: string, from: number = S_SHAPE): DenialReason | null {
  const n = links.length;
  const max = ctx.ix.maxChainLinks;
  if (from <= S_SHAPE) {
    if (n > max) return reason('CHAIN_TOO_DEEP', links, { linkId: (links[max] as CompiledLink).id, length: n, max, cause: 'MAX_LINKS' });
    for (let i = 0; i < n - 1; i++) {
      const link = links[i] as CompiledLink;
      if (n - 1 - i > link.depth) return reason('CHAIN_TOO_DEEP', links, { linkId: link.id, length: n - 1 - i, max: link.depth, cause: 'DELEGABLE_DEPTH' });
    }
    for (let i = 1; i < n; i++) {
      const delegate = (links[i] as CompiledLink).delegateId;
      let seen = delegate === rootHolder;
      for (let j = 1; j < i && !seen; j++) seen = (links[j] as CompiledLink).delegateId === delegate;
      if (seen) return reason('CHAIN_CYCLE', links, { linkId: (links[i] as CompiledLink).id, personId: delegate });
    }
  }
  const t = ctx.t;
  if (from <= S_IN_FORCE) {
    for (const link of links) if (!inForce(link, t)) return reason('NOT_IN_FORCE', links, { linkId: link.id, window: (link.delegation ?? link.rule).window });
  }
  if (from <= S_REVOKED) {
    for (const link of links) {
      if (link.revokedMs <= t) return reason('REVOKED', links, { linkId: link.id, at: (link.delegation as { revokedAt: Date }).revokedAt });
    }
  }
  if (from <= S_SOURCE) {
    for (let i = 1; i < n; i++) {
      const link = links[i] as CompiledLink;
      const source = links[i - 1] as CompiledLink;
      const holds = i === 1 ? holdsRule(ctx, source, link.delegatorId) : link.delegatorId === source.delegateId;
      if (!holds) return reason('DELEGATOR_LOST_SOURCE', links, { linkId: link.id, delegatorId: link.delegatorId, sourceId: source.id });
    }
  }
  const c = ctx.c;
  if (from <= S_CURRENCY) {
    for (const link of links) {
      if (link.currency !== c.amount.currency) return reason('CURRENCY_MISMATCH', links, { linkId: link.id, currency: link.currency, caseCurrency: c.amount.currency });
    }
  }
  if (from <= S_POINT) {
    for (const link of links) {
      if ((link.pointMask & ctx.pointBit) === 0) {
        return reason('POINT_NOT_COVERED', links, { linkId: link.id, decisionPoint: c.decisionPoint, covered: (link.delegation ?? link.rule).decisionPoints });
      }
    }
  }
  if (from <= S_GRADE) {
    for (const link of links) {
      if ((link.gradeMask & ctx.gradeBit) === 0) {
        return reason('GRADE_NOT_COVERED', links, { linkId: link.id, grade: c.grade, covered: (link.delegation ?? link.rule).grades });
      }
    }
  }
  if (from <= S_SCOPE) {
    for (const link of links) {
      if (!ctx.ix.tree.isWithin(c.orgUnitId, link.scopeOrgUnitId)) {
        return reason('OUT_OF_SCOPE', links, { linkId: link.id, orgUnitId: c.orgUnitId, scopeOrgUnitId: link.scopeOrgUnitId });
      }
    }
  }
  if (from <= S_AMOUNT) {
    for (const link of links) {
      if (link.limit !== null && c.amount.minor > link.limit) {
        return reason('AMOUNT_OVER_LIMIT', links, { linkId: link.id, limit: { minor: link.limit, currency: link.currency }, amount: c.amount });
      }
    }
  }
  if (from <= S_QUALIFICATION) {
    for (let i = 1; i < n; i++) {
      const link = links[i] as CompiledLink;
      if (link.qualificationRole === null) continue;
      const records = ctx.ix.certificationsByPerson.get(link.delegateId) ?? [];
      const q = qualificationAt(records, link.delegateId, link.qualificationRole, ctx.at);
      const required = Math.max(1, link.qualificationLevel);
      if (!q.held || q.level < required) {
        return reason('DELEGATE_NOT_QUALIFIED', links, {
          linkId: link.id,
          personId: link.delegateId,
          role: link.qualificationRole,
          required,
          held: q.held ? q.level : null,
        });
      }
    }
  }
  const root = links[0] as CompiledLink;
  if (root.rule.holder.kind !== 'PROJECT_ROLE' && ctx.team.some((m) => m.personId === person)) {
    return reason('CONFLICT_OF_INTEREST', links, { linkId: (links[n - 1] as CompiledLink).id, personId: person, projectId: c.projectId ?? null });
  }
  return null;
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

function ruleOutput(rule: CompiledLink, holder: string): AuthorityLink {
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

function chainOutput(ctx: CaseContext, links: readonly CompiledLink[], rootHolder: string): AuthorityChain {
  const root = links[0] as CompiledLink;
  const out: AuthorityLink[] = [ruleOutput(root, rootHolder)];
  for (let i = 1; i < links.length; i++) out.push((links[i] as CompiledLink).output as AuthorityLink);
  const holder = root.rule.holder;
  const body = holder.kind === 'DECISION_BODY' ? { bodyId: holder.bodyId, seatTitles: seatsFilledBy(ctx.ix, holder.bodyId, rootHolder, ctx.c.orgUnitId, ctx.t) } : null;
  return { links: out, body };
}

/** Whether person number `p` holds rule number `rule` at t for this case (holdsRule on the compact index). */
function holdsRuleAt(ctx: CaseContext, rule: number, p: number): boolean {
  const h = ctx.ix.hot;
  const kind = h.ruleHolderKind[rule] as number;
  if (kind === HOLDER_POSITION) {
    const key = h.ruleKey[rule] as number;
    if (key < 0) return false;
    const t = ctx.t;
    for (let i = h.keyPosStart[key] as number, end = h.keyPosStart[key + 1] as number; i < end; i++) {
      if (h.posPerson[i] === p && (h.posFrom[i] as number) <= t && t < (h.posTo[i] as number)) return true;
    }
    return false;
  }
  return holdsRule(ctx, h.links[rule] as CompiledLink, h.personIds[p] as string);
}

/** The level the delegate of link `x` holds for its required role at t (qualificationAt, compact); −∞ when none. */
function heldLevel(ctx: CaseContext, x: number): number {
  const h = ctx.ix.hot;
  const t = ctx.t;
  const p = h.delegate[x] as number;
  const role = h.qualRole[x] as number;
  if (h.certSlow[p] === 1) {
    const link = h.links[x] as CompiledLink;
    const q = qualificationAt(ctx.ix.certificationsByPerson.get(link.delegateId) ?? [], link.delegateId, link.qualificationRole as TriangleRole, ctx.at);
    return q.held ? q.level : -Infinity;
  }
  let latest = -1;
  for (let i = h.certStart[p] as number, end = h.certStart[p + 1] as number; i < end; i++) {
    if (h.certRole[i] === role && (h.certMade[i] as number) <= t) latest = i;
  }
  if (latest < 0) return -Infinity;
  const level = h.certLevel[latest] as number;
  if (level <= 0 || t >= (h.certValid[latest] as number)) return -Infinity;
  return level;
}

/** The first failing stage of link number `l`'s chain (0: it allows), from its folded record (hot-index.ts). */
function stageOf(ctx: CaseContext, l: number, personInTeam: boolean): number {
  const h = ctx.ix.hot;
  const f = l * 4;
  const o = l * 8;
  const sumI = h.sumI;
  const flags = sumI[o + I_FLAGS] as number;
  if ((flags & F_SHAPE) !== 0) return S_SHAPE;
  const sumF = h.sumF;
  const t = ctx.t;
  if (!((sumF[f + F_FROM] as number) <= t && t < (sumF[f + F_TO] as number))) return S_IN_FORCE;
  if ((sumF[f + F_REVOKED] as number) <= t) return S_REVOKED;
  const rule = sumI[o + I_RULE] as number;
  if (l !== rule) {
    if ((flags & F_LOST_BELOW) !== 0 || !holdsRuleAt(ctx, rule, sumI[o + I_ROOT_HOLDER] as number)) return S_SOURCE;
  }
  if (sumI[o + I_CURRENCY] !== ctx.currency) return S_CURRENCY;
  const masks = sumI[o + I_MASKS] as number;
  if ((masks & ctx.pointBit) === 0) return S_POINT;
  if ((masks & (ctx.gradeBit << 16)) === 0) return S_GRADE;
  if (!(ctx.unitEnter >= (sumI[o + I_SCOPE_ENTER] as number) && ctx.unitExit <= (sumI[o + I_SCOPE_EXIT] as number))) return S_SCOPE;
  if ((flags & F_LIMIT_SLOW) !== 0 || !ctx.amountExact) {
    const minor = ctx.c.amount.minor;
    for (let x = l; x >= 0; x = h.parent[x] as number) {
      const limit = (h.links[x] as CompiledLink).limit;
      if (limit !== null && minor > limit) return S_AMOUNT;
    }
  } else if (ctx.amount > (sumF[f + F_LIMIT] as number)) return S_AMOUNT;
  if ((flags & F_QUALIFICATION) !== 0) {
    for (let x = l; x !== rule; x = h.parent[x] as number) {
      if ((h.qualRole[x] as number) < 0) continue;
      const held = heldLevel(ctx, x);
      if (held === -Infinity || held < (h.qualLevel[x] as number)) return S_QUALIFICATION;
    }
  }
  if (personInTeam && h.ruleHolderKind[rule] !== HOLDER_ROLE) return S_CONFLICT;
  return ALLOWS;
}

/** Scratch space of judge (not re-entrant): candidate link numbers and their stages. */
let candidates = new Int32Array(64);
let stages = new Int32Array(64);

function addCandidate(n: number, l: number): number {
  if (n === candidates.length) {
    const grown = new Int32Array(n * 2);
    grown.set(candidates);
    candidates = grown;
    stages = new Int32Array(n * 2);
  }
  candidates[n] = l;
  return n + 1;
}

/** Adds rule numbers not yet among candidates[first …]. */
function addRulesOnce(n: number, first: number, rules: ArrayLike<number>, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const r = rules[i] as number;
    let known = false;
    for (let j = first; j < n && !known; j++) known = candidates[j] === r;
    if (!known) n = addCandidate(n, r);
  }
  return n;
}

/** Rules the person holds directly for this case at t (directRules of the plain engine), appended to candidates. */
function addDirectRules(ctx: CaseContext, person: string, p: number): number {
  const ix = ctx.ix;
  const h = ix.hot;
  let n = 0;
  if (p >= 0) {
    let bodies: string[] | null = null;
    for (let i = h.personPosStart[p] as number, end = h.personPosStart[p + 1] as number; i < end; i++) {
      const pos = h.personPos[i] as number;
      if (!((h.posFrom[pos] as number) <= ctx.t && ctx.t < (h.posTo[pos] as number))) continue;
      const key = h.posKey[pos] as number;
      n = addRulesOnce(n, 0, h.keyRules, h.keyRulesStart[key] as number, h.keyRulesStart[key + 1] as number);
      const titled = h.posTitledBodies[pos];
      if (titled === undefined) continue;
      bodies ??= [];
      for (const b of titled) if (!bodies.includes(b)) bodies.push(b);
    }
    for (const b of bodies ?? []) {
      const rules = h.bodyRuleNumbers.get(b);
      if (rules !== undefined && seatsFilledBy(ix, b, person, ctx.c.orgUnitId, ctx.t).length > 0) n = addRulesOnce(n, 0, rules, 0, rules.length);
    }
  }
  for (const m of ctx.team) {
    if (m.personId !== person) continue;
    const rules = h.roleRuleNumbers.get(m.role);
    if (rules !== undefined) n = addRulesOnce(n, 0, rules, 0, rules.length);
  }
  return n;
}

function judge(ctx: CaseContext, person: string): AuthorizationResult {
  const h = ctx.ix.hot;
  const p = h.personIndex.get(person) ?? -1;
  let n = addDirectRules(ctx, person, p);
  if (p >= 0) for (let l = h.inboxStart[p] as number, end = h.inboxStart[p + 1] as number; l < end; l++) n = addCandidate(n, l);
  const at = new Date(ctx.t);
  if (n === 0) return { allowed: false, at, chains: [], quorumRequired: false, reasons: [{ code: 'NO_AUTHORITY', linkId: null, chain: [], data: { personId: person } }] };

  let personInTeam = false;
  for (const m of ctx.team) if (m.personId === person) personInTeam = true;
  let allowing = 0;
  const sumI = h.sumI;
  for (let i = 0; i < n; i++) {
    const l = candidates[i] as number;
    const stage = stageOf(ctx, l, personInTeam);
    if (stage === ALLOWS) allowing++;
    // Insertion sort by rank (the order of the chains' id lists), stable as the plain engine's sort.
    const rank = sumI[l * 8 + I_RANK] as number;
    let j = i;
    for (; j > 0 && (sumI[(candidates[j - 1] as number) * 8 + I_RANK] as number) > rank; j--) {
      candidates[j] = candidates[j - 1] as number;
      stages[j] = stages[j - 1] as number;
    }
    candidates[j] = l;
    stages[j] = stage;
  }

  if (allowing > 0) {
    const chains: AuthorityChain[] = [];
    let quorumRequired = true;
    for (let i = 0; i < n; i++) {
      if (stages[i] !== ALLOWS) continue;
      const l = candidates[i] as number;
      const links = pathOf(h.links[l] as CompiledLink);
      const chain = chainOutput(ctx, links, rootHolderOf(links, person));
      if (chain.body === null) quorumRequired = false;
      chains.push(chain);
    }
    return { allowed: true, at, chains, quorumRequired, reasons: [] };
  }
  const reasons: DenialReason[] = [];
  for (let i = 0; i < n; i++) {
    const links = pathOf(h.links[candidates[i] as number] as CompiledLink);
    reasons.push(firstFailure(ctx, links, rootHolderOf(links, person), person, stages[i] as number) as DenialReason);
  }
  return { allowed: false, at, chains: [], quorumRequired: false, reasons };
}

/** Who holds the rule on a chain: the first delegator, or the person asked about for the rule alone. */
const rootHolderOf = (links: readonly CompiledLink[], person: string): string => (links.length > 1 ? (links[1] as CompiledLink).delegatorId : person);

/**
 * May `personId` take the case's decision at `at`? Allowed with every chain that allows it, or denied with,
 * for each candidate chain, the first check it failed (AUTHORIZATION_CHECK_ORDER); NO_AUTHORITY when the
 * person holds no rule and received no delegation reaching one. A seat-holder of a decision body is allowed
 * as a member of that body: the chain names the body and its seats, and `quorumRequired` says whether the
 * person may decide only that way.
 */
export function authorize(personId: string, c: AuthorizationCase, at: Date, state: AuthorityState | AuthorityIndex): AuthorizationResult {
  const ix = authorityIndexOf(state);
  return judge(contextOf(ix, c, at), personId);
}

/** The rule's own link is in force at t and the case fits it (candidates for whoMayDecide and body coverage). */
function ruleFits(ctx: CaseContext, rule: CompiledLink): boolean {
  return firstFailure(ctx, [rule], '', '\u0000') === null;
}

/** Everyone who may take the case's decision at `at`, with their chains; and for each decision-body rule that fits, its seats and quorum. */
export function whoMayDecide(c: AuthorizationCase, at: Date, state: AuthorityState | AuthorityIndex): WhoMayDecideResult {
  const ix = authorityIndexOf(state);
  const ctx = contextOf(ix, c, at);
  const candidates = new Set<string>();
  const fitting: CompiledLink[] = [];
  for (const rule of ix.rules) {
    if (!ruleFits(ctx, rule)) continue;
    fitting.push(rule);
    const holder = rule.rule.holder;
    if (holder.kind === 'POSITION') {
      for (const p of ix.positionsByKey.get(rule.holderKey) ?? []) candidates.add(p.personId);
    } else if (holder.kind === 'PROJECT_ROLE') {
      for (const m of ctx.team) if (m.role === holder.role) candidates.add(m.personId);
    } else {
      for (const seat of ix.seatsByBody.get(holder.bodyId) ?? []) for (const p of seatOccupants(ix, seat.titles, c.orgUnitId, ctx.t)) candidates.add(p);
    }
    // Every delegate below the rule, down to the longest chain allowed.
    const stack: Array<[string, number]> = [['R:' + rule.id, 1]];
    while (stack.length > 0) {
      const [key, length] = stack.pop() as [string, number];
      if (length >= ix.maxChainLinks) continue;
      for (const d of ix.delegationsBySource.get(key) ?? []) {
        candidates.add(d.delegateId);
        stack.push(['D:' + d.id, length + 1]);
      }
    }
  }
  const deciders: AuthorityDecider[] = [];
  for (const person of [...candidates].sort(compareStrings)) {
    const result = judge(ctx, person);
    if (result.allowed) deciders.push({ personId: person, chains: result.chains, quorumRequired: result.quorumRequired });
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
            (ch) => ch.links[0]?.id === rule.id && (ch.links.length === 1) === (via === 'DIRECT') && occupants.includes((ch.links[0] as AuthorityLink).holderPersonId),
          );
          if (acts) filledBy.push({ personId: decider.personId, via });
        }
      }
      return { title: seat.title, titles: seat.titles, fixed: seat.fixed, occupants, filledBy };
    });
    bodies.push({ ruleId: rule.id, bodyId: body.id, quorum: body.quorum ?? { kind: 'ALL_FIXED' }, seats, quorumReachable: authorityBodyQuorumReachable(body.quorum, seats) });
  }
  return { at: new Date(ctx.t), deciders, bodies };
}

/** ALL_FIXED: every fixed seat can be filled (and at least one seat). AT_LEAST n: n seats can be filled. */
export function authorityBodyQuorumReachable(quorum: AuthorityBodyCoverage['quorum'] | undefined, seats: readonly AuthorityBodySeatCoverage[]): boolean {
  const filled = seats.filter((s) => s.filledBy.length > 0);
  if (quorum !== undefined && quorum.kind === 'AT_LEAST') return filled.length >= quorum.count;
  return filled.length > 0 && seats.every((s) => !s.fixed || s.filledBy.length > 0);
}
