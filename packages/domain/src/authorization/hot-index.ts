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
//
// Versions (incremental.ts). An index made by applying changes shares the packed columns of the index it was made
// from. Per-link, per-position and per-certification columns are append-only: a version reads only below its own
// counts, and appends go past the counts of every version sharing them (a `Claim` names the one version allowed
// to append in place; any other copies the columns first). The build leaves spare room at the end of each. Rows
// that a change alters (a person's inbox or positions, a key's holders or rules, a unit's keys, a person's
// certifications) are replaced in `ov`, a small copy-on-write overlay read before the packed rows; the small
// tables (bodies, titles, currencies, roles, live rules) are replaced whole. Nothing a version reads is written.
import type { OrgTree } from '../organisation/tree';
import type { CertificationRecord } from '../qualification/held';
import type { DecisionPoint, ProjectGrade } from '../ltc/ltc';
import type { TimeWindow } from '../time/window';
import { compareIdLists } from './chain-order';
import type { StackedMap } from './layered-map';
import type {
  AuthorityChain,
  AuthorityLink,
  AuthorityPosition,
  AuthorityRule,
  AuthorizationTeamMember,
  Delegation,
} from './types';
import { runSteps, Slice, sortSteps, Steps } from './steps';

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
  /** Its link number, −1 until numbered (see CompiledLink). */
  num: number;
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

/** The one version allowed to append to a set of shared columns in place: the one whose count equals `count`. */
export interface Claim {
  count: number;
}

/** A unit's holder keys, as replaced by the overlay: title number and key number, side by side. */
export interface UnitKeys {
  readonly titles: Int32Array;
  readonly keys: Int32Array;
}

/** A person's certifying records as replaced by the overlay: records start … end − 1 of `cert`. */
export interface CertRow {
  readonly start: number;
  readonly end: number;
  /** Some record has an invalid assessment date: ask qualificationAt instead. */
  readonly slow: boolean;
}

/** The holder of a rule compiled after the build: its kind, key number (−1) and body id (''). */
export interface RuleHolderNumbers {
  readonly kind: number;
  readonly key: number;
  readonly body: string;
}

/**
 * What changed since the build, read before the packed rows: names interned since (numbers continue the build's),
 * and the rows replaced, by person, key or unit number.
 */
export interface HotOverlay {
  readonly persons: StackedMap<string, number>;
  readonly keys: StackedMap<string, number>;
  readonly titles: StackedMap<string, number>;
  readonly currencies: StackedMap<string, number>;
  readonly roles: StackedMap<string, number>;
  /** A person's delegations received (link numbers). */
  readonly inbox: StackedMap<number, Int32Array>;
  /** A person's positions (slots). */
  readonly personPos: StackedMap<number, Int32Array>;
  /** A key's positions (slots). */
  readonly keyPos: StackedMap<number, Int32Array>;
  /** A key's position-held rules (link numbers). */
  readonly keyRules: StackedMap<number, Int32Array>;
  readonly unitKeys: StackedMap<number, UnitKeys>;
  readonly certRows: StackedMap<number, CertRow>;
  /** Holders of the rules compiled since the build, by link number. */
  readonly rules: StackedMap<number, RuleHolderNumbers>;
  /** Link numbers of the rules compiled since the build, by id. */
  readonly ruleNumbers: StackedMap<string, number>;
  /** Slots of the positions written since the build, by id. */
  readonly posSlots: StackedMap<string, number>;
}

