// The compact part of the index that a check reads: ids interned to small integers, and every chain's facts
// folded into one record per link, in typed arrays. A check then touches a few contiguous cache lines per
// candidate chain, whatever the size of the state, instead of a graph of objects spread over a large heap.
//
// Folding is exact because each check of AUTHORIZATION_CHECK_ORDER asks "does any link fail?":
//   in force at t          ⇔ max(from) ≤ t < min(to)            (NaN propagates: such a link is never in force)
//   not revoked at t       ⇔ t < min(revoked)                   (a NaN revocation never revokes: folded as +∞)
//   currency, point, grade ⇔ one currency on the whole chain equal to the case's; the AND of the bit masks
//   in scope               ⇔ unit's [enter, exit] inside the intersection of the scopes' intervals (a laminar family)
//   amount within limits   ⇔ amount ≤ min(limit)
// The chain's shape (too deep, cycle) and a delegator who is not the previous delegate do not depend on the
// case or the time: they are judged once here. Which link fails, and the reason's data, are found only when a
// chain is known to fail, by the plain checks in authorize.ts.
import type { OrgTree } from '../organisation/tree';
import type { CertificationRecord } from '../qualification/held';
import type { AuthorityPosition, AuthorityRule } from './types';

/** What the compiled links provide to the compact index (see CompiledLink in authority-index.ts). */
export interface HotLinkSource {
  readonly kind: 'RULE' | 'DELEGATION';
  readonly id: string;
  readonly rule: AuthorityRule;
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
  readonly qualificationRole: string | null;
  readonly qualificationLevel: number;
  readonly parent: HotLinkSource | null;
  readonly length: number;
  readonly holderKey: string;
}

export const HOLDER_POSITION = 0;
export const HOLDER_BODY = 1;
export const HOLDER_ROLE = 2;

/** Flags of a link's folded chain. */
export const F_SHAPE = 1; // the chain is too deep or has a cycle
export const F_LOST_BELOW = 2; // some delegator below the first delegation is not the previous delegate
export const F_QUALIFICATION = 4; // some delegation requires a qualification
export const F_LIMIT_SLOW = 8; // a limit is not a safe integer: compare the bigints link by link

/** Record layout: SUM_F (Float64Array, stride 4) and SUM_I (Int32Array, stride 8), by link number. */
export const F_FROM = 0;
export const F_TO = 1;
export const F_REVOKED = 2;
export const F_LIMIT = 3;
export const I_RULE = 0;
export const I_ROOT_HOLDER = 1;
export const I_MASKS = 2;
export const I_SCOPE_ENTER = 3;
export const I_SCOPE_EXIT = 4;
export const I_CURRENCY = 5;
export const I_FLAGS = 6;
export const I_RANK = 7;
const SF = 4;
const SI = 8;
/** A scope unknown to the tree: no unit lies within it. */
const NO_SCOPE = 0x7fffffff;

