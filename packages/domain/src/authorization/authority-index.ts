// The indexed authority state: built once, so a check costs about the length of the chains, not the state's size.
import { DECISION_POINTS, PROJECT_GRADES } from '../ltc/ltc';
import type { Money } from '../money/money';
import { OrgTree, OrgTreeError, buildOrgTree } from '../organisation/tree';
import type { CertificationRecord } from '../qualification/held';
import type { TriangleRole } from '../roles/roles';
import { Result, ok } from '../shared/result';
import {
  AuthorityBody,
  AuthorityLink,
  AuthorityPosition,
  AuthorityRule,
  AuthorityState,
  DEFAULT_MAX_CHAIN_LINKS,
  Delegation,
} from './types';
import { HotIndex, buildHotIndexSteps } from './hot-index';
import { runSteps, Slice, Steps } from './steps';
import type { StackedMap } from './layered-map';

/** A rule or a delegation with its dates and sets compiled to numbers and bit masks. */
export interface CompiledLink {
  readonly kind: 'RULE' | 'DELEGATION';
  readonly id: string;
  readonly rule: AuthorityRule;
  readonly delegation: Delegation | null;
  readonly pointMask: number;
  readonly gradeMask: number;
  readonly scopeOrgUnitId: string;
  readonly currency: string;
  readonly limit: bigint | null;
  readonly fromMs: number;
  readonly toMs: number;
  readonly revokedMs: number;
  readonly depth: number;
  readonly delegatorId: string;
  readonly delegateId: string;
  readonly qualificationRole: TriangleRole | null;
  readonly qualificationLevel: number;
  /** The source link; null for a rule. */
  readonly parent: CompiledLink | null;
  /** Links from the rule to this one, inclusive. */
  readonly length: number;
  /** Prebuilt output for a delegation (a rule's holder varies per chain). */
  readonly output: AuthorityLink | null;
  /** For a position-held rule: the key of its holder position in `positionsByKey`. */
  readonly holderKey: string;
  /**
   * Its link number in the packed index (hot-index.ts), −1 until numbered: written once, by the build that numbers it
   * or the apply that appends it (each compiles links of its own), before any index holding it is returned.
   */
  num: number;
}

/** A position assignment with its window as numbers. */
export interface CompiledPosition {
  readonly id: string;
  readonly personId: string;
  readonly title: string;
  readonly orgUnitId: string;
  readonly key: string;
  readonly fromMs: number;
  readonly toMs: number;
}

export interface CompiledSeat {
  readonly title: string;
  readonly titles: readonly string[];
  readonly fixed: boolean;
}

export const compileSeats = (body: AuthorityBody): CompiledSeat[] =>
  body.seats.map((s) => ({ title: s.title, titles: [s.title, ...(s.alternativeTitles ?? [])], fixed: s.fixed }));

/** An index made by applying changes (incremental.ts): what lies over its packed base. */
export interface AuthorityIndexOverlay {
  /** The state the packed base was built from. */
  readonly builtFrom: AuthorityState;
  /** Records changed, and links compiled again, since that build. */
  readonly records: number;
  /** Records changed since the build by kind and id: the record now, or null when removed. */
  readonly rules: StackedMap<string, AuthorityRule | null>;
  readonly delegations: StackedMap<string, Delegation | null>;
  readonly positions: StackedMap<string, AuthorityPosition | null>;
  readonly bodies: StackedMap<string, AuthorityBody | null>;
  readonly certifications: StackedMap<string, CertificationRecord | null>;
}