export interface HotIndex {
  /** Persons numbered by the build; later ones are in `ov.persons`. */
  readonly personIndex: ReadonlyMap<string, number>;
  /** Person number → id (append-only: `personCount` of them are this version's). */
  readonly personIds: readonly string[];
  /** Link number → compiled link: rules first (state order), then delegations grouped by delegate. */
  readonly links: readonly HotLinkSource[];
  /** Rules numbered by the build (links 0 … ruleCount − 1). */
  readonly ruleCount: number;
  /** This version's counts: it reads the append-only columns below them. */
  readonly linkCount: number;
  readonly slotCount: number;
  readonly certCount: number;
  readonly personCount: number;
  readonly keyCount: number;
  readonly titleCount: number;
  /** The build's counts: packed rows exist for these numbers only; ranks hold for links below `baseLinks`. */
  readonly baseLinks: number;
  readonly basePersons: number;
  readonly baseKeys: number;
  readonly linkClaim: Claim;
  readonly slotClaim: Claim;
  readonly certClaim: Claim;
  readonly personClaim: Claim;
  /** Rules in force in this version (link numbers). */
  readonly ruleLinks: Int32Array;
  /** Rule id → link number, as built. */
  readonly ruleNumberById: ReadonlyMap<string, number>;
  /** Position id → slot, as built. */
  readonly posSlotById: ReadonlyMap<string, number>;
  /** Title in a unit → key number, as built. */
  readonly keyIndex: ReadonlyMap<string, number>;
  readonly titleIndex: ReadonlyMap<string, number>;
  /** The rows replaced since the build; null for a built index. */
  readonly ov: HotOverlay | null;
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
  /** The nearest link at or above each link that requires a qualification of its delegate, or −1. */
  readonly qualNext: Int32Array;
  /**
   * For a link requiring a qualification, by link number, stride 4: delegate, role number, max(1, level), the next such
   * link above (−1).
   */
  readonly qual: Float64Array;
  /** For folding links below a link: the fewest further levels any link of its chain allows, and its lowest limit. */
  readonly minReach: Float64Array;
  readonly limitMin: readonly (bigint | null)[];
  /** Delegations received by person p: link numbers inboxStart[p] … inboxStart[p + 1] − 1, in state order. */
  readonly inboxStart: Int32Array;
  readonly ruleHolderKind: Int8Array;
  /** Position-held rule → its holder key number. */
  readonly ruleKey: Int32Array;
  /** Positions grouped by key: keyPosStart[k] … keyPosStart[k + 1] − 1. */
  readonly keyPosStart: Int32Array;
  readonly posPerson: Int32Array;
  readonly posFrom: Float64Array;
  readonly posTo: Float64Array;
  readonly posKey: Int32Array;
  readonly posTitle: Int32Array;
  /** Bodies having a seat for a title, by title number (undefined: none). */
  readonly titleBodies: readonly (readonly string[] | undefined)[];
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
 * Spare room the build leaves at the end of the append-only columns, for changes applied later: an eighth, so that
 * even an overlay well past the rebuild threshold does not have to copy the columns (a second at 500,000 links).
 */
export const spareRoom = (count: number): number => Math.max(64, Math.ceil(count / 8));

/**
 * Counting sort into compressed rows: for each item its row; returns the row starts and the items in input order per
 * row.
 */
function* rows(rowOf: Int32Array, rowCount: number, slice: Slice): Steps<{ start: Int32Array; items: Int32Array }> {
  const start = new Int32Array(rowCount + 1);
  for (let i = 0; i < rowOf.length; i++) {
    const r = rowOf[i] as number;
    if (r >= 0) start[r + 1] = (start[r + 1] as number) + 1;
    if (slice.spend()) yield slice.take();
  }
  for (let r = 0; r < rowCount; r++) {
    start[r + 1] = (start[r + 1] as number) + (start[r] as number);
    if (slice.spend()) yield slice.take();
  }
  const fill = start.slice(0, rowCount);
  const items = new Int32Array(start[rowCount] as number);
  for (let i = 0; i < rowOf.length; i++) {
    if (slice.spend()) yield slice.take();
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
function* numberPersons(
  input: HotIndexInput,
  slice: Slice,
): Steps<{ personIndex: Map<string, number>; personIds: string[] }> {
  const personIndex = new Map<string, number>();
  const personIds: string[] = [];
  for (const p of input.positions) {
    intern(personIndex, personIds, p.personId);
    if (slice.spend()) yield slice.take();
  }
  for (const d of input.delegations) {
    intern(personIndex, personIds, d.delegatorId);
    intern(personIndex, personIds, d.delegateId);
    if (slice.spend()) yield slice.take();
  }
  for (const c of input.certifications) {
    intern(personIndex, personIds, c.personId);
    if (slice.spend()) yield slice.take();
  }
  return { personIndex, personIds };
}

/** The org units as numbers (the tree does not change between versions). */
export interface UnitNumbers {
  readonly unitIndex: ReadonlyMap<string, number>;
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
function* numberLinks(
  input: HotIndexInput,
  personIndex: ReadonlyMap<string, number>,
  persons: number,
  slice: Slice,
): Steps<LinkNumbers> {
  const ruleCount = input.rules.length;
  const delegateRow = new Int32Array(input.delegations.length);
  for (let i = 0; i < input.delegations.length; i++) {
    delegateRow[i] = personIndex.get((input.delegations[i] as HotLinkSource).delegateId) as number;
    if (slice.spend()) yield slice.take();
  }
  const inbox = yield* rows(delegateRow, persons, slice);
  const inboxStart = new Int32Array(inbox.start.length);
  for (let p = 0; p < inboxStart.length; p++) {
    inboxStart[p] = (inbox.start[p] as number) + ruleCount;
    if (slice.spend()) yield slice.take();
  }
  const links: HotLinkSource[] = [...input.rules];
  for (const i of inbox.items) {
    links.push(input.delegations[i] as HotLinkSource);
    if (slice.spend()) yield slice.take();
  }
  const linkNumber = new Map<HotLinkSource, number>();
  for (let i = 0; i < links.length; i++) {
    const l = links[i] as HotLinkSource;
    linkNumber.set(l, i);
    l.num = i;
    if (slice.spend()) yield slice.take();
  }
  return { links, linkNumber, ruleCount, inboxStart };
}

/** The per-link columns, writable (the build, and an apply appending past every version's count). */
export interface LinkColumns {
  links: HotLinkSource[];
  ids: string[];
  terms: Array<AuthorityRule | Delegation>;
  windows: TimeWindow[];
  points: Array<readonly DecisionPoint[]>;
  grades: Array<readonly ProjectGrade[]>;
  scopes: string[];
  outputs: Array<AuthorityLink | null>;
  limitMin: Array<bigint | null>;
  ruleOutputs: (AuthorityLink | undefined)[];
  chainIdLists: (readonly string[] | undefined)[];
  chainOutputs: (AuthorityChain | undefined)[];
  length: Int32Array;
  linkFrom: Float64Array;
  linkTo: Float64Array;
  linkRevoked: Float64Array;
  linkLimit: Float64Array;
  sumF: Float64Array;
  sumI: Int32Array;
  parent: Int32Array;
  delegator: Int32Array;
  delegate: Int32Array;
  linkMasks: Int32Array;
  linkScopeEnter: Int32Array;
  linkScopeExit: Int32Array;
  linkCurrency: Int32Array;
  qualNext: Int32Array;
  qual: Float64Array;
  minReach: Float64Array;
}

const LINK_JS_COLUMNS = [
  'links',
  'ids',
  'terms',
  'windows',
  'points',
  'grades',
  'scopes',
  'outputs',
  'limitMin',
  'ruleOutputs',
  'chainIdLists',
  'chainOutputs',
] as const;
type TypedColumn = Int32Array | Float64Array;
const LINK_TYPED_COLUMNS: ReadonlyArray<
  readonly [Exclude<keyof LinkColumns, (typeof LINK_JS_COLUMNS)[number]>, number]
> = [
  ['length', 1],
  ['linkFrom', 1],
  ['linkTo', 1],
  ['linkRevoked', 1],
  ['linkLimit', 1],
  ['sumF', SF],
  ['sumI', SI],
  ['parent', 1],
  ['delegator', 1],
  ['delegate', 1],
  ['linkMasks', 1],
  ['linkScopeEnter', 1],
  ['linkScopeExit', 1],
  ['linkCurrency', 1],
  ['qualNext', 1],
  ['qual', 4],
  ['minReach', 1],
];

/** The typed columns holding floats (the others hold 32-bit integers). */
const FLOAT_COLUMNS: ReadonlySet<string> = new Set([
  'linkFrom',
  'linkTo',
  'linkRevoked',
  'linkLimit',
  'sumF',
  'qual',
  'minReach',
]);

/**
 * Empty link columns with room for `capacity` links, a column at a time: each is a large allocation (the heap may be
 * collected before it), so the build pauses between them.
 */
function* linkColumns(capacity: number, slice: Slice): Steps<LinkColumns> {
  const out = {} as Record<string, unknown>;
  // Sized up front: the caches are filled at any link number, and a sparse write would slow the array down.
  for (const name of LINK_JS_COLUMNS) {
    out[name] = new Array(capacity);
    yield slice.take();
  }
  for (const [name, stride] of LINK_TYPED_COLUMNS) {
    out[name] = FLOAT_COLUMNS.has(name) ? new Float64Array(capacity * stride) : new Int32Array(capacity * stride);
    yield slice.take();
  }
  return out as unknown as LinkColumns;
}

/** The link columns of `h`, copied (the first `count` links) into room for `capacity`: new arrays, nothing shared. */
export function copyLinkColumns(h: HotIndex, capacity: number): LinkColumns {
  const count = h.linkCount;
  const out = {} as Record<string, unknown>;
  for (const name of LINK_JS_COLUMNS) {
    const old = h[name] as readonly unknown[];
    const next = new Array(capacity);
    for (let n = 0; n < count; n++) next[n] = old[n];
    out[name] = next;
  }
  for (const [name, stride] of LINK_TYPED_COLUMNS) {
    const old = h[name] as TypedColumn;
    const next = new (old.constructor as new (n: number) => TypedColumn)(capacity * stride);
    next.set(old.subarray(0, count * stride));
    out[name] = next;
  }
  return out as unknown as LinkColumns;
}

/** The link columns of `h` as they are (to append in place, when `h` holds the claim and there is room). */
export function sharedLinkColumns(h: HotIndex): LinkColumns {
  const out = {} as Record<string, unknown>;
  for (const name of LINK_JS_COLUMNS) out[name] = h[name];
  for (const [name] of LINK_TYPED_COLUMNS) out[name] = h[name];
  return out as unknown as LinkColumns;
}

/** Step 4: a link's own terms (what failingLink and the wording read). */
export function writeLinkTerms(c: LinkColumns, n: number, l: HotLinkSource): void {
  const own = l.delegation ?? l.rule;
  c.links[n] = l;
  c.ids[n] = l.id;
  c.terms[n] = own;
  c.windows[n] = own.window;
  c.points[n] = own.decisionPoints;
  c.grades[n] = own.grades;
  c.scopes[n] = l.scopeOrgUnitId;
  c.outputs[n] = l.output;
  c.length[n] = l.length;
  c.linkFrom[n] = l.fromMs;
  c.linkTo[n] = l.toMs;
  c.linkRevoked[n] = l.revokedMs;
  c.linkLimit[n] = l.limit === null ? Infinity : Number(l.limit);
}

/** How folding numbers the names it meets. */
export interface FoldNames {
  person(id: string): number;
  currency(code: string): number;
  role(role: string): number;
}

/**
 * Step 5, for one link: folds it onto its parent's record (number `p`, −1 for a rule; already folded): the chain
 * summaries (sumF, sumI but the rank, left −1), the per-link masks, scope and currency, the people and the
 * qualification walk. `was` (≥ 0): the number of a link with the same own terms (the same delegation, compiled under
 * an earlier parent), whose per-link numbers are copied instead of looked up again.
 */
export function foldLink(
  c: LinkColumns,
  n: number,
  link: HotLinkSource,
  p: number,
  names: FoldNames,
  units: UnitNumbers,
  max: number,
  was = -1,
): void {
  const { sumF, sumI, qualNext, qual, minReach, limitMin } = c;
  c.parent[n] = p;
  const above = p < 0 ? -1 : (qualNext[p] as number);
  let scopeEnter: number;
  let scopeExit: number;
  let currency: number;
  if (was >= 0) {
    c.delegate[n] = c.delegate[was] as number;
    c.delegator[n] = c.delegator[was] as number;
    if (link.qualificationRole === null) qualNext[n] = above;
    else {
      qualNext[n] = n;
      qual[n * 4] = qual[was * 4] as number;
      qual[n * 4 + 1] = qual[was * 4 + 1] as number;
      qual[n * 4 + 2] = qual[was * 4 + 2] as number;
      qual[n * 4 + 3] = above;
    }
    scopeEnter = c.linkScopeEnter[was] as number;
    scopeExit = c.linkScopeExit[was] as number;
    currency = c.linkCurrency[was] as number;
  } else {
    c.delegate[n] = link.kind === 'DELEGATION' ? names.person(link.delegateId) : -1;
    c.delegator[n] = link.kind === 'DELEGATION' ? names.person(link.delegatorId) : -1;
    if (link.qualificationRole === null) qualNext[n] = above;
    else {
      qualNext[n] = n;
      qual[n * 4] = names.person(link.delegateId);
      qual[n * 4 + 1] = names.role(link.qualificationRole);
      qual[n * 4 + 2] = Math.max(1, link.qualificationLevel);
      qual[n * 4 + 3] = above;
    }
    const scope = units.unitIndex.get(link.scopeOrgUnitId);
    scopeEnter = scope === undefined ? NO_SCOPE : (units.unitEnter[scope] as number);
    scopeExit = scope === undefined ? -1 : (units.unitExit[scope] as number);
    currency = names.currency(link.currency);
  }
  const f = n * SF;
  const o = n * SI;
  const revoked = Number.isNaN(link.revokedMs) ? Infinity : link.revokedMs;
  const masks = link.pointMask | (link.gradeMask << 16);
  c.linkMasks[n] = masks;
  c.linkScopeEnter[n] = scopeEnter;
  c.linkScopeExit[n] = scopeExit;
  c.linkCurrency[n] = currency;
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
      parentLink.kind === 'RULE' ? (c.delegator[n] as number) : (sumI[po + I_ROOT_HOLDER] as number);
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
  sumI[o + I_RANK] = -1;
  const lim = limitMin[n] ?? null;
  sumF[f + F_LIMIT] = lim === null ? Infinity : Number(lim);
}

/**
 * Step 5: fold each link onto its parent's record, parents first (a link's parent has a smaller length). Numbers
 * currencies and the qualification roles (in link order, before certifications).
 */
function* foldChains(
  c: LinkColumns,
  input: HotIndexInput,
  numbered: LinkNumbers,
  personIndex: ReadonlyMap<string, number>,
  units: UnitNumbers,
  slice: Slice,
): Steps<{ currencyIndex: Map<string, number>; roleIndex: Map<string, number> }> {
  const { links, linkNumber } = numbered;
  const count = links.length;
  const currencyIndex = new Map<string, number>();
  const roleIndex = new Map<string, number>();
  const names: FoldNames = {
    person: (id) => personIndex.get(id) as number,
    currency: (code) => intern(currencyIndex, null, code),
    role: (role) => intern(roleIndex, null, role),
  };
  let longest = 0;
  for (let n = 0; n < count; n++) {
    longest = Math.max(longest, c.length[n] as number);
    if (slice.spend()) yield slice.take();
  }
  for (const n of (yield* rows(c.length.subarray(0, count), longest + 1, slice)).items) {
    const link = links[n] as HotLinkSource;
    const p = link.parent === null ? -1 : (linkNumber.get(link.parent) as number);
    foldLink(c, n, link, p, names, units, input.maxChainLinks);
    if (slice.spend()) yield slice.take();
  }
  return { currencyIndex, roleIndex };
}

/**
 * Step 6: rank (written into sumI): the order of the chains' id lists (rule first; a shorter prefix first), by a
 * depth-first walk over the chains sorted by id at each level. Rules sharing an id share a rank (only one of them
 * has delegations).
 */
function* rankChains(
  links: readonly HotLinkSource[],
  ruleCount: number,
  parent: Int32Array,
  sumI: Int32Array,
  slice: Slice,
): Steps<void> {
  const count = links.length;
  const children = new Map<number, number[]>();
  for (let n = ruleCount; n < count; n++) {
    const p = parent[n] as number;
    const list = children.get(p);
    if (list) list.push(n);
    else children.set(p, [n]);
    if (slice.spend()) yield slice.take();
  }
  const byId = (a: number, b: number): number =>
    compareStrings((links[a] as HotLinkSource).id, (links[b] as HotLinkSource).id);
  const ruleOrder = Array.from({ length: ruleCount }, (_, i) => i);
  yield* sortSteps(ruleOrder, byId, slice);
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
    if (slice.spend(group.length)) yield slice.take();
    while (stack.length > 0) {
      const n = stack.pop() as number;
      sumI[n * SI + I_RANK] = rank++;
      const below = children.get(n);
      if (below !== undefined) for (const c of below.sort(byId).reverse()) stack.push(c);
      // A link, and the sort of the links below it (they are few: the delegations given from one link).
      if (slice.spend(1 + (below?.length ?? 0))) yield slice.take();
    }
  }
}

/** The kind of a rule's holder, as numbers. */
export function holderKindNumber(rule: AuthorityRule): number {
  const kind = rule.holder.kind;
  return kind === 'POSITION' ? HOLDER_POSITION : kind === 'DECISION_BODY' ? HOLDER_BODY : HOLDER_ROLE;
}

/** A body's seats as membership tables by title number (`titleCount` wide). */
export function seatTables(
  seats: readonly { readonly titles: readonly string[] }[],
  titleNumber: (title: string) => number,
  titleCount: number,
): Uint8Array[] {
  return seats.map((seat) => {
    const fills = new Uint8Array(titleCount);
    for (const title of seat.titles) {
      const t = titleNumber(title);
      if (t >= 0) fills[t] = 1;
    }
    return fills;
  });
}

/**
 * Step 7: rule holders: positions by key (title in a unit) and by person, seats by title, rules by holder. Titles are
 * numbered from the positions, then the seats; keys from the positions, then the rules' holders (so that a rule keeps
 * its key number when someone comes to hold it).
 */
function* indexHolders(
  input: HotIndexInput,
  personIndex: ReadonlyMap<string, number>,
  persons: number,
  unitIndex: ReadonlyMap<string, number>,
  slice: Slice,
) {
  const ruleCount = input.rules.length;
  const keyIndex = new Map<string, number>();
  const positionCount = input.positions.length;
  const posKeyList = new Int32Array(positionCount);
  const titleIndex = new Map<string, number>();
  for (let i = 0; i < positionCount; i++) {
    const p = input.positions[i] as AuthorityPosition;
    posKeyList[i] = intern(keyIndex, null, p.title + '\u0000' + p.orgUnitId);
    intern(titleIndex, null, p.title);
    if (slice.spend()) yield slice.take();
  }
  const positionKeys = keyIndex.size;
  for (const r of input.rules) {
    if (r.rule.holder.kind === 'POSITION') intern(keyIndex, null, r.holderKey);
    if (slice.spend()) yield slice.take();
  }
  for (const seats of input.seatsByBody.values())
    for (const seat of seats) for (const title of seat.titles) intern(titleIndex, null, title);
  // Each key (title in a unit) held by a position once, under its unit.
  const keyUnit = new Int32Array(keyIndex.size).fill(-1);
  const keyTitle = new Int32Array(positionKeys);
  for (let i = 0; i < positionCount; i++) {
    const p = input.positions[i] as AuthorityPosition;
    const key = posKeyList[i] as number;
    keyUnit[key] = unitIndex.get(p.orgUnitId) ?? -1;
    keyTitle[key] = titleIndex.get(p.title) as number;
    if (slice.spend()) yield slice.take();
  }
  const unitKeys = yield* rows(keyUnit, unitIndex.size, slice);
  const unitKeyTitle = new Int32Array(unitKeys.items.length);
  for (let i = 0; i < unitKeyTitle.length; i++) {
    unitKeyTitle[i] = keyTitle[unitKeys.items[i] as number] as number;
    if (slice.spend()) yield slice.take();
  }
  const titleOf = (title: string): number => titleIndex.get(title) ?? -1;
  const bodySeats = new Map<string, Uint8Array[]>();
  for (const [body, seats] of input.seatsByBody) bodySeats.set(body, seatTables(seats, titleOf, titleIndex.size));
  const titleBodies: Array<readonly string[] | undefined> = new Array(titleIndex.size);
  for (const [title, n] of titleIndex) titleBodies[n] = input.bodiesByTitle.get(title);
  const ruleBody = input.rules.map((r) => (r.rule.holder.kind === 'DECISION_BODY' ? r.rule.holder.bodyId : ''));
  const ruleHolderKind = new Int8Array(ruleCount);
  const ruleKey = new Int32Array(ruleCount).fill(-1);
  for (let i = 0; i < ruleCount; i++) {
    const r = input.rules[i] as HotLinkSource;
    ruleHolderKind[i] = holderKindNumber(r.rule);
    if (r.rule.holder.kind === 'POSITION') ruleKey[i] = keyIndex.get(r.holderKey) as number;
    if (slice.spend()) yield slice.take();
  }
  const keyRows = yield* rows(ruleKey, keyIndex.size, slice);
  const posRows = yield* rows(posKeyList, keyIndex.size, slice);
  const capacity = positionCount + spareRoom(positionCount);
  const posPerson = new Int32Array(capacity);
  const posFrom = new Float64Array(capacity);
  const posTo = new Float64Array(capacity);
  const posKey = new Int32Array(capacity);
  const posTitle = new Int32Array(capacity);
  const slotOf = new Int32Array(positionCount);
  const posSlotById = new Map<string, number>();
  for (let slot = 0; slot < posRows.items.length; slot++) {
    const original = posRows.items[slot] as number;
    const p = input.positions[original] as AuthorityPosition;
    slotOf[original] = slot;
    posSlotById.set(p.id, slot);
    posPerson[slot] = personIndex.get(p.personId) as number;
    posFrom[slot] = p.window.from.getTime();
    posTo[slot] = p.window.to === null ? Infinity : p.window.to.getTime();
    posKey[slot] = posKeyList[original] as number;
    posTitle[slot] = titleIndex.get(p.title) as number;
    if (slice.spend()) yield slice.take();
  }
  const personRow = new Int32Array(positionCount);
  for (let i = 0; i < positionCount; i++) {
    personRow[i] = personIndex.get((input.positions[i] as AuthorityPosition).personId) as number;
    if (slice.spend()) yield slice.take();
  }
  const personRows = yield* rows(personRow, persons, slice);
  const personPos = new Int32Array(personRows.items.length);
  for (let i = 0; i < personPos.length; i++) {
    personPos[i] = slotOf[personRows.items[i] as number] as number;
    if (slice.spend()) yield slice.take();
  }
  return {
    keyIndex,
    titleIndex,
    posSlotById,
    ruleHolderKind,
    ruleKey,
    keyPosStart: posRows.start,
    posPerson,
    posFrom,
    posTo,
    posKey,
    posTitle,
    titleBodies,
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

/** A certifying record as the compact index holds it. */
export interface CertEntry {
  readonly c: CertificationRecord;
  /** Position in the state (of identical date and id, the first recorded wins). */
  readonly i: number;
  readonly person: number;
  readonly role: number;
}

/** The build's record order: by person, role, assessment date and id (the latest last; the first recorded wins). */
export function compareCertEntries(a: CertEntry, b: CertEntry): number {
  // (An invalid date sorts as 0: that person is asked through qualificationAt anyway.)
  const madeKey = (d: Date): number => d.getTime() || 0;
  return (
    a.person - b.person ||
    a.role - b.role ||
    madeKey(a.c.assessedAt) - madeKey(b.c.assessedAt) ||
    compareStrings(a.c.assessmentId, b.c.assessmentId) ||
    b.i - a.i
  );
}

/** Writes record `x` at `slot` of `cert` (stride 4). */
export function writeCert(cert: Float64Array, slot: number, x: CertEntry): void {
  cert[slot * 4] = x.role;
  cert[slot * 4 + 1] = x.c.assessedAt.getTime();
  cert[slot * 4 + 2] = x.c.level === null ? -Infinity : x.c.level;
  cert[slot * 4 + 3] = x.c.validUntil === null ? Infinity : x.c.validUntil.getTime();
}

/**
 * Step 8: certifications: certifying records only, by person, then role, then assessment date and id (the latest
 * last; of identical date and id the first recorded wins, so it sorts last). Numbers the roles not seen yet.
 */
function* indexCertifications(
  certifications: readonly CertificationRecord[],
  personIndex: ReadonlyMap<string, number>,
  persons: number,
  roleIndex: Map<string, number>,
  slice: Slice,
) {
  const certs: CertEntry[] = [];
  const certSlow = new Uint8Array(persons);
  for (let i = 0; i < certifications.length; i++) {
    const c = certifications[i] as CertificationRecord;
    // Every record's role is numbered, certifying or not (in record order).
    const role = intern(roleIndex, null, c.role);
    if (c.certifying) {
      const x = { c, i, person: personIndex.get(c.personId) as number, role };
      certs.push(x);
      if (Number.isNaN(c.assessedAt.getTime())) certSlow[x.person] = 1;
    }
    if (slice.spend()) yield slice.take();
  }
  // Stable, as Array.prototype.sort is (compareCertEntries leaves no ties between different records anyway).
  yield* sortSteps(certs, compareCertEntries, slice);
  const certStart = new Int32Array(persons + 1);
  for (const x of certs) {
    certStart[x.person + 1] = (certStart[x.person + 1] as number) + 1;
    if (slice.spend()) yield slice.take();
  }
  for (let p = 0; p < persons; p++) {
    certStart[p + 1] = (certStart[p + 1] as number) + (certStart[p] as number);
    if (slice.spend()) yield slice.take();
  }
  const cert = new Float64Array((certs.length + spareRoom(certs.length)) * 4);
  for (let i = 0; i < certs.length; i++) {
    writeCert(cert, i, certs[i] as CertEntry);
    if (slice.spend()) yield slice.take();
  }
  return { certStart, cert, certSlow, certCount: certs.length };
}

export function buildHotIndex(input: HotIndexInput): HotIndex {
  return runSteps(buildHotIndexSteps(input));
}

/** buildHotIndex, pausing between its steps and between slices of its longer loops. */
export function* buildHotIndexSteps(input: HotIndexInput, slice: Slice = new Slice()): Steps<HotIndex> {
  const { personIndex, personIds } = yield* numberPersons(input, slice);
  const persons = personIds.length;
  const units = numberUnits(input.tree);
  yield slice.take();
  const numbered = yield* numberLinks(input, personIndex, persons, slice);
  const { links, linkNumber, ruleCount, inboxStart } = numbered;
  const count = links.length;
  yield slice.take();
  const columns = yield* linkColumns(count + spareRoom(count), slice);
  for (let n = 0; n < count; n++) {
    writeLinkTerms(columns, n, links[n] as HotLinkSource);
    if (slice.spend()) yield slice.take();
  }
  const folded = yield* foldChains(columns, input, numbered, personIndex, units, slice);
  yield slice.take();
  yield* rankChains(links, ruleCount, columns.parent, columns.sumI, slice);
  yield slice.take();
  const holders = yield* indexHolders(input, personIndex, persons, units.unitIndex, slice);
  yield slice.take();
  const certs = yield* indexCertifications(input.certifications, personIndex, persons, folded.roleIndex, slice);
  yield slice.take();
  const numbers = (map: ReadonlyMap<string, readonly HotLinkSource[]>): Map<string, number[]> =>
    new Map([...map].map(([key, list]) => [key, list.map((l) => linkNumber.get(l) as number)]));
  const ruleNumberById = new Map<string, number>();
  for (let r = ruleCount - 1; r >= 0; r--) {
    ruleNumberById.set((links[r] as HotLinkSource).id, r);
    if (slice.spend()) yield slice.take();
  }

  return {
    ...columns,
    personIndex,
    personIds,
    ruleCount,
    linkCount: count,
    slotCount: input.positions.length,
    certCount: certs.certCount,
    personCount: persons,
    keyCount: holders.keyIndex.size,
    titleCount: holders.titleIndex.size,
    baseLinks: count,
    basePersons: persons,
    baseKeys: holders.keyIndex.size,
    linkClaim: { count },
    slotClaim: { count: input.positions.length },
    certClaim: { count: certs.certCount },
    personClaim: { count: persons },
    ruleLinks: range(0, ruleCount),
    ruleNumberById,
    posSlotById: holders.posSlotById,
    keyIndex: holders.keyIndex,
    titleIndex: holders.titleIndex,
    ov: null,
    currencyIds: [...folded.currencyIndex.keys()],
    roleIds: [...folded.roleIndex.keys()],
    inboxStart,
    ruleHolderKind: holders.ruleHolderKind,
    ruleKey: holders.ruleKey,
    keyPosStart: holders.keyPosStart,
    posPerson: holders.posPerson,
    posFrom: holders.posFrom,
    posTo: holders.posTo,
    posKey: holders.posKey,
    posTitle: holders.posTitle,
    titleBodies: holders.titleBodies,
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

// ---- Names and rows as a version sees them: the overlay's first, then the build's. ----

/** A person's number, or −1 when no record names them. */
export function personNumber(h: HotIndex, id: string): number {
  const n = h.personIndex.get(id);
  if (n !== undefined) return n;
  return h.ov === null ? -1 : (h.ov.persons.get(id) ?? -1);
}

/** A currency's number, or −2 when no link uses it. */
export function currencyNumber(h: HotIndex, code: string): number {
  const n = h.currencyIndex.get(code);
  if (n !== undefined) return n;
  return h.ov === null ? -2 : (h.ov.currencies.get(code) ?? -2);
}

/** The numbers from … to − 1. */
function range(from: number, to: number): Int32Array {
  const out = new Int32Array(Math.max(0, to - from));
  for (let i = 0; i < out.length; i++) out[i] = from + i;
  return out;
}

/** Numbers (link numbers, slots) as a list: row items[from … to − 1]. */
export function rowOf(items: ArrayLike<number>, from: number, to: number): Int32Array {
  const out = new Int32Array(Math.max(0, to - from));
  for (let i = from; i < to; i++) out[i - from] = items[i] as number;
  return out;
}

/** Person p's delegations received (link numbers). */
export function inboxRow(h: HotIndex, p: number): Int32Array {
  const own = h.ov?.inbox.get(p);
  if (own !== undefined) return own;
  return packedInboxRow(h, p);
}

/** Person p's delegations received as built (the overlay's row, if any, is read first by inboxRow). */
export function packedInboxRow(h: HotIndex, p: number): Int32Array {
  if (p < 0 || p >= h.basePersons) return new Int32Array(0);
  const from = h.inboxStart[p] as number;
  const to = h.inboxStart[p + 1] as number;
  return range(from, to);
}

/** Person p's positions (slots). */
export function personPosRow(h: HotIndex, p: number): Int32Array {
  const own = h.ov?.personPos.get(p);
  if (own !== undefined) return own;
  if (p < 0 || p >= h.basePersons) return new Int32Array(0);
  return rowOf(h.personPos, h.personPosStart[p] as number, h.personPosStart[p + 1] as number);
}

/** Key k's positions (slots). */
export function keyPosRow(h: HotIndex, k: number): Int32Array {
  const own = h.ov?.keyPos.get(k);
  if (own !== undefined) return own;
  if (k < 0 || k >= h.baseKeys) return new Int32Array(0);
  const from = h.keyPosStart[k] as number;
  const to = h.keyPosStart[k + 1] as number;
  return range(from, to);
}

/** Key k's position-held rules (link numbers). */
export function keyRulesRow(h: HotIndex, k: number): Int32Array {
  const own = h.ov?.keyRules.get(k);
  if (own !== undefined) return own;
  if (k < 0 || k >= h.baseKeys) return new Int32Array(0);
  return rowOf(h.keyRules, h.keyRulesStart[k] as number, h.keyRulesStart[k + 1] as number);
}

/** Unit u's holder keys. */
export function unitKeysRow(h: HotIndex, u: number): UnitKeys {
  const own = h.ov?.unitKeys.get(u);
  if (own !== undefined) return own;
  const from = h.unitKeyStart[u] as number;
  const to = h.unitKeyStart[u + 1] as number;
  return { titles: rowOf(h.unitKeyTitle, from, to), keys: rowOf(h.unitKeyKey, from, to) };
}

/** The holder of rule number `rule`: kind, key number, body id. */
function ruleHolder(h: HotIndex, rule: number): RuleHolderNumbers {
  if (rule < h.ruleCount)
    return {
      kind: h.ruleHolderKind[rule] as number,
      key: h.ruleKey[rule] as number,
      body: h.ruleBody[rule] as string,
    };
  return (h.ov as HotOverlay).rules.get(rule) as RuleHolderNumbers;
}
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

/** Appends the position-held rules of key `key` not yet among the candidates. */
function addKeyRules(h: HotIndex, n: number, key: number): number {
  const own = h.ov === null ? undefined : h.ov.keyRules.get(key);
  if (own !== undefined) return addRulesOnce(n, own, 0, own.length);
  if (key >= h.baseKeys) return n;
  return addRulesOnce(n, h.keyRules, h.keyRulesStart[key] as number, h.keyRulesStart[key + 1] as number);
}

/**
 * Gathers the candidate chains of `person` (number `p`, −1 when unknown): the rules held directly (positions in
 * force, decision-body seats, project roles; each rule once), then every delegation received, in state order.
 */
export function gatherCandidates(h: HotIndex, ctx: HotCase, person: string, p: number): number {
  const t = ctx.t;
  const ov = h.ov;
  let n = 0;
  if (p >= 0) {
    let bodies: string[] | null = null;
    let items: ArrayLike<number> = h.personPos;
    let from = 0;
    let end = 0;
    const own = ov === null ? undefined : ov.personPos.get(p);
    if (own !== undefined) {
      items = own;
      end = own.length;
    } else if (p < h.basePersons) {
      from = h.personPosStart[p] as number;
      end = h.personPosStart[p + 1] as number;
    }
    for (let i = from; i < end; i++) {
      const pos = items[i] as number;
      if (!((h.posFrom[pos] as number) <= t && t < (h.posTo[pos] as number))) continue;
      n = addKeyRules(h, n, h.posKey[pos] as number);
      const titled = h.titleBodies[h.posTitle[pos] as number];
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
  if (p >= 0) {
    const own = ov === null ? undefined : ov.inbox.get(p);
    if (own !== undefined) for (let i = 0; i < own.length; i++) n = addCandidate(n, own[i] as number);
    else if (p < h.basePersons)
      for (let l = h.inboxStart[p] as number, end = h.inboxStart[p + 1] as number; l < end; l++) n = addCandidate(n, l);
  }
  return n;
}

/** Whether the holder of slot `s` is in force at t: 2 when it is person `p`, 1 when someone else, 0 when not. */
function slotHolder(h: HotIndex, s: number, p: number, t: number): number {
  if (!((h.posFrom[s] as number) <= t && t < (h.posTo[s] as number))) return 0;
  return h.posPerson[s] === p ? 2 : 1;
}

/** Whether key `key` has a holder in force at t: 2 when person `p` is one, 1 when only others, 0 when none. */
function keyHolders(h: HotIndex, key: number, p: number, t: number): number {
  let found = 0;
  const own = h.ov === null ? undefined : h.ov.keyPos.get(key);
  if (own !== undefined) {
    for (let j = 0; j < own.length; j++) {
      const held = slotHolder(h, own[j] as number, p, t);
      if (held === 2) return 2;
      found |= held;
    }
  } else if (key < h.baseKeys) {
    for (let i = h.keyPosStart[key] as number, end = h.keyPosStart[key + 1] as number; i < end; i++) {
      const held = slotHolder(h, i, p, t);
      if (held === 2) return 2;
      found |= held;
    }
  }
  return found;
}

/** Whether person number `p` holds rule number `rule` at t for the case. */
function holdsRuleAt<C extends HotCase>(h: HotIndex, ctx: C, rule: number, p: number, slow: SlowChecks<C>): boolean {
  let kind: number;
  let key: number;
  let body: string;
  if (rule < h.ruleCount) {
    kind = h.ruleHolderKind[rule] as number;
    key = h.ruleKey[rule] as number;
    body = h.ruleBody[rule] as string;
  } else {
    const holder = ruleHolder(h, rule);
    kind = holder.kind;
    key = holder.key;
    body = holder.body;
  }
  if (kind === HOLDER_BODY) return fillsSeat(h, ctx, body, p);
  if (kind !== HOLDER_POSITION) return slow.holdsRule(ctx, rule, p);
  return key >= 0 && keyHolders(h, key, p, ctx.t) === 2;
}

/** Whether rule number `rule` is held by a project role (for the conflict-of-interest check). */
function heldByRole(h: HotIndex, rule: number): boolean {
  return (rule < h.ruleCount ? (h.ruleHolderKind[rule] as number) : ruleHolder(h, rule).kind) === HOLDER_ROLE;
}

/**
 * Whether person `p` fills a seat of `body` for the case at t (seatsFilledBy): a seat's occupants are the
 * holders in force of one of its titles in the nearest unit, at or above the case's, that has any.
 */
function fillsSeat(h: HotIndex, ctx: HotCase, body: string, p: number): boolean {
  const seats = h.bodySeats.get(body);
  if (seats === undefined) return false;
  const t = ctx.t;
  const ov = h.ov;
  for (const titles of seats) {
    for (let u = ctx.unit; u >= 0; u = h.unitParent[u] as number) {
      let occupied = 0;
      let titleList: ArrayLike<number> = h.unitKeyTitle;
      let keyList: ArrayLike<number> = h.unitKeyKey;
      let from = h.unitKeyStart[u] as number;
      let end = h.unitKeyStart[u + 1] as number;
      const own = ov === null ? undefined : ov.unitKeys.get(u);
      if (own !== undefined) {
        titleList = own.titles;
        keyList = own.keys;
        from = 0;
        end = own.keys.length;
      }
      for (let k = from; k < end; k++) {
        if (titles[titleList[k] as number] !== 1) continue;
        const held = keyHolders(h, keyList[k] as number, p, t);
        if (held === 2) return true;
        occupied |= held;
      }
      if (occupied !== 0) break;
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
  let from = 0;
  let end = 0;
  let slowRow = false;
  const own = h.ov === null ? undefined : h.ov.certRows.get(p);
  if (own !== undefined) {
    from = own.start;
    end = own.end;
    slowRow = own.slow;
  } else if (p < h.basePersons) {
    from = h.certStart[p] as number;
    end = h.certStart[p + 1] as number;
    slowRow = h.certSlow[p] === 1;
  }
  if (slowRow) return slow.heldLevel(ctx, x);
  const role = q[x * 4 + 1] as number;
  const t = ctx.t;
  const cert = h.cert;
  let latest = -1;
  for (let i = from; i < end; i++) {
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
  if (personInTeam && !heldByRole(h, rule)) return STAGE.CONFLICT;
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
 * Whether link `a`'s chain sorts after link `b`'s: by rank among the links built together, else by their id lists
 * (the order ranks stand for; a link applied later has no rank).
 */
function sortsAfter(h: HotIndex, a: number, b: number): boolean {
  if (a < h.baseLinks && b < h.baseLinks)
    return (h.sumI[a * SI + I_RANK] as number) > (h.sumI[b * SI + I_RANK] as number);
  return compareIdLists(chainIds(h, a), chainIds(h, b)) > 0;
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
    let j = i;
    if (h.ov === null) {
      const rank = sumI[l * SI + I_RANK] as number;
      for (; j > 0 && (sumI[(candidates[j - 1] as number) * SI + I_RANK] as number) > rank; j--) {
        candidates[j] = candidates[j - 1] as number;
        stages[j] = stages[j - 1] as number;
      }
    } else {
      for (; j > 0 && sortsAfter(h, candidates[j - 1] as number, l); j--) {
        candidates[j] = candidates[j - 1] as number;
        stages[j] = stages[j - 1] as number;
      }
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