export interface HotIndex {
  readonly personIndex: ReadonlyMap<string, number>;
  readonly personIds: readonly string[];
  /** Link number → compiled link: rules first (state order), then delegations grouped by delegate. */
  readonly links: readonly HotLinkSource[];
  readonly ruleCount: number;
  readonly sumF: Float64Array;
  readonly sumI: Int32Array;
  readonly parent: Int32Array;
  readonly delegate: Int32Array;
  /** -1: no qualification required. */
  readonly qualRole: Int32Array;
  /** max(1, required level). */
  readonly qualLevel: Float64Array;
  /** Delegations received by person p: link numbers inboxStart[p] … inboxStart[p + 1] − 1, in state order. */
  readonly inboxStart: Int32Array;
  readonly ruleHolderKind: Int8Array;
  /** Position-held rule → its holder key number (−1 when nobody ever held that key). */
  readonly ruleKey: Int32Array;
  /** Positions grouped by key: keyPosStart[k] … keyPosStart[k + 1] − 1. */
  readonly keyPosStart: Int32Array;
  readonly posPerson: Int32Array;
  readonly posFrom: Float64Array;
  readonly posTo: Float64Array;
  readonly posKey: Int32Array;
  /** Bodies having a seat for the position's title, or undefined. */
  readonly posTitledBodies: readonly (readonly string[] | undefined)[];
  /** Positions of person p (state order): personPos[personPosStart[p] … personPosStart[p + 1] − 1]. */
  readonly personPosStart: Int32Array;
  readonly personPos: Int32Array;
  /** Position-held rules by key: keyRules[keyRulesStart[k] … keyRulesStart[k + 1] − 1] (state order). */
  readonly keyRulesStart: Int32Array;
  readonly keyRules: Int32Array;
  readonly bodyRuleNumbers: ReadonlyMap<string, readonly number[]>;
  readonly roleRuleNumbers: ReadonlyMap<string, readonly number[]>;
  readonly currencyIndex: ReadonlyMap<string, number>;
  readonly roleIndex: ReadonlyMap<string, number>;
  readonly unitIndex: ReadonlyMap<string, number>;
  readonly unitEnter: Int32Array;
  readonly unitExit: Int32Array;
  /** Certifying records of person p, by role then assessment (oldest first): certStart[p] … certStart[p + 1] − 1. */
  readonly certStart: Int32Array;
  readonly certRole: Int32Array;
  readonly certMade: Float64Array;
  /** The level; null as −∞ (both mean no level reached). */
  readonly certLevel: Float64Array;
  /** null as +∞. */
  readonly certValid: Float64Array;
  /** 1 when a record of the person has an invalid assessment date: ask qualificationAt instead. */
  readonly certSlow: Uint8Array;
}

function intern(map: Map<string, number>, list: string[] | null, value: string): number {
  let n = map.get(value);
  if (n === undefined) {
    n = map.size;
    map.set(value, n);
    list?.push(value);
  }
  return n;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Counting sort into compressed rows: for each item its row; returns the row starts and the items in input order per row. */
function rows(rowOf: Int32Array, rowCount: number): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(rowCount + 1);
  for (let i = 0; i < rowOf.length; i++) {
    const r = rowOf[i] as number;
    if (r >= 0) start[r + 1] = (start[r + 1] as number) + 1;
  }
  for (let r = 0; r < rowCount; r++) start[r + 1] = (start[r + 1] as number) + (start[r] as number);
  const fill = start.slice(0, rowCount);
  const items = new Int32Array(start[rowCount] as number);
  for (let i = 0; i < rowOf.length; i++) {
    const r = rowOf[i] as number;
    if (r < 0) continue;
    items[fill[r] as number] = i;
    fill[r] = (fill[r] as number) + 1;
  }
  return { start, items };
}

export interface HotIndexInput {
  readonly tree: OrgTree;
  readonly maxChainLinks: number;
  readonly rules: readonly HotLinkSource[];
  /** Every compiled delegation, each once, in state order. */
  readonly delegations: readonly HotLinkSource[];
  readonly positions: readonly AuthorityPosition[];
  readonly bodiesByTitle: ReadonlyMap<string, readonly string[]>;
  readonly bodyRules: ReadonlyMap<string, readonly HotLinkSource[]>;
  readonly roleRules: ReadonlyMap<string, readonly HotLinkSource[]>;
  readonly certifications: readonly CertificationRecord[];
}

