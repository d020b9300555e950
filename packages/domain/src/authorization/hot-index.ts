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
// case or the time: they are judged once here. What is left per check: whether the first delegator holds the
// rule (positions, seats, team) and the qualifications required, walked from one requiring link to the next.
// Which link fails is looked for only when a chain is known to fail and its reason is returned (failingLink),
// and authorize.ts words the reason from per-link term lists, without reading the link objects.
//
// Measured, not assumed (50,000 vs 5,000 delegations): a person's candidate records sit side by side (the
// inbox), and per-link fields stay in separate dense arrays: one 64-byte record per link, tried for the walks
// up a chain, was slower, as 3.5 MB of records fall out of the cache where a 220 kB array of one field does not.
import type { OrgTree } from '../organisation/tree';
import type { CertificationRecord } from '../qualification/held';
import type { DecisionPoint, ProjectGrade } from '../ltc/ltc';
import type { TimeWindow } from '../time/window';
import type {
  AuthorityChain,
  AuthorityLink,
  AuthorityPosition,
  AuthorityRule,
  AuthorizationTeamMember,
  Delegation,
} from './types';

/** What the compiled links provide to the compact index (see CompiledLink in authority-index.ts). */
export interface HotLinkSource {
  readonly kind: 'RULE' | 'DELEGATION';
  readonly id: string;
  readonly rule: AuthorityRule;
  readonly delegation: Delegation | null;
  readonly output: AuthorityLink | null;
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

const HOLDER_POSITION = 0;
const HOLDER_BODY = 1;
const HOLDER_ROLE = 2;

/** Flags of a link's folded chain. */
const F_SHAPE = 1; // the chain is too deep or has a cycle
const F_LOST_BELOW = 2; // some delegator below the first delegation is not the previous delegate
const F_QUALIFICATION = 4; // some delegation requires a qualification
const F_LIMIT_SLOW = 8; // a limit is not a safe integer: compare the bigints link by link

/** Record layout: sumF (Float64Array, stride 4) and sumI (Int32Array, stride 8), by link number. The constants
 * stay private to this module, with every function reading them: an imported binding is a getter under some loaders. */
const F_FROM = 0;
const F_TO = 1;
const F_REVOKED = 2;
const F_LIMIT = 3;
const I_RULE = 0;
const I_ROOT_HOLDER = 1;
const I_MASKS = 2;
const I_SCOPE_ENTER = 3;
const I_SCOPE_EXIT = 4;
const I_CURRENCY = 5;
const I_FLAGS = 6;
const I_RANK = 7;
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
  /**
   * The link's own terms, to find which link of a failing chain fails and to word the reason (−1: a rule's delegator).
   */
  readonly ids: readonly string[];
  /** The delegation or the rule itself (its window, decision points, grades, scope, limit, revocation). */
  readonly terms: readonly (AuthorityRule | Delegation)[];
  readonly windows: readonly TimeWindow[];
  readonly points: readonly (readonly DecisionPoint[])[];
  readonly grades: readonly (readonly ProjectGrade[])[];
  readonly scopes: readonly string[];
  /** A delegation's prebuilt output link (null for a rule: its holder varies by chain). */
  readonly outputs: readonly (AuthorityLink | null)[];
  readonly currencyIds: readonly string[];
  readonly roleIds: readonly string[];
  /**
   * The rule's output link on chains through a first delegation (by that delegation's number): its holder is
   * that delegation's delegator, so it is the same on every such chain. Filled on first use.
   */
  readonly ruleOutputs: (AuthorityLink | undefined)[];
  /**
   * Answers that depend on the chain only, shared (frozen) by every answer that returns them, filled on first
   * use: a chain's ids (for its denial reasons), and the output of a chain that is not a decision body's.
   */
  readonly chainIdLists: (readonly string[] | undefined)[];
  readonly chainOutputs: (AuthorityChain | undefined)[];
  readonly length: Int32Array;
  readonly delegator: Int32Array;
  readonly delegate: Int32Array;
  readonly linkFrom: Float64Array;
  readonly linkTo: Float64Array;
  readonly linkRevoked: Float64Array;
  readonly linkLimit: Float64Array;
  readonly linkMasks: Int32Array;
  readonly linkScopeEnter: Int32Array;
  readonly linkScopeExit: Int32Array;
  readonly linkCurrency: Int32Array;
  /** -1: no qualification required. */
  /** The nearest link at or above each link that requires a qualification of its delegate, or −1. */
  readonly qualNext: Int32Array;
  /**
   * For a link requiring a qualification, by link number, stride 4: delegate, role number, max(1, level), the next such
   * link above (−1).
   */
  readonly qual: Float64Array;
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
  /** −1 for a root. */
  readonly unitParent: Int32Array;
  /**
   * Holder keys in unit u: unitKeyTitle / unitKeyKey[unitKeyStart[u] … unitKeyStart[u + 1] − 1] (title number, key).
   */
  readonly unitKeyStart: Int32Array;
  readonly unitKeyTitle: Int32Array;
  readonly unitKeyKey: Int32Array;
  /** Each seat of a body as a membership table by title number: 1 for the titles that fill it. */
  readonly bodySeats: ReadonlyMap<string, readonly Uint8Array[]>;
  /** A decision-body rule's body id ('' for other rules). */
  readonly ruleBody: readonly string[];
  /** Certifying records of person p, by role then assessment (oldest first): certStart[p] … certStart[p + 1] − 1;
   * `cert`, stride 4: role number, assessment time, level (null as −∞: no level reached), valid until (null as +∞). */
  readonly certStart: Int32Array;
  readonly cert: Float64Array;
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

/**
 * Counting sort into compressed rows: for each item its row; returns the row starts and the items in input order per
 * row.
 */
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
  readonly seatsByBody: ReadonlyMap<string, readonly { readonly titles: readonly string[] }[]>;
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

/** Step 1: every person named by a position, a delegation or a certification, numbered in that order. */
function numberPersons(input: HotIndexInput): { personIndex: Map<string, number>; personIds: string[] } {
  const personIndex = new Map<string, number>();
  const personIds: string[] = [];
  for (const p of input.positions) intern(personIndex, personIds, p.personId);
  for (const d of input.delegations) {
    intern(personIndex, personIds, d.delegatorId);
    intern(personIndex, personIds, d.delegateId);
  }
  for (const c of input.certifications) intern(personIndex, personIds, c.personId);
  return { personIndex, personIds };
}

interface UnitNumbers {
  readonly unitIndex: Map<string, number>;
  readonly unitEnter: Int32Array;
  readonly unitExit: Int32Array;
  readonly unitParent: Int32Array;
}

/**
 * Step 2: org units numbered by a depth-first walk: `unit` lies within `scope` ⇔ enter(scope) ≤ enter(unit) and
 * exit(unit) ≤ exit(scope).
 */
function numberUnits(tree: OrgTree): UnitNumbers {
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
  const unitParent = new Int32Array(unitIndex.size);
  for (const [id, n] of unitIndex) {
    const parentId = tree.parentOf(id);
    unitParent[n] = parentId === null ? -1 : (unitIndex.get(parentId) ?? -1);
  }
  return { unitIndex, unitEnter, unitExit, unitParent };
}

interface LinkNumbers {
  readonly links: HotLinkSource[];
  readonly linkNumber: Map<HotLinkSource, number>;
  readonly ruleCount: number;
  readonly inboxStart: Int32Array;
}

/** Step 3: link numbers: rules, then delegations grouped by delegate so that a person's inbox is contiguous. */
function numberLinks(input: HotIndexInput, personIndex: ReadonlyMap<string, number>, persons: number): LinkNumbers {
  const ruleCount = input.rules.length;
  const delegateRow = new Int32Array(input.delegations.length);
  input.delegations.forEach((d, i) => (delegateRow[i] = personIndex.get(d.delegateId) as number));
  const inbox = rows(delegateRow, persons);
  const inboxStart = inbox.start.map((s) => s + ruleCount);
  const links: HotLinkSource[] = [...input.rules];
  for (const i of inbox.items) links.push(input.delegations[i] as HotLinkSource);
  const linkNumber = new Map<HotLinkSource, number>();
  links.forEach((l, i) => linkNumber.set(l, i));
  return { links, linkNumber, ruleCount, inboxStart };
}

/** Step 4: each link's own terms, one dense array per field (what failingLink and the wording read). */
function linkTerms(links: readonly HotLinkSource[]) {
  const count = links.length;
  const ids: string[] = new Array(count);
  const terms: Array<AuthorityRule | Delegation> = new Array(count);
  const windows: TimeWindow[] = new Array(count);
  const points: Array<readonly DecisionPoint[]> = new Array(count);
  const grades: Array<readonly ProjectGrade[]> = new Array(count);
  const scopes: string[] = new Array(count);
  const outputs: Array<AuthorityLink | null> = new Array(count);
  const length = new Int32Array(count);
  const linkFrom = new Float64Array(count);
  const linkTo = new Float64Array(count);
  const linkRevoked = new Float64Array(count);
  const linkLimit = new Float64Array(count);
  for (let n = 0; n < count; n++) {
    const l = links[n] as HotLinkSource;
    const own = l.delegation ?? l.rule;
    ids[n] = l.id;
    terms[n] = own;
    windows[n] = own.window;
    points[n] = own.decisionPoints;
    grades[n] = own.grades;
    scopes[n] = l.scopeOrgUnitId;
    outputs[n] = l.output;
    length[n] = l.length;
    linkFrom[n] = l.fromMs;
    linkTo[n] = l.toMs;
    linkRevoked[n] = l.revokedMs;
    linkLimit[n] = l.limit === null ? Infinity : Number(l.limit);
  }
  return { ids, terms, windows, points, grades, scopes, outputs, length, linkFrom, linkTo, linkRevoked, linkLimit };
}

/**
 * Step 5: fold each link onto its parent's record, parents first (a link's parent has a smaller length): the
 * chain summaries (sumF, sumI but the rank), the per-link masks, scope and currency, the people and the
 * qualification walk. Numbers currencies and the qualification roles (in link order, before certifications).
 */
function foldChains(
  input: HotIndexInput,
  numbered: LinkNumbers,
  length: Int32Array,
  personIndex: ReadonlyMap<string, number>,
  units: UnitNumbers,
) {
  const { links, linkNumber } = numbered;
  const { unitIndex, unitEnter, unitExit } = units;
  const count = links.length;
  const currencyIndex = new Map<string, number>();
  const roleIndex = new Map<string, number>();
  const sumF = new Float64Array(count * SF);
  const sumI = new Int32Array(count * SI);
  const parent = new Int32Array(count);
  const delegator = new Int32Array(count);
  const delegate = new Int32Array(count);
  const linkMasks = new Int32Array(count);
  const linkScopeEnter = new Int32Array(count);
  const linkScopeExit = new Int32Array(count);
  const linkCurrency = new Int32Array(count);
  const qualNext = new Int32Array(count);
  const qual = new Float64Array(count * 4);
  const minReach = new Float64Array(count);
  const limitMin: Array<bigint | null> = new Array(count);
  const max = input.maxChainLinks;

  let longest = 0;
  for (const len of length) longest = Math.max(longest, len);
  for (const n of rows(length, longest + 1).items) {
    const link = links[n] as HotLinkSource;
    const p = link.parent === null ? -1 : (linkNumber.get(link.parent) as number);
    parent[n] = p;
    delegate[n] = link.kind === 'DELEGATION' ? (personIndex.get(link.delegateId) as number) : -1;
    delegator[n] = link.kind === 'DELEGATION' ? (personIndex.get(link.delegatorId) as number) : -1;
    const above = p < 0 ? -1 : (qualNext[p] as number);
    if (link.qualificationRole === null) qualNext[n] = above;
    else {
      qualNext[n] = n;
      qual[n * 4] = personIndex.get(link.delegateId) as number;
      qual[n * 4 + 1] = intern(roleIndex, null, link.qualificationRole);
      qual[n * 4 + 2] = Math.max(1, link.qualificationLevel);
      qual[n * 4 + 3] = above;
    }
    const f = n * SF;
    const o = n * SI;
    const revoked = Number.isNaN(link.revokedMs) ? Infinity : link.revokedMs;
    const scope = unitIndex.get(link.scopeOrgUnitId);
    const scopeEnter = scope === undefined ? NO_SCOPE : (unitEnter[scope] as number);
    const scopeExit = scope === undefined ? -1 : (unitExit[scope] as number);
    const currency = intern(currencyIndex, null, link.currency);
    const masks = link.pointMask | (link.gradeMask << 16);
    linkMasks[n] = masks;
    linkScopeEnter[n] = scopeEnter;
    linkScopeExit[n] = scopeExit;
    linkCurrency[n] = currency;
    const depth = Number.isNaN(link.depth) ? Infinity : link.depth;
    const limitSlow =
      link.limit !== null && !(typeof link.limit === 'bigint' && Number.isSafeInteger(Number(link.limit)));
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
      sumI[o + I_ROOT_HOLDER] =
        parentLink.kind === 'RULE'
          ? (personIndex.get(link.delegatorId) as number)
          : (sumI[po + I_ROOT_HOLDER] as number);
      sumI[o + I_MASKS] = (sumI[po + I_MASKS] as number) & masks;
      sumI[o + I_SCOPE_ENTER] = Math.max(sumI[po + I_SCOPE_ENTER] as number, scopeEnter);
      sumI[o + I_SCOPE_EXIT] = Math.min(sumI[po + I_SCOPE_EXIT] as number, scopeExit);
      const above2 = sumI[po + I_CURRENCY] as number;
      sumI[o + I_CURRENCY] = above2 === currency ? currency : -1;
      const parentFlags = sumI[po + I_FLAGS] as number;
      flags |= parentFlags & (F_LOST_BELOW | F_QUALIFICATION | F_LIMIT_SLOW);
      // Position of this link on its chain is length − 1; the parent's delegate must be this delegator below the
      // first delegation.
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
  return {
    currencyIndex,
    roleIndex,
    sumF,
    sumI,
    parent,
    delegator,
    delegate,
    linkMasks,
    linkScopeEnter,
    linkScopeExit,
    linkCurrency,
    qualNext,
    qual,
  };
}

/**
 * Step 6: rank (written into sumI): the order of the chains' id lists (rule first; a shorter prefix first), by a
 * depth-first walk over the chains sorted by id at each level. Rules sharing an id share a rank (only one of them
 * has delegations).
 */
function rankChains(links: readonly HotLinkSource[], ruleCount: number, parent: Int32Array, sumI: Int32Array): void {
  const count = links.length;
  const children = new Map<number, number[]>();
  for (let n = ruleCount; n < count; n++) {
    const p = parent[n] as number;
    const list = children.get(p);
    if (list) list.push(n);
    else children.set(p, [n]);
  }
  const byId = (a: number, b: number): number =>
    compareStrings((links[a] as HotLinkSource).id, (links[b] as HotLinkSource).id);
  const ruleOrder = Array.from({ length: ruleCount }, (_, i) => i).sort(byId);
  let rank = 0;
  for (let i = 0; i < ruleOrder.length;) {
    const id = (links[ruleOrder[i] as number] as HotLinkSource).id;
    const group: number[] = [];
    for (; i < ruleOrder.length && (links[ruleOrder[i] as number] as HotLinkSource).id === id; i++)
      group.push(ruleOrder[i] as number);
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
}

/** Step 7: rule holders: positions by key (title in a unit) and by person, seats by title, rules by holder. */
function indexHolders(
  input: HotIndexInput,
  personIndex: ReadonlyMap<string, number>,
  persons: number,
  unitIndex: ReadonlyMap<string, number>,
) {
  const ruleCount = input.rules.length;
  const keyIndex = new Map<string, number>();
  const posKeyList = new Int32Array(input.positions.length);
  input.positions.forEach((p, i) => (posKeyList[i] = intern(keyIndex, null, p.title + '\u0000' + p.orgUnitId)));
  const titleIndex = new Map<string, number>();
  for (const p of input.positions) intern(titleIndex, null, p.title);
  // Each key (title in a unit) once, under its unit.
  const keyUnit = new Int32Array(keyIndex.size).fill(-1);
  const keyTitle = new Int32Array(keyIndex.size);
  input.positions.forEach((p, i) => {
    const key = posKeyList[i] as number;
    keyUnit[key] = unitIndex.get(p.orgUnitId) ?? -1;
    keyTitle[key] = titleIndex.get(p.title) as number;
  });
  const unitKeys = rows(keyUnit, unitIndex.size);
  const unitKeyTitle = unitKeys.items.map((key) => keyTitle[key] as number);
  const bodySeats = new Map<string, Uint8Array[]>();
  for (const [body, seats] of input.seatsByBody) {
    bodySeats.set(
      body,
      seats.map((seat) => {
        const fills = new Uint8Array(titleIndex.size);
        for (const title of seat.titles) if (titleIndex.has(title)) fills[titleIndex.get(title) as number] = 1;
        return fills;
      }),
    );
  }
  const ruleBody = input.rules.map((r) => (r.rule.holder.kind === 'DECISION_BODY' ? r.rule.holder.bodyId : ''));
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
  return {
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
    unitKeyStart: unitKeys.start,
    unitKeyTitle,
    unitKeyKey: unitKeys.items,
    bodySeats,
    ruleBody,
  };
}

/**
 * Step 8: certifications: certifying records only, by person, then role, then assessment date and id (the latest
 * last; of identical date and id the first recorded wins, so it sorts last). Numbers the roles not seen yet.
 */
function indexCertifications(
  certifications: readonly CertificationRecord[],
  personIndex: ReadonlyMap<string, number>,
  persons: number,
  roleIndex: Map<string, number>,
) {
  const certs = certifications
    .map((c, i) => ({ c, i, person: personIndex.get(c.personId) as number, role: intern(roleIndex, null, c.role) }))
    .filter((x) => x.c.certifying);
  const certSlow = new Uint8Array(persons);
  for (const x of certs) if (Number.isNaN(x.c.assessedAt.getTime())) certSlow[x.person] = 1;
  // (An invalid date sorts as 0: that person is asked through qualificationAt anyway.)
  const madeKey = (d: Date): number => d.getTime() || 0;
  certs.sort(
    (a, b) =>
      a.person - b.person ||
      a.role - b.role ||
      madeKey(a.c.assessedAt) - madeKey(b.c.assessedAt) ||
      compareStrings(a.c.assessmentId, b.c.assessmentId) ||
      b.i - a.i,
  );
  const certStart = new Int32Array(persons + 1);
  for (const x of certs) certStart[x.person + 1] = (certStart[x.person + 1] as number) + 1;
  for (let p = 0; p < persons; p++) certStart[p + 1] = (certStart[p + 1] as number) + (certStart[p] as number);
  const cert = new Float64Array(certs.length * 4);
  certs.forEach((x, i) => {
    cert[i * 4] = x.role;
    cert[i * 4 + 1] = x.c.assessedAt.getTime();
    cert[i * 4 + 2] = x.c.level === null ? -Infinity : x.c.level;
    cert[i * 4 + 3] = x.c.validUntil === null ? Infinity : x.c.validUntil.getTime();
  });
  return { certStart, cert, certSlow };
}

export function buildHotIndex(input: HotIndexInput): HotIndex {
  const { personIndex, personIds } = numberPersons(input);
  const persons = personIds.length;
  const units = numberUnits(input.tree);
  const numbered = numberLinks(input, personIndex, persons);
  const { links, linkNumber, ruleCount, inboxStart } = numbered;
  const count = links.length;
  const { ids, terms, windows, points, grades, scopes, outputs, length, linkFrom, linkTo, linkRevoked, linkLimit } =
    linkTerms(links);
  const folded = foldChains(input, numbered, length, personIndex, units);
  const { sumF, sumI, parent } = folded;
  rankChains(links, ruleCount, parent, sumI);
  const holders = indexHolders(input, personIndex, persons, units.unitIndex);
  const certs = indexCertifications(input.certifications, personIndex, persons, folded.roleIndex);
  const numbers = (map: ReadonlyMap<string, readonly HotLinkSource[]>): Map<string, number[]> =>
    new Map([...map].map(([key, list]) => [key, list.map((l) => linkNumber.get(l) as number)]));

  return {
    personIndex,
    personIds,
    links,
    ruleCount,
    sumF,
    sumI,
    parent,
    ids,
    terms,
    windows,
    points,
    grades,
    scopes,
    outputs,
    currencyIds: [...folded.currencyIndex.keys()],
    roleIds: [...folded.roleIndex.keys()],
    ruleOutputs: new Array(count),
    chainIdLists: new Array(count),
    chainOutputs: new Array(count),
    length,
    delegator: folded.delegator,
    delegate: folded.delegate,
    linkFrom,
    linkTo,
    linkRevoked,
    linkLimit,
    linkMasks: folded.linkMasks,
    linkScopeEnter: folded.linkScopeEnter,
    linkScopeExit: folded.linkScopeExit,
    linkCurrency: folded.linkCurrency,
    qualNext: folded.qualNext,
    qual: folded.qual,
    inboxStart,
    ruleHolderKind: holders.ruleHolderKind,
    ruleKey: holders.ruleKey,
    keyPosStart: holders.keyPosStart,
    posPerson: holders.posPerson,
    posFrom: holders.posFrom,
    posTo: holders.posTo,
    posKey: holders.posKey,
    posTitledBodies: holders.posTitledBodies,
    personPosStart: holders.personPosStart,
    personPos: holders.personPos,
    keyRulesStart: holders.keyRulesStart,
    keyRules: holders.keyRules,
    bodyRuleNumbers: numbers(input.bodyRules),
    roleRuleNumbers: numbers(input.roleRules),
    currencyIndex: folded.currencyIndex,
    roleIndex: folded.roleIndex,
    unitIndex: units.unitIndex,
    unitEnter: units.unitEnter,
    unitExit: units.unitExit,
    unitParent: units.unitParent,
    unitKeyStart: holders.unitKeyStart,
    unitKeyTitle: holders.unitKeyTitle,
    unitKeyKey: holders.unitKeyKey,
    bodySeats: holders.bodySeats,
    ruleBody: holders.ruleBody,
    certStart: certs.certStart,
    cert: certs.cert,
    certSlow: certs.certSlow,
  };
}

/** Whether a delegation's chain repeats a person: a delegate equal to the rule's holder or to an earlier delegate. */
function hasCycle(link: HotLinkSource): boolean {
  const persons: string[] = [];
  let cursor: HotLinkSource = link;
  for (;;) {
    if (persons.includes(cursor.delegateId)) return true;
    persons.push(cursor.delegateId);
    if (cursor.parent === null || cursor.parent.kind !== 'DELEGATION') break;
    cursor = cursor.parent;
  }
  // cursor is the first delegation: its delegator holds the rule on this chain.
  return persons.includes(cursor.delegatorId);
}

// ---- Reading: what a check does with the compact index. ----

/** The case as the compact index sees it (authorize.ts's context provides it). */
export interface HotCase {
  readonly t: number;
  /** Currency number; −2 when no link uses it. */
  readonly currency: number;
  /** The case unit's number and interval; −1 when the unit is unknown. */
  readonly unit: number;
  readonly unitEnter: number;
  readonly unitExit: number;
  /** The amount as a number, exact when `amountExact`; `minor` itself otherwise. */
  readonly amount: number;
  readonly amountExact: boolean;
  readonly minor: bigint;
  readonly pointBit: number;
  readonly gradeBit: number;
  /** Team members counting at t. */
  readonly team: readonly AuthorizationTeamMember[];
}

/** The checks the compact index leaves to the plain engine (decision bodies, project roles, odd certifications). */
export interface SlowChecks<C extends HotCase> {
  /** Whether person number `p` holds the project-role rule number `rule`. */
  holdsRule(ctx: C, rule: number, p: number): boolean;
  /** The level the delegate of link `x` holds for its required role (−∞: none), by qualificationAt. */
  heldLevel(ctx: C, x: number): number;
}

/** Stages of AUTHORIZATION_CHECK_ORDER (0: the chain allows). */
export const STAGE = {
  ALLOWS: 0,
  SHAPE: 1,
  IN_FORCE: 2,
  REVOKED: 3,
  SOURCE: 4,
  CURRENCY: 5,
  POINT: 6,
  GRADE: 7,
  SCOPE: 8,
  AMOUNT: 9,
  QUALIFICATION: 10,
  CONFLICT: 11,
} as const;

/**
 * A check's candidate chains (link numbers), sorted as the answer lists them, and each one's first failing stage. Not
 * re-entrant.
 */
export const judged = { candidates: new Int32Array(64), stages: new Int32Array(64) };

function addCandidate(n: number, l: number): number {
  if (n === judged.candidates.length) {
    const grown = new Int32Array(n * 2);
    grown.set(judged.candidates);
    judged.candidates = grown;
    judged.stages = new Int32Array(n * 2);
  }
  judged.candidates[n] = l;
  return n + 1;
}

/** Appends the rule numbers rules[from … to − 1] not yet among the candidates. */
function addRulesOnce(n: number, rules: ArrayLike<number>, from: number, to: number): number {
  const candidates = judged.candidates;
  for (let i = from; i < to; i++) {
    const r = rules[i] as number;
    let known = false;
    for (let j = 0; j < n && !known; j++) known = candidates[j] === r;
    if (!known) n = addCandidate(n, r);
  }
  return n;
}

/**
 * Gathers the candidate chains of `person` (number `p`, −1 when unknown): the rules held directly (positions in
 * force, decision-body seats, project roles; each rule once), then every delegation received, in state order.
 */
export function gatherCandidates(h: HotIndex, ctx: HotCase, person: string, p: number): number {
  const t = ctx.t;
  let n = 0;
  if (p >= 0) {
    let bodies: string[] | null = null;
    for (let i = h.personPosStart[p] as number, end = h.personPosStart[p + 1] as number; i < end; i++) {
      const pos = h.personPos[i] as number;
      if (!((h.posFrom[pos] as number) <= t && t < (h.posTo[pos] as number))) continue;
      const key = h.posKey[pos] as number;
      n = addRulesOnce(n, h.keyRules, h.keyRulesStart[key] as number, h.keyRulesStart[key + 1] as number);
      const titled = h.posTitledBodies[pos];
      if (titled === undefined) continue;
      bodies ??= [];
      for (const b of titled) if (!bodies.includes(b)) bodies.push(b);
    }
    if (bodies !== null) {
      for (const b of bodies) {
        const rules = h.bodyRuleNumbers.get(b);
        if (rules !== undefined && fillsSeat(h, ctx, b, p)) n = addRulesOnce(n, rules, 0, rules.length);
      }
    }
  }
  for (const m of ctx.team) {
    if (m.personId !== person) continue;
    const rules = h.roleRuleNumbers.get(m.role);
    if (rules !== undefined) n = addRulesOnce(n, rules, 0, rules.length);
  }
  if (p >= 0)
    for (let l = h.inboxStart[p] as number, end = h.inboxStart[p + 1] as number; l < end; l++) n = addCandidate(n, l);
  return n;
}

/** Whether person number `p` holds rule number `rule` at t for the case. */
function holdsRuleAt<C extends HotCase>(h: HotIndex, ctx: C, rule: number, p: number, slow: SlowChecks<C>): boolean {
  const kind = h.ruleHolderKind[rule];
  if (kind === HOLDER_BODY) return fillsSeat(h, ctx, h.ruleBody[rule] as string, p);
  if (kind !== HOLDER_POSITION) return slow.holdsRule(ctx, rule, p);
  const key = h.ruleKey[rule] as number;
  if (key < 0) return false;
  const t = ctx.t;
  for (let i = h.keyPosStart[key] as number, end = h.keyPosStart[key + 1] as number; i < end; i++) {
    if (h.posPerson[i] === p && (h.posFrom[i] as number) <= t && t < (h.posTo[i] as number)) return true;
  }
  return false;
}

/**
 * Whether person `p` fills a seat of `body` for the case at t (seatsFilledBy): a seat's occupants are the
 * holders in force of one of its titles in the nearest unit, at or above the case's, that has any.
 */
function fillsSeat(h: HotIndex, ctx: HotCase, body: string, p: number): boolean {
  const seats = h.bodySeats.get(body);
  if (seats === undefined) return false;
  const t = ctx.t;
  for (const titles of seats) {
    for (let u = ctx.unit; u >= 0; u = h.unitParent[u] as number) {
      let occupied = false;
      for (let k = h.unitKeyStart[u] as number, keys = h.unitKeyStart[u + 1] as number; k < keys; k++) {
        if (titles[h.unitKeyTitle[k] as number] !== 1) continue;
        const key = h.unitKeyKey[k] as number;
        for (let i = h.keyPosStart[key] as number, end = h.keyPosStart[key + 1] as number; i < end; i++) {
          if (!((h.posFrom[i] as number) <= t && t < (h.posTo[i] as number))) continue;
          if (h.posPerson[i] === p) return true;
          occupied = true;
        }
      }
      if (occupied) break;
    }
  }
  return false;
}

/**
 * qualificationAt on the compact records: the level the delegate of link `x` holds for its required role, −∞ for none.
 */
function heldLevel<C extends HotCase>(h: HotIndex, ctx: C, x: number, slow: SlowChecks<C>): number {
  const q = h.qual;
  const p = q[x * 4] as number;
  if (h.certSlow[p] === 1) return slow.heldLevel(ctx, x);
  const role = q[x * 4 + 1] as number;
  const t = ctx.t;
  const cert = h.cert;
  let latest = -1;
  for (let i = h.certStart[p] as number, end = h.certStart[p + 1] as number; i < end; i++) {
    if (cert[i * 4] === role && (cert[i * 4 + 1] as number) <= t) latest = i;
  }
  if (latest < 0) return -Infinity;
  const level = cert[latest * 4 + 2] as number;
  if (level <= 0 || t >= (cert[latest * 4 + 3] as number)) return -Infinity;
  return level;
}

/** Whether the delegate of link `x` lacks the qualification it requires. */
function unqualified<C extends HotCase>(h: HotIndex, ctx: C, x: number, slow: SlowChecks<C>): boolean {
  const held = heldLevel(h, ctx, x, slow);
  return held === -Infinity || held < (h.qual[x * 4 + 2] as number);
}

/** The first failing stage of link `l`'s chain (0: it allows), from its folded record. */
export function chainStage<C extends HotCase>(
  h: HotIndex,
  ctx: C,
  l: number,
  personInTeam: boolean,
  slow: SlowChecks<C>,
): number {
  const f = l * SF;
  const o = l * SI;
  const sumI = h.sumI;
  const flags = sumI[o + I_FLAGS] as number;
  if ((flags & F_SHAPE) !== 0) return STAGE.SHAPE;
  const sumF = h.sumF;
  const t = ctx.t;
  if (!((sumF[f + F_FROM] as number) <= t && t < (sumF[f + F_TO] as number))) return STAGE.IN_FORCE;
  if ((sumF[f + F_REVOKED] as number) <= t) return STAGE.REVOKED;
  const rule = sumI[o + I_RULE] as number;
  if (
    l !== rule &&
    ((flags & F_LOST_BELOW) !== 0 || !holdsRuleAt(h, ctx, rule, sumI[o + I_ROOT_HOLDER] as number, slow))
  )
    return STAGE.SOURCE;
  if (sumI[o + I_CURRENCY] !== ctx.currency) return STAGE.CURRENCY;
  const masks = sumI[o + I_MASKS] as number;
  if ((masks & ctx.pointBit) === 0) return STAGE.POINT;
  if ((masks & (ctx.gradeBit << 16)) === 0) return STAGE.GRADE;
  if (!(ctx.unitEnter >= (sumI[o + I_SCOPE_ENTER] as number) && ctx.unitExit <= (sumI[o + I_SCOPE_EXIT] as number)))
    return STAGE.SCOPE;
  if ((flags & F_LIMIT_SLOW) !== 0 || !ctx.amountExact) {
    if (overLimit(h, ctx, l) >= 0) return STAGE.AMOUNT;
  } else if (ctx.amount > (sumF[f + F_LIMIT] as number)) return STAGE.AMOUNT;
  if ((flags & F_QUALIFICATION) !== 0) {
    for (let x = h.qualNext[l] as number; x >= 0; x = h.qual[x * 4 + 3] as number)
      if (unqualified(h, ctx, x, slow)) return STAGE.QUALIFICATION;
  }
  if (personInTeam && h.ruleHolderKind[rule] !== HOLDER_ROLE) return STAGE.CONFLICT;
  return STAGE.ALLOWS;
}

/** The link nearest the rule whose limit the amount exceeds (bigint comparison), or −1. */
function overLimit(h: HotIndex, ctx: HotCase, l: number): number {
  let found = -1;
  for (let x = l; x >= 0; x = h.parent[x] as number) {
    const limit = (h.links[x] as HotLinkSource).limit;
    if (limit !== null && ctx.minor > limit) found = x;
  }
  return found;
}

/**
 * Judges the `n` gathered candidates: each one's first failing stage, then sorts them by rank (the order of
 * their id lists; stable, as Array.prototype.sort). Returns how many allow.
 */
export function judgeCandidates<C extends HotCase>(
  h: HotIndex,
  ctx: C,
  n: number,
  personInTeam: boolean,
  slow: SlowChecks<C>,
): number {
  const candidates = judged.candidates;
  const stages = judged.stages;
  const sumI = h.sumI;
  let allowing = 0;
  for (let i = 0; i < n; i++) {
    const l = candidates[i] as number;
    const stage = chainStage(h, ctx, l, personInTeam, slow);
    if (stage === STAGE.ALLOWS) allowing++;
    const rank = sumI[l * SI + I_RANK] as number;
    let j = i;
    for (; j > 0 && (sumI[(candidates[j - 1] as number) * SI + I_RANK] as number) > rank; j--) {
      candidates[j] = candidates[j - 1] as number;
      stages[j] = stages[j - 1] as number;
    }
    candidates[j] = l;
    stages[j] = stage;
  }
  return allowing;
}

/**
 * Which link of `l`'s chain fails `stage` first (from the rule down), or −1 when the plain checks must say
 * (the chain's shape, a limit beyond a safe integer). Walking up from `l`, the last failure seen is the first.
 */
export function failingLink<C extends HotCase>(
  h: HotIndex,
  ctx: C,
  l: number,
  stage: number,
  slow: SlowChecks<C>,
): number {
  const parent = h.parent;
  const t = ctx.t;
  let found = -1;
  switch (stage) {
    case STAGE.IN_FORCE:
      for (let x = l; x >= 0; x = parent[x] as number)
        if (!((h.linkFrom[x] as number) <= t && t < (h.linkTo[x] as number))) found = x;
      return found;
    case STAGE.REVOKED:
      for (let x = l; x >= 0; x = parent[x] as number) if ((h.linkRevoked[x] as number) <= t) found = x;
      return found;
    case STAGE.SOURCE: {
      const rule = h.sumI[l * SI + I_RULE] as number;
      for (let x = l; (parent[x] as number) !== rule; x = parent[x] as number)
        if (h.delegator[x] !== h.delegate[parent[x] as number]) found = x;
      // The first delegation's delegator must hold the rule; that is checked before the links below it.
      let first = l;
      while ((parent[first] as number) !== rule) first = parent[first] as number;
      return holdsRuleAt(h, ctx, rule, h.delegator[first] as number, slow) ? found : first;
    }
    case STAGE.CURRENCY:
      for (let x = l; x >= 0; x = parent[x] as number) if (h.linkCurrency[x] !== ctx.currency) found = x;
      return found;
    case STAGE.POINT:
      for (let x = l; x >= 0; x = parent[x] as number) if (((h.linkMasks[x] as number) & ctx.pointBit) === 0) found = x;
      return found;
    case STAGE.GRADE:
      for (let x = l; x >= 0; x = parent[x] as number)
        if (((h.linkMasks[x] as number) & (ctx.gradeBit << 16)) === 0) found = x;
      return found;
    case STAGE.SCOPE:
      for (let x = l; x >= 0; x = parent[x] as number)
        if (!(ctx.unitEnter >= (h.linkScopeEnter[x] as number) && ctx.unitExit <= (h.linkScopeExit[x] as number)))
          found = x;
      return found;
    case STAGE.AMOUNT:
      if (((h.sumI[l * SI + I_FLAGS] as number) & F_LIMIT_SLOW) !== 0 || !ctx.amountExact) return overLimit(h, ctx, l);
      for (let x = l; x >= 0; x = parent[x] as number) if (ctx.amount > (h.linkLimit[x] as number)) found = x;
      return found;
    case STAGE.QUALIFICATION:
      for (let x = h.qualNext[l] as number; x >= 0; x = h.qual[x * 4 + 3] as number)
        if (unqualified(h, ctx, x, slow)) found = x;
      return found;
    case STAGE.CONFLICT:
      return l;
    default:
      return -1;
  }
}

/** The held level for a DELEGATE_NOT_QUALIFIED reason: null when none is held. */
export function heldLevelOrNull<C extends HotCase>(h: HotIndex, ctx: C, x: number, slow: SlowChecks<C>): number | null {
  const held = heldLevel(h, ctx, x, slow);
  return held === -Infinity ? null : held;
}

/** The ids of link `l`'s chain, rule first (built once, then shared). */
export function chainIds(h: HotIndex, l: number): readonly string[] {
  const cached = h.chainIdLists[l];
  if (cached !== undefined) return cached;
  const ids: string[] = new Array(h.length[l] as number);
  for (let x = l, i = ids.length - 1; i >= 0; x = h.parent[x] as number, i--) ids[i] = h.ids[x] as string;
  return (h.chainIdLists[l] = Object.freeze(ids));
}