export interface AuthorityIndex {
  readonly state: AuthorityState;
  readonly tree: OrgTree;
  readonly maxChainLinks: number;
  readonly rules: readonly CompiledLink[];
  readonly rulesById: ReadonlyMap<string, CompiledLink>;
  readonly delegationsById: ReadonlyMap<string, CompiledLink>;
  /** Delegations reaching a rule through their sources, by delegate. */
  readonly delegationsByDelegate: ReadonlyMap<string, readonly CompiledLink[]>;
  /** Direct children by source key (`R:` rule id, `D:` delegation id). */
  readonly delegationsBySource: ReadonlyMap<string, readonly Delegation[]>;
  readonly positionRulesByHolder: ReadonlyMap<string, readonly CompiledLink[]>;
  readonly roleRules: ReadonlyMap<string, readonly CompiledLink[]>;
  readonly bodyRules: ReadonlyMap<string, readonly CompiledLink[]>;
  readonly bodiesById: ReadonlyMap<string, AuthorityBody>;
  readonly seatsByBody: ReadonlyMap<string, readonly CompiledSeat[]>;
  /** Bodies with a seat accepting the title. */
  readonly bodiesByTitle: ReadonlyMap<string, readonly string[]>;
  readonly positionsByPerson: ReadonlyMap<string, readonly CompiledPosition[]>;
  /** By `positionKey(title, orgUnitId)`. */
  readonly positionsByKey: ReadonlyMap<string, readonly CompiledPosition[]>;
  /** By org unit, then title. */
  readonly positionsByUnit: ReadonlyMap<string, ReadonlyMap<string, readonly CompiledPosition[]>>;
  readonly certificationsByPerson: ReadonlyMap<string, readonly CertificationRecord[]>;
  readonly ancestorsOf: (unit: string) => readonly string[];
  /** The compact form a check reads (hot-index.ts). */
  readonly hot: HotIndex;
  /** Delegations whose sources do not reach a rule (a cycle, an unknown source), by id. */
  readonly unrootedDelegations: ReadonlyMap<string, Delegation>;
  readonly positionsById: ReadonlyMap<string, AuthorityPosition>;
  /** By assessment id. */
  readonly certificationsById: ReadonlyMap<string, CertificationRecord>;
  /** No two records of one kind share an id: changes can then be applied by id (incremental.ts). */
  readonly uniqueIds: boolean;
  /** Null for an index built from a state; what lies over the packed base for one made by applying changes. */
  readonly overlay: AuthorityIndexOverlay | null;
}

/** The delegation with this id, whether or not its sources reach a rule. */
export function delegationRecord(ix: AuthorityIndex, id: string): Delegation | undefined {
  return ix.delegationsById.get(id)?.delegation ?? ix.unrootedDelegations.get(id);
}

export const positionKey = (title: string, orgUnitId: string): string => title + '\u0000' + orgUnitId;
export const sourceKey = (kind: 'RULE' | 'DELEGATION', id: string): string => (kind === 'RULE' ? 'R:' : 'D:') + id;

const POINT_BITS = new Map<string, number>(DECISION_POINTS.map((p, i) => [p, 1 << i]));
const GRADE_BITS = new Map<string, number>(PROJECT_GRADES.map((g, i) => [g, 1 << i]));

export const pointBit = (point: string): number => POINT_BITS.get(point) ?? 0;
export const gradeBit = (grade: string): number => GRADE_BITS.get(grade) ?? 0;