export function buildHotIndex(input: HotIndexInput): HotIndex {
  const personIndex = new Map<string, number>();
  const personIds: string[] = [];
  for (const p of input.positions) intern(personIndex, personIds, p.personId);
  for (const d of input.delegations) {
    intern(personIndex, personIds, d.delegatorId);
    intern(personIndex, personIds, d.delegateId);
  }
  for (const c of input.certifications) intern(personIndex, personIds, c.personId);
  const persons = personIds.length;

  // Org units numbered by a depth-first walk: `unit` lies within `scope` ⇔ enter(scope) ≤ enter(unit) and exit(unit) ≤ exit(scope).
  const tree = input.tree;
  const unitIndex = new Map<string, number>();
  const enters: number[] = [];
  const exits: number[] = [];
  let clock = 0;
  for (const root of tree.roots()) {
    const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    intern(unitIndex, null, root);
    enters.push(clock++);
    exits.push(0);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const kids = tree.childrenOf(top.id);
      if (top.next < kids.length) {
        const child = kids[top.next++] as string;
        intern(unitIndex, null, child);
        enters.push(clock++);
        exits.push(0);
        stack.push({ id: child, next: 0 });
      } else {
        exits[unitIndex.get(top.id) as number] = clock++;
        stack.pop();
      }
    }
  }
  const unitEnter = Int32Array.from(enters);
  const unitExit = Int32Array.from(exits);

  // Link numbers: rules, then delegations grouped by delegate so that a person's inbox is contiguous.
  const ruleCount = input.rules.length;
  const delegateRow = new Int32Array(input.delegations.length);
  input.delegations.forEach((d, i) => (delegateRow[i] = personIndex.get(d.delegateId) as number));
  const inbox = rows(delegateRow, persons);
  const inboxStart = inbox.start.map((s) => s + ruleCount);
  const links: HotLinkSource[] = [...input.rules];
  for (const i of inbox.items) links.push(input.delegations[i] as HotLinkSource);
  const linkNumber = new Map<HotLinkSource, number>();
  links.forEach((l, i) => linkNumber.set(l, i));
  const count = links.length;

  const currencyIndex = new Map<string, number>();
  const roleIndex = new Map<string, number>();
  const sumF = new Float64Array(count * SF);
  const sumI = new Int32Array(count * SI);
  const parent = new Int32Array(count);
  const delegate = new Int32Array(count);
  const qualRole = new Int32Array(count);
  const qualLevel = new Float64Array(count);
  const minReach = new Float64Array(count);
  const limitMin: Array<bigint | null> = new Array(count);
  const max = input.maxChainLinks;

  // Fold each link onto its parent's record: parents first (a link's parent has a smaller length).
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => (links[a] as HotLinkSource).length - (links[b] as HotLinkSource).length || a - b);
  for (const n of order) {
    const link = links[n] as HotLinkSource;
    const p = link.parent === null ? -1 : (linkNumber.get(link.parent) as number);
    parent[n] = p;
    delegate[n] = link.kind === 'DELEGATION' ? (personIndex.get(link.delegateId) as number) : -1;
    qualRole[n] = link.qualificationRole === null ? -1 : intern(roleIndex, null, link.qualificationRole);
    qualLevel[n] = Math.max(1, link.qualificationLevel);
    const f = n * SF;
    const o = n * SI;
    const revoked = Number.isNaN(link.revokedMs) ? Infinity : link.revokedMs;
    const scope = unitIndex.get(link.scopeOrgUnitId);
    const scopeEnter = scope === undefined ? NO_SCOPE : (unitEnter[scope] as number);
    const scopeExit = scope === undefined ? -1 : (unitExit[scope] as number);
    const currency = intern(currencyIndex, null, link.currency);
    const masks = link.pointMask | (link.gradeMask << 16);
    const depth = Number.isNaN(link.depth) ? Infinity : link.depth;
    const limitSlow = link.limit !== null && !(typeof link.limit === 'bigint' && Number.isSafeInteger(Number(link.limit)));
    let flags = limitSlow ? F_LIMIT_SLOW : 0;
    if (link.qualificationRole !== null) flags |= F_QUALIFICATION;
    if (p < 0) {
      sumF[f + F_FROM] = link.fromMs;
      sumF[f + F_TO] = link.toMs;
      sumF[f + F_REVOKED] = revoked;
      limitMin[n] = link.limit;
      sumI[o + I_RULE] = n;
      sumI[o + I_ROOT_HOLDER] = -1;
      sumI[o + I_MASKS] = masks;
      sumI[o + I_SCOPE_ENTER] = scopeEnter;
      sumI[o + I_SCOPE_EXIT] = scopeExit;
      sumI[o + I_CURRENCY] = currency;
      minReach[n] = depth;
      if (1 > max) flags |= F_SHAPE;
    } else {
      const pf = p * SF;
      const po = p * SI;
      sumF[f + F_FROM] = Math.max(sumF[pf + F_FROM] as number, link.fromMs);
      sumF[f + F_TO] = Math.min(sumF[pf + F_TO] as number, link.toMs);
      sumF[f + F_REVOKED] = Math.min(sumF[pf + F_REVOKED] as number, revoked);
      const above = limitMin[p] ?? null;
      limitMin[n] = above === null ? link.limit : link.limit === null ? above : link.limit < above ? link.limit : above;
      sumI[o + I_RULE] = sumI[po + I_RULE] as number;
      const parentLink = link.parent as HotLinkSource;
      sumI[o + I_ROOT_HOLDER] = parentLink.kind === 'RULE' ? (personIndex.get(link.delegatorId) as number) : (sumI[po + I_ROOT_HOLDER] as number);
      sumI[o + I_MASKS] = (sumI[po + I_MASKS] as number) & masks;
      sumI[o + I_SCOPE_ENTER] = Math.max(sumI[po + I_SCOPE_ENTER] as number, scopeEnter);
      sumI[o + I_SCOPE_EXIT] = Math.min(sumI[po + I_SCOPE_EXIT] as number, scopeExit);
      const above2 = sumI[po + I_CURRENCY] as number;
      sumI[o + I_CURRENCY] = above2 === currency ? currency : -1;
      const parentFlags = sumI[po + I_FLAGS] as number;
      flags |= parentFlags & (F_LOST_BELOW | F_QUALIFICATION | F_LIMIT_SLOW);
      // Position of this link on its chain is length − 1; the parent's delegate must be this delegator below the first delegation.
      if (link.length >= 3 && link.delegatorId !== parentLink.delegateId) flags |= F_LOST_BELOW;
      // Too deep: more links than allowed, or some link above has fewer further levels than follow it.
      const position = link.length - 1;
      minReach[n] = Math.min(minReach[p] as number, depth + position);
      if (link.length > max || position > (minReach[p] as number)) flags |= F_SHAPE;
      else if (hasCycle(link)) flags |= F_SHAPE;
    }
    sumI[o + I_FLAGS] = flags;
    const lim = limitMin[n] ?? null;
    sumF[f + F_LIMIT] = lim === null ? Infinity : Number(lim);
  }

  // Rank: the order of the chains' id lists (rule first; a shorter prefix first), by a depth-first walk over
  // the chains sorted by id at each level. Rules sharing an id share a rank (only one of them has delegations).
  const children = new Map<number, number[]>();
  for (let n = ruleCount; n < count; n++) {
    const p = parent[n] as number;
    const list = children.get(p);
    if (list) list.push(n);
    else children.set(p, [n]);
  }
  const byId = (a: number, b: number): number => compareStrings((links[a] as HotLinkSource).id, (links[b] as HotLinkSource).id);
  const ruleOrder = Array.from({ length: ruleCount }, (_, i) => i).sort(byId);
  let rank = 0;
  for (let i = 0; i < ruleOrder.length; ) {
    const id = (links[ruleOrder[i] as number] as HotLinkSource).id;
    const group: number[] = [];
    for (; i < ruleOrder.length && (links[ruleOrder[i] as number] as HotLinkSource).id === id; i++) group.push(ruleOrder[i] as number);
    for (const r of group) sumI[r * SI + I_RANK] = rank;
    rank++;
    const stack: number[] = [];
    for (const r of group) for (const c of (children.get(r) ?? []).sort(byId).reverse()) stack.push(c);
    while (stack.length > 0) {
      const n = stack.pop() as number;
      sumI[n * SI + I_RANK] = rank++;
      for (const c of (children.get(n) ?? []).sort(byId).reverse()) stack.push(c);
    }
  }

  // Rule holders.
  const keyIndex = new Map<string, number>();
  const posKeyList = new Int32Array(input.positions.length);
  input.positions.forEach((p, i) => (posKeyList[i] = intern(keyIndex, null, p.title + '\u0000' + p.orgUnitId)));
  const ruleHolderKind = new Int8Array(ruleCount);
  const ruleKey = new Int32Array(ruleCount).fill(-1);
  const ruleKeyRow = new Int32Array(ruleCount).fill(-1);
  input.rules.forEach((r, i) => {
    const kind = r.rule.holder.kind;
    ruleHolderKind[i] = kind === 'POSITION' ? HOLDER_POSITION : kind === 'DECISION_BODY' ? HOLDER_BODY : HOLDER_ROLE;
    if (kind === 'POSITION') ruleKey[i] = ruleKeyRow[i] = keyIndex.get(r.holderKey) ?? -1;
  });
  const keyRows = rows(ruleKeyRow, keyIndex.size);
  const posRows = rows(posKeyList, keyIndex.size);
  const positionCount = input.positions.length;
  const posPerson = new Int32Array(positionCount);
  const posFrom = new Float64Array(positionCount);
  const posTo = new Float64Array(positionCount);
  const posKey = new Int32Array(positionCount);
  const posTitledBodies: Array<readonly string[] | undefined> = new Array(positionCount);
  const slotOf = new Int32Array(positionCount);
  posRows.items.forEach((original, slot) => {
    const p = input.positions[original] as AuthorityPosition;
    slotOf[original] = slot;
    posPerson[slot] = personIndex.get(p.personId) as number;
    posFrom[slot] = p.window.from.getTime();
    posTo[slot] = p.window.to === null ? Infinity : p.window.to.getTime();
    posKey[slot] = posKeyList[original] as number;
    posTitledBodies[slot] = input.bodiesByTitle.get(p.title);
  });
  const personRow = new Int32Array(positionCount);
  input.positions.forEach((p, i) => (personRow[i] = personIndex.get(p.personId) as number));
  const personRows = rows(personRow, persons);
  const personPos = personRows.items.map((original) => slotOf[original] as number);

  const numbers = (map: ReadonlyMap<string, readonly HotLinkSource[]>): Map<string, number[]> =>
    new Map([...map].map(([key, list]) => [key, list.map((l) => linkNumber.get(l) as number)]));

  // Certifications: certifying records only, by person, then role, then assessment date and id (the latest last;
  // of identical date and id the first recorded wins, so it sorts last).
  const certs = input.certifications.map((c, i) => ({ c, i, person: personIndex.get(c.personId) as number, role: intern(roleIndex, null, c.role) })).filter((x) => x.c.certifying);
  const certSlow = new Uint8Array(persons);
  for (const x of certs) if (Number.isNaN(x.c.assessedAt.getTime())) certSlow[x.person] = 1;
  // (An invalid date sorts as 0: that person is asked through qualificationAt anyway.)
  const madeKey = (d: Date): number => d.getTime() || 0;
  certs.sort((a, b) => a.person - b.person || a.role - b.role || madeKey(a.c.assessedAt) - madeKey(b.c.assessedAt) || compareStrings(a.c.assessmentId, b.c.assessmentId) || b.i - a.i);
  const certStart = new Int32Array(persons + 1);
  for (const x of certs) certStart[x.person + 1] = (certStart[x.person + 1] as number) + 1;
  for (let p = 0; p < persons; p++) certStart[p + 1] = (certStart[p + 1] as number) + (certStart[p] as number);
  const certRole = Int32Array.from(certs, (x) => x.role);
  const certMade = Float64Array.from(certs, (x) => x.c.assessedAt.getTime());
  const certLevel = Float64Array.from(certs, (x) => (x.c.level === null ? -Infinity : x.c.level));
  const certValid = Float64Array.from(certs, (x) => (x.c.validUntil === null ? Infinity : x.c.validUntil.getTime()));

  return {
    personIndex,
    personIds,
    links,
    ruleCount,
    sumF,
    sumI,
    parent,
    delegate,
    qualRole,
    qualLevel,
    inboxStart,
    ruleHolderKind,
    ruleKey,
    keyPosStart: posRows.start,
    posPerson,
    posFrom,
    posTo,
    posKey,
    posTitledBodies,
    personPosStart: personRows.start,
    personPos,
    keyRulesStart: keyRows.start,
    keyRules: keyRows.items,
    bodyRuleNumbers: numbers(input.bodyRules),
    roleRuleNumbers: numbers(input.roleRules),
    currencyIndex,
    roleIndex,
    unitIndex,
    unitEnter,
    unitExit,
    certStart,
    certRole,
    certMade,
    certLevel,
    certValid,
    certSlow,
  };
}

/** Whether a delegation's chain repeats a person: a delegate equal to the rule's holder or to an earlier delegate. */
function hasCycle(link: HotLinkSource): boolean {
  const delegates: string[] = [];
  let cursor: HotLinkSource = link;
  while (cursor.parent !== null && cursor.parent.kind === 'DELEGATION') {
    delegates.push(cursor.delegateId);
    cursor = cursor.parent;
  }
  // cursor is the first delegation: its delegator holds the rule on this chain.
  delegates.push(cursor.delegateId, cursor.delegatorId);
  return new Set(delegates).size !== delegates.length;
}