function mask(values: readonly string[], bits: ReadonlyMap<string, number>): number {
  let m = 0;
  for (const v of values) m |= bits.get(v) ?? 0;
  return m;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export const limitMoney = (limit: bigint | null, currency: string): Money | null =>
  limit === null ? null : { minor: limit, currency };

export function compilePosition(p: AuthorityPosition): CompiledPosition {
  return {
    id: p.id,
    personId: p.personId,
    title: p.title,
    orgUnitId: p.orgUnitId,
    key: positionKey(p.title, p.orgUnitId),
    fromMs: p.window.from.getTime(),
    toMs: p.window.to === null ? Infinity : p.window.to.getTime(),
  };
}

export const positionInForce = (p: CompiledPosition, t: number): boolean => p.fromMs <= t && t < p.toMs;

export function compileRule(rule: AuthorityRule): CompiledLink {
  return {
    kind: 'RULE',
    id: rule.id,
    rule,
    delegation: null,
    pointMask: mask(rule.decisionPoints, POINT_BITS),
    gradeMask: mask(rule.grades, GRADE_BITS),
    scopeOrgUnitId: rule.scopeOrgUnitId,
    currency: rule.currency,
    limit: rule.limit,
    fromMs: rule.window.from.getTime(),
    toMs: rule.window.to === null ? Infinity : rule.window.to.getTime(),
    revokedMs: Infinity,
    depth: rule.delegableDepth,
    delegatorId: '',
    delegateId: '',
    qualificationRole: null,
    qualificationLevel: 0,
    parent: null,
    length: 1,
    output: null,
    holderKey: rule.holder.kind === 'POSITION' ? positionKey(rule.holder.title, rule.holder.orgUnitId) : '',
    num: -1,
  };
}

export function compileDelegation(d: Delegation, parent: CompiledLink): CompiledLink {
  return {
    kind: 'DELEGATION',
    id: d.id,
    rule: parent.rule,
    delegation: d,
    pointMask: mask(d.decisionPoints, POINT_BITS),
    gradeMask: mask(d.grades, GRADE_BITS),
    scopeOrgUnitId: d.scopeOrgUnitId,
    currency: d.currency,
    limit: d.limit,
    fromMs: d.window.from.getTime(),
    toMs: d.window.to === null ? Infinity : d.window.to.getTime(),
    revokedMs: d.revokedAt === null ? Infinity : d.revokedAt.getTime(),
    depth: d.redelegableDepth,
    delegatorId: d.delegatorId,
    delegateId: d.delegateId,
    qualificationRole: d.requiredQualification?.role ?? null,
    qualificationLevel: d.requiredQualification?.level ?? 0,
    parent,
    length: parent.length + 1,
    output: {
      kind: 'DELEGATION',
      id: d.id,
      holderPersonId: d.delegateId,
      delegatorId: d.delegatorId,
      ruleHolder: null,
      decisionPoints: d.decisionPoints,
      grades: d.grades,
      scopeOrgUnitId: d.scopeOrgUnitId,
      limit: limitMoney(d.limit, d.currency),
      currency: d.currency,
      window: d.window,
      requiredQualification: d.requiredQualification,
    },
    holderKey: '',
    num: -1,
  };
}

/**
 * A compiled delegation under a new parent (its source compiled again): what it folds of its own record is kept, as
 * compileDelegation(old.delegation, parent) would make it again.
 */
export function relinkDelegation(old: CompiledLink, parent: CompiledLink): CompiledLink {
  return {
    kind: 'DELEGATION',
    id: old.id,
    rule: parent.rule,
    delegation: old.delegation,
    pointMask: old.pointMask,
    gradeMask: old.gradeMask,
    scopeOrgUnitId: old.scopeOrgUnitId,
    currency: old.currency,
    limit: old.limit,
    fromMs: old.fromMs,
    toMs: old.toMs,
    revokedMs: old.revokedMs,
    depth: old.depth,
    delegatorId: old.delegatorId,
    delegateId: old.delegateId,
    qualificationRole: old.qualificationRole,
    qualificationLevel: old.qualificationLevel,
    parent,
    length: parent.length + 1,
    output: old.output,
    holderKey: '',
    num: -1,
  };
}

/** Indexes the state once. Refuses an invalid org tree. */
export function indexAuthorityState(state: AuthorityState): Result<AuthorityIndex, OrgTreeError> {
  return runSteps(indexAuthorityStateSteps(state));
}

/**
 * indexAuthorityState, pausing between slices of its work (a few milliseconds each at any size), so that a process
 * can build an index while it goes on answering from the one it has.
 */
export function* indexAuthorityStateSteps(state: AuthorityState): Steps<Result<AuthorityIndex, OrgTreeError>> {
  const built = buildOrgTree(state.orgUnits);
  if (!built.ok) return built;
  const tree = built.value;

  const rules: CompiledLink[] = [];
  const rulesById = new Map<string, CompiledLink>();
  const positionRulesByHolder = new Map<string, CompiledLink[]>();
  const roleRules = new Map<string, CompiledLink[]>();
  const bodyRules = new Map<string, CompiledLink[]>();
  const slice = new Slice();
  for (const rule of state.rules) {
    if (slice.spend()) yield slice.take();
    const compiled = compileRule(rule);
    rules.push(compiled);
    rulesById.set(rule.id, compiled);
    const holder = rule.holder;
    if (holder.kind === 'POSITION') push(positionRulesByHolder, compiled.holderKey, compiled);
    else if (holder.kind === 'PROJECT_ROLE') push(roleRules, holder.role, compiled);
    else push(bodyRules, holder.bodyId, compiled);
  }

  const rawById = new Map<string, Delegation>();
  const delegationsBySource = new Map<string, Delegation[]>();
  for (const d of state.delegations) {
    if (slice.spend()) yield slice.take();
    rawById.set(d.id, d);
    push(delegationsBySource, sourceKey(d.source.kind, d.source.id), d);
  }
  // Compile every delegation whose sources reach a rule; a source cycle or an unknown source leaves it out.
  const delegationsById = new Map<string, CompiledLink>();
  const unrooted = new Set<string>();
  for (const start of state.delegations) {
    if (slice.spend()) yield slice.take();
    if (delegationsById.has(start.id) || unrooted.has(start.id)) continue;
    const pending: Delegation[] = [];
    const onPath = new Set<string>();
    let cursor: Delegation | undefined = start;
    let parent: CompiledLink | undefined;
    while (cursor !== undefined) {
      if (onPath.has(cursor.id) || unrooted.has(cursor.id)) break;
      const known = delegationsById.get(cursor.id);
      if (known) {
        parent = known;
        break;
      }
      pending.push(cursor);
      onPath.add(cursor.id);
      if (cursor.source.kind === 'RULE') {
        parent = rulesById.get(cursor.source.id);
        break;
      }
      cursor = rawById.get(cursor.source.id);
    }
    if (parent === undefined) {
      for (const d of pending) unrooted.add(d.id);
      continue;
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      const compiled = compileDelegation(pending[i] as Delegation, parent);
      delegationsById.set(compiled.id, compiled);
      parent = compiled;
    }
  }
  const delegationsByDelegate = new Map<string, CompiledLink[]>();
  const compiledDelegations: CompiledLink[] = [];
  for (const d of state.delegations) {
    if (slice.spend()) yield slice.take();
    const compiled = delegationsById.get(d.id);
    if (compiled && compiled.delegation === d) {
      push(delegationsByDelegate, d.delegateId, compiled);
      compiledDelegations.push(compiled);
    }
  }

  const unrootedDelegations = new Map<string, Delegation>();
  for (const id of unrooted) {
    unrootedDelegations.set(id, rawById.get(id) as Delegation);
    if (slice.spend()) yield slice.take();
  }

  const bodiesById = new Map<string, AuthorityBody>();
  const seatsByBody = new Map<string, CompiledSeat[]>();
  const bodiesByTitle = new Map<string, string[]>();
  for (const body of state.bodies) {
    if (slice.spend()) yield slice.take();
    bodiesById.set(body.id, body);
    const seats = compileSeats(body);
    seatsByBody.set(body.id, seats);
    const titles = new Set(seats.flatMap((s) => s.titles));
    for (const title of titles) push(bodiesByTitle, title, body.id);
  }

  const positionsById = new Map<string, AuthorityPosition>();
  for (const p of state.positions) {
    positionsById.set(p.id, p);
    if (slice.spend()) yield slice.take();
  }
  const certificationsById = new Map<string, CertificationRecord>();
  for (const c of state.certifications) {
    certificationsById.set(c.assessmentId, c);
    if (slice.spend()) yield slice.take();
  }
  const positionsByPerson = new Map<string, CompiledPosition[]>();
  const positionsByKey = new Map<string, CompiledPosition[]>();
  const positionsByUnit = new Map<string, Map<string, CompiledPosition[]>>();
  for (const p of state.positions) {
    if (slice.spend()) yield slice.take();
    const compiled = compilePosition(p);
    push(positionsByPerson, p.personId, compiled);
    push(positionsByKey, compiled.key, compiled);
    let byTitle = positionsByUnit.get(p.orgUnitId);
    if (byTitle === undefined) positionsByUnit.set(p.orgUnitId, (byTitle = new Map()));
    push(byTitle, p.title, compiled);
  }
  const certificationsByPerson = new Map<string, CertificationRecord[]>();
  for (const c of state.certifications) {
    push(certificationsByPerson, c.personId, c);
    if (slice.spend()) yield slice.take();
  }

  const ancestorCache = new Map<string, readonly string[]>();
  const ancestorsOf = (unit: string): readonly string[] => {
    let list = ancestorCache.get(unit);
    if (list === undefined) {
      list = tree.ancestors(unit);
      ancestorCache.set(unit, list);
    }
    return list;
  };

  const maxChainLinks = state.maxChainLinks ?? DEFAULT_MAX_CHAIN_LINKS;
  yield slice.take();
  const hot = yield* buildHotIndexSteps(
    {
      tree,
      seatsByBody,
      maxChainLinks,
      rules,
      delegations: compiledDelegations,
      positions: state.positions,
      bodiesByTitle,
      bodyRules,
      roleRules,
      certifications: state.certifications,
    },
    slice,
  );

  return ok({
    state,
    tree,
    maxChainLinks,
    rules,
    rulesById,
    delegationsById,
    delegationsByDelegate,
    delegationsBySource,
    positionRulesByHolder,
    roleRules,
    bodyRules,
    bodiesById,
    seatsByBody,
    bodiesByTitle,
    positionsByPerson,
    positionsByKey,
    positionsByUnit,
    certificationsByPerson,
    ancestorsOf,
    hot,
    unrootedDelegations,
    positionsById,
    certificationsById,
    uniqueIds:
      rulesById.size === state.rules.length &&
      rawById.size === state.delegations.length &&
      bodiesById.size === state.bodies.length &&
      positionsById.size === state.positions.length &&
      certificationsById.size === state.certifications.length,
    overlay: null,
  });
}

const indexCache = new WeakMap<AuthorityState, AuthorityIndex>();

/** The index of a state, built on first use and cached per state object (states are immutable). */
export function authorityIndexOf(stateOrIndex: AuthorityState | AuthorityIndex): AuthorityIndex {
  if ('rulesById' in stateOrIndex) return stateOrIndex;
  const cached = indexCache.get(stateOrIndex);
  if (cached) return cached;
  const built = indexAuthorityState(stateOrIndex);
  // An invalid org tree is refused when it is written; reaching here with one is a programmer error.
  if (!built.ok) throw new Error(`authority state has an invalid org tree: ${built.error.code}`);
  indexCache.set(stateOrIndex, built.value);
  return built.value;
}

/** Persons holding one of `titles` in the nearest unit at or above `unit` at time `t` (sorted). */
export function seatOccupants(ix: AuthorityIndex, titles: readonly string[], unit: string, t: number): string[] {
  for (const u of ix.ancestorsOf(unit)) {
    const byTitle = ix.positionsByUnit.get(u);
    if (byTitle === undefined) continue;
    let found: string[] | null = null;
    for (const title of titles) {
      const held = byTitle.get(title);
      if (held === undefined) continue;
      for (const p of held) {
        if (!positionInForce(p, t)) continue;
        if (found === null) found = [p.personId];
        else if (!found.includes(p.personId)) found.push(p.personId);
      }
    }
    if (found !== null) return found.sort();
  }
  return [];
}

/** Titles of the seats of `bodyId` that `person` fills for a case in `unit` at `t`, in seat order. */
export function seatsFilledBy(ix: AuthorityIndex, bodyId: string, person: string, unit: string, t: number): string[] {
  const seats = ix.seatsByBody.get(bodyId);
  const filled: string[] = [];
  if (seats === undefined) return filled;
  for (const seat of seats) {
    if (seatOccupants(ix, seat.titles, unit, t).includes(person)) filled.push(seat.title);
  }
  return filled;
}
