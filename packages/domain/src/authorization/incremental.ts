// Changes applied to an authority index without rebuilding it: the new index answers exactly as one built from the
// state with the changes applied, in time that grows with the change, not with the state.
//
// Design. The packed index (hot-index.ts) stays as built; a change adds to it: a changed rule or delegation, and
// every link below it (its chains fold the changed terms), are compiled again and appended as new link numbers;
// the rows that listed the old ones (a person's inbox, a key's rules, a body's or role's rules) are replaced in a
// small overlay read before the packed rows, as are the rows that list a changed position (its key's holders, its
// person's positions, its unit's keys) or a person's certifications. Bodies, titles and the list of live rules are
// small tables, replaced whole. The object maps (rulesById, positionsByKey, …) become LayeredMaps: the build's map
// under a layer of what changed. Overlay and layers are persistent maps in two levels (layered-map.ts), so a change
// copies about its own size, not the overlay's. Nothing the old index reads is written, so whoever holds it keeps
// the same answers (packed columns are appended to past its counts; see "Versions" in hot-index.ts). An org-unit
// change renumbers the tree: it rebuilds. The overlay costs a little per question and grows with every change: past
// `maxOverlayRecords` the result advises a rebuild, to be made off the request path.
import { OrgTree, OrgTreeError } from '../organisation/tree';
import type { OrgUnitRecord } from '../organisation/tree';
import type { CertificationRecord } from '../qualification/held';
import { Result, ok } from '../shared/result';
import {
  AuthorityIndex,
  AuthorityIndexOverlay,
  CompiledLink,
  CompiledPosition,
  CompiledSeat,
  compileDelegation,
  compilePosition,
  compileRule,
  compileSeats,
  delegationRecord,
  indexAuthorityState,
  positionKey,
  relinkDelegation,
  sourceKey,
} from './authority-index';
import { HotDraft } from './hot-draft';
import { HotIndex, holderKindNumber } from './hot-index';
import { MapDraft, StackedMap } from './layered-map';
import type { AuthorityBody, AuthorityPosition, AuthorityRule, AuthorityState, Delegation } from './types';

export const AUTHORITY_RECORD_KINDS = ['RULE', 'DELEGATION', 'POSITION', 'BODY', 'CERTIFICATION', 'ORG_UNIT'] as const;
export type AuthorityRecordKind = (typeof AUTHORITY_RECORD_KINDS)[number];

interface UpsertOf<K extends AuthorityRecordKind, R> {
  readonly op: 'UPSERT';
  readonly kind: K;
  readonly record: R;
}

/**
 * One record created, updated or removed. An upsert replaces the record with the same id (a certification's id is its
 * assessment id), or adds it; a body's seats come with the body. Revoking a delegation is an upsert with `revokedAt`.
 */
export type AuthorityRecordChange =
  | UpsertOf<'RULE', AuthorityRule>
  | UpsertOf<'DELEGATION', Delegation>
  | UpsertOf<'POSITION', AuthorityPosition>
  | UpsertOf<'BODY', AuthorityBody>
  | UpsertOf<'CERTIFICATION', CertificationRecord>
  | UpsertOf<'ORG_UNIT', OrgUnitRecord>
  | { readonly op: 'REMOVE'; readonly kind: AuthorityRecordKind; readonly id: string };

/** The id a change is about. */
export function changedRecordId(change: AuthorityRecordChange): string {
  if (change.op === 'REMOVE') return change.id;
  return change.kind === 'CERTIFICATION' ? change.record.assessmentId : change.record.id;
}

export interface AppliedAuthorityChanges {
  readonly index: AuthorityIndex;
  /**
   * Why the index was built again instead (null: the changes were applied): an org unit changed (the tree is
   * numbered once), or the state has records of one kind sharing an id (changes are applied by id).
   */
  readonly rebuilt: 'ORG_UNITS' | 'DUPLICATE_IDS' | null;
  /** Records changed, and links compiled again, since the packed base was built (0 after a rebuild). */
  readonly overlayRecords: number;
  /** The overlay is past its threshold: build the index from the state again (off the request path) and swap it in. */
  readonly rebuildAdvised: boolean;
}

export interface ApplyAuthorityChangesOptions {
  /** The overlay size past which a rebuild is advised; default 5 % of the state's records, within 50 … 2,000. */
  readonly maxOverlayRecords?: number;
}

/** The state's records, all kinds. */
const recordCount = (s: AuthorityState): number =>
  s.orgUnits.length +
  s.positions.length +
  s.bodies.length +
  s.rules.length +
  s.delegations.length +
  s.certifications.length;

export function defaultMaxOverlayRecords(state: AuthorityState): number {
  return Math.min(2000, Math.max(50, Math.ceil(recordCount(state) * 0.05)));
}

/** Each changed id's final record (null: removed), in order of first change, by kind. */
interface FinalRecords {
  readonly rules: Map<string, AuthorityRule | null>;
  readonly delegations: Map<string, Delegation | null>;
  readonly positions: Map<string, AuthorityPosition | null>;
  readonly bodies: Map<string, AuthorityBody | null>;
  readonly certifications: Map<string, CertificationRecord | null>;
  readonly orgUnits: Map<string, OrgUnitRecord | null>;
}

function finalRecords(changes: readonly AuthorityRecordChange[]): FinalRecords {
  const out: FinalRecords = {
    rules: new Map(),
    delegations: new Map(),
    positions: new Map(),
    bodies: new Map(),
    certifications: new Map(),
    orgUnits: new Map(),
  };
  for (const change of changes) {
    const id = changedRecordId(change);
    const record = change.op === 'UPSERT' ? change.record : null;
    switch (change.kind) {
      case 'RULE':
        out.rules.set(id, record as AuthorityRule | null);
        break;
      case 'DELEGATION':
        out.delegations.set(id, record as Delegation | null);
        break;
      case 'POSITION':
        out.positions.set(id, record as AuthorityPosition | null);
        break;
      case 'BODY':
        out.bodies.set(id, record as AuthorityBody | null);
        break;
      case 'CERTIFICATION':
        out.certifications.set(id, record as CertificationRecord | null);
        break;
      default:
        out.orgUnits.set(id, record as OrgUnitRecord | null);
    }
  }
  return out;
}

/**
 * The records with `finals` applied: a changed id's first record replaced by its final one (or dropped when removed),
 * any later record with that id dropped, new ids appended in order.
 */
/** Final records by id (a batch's Map, or an overlay's StackedMap). */
interface Finals<R> {
  get(id: string): R | null | undefined;
  entries(): Iterable<[string, R | null]>;
  readonly size: number;
}

function replaceById<R>(records: readonly R[], finals: Finals<R>, idOf: (record: R) => string): readonly R[] {
  if (finals.size === 0) return records;
  const out: R[] = [];
  const done = new Set<string>();
  for (const record of records) {
    const id = idOf(record);
    const final = finals.get(id);
    if (final === undefined) out.push(record);
    else if (!done.has(id)) {
      done.add(id);
      if (final !== null) out.push(final);
    }
  }
  for (const [id, final] of finals.entries()) if (!done.has(id) && final !== null) out.push(final);
  return out;
}

const byId = (r: { readonly id: string }): string => r.id;
const byAssessment = (c: CertificationRecord): string => c.assessmentId;

/** Final records by kind (the overlay's cumulative ones, or one batch's). */
interface RecordFinals {
  readonly rules: Finals<AuthorityRule>;
  readonly delegations: Finals<Delegation>;
  readonly positions: Finals<AuthorityPosition>;
  readonly bodies: Finals<AuthorityBody>;
  readonly certifications: Finals<CertificationRecord>;
}

function applyFinals(
  state: AuthorityState,
  f: RecordFinals,
  orgUnits: Finals<OrgUnitRecord> = new Map(),
): AuthorityState {
  return {
    ...state,
    orgUnits: replaceById(state.orgUnits, orgUnits, byId),
    positions: replaceById(state.positions, f.positions, byId),
    bodies: replaceById(state.bodies, f.bodies, byId),
    rules: replaceById(state.rules, f.rules, byId),
    delegations: replaceById(state.delegations, f.delegations, byId),
    certifications: replaceById(state.certifications, f.certifications, byAssessment),
  };
}

/** The state with the changes applied (what applyAuthorityChanges answers as); the input is not modified. */
export function applyChangesToState(state: AuthorityState, changes: readonly AuthorityRecordChange[]): AuthorityState {
  const f = finalRecords(changes);
  return applyFinals(state, f, f.orgUnits);
}

/**
 * Applies changes to an index: a new index answering authorize, whoMayDecide, revocationImpact and
 * validateDelegation exactly as `indexAuthorityState(applyChangesToState(index.state, changes))` would. The index
 * given stays valid and unchanged. Refuses only what a rebuild refuses (an org-unit change making an invalid tree).
 */
export function applyAuthorityChanges(
  index: AuthorityIndex,
  changes: readonly AuthorityRecordChange[],
  options: ApplyAuthorityChangesOptions = {},
): Result<AppliedAuthorityChanges, OrgTreeError> {
  const builtFrom = index.overlay?.builtFrom ?? index.state;
  const max = options.maxOverlayRecords ?? defaultMaxOverlayRecords(builtFrom);
  const orgUnits = changes.some((c) => c.kind === 'ORG_UNIT');
  if (orgUnits || !index.uniqueIds) {
    const built = indexAuthorityState(applyChangesToState(index.state, changes));
    if (!built.ok) return built;
    return ok({
      index: built.value,
      rebuilt: orgUnits ? 'ORG_UNITS' : 'DUPLICATE_IDS',
      overlayRecords: 0,
      rebuildAdvised: false,
    });
  }
  if (changes.length === 0) {
    const records = index.overlay?.records ?? 0;
    return ok({ index, rebuilt: null, overlayRecords: records, rebuildAdvised: records > max });
  }
  const next = new IndexDraft(index, finalRecords(changes)).apply();
  const records = (next.overlay as AuthorityIndexOverlay).records;
  return ok({ index: next, rebuilt: null, overlayRecords: records, rebuildAdvised: records > max });
}

/** A list in a map of lists, edited: `drop` removed, `add` appended; the key goes when the list is empty. */
function editList<T>(
  map: MapDraft<string, readonly T[]>,
  key: string,
  drop: ((x: T) => boolean) | null,
  add?: T,
): void {
  const current = map.get(key) ?? [];
  const next = drop === null ? [...current] : current.filter((x) => !drop(x));
  if (add !== undefined) next.push(add);
  map.put(key, next.length > 0 ? next : undefined);
}

/** A row of numbers, edited: `drop` removed, `add` appended (a new row). */
function editRow(row: Int32Array, drop: ((n: number) => boolean) | null, add: readonly number[]): Int32Array {
  const out = new Int32Array(row.length + add.length);
  let k = 0;
  for (let i = 0; i < row.length; i++) {
    const n = row[i] as number;
    if (drop === null || !drop(n)) out[k++] = n;
  }
  for (const n of add) out[k++] = n;
  return k === out.length ? out : out.slice(0, k);
}

const holderKeyOf = (rule: AuthorityRule): string | null =>
  rule.holder.kind === 'POSITION' ? positionKey(rule.holder.title, rule.holder.orgUnitId) : null;

/** The index being made: drafts of every map a change can touch, over the index it starts from. */
class IndexDraft {
  private readonly rulesById: MapDraft<string, CompiledLink>;
  private readonly delegationsById: MapDraft<string, CompiledLink>;
  private readonly unrooted: MapDraft<string, Delegation>;
  private readonly delegationsBySource: MapDraft<string, readonly Delegation[]>;
  private readonly positionRulesByHolder: MapDraft<string, readonly CompiledLink[]>;
  private readonly roleRules: MapDraft<string, readonly CompiledLink[]>;
  private readonly bodyRules: MapDraft<string, readonly CompiledLink[]>;
  private readonly bodiesById: MapDraft<string, AuthorityBody>;
  private readonly seatsByBody: MapDraft<string, readonly CompiledSeat[]>;
  private readonly bodiesByTitle: MapDraft<string, readonly string[]>;
  private readonly positionsById: MapDraft<string, AuthorityPosition>;
  private readonly positionsByPerson: MapDraft<string, readonly CompiledPosition[]>;
  private readonly positionsByKey: MapDraft<string, readonly CompiledPosition[]>;
  private readonly positionsByUnit: MapDraft<string, ReadonlyMap<string, readonly CompiledPosition[]>>;
  private readonly certificationsById: MapDraft<string, CertificationRecord>;
  private readonly certificationsByPerson: MapDraft<string, readonly CertificationRecord[]>;
  private readonly hot: HotDraft;
  /** Links compiled again, parents first; and for each, the number of the link it relinks (same own terms), or −1. */
  private readonly compiled: CompiledLink[] = [];
  private readonly compiledFrom: number[] = [];
  private readonly killed = new Set<CompiledLink>();
  /** A killed link's compiled children, when its source list is unchanged: they are relinked, not compiled again. */
  private readonly killedChildren = new Map<CompiledLink, readonly CompiledLink[]>();
  /** Source keys whose list of delegations changed. */
  private readonly touchedSources = new Set<string>();
  private readonly compiledIds = new Set<string>();

  constructor(
    private readonly ix: AuthorityIndex,
    private readonly f: FinalRecords,
  ) {
    this.rulesById = new MapDraft(ix.rulesById);
    this.delegationsById = new MapDraft(ix.delegationsById);
    this.unrooted = new MapDraft(ix.unrootedDelegations);
    this.delegationsBySource = new MapDraft(ix.delegationsBySource);
    this.positionRulesByHolder = new MapDraft(ix.positionRulesByHolder);
    this.roleRules = new MapDraft(ix.roleRules);
    this.bodyRules = new MapDraft(ix.bodyRules);
    this.bodiesById = new MapDraft(ix.bodiesById);
    this.seatsByBody = new MapDraft(ix.seatsByBody);
    this.bodiesByTitle = new MapDraft(ix.bodiesByTitle);
    this.positionsById = new MapDraft(ix.positionsById);
    this.positionsByPerson = new MapDraft(ix.positionsByPerson);
    this.positionsByKey = new MapDraft(ix.positionsByKey);
    this.positionsByUnit = new MapDraft(ix.positionsByUnit);
    this.certificationsById = new MapDraft(ix.certificationsById);
    this.certificationsByPerson = new MapDraft(ix.certificationsByPerson);
    this.hot = new HotDraft(ix.hot, ix.maxChainLinks);
  }

  apply(): AuthorityIndex {
    this.relinkSources();
    if (this.f.delegations.size === 0) this.relinkRules();
    else {
      this.killChanged();
      this.compileChanged();
    }
    this.noteUnrooted();
    this.packLinks();
    this.applyPositions();
    this.applyBodies();
    this.applyCertifications();
    return this.result();
  }

  /** The raw delegations by source: each changed delegation out of its old source's list, into its new one's. */
  private relinkSources(): void {
    for (const [id, next] of this.f.delegations) {
      const before = delegationRecord(this.ix, id);
      if (before !== undefined) {
        const key = sourceKey(before.source.kind, before.source.id);
        editList(this.delegationsBySource, key, (x) => x.id === id);
        this.touchedSources.add(key);
      }
      if (next !== null) {
        const key = sourceKey(next.source.kind, next.source.id);
        editList(this.delegationsBySource, key, null, next);
        this.touchedSources.add(key);
      }
    }
  }

  /**
   * killChanged and compileChanged in one walk, when only rules changed (no source list did): each changed rule is
   * compiled again and the links below it are relinked, in the order the two would make them; a removed rule's links
   * leave the index; a new rule takes the delegations naming it.
   */
  private relinkRules(): void {
    const ix = this.ix;
    for (const [id, next] of this.f.rules) {
      const old = ix.rulesById.get(id);
      if (old === undefined) {
        if (next !== null) this.compileFrom(compileRule(next), undefined);
        continue;
      }
      if (next === null) {
        this.kill([old]);
        continue;
      }
      const root = compileRule(next);
      this.killed.add(old);
      this.rulesById.set(id, root);
      this.compiled.push(root);
      this.compiledFrom.push(-1);
      const stack: CompiledLink[] = [old, root];
      while (stack.length > 0) {
        const parent = stack.pop() as CompiledLink;
        const before = stack.pop() as CompiledLink;
        for (const child of ix.delegationsBySource.get(sourceKey(before.kind, before.id)) ?? []) {
          if (this.compiledIds.has(child.id)) continue;
          const compiled = ix.delegationsById.get(child.id);
          if (compiled === undefined || compiled.parent !== before) {
            // Not compiled below the old link (a build never leaves it so): compiled from its record.
            this.compileFrom(compileDelegation(child, parent), undefined);
            continue;
          }
          this.killed.add(compiled);
          const relinked = relinkDelegation(compiled, parent);
          this.delegationsById.set(child.id, relinked);
          this.compiledIds.add(child.id);
          this.compiled.push(relinked);
          this.compiledFrom.push(compiled.num);
          stack.push(compiled, relinked);
        }
      }
    }
  }

  /** Every changed rule and delegation as it was compiled, with everything compiled below it, leaves the index. */
  private killChanged(): void {
    const ix = this.ix;
    const roots: CompiledLink[] = [];
    for (const id of this.f.rules.keys()) {
      const rule = ix.rulesById.get(id);
      if (rule !== undefined) roots.push(rule);
    }
    for (const id of this.f.delegations.keys()) {
      const d = ix.delegationsById.get(id);
      if (d !== undefined) roots.push(d);
    }
    this.kill(roots);
  }

  /** `roots` and every link compiled below them leave the index. */
  private kill(roots: CompiledLink[]): void {
    const ix = this.ix;
    const stack = roots;
    while (stack.length > 0) {
      const link = stack.pop() as CompiledLink;
      if (this.killed.has(link)) continue;
      this.killed.add(link);
      if (link.kind === 'RULE') this.rulesById.remove(link.id);
      else this.delegationsById.remove(link.id);
      const key = sourceKey(link.kind, link.id);
      const children: CompiledLink[] = [];
      let all = true;
      for (const child of ix.delegationsBySource.get(key) ?? []) {
        const compiled = ix.delegationsById.get(child.id);
        if (compiled !== undefined && compiled.parent === link) {
          stack.push(compiled);
          children.push(compiled);
        } else all = false;
      }
      if (all && !this.touchedSources.has(key)) this.killedChildren.set(link, children);
    }
  }

  /**
   * Compiles `link` in, then every delegation whose sources reach it (parents first). None of those was compiled
   * before this change (it lay below a killed link, or had no compiled source), but one may be reached twice when the
   * sources make a cycle through a changed delegation: `compiledIds` stops the walk there.
   */
  private compileFrom(link: CompiledLink, was: CompiledLink | undefined): void {
    this.compiled.push(link);
    this.compiledFrom.push(-1);
    if (link.kind === 'RULE') this.rulesById.set(link.id, link);
    else {
      this.delegationsById.set(link.id, link);
      this.compiledIds.add(link.id);
    }
    // Each link with the one it replaces, when that one's children are known and unchanged (killedChildren): they
    // are the records the source lists name, in their order, and only their parent changed.
    const stack: Array<CompiledLink | undefined> = [link, was];
    while (stack.length > 0) {
      const before = stack.pop();
      const parent = stack.pop() as CompiledLink;
      const children = before === undefined ? undefined : this.killedChildren.get(before);
      if (children !== undefined) {
        for (const old of children) {
          if (this.compiledIds.has(old.id)) continue;
          const compiled = relinkDelegation(old, parent);
          this.delegationsById.set(old.id, compiled);
          this.compiledIds.add(old.id);
          this.compiled.push(compiled);
          this.compiledFrom.push(old.num);
          stack.push(compiled, old);
        }
        continue;
      }
      for (const child of this.delegationsBySource.get(sourceKey(parent.kind, parent.id)) ?? []) {
        if (this.compiledIds.has(child.id)) continue;
        const compiled = compileDelegation(child, parent);
        this.delegationsById.set(child.id, compiled);
        this.compiledIds.add(child.id);
        this.compiled.push(compiled);
        this.compiledFrom.push(-1);
        stack.push(compiled, undefined);
      }
    }
  }

  /**
   * Compiles again every changed rule and every changed delegation whose source is compiled, with what lies below:
   * the links a build compiles are exactly those reachable from a rule through the sources.
   */
  private compileChanged(): void {
    const ix = this.ix;
    for (const rule of this.f.rules.values())
      if (rule !== null) this.compileFrom(compileRule(rule), ix.rulesById.get(rule.id));
    for (const [id, d] of this.f.delegations) {
      if (d === null || this.compiledIds.has(id)) continue;
      const source = d.source.kind === 'RULE' ? this.rulesById.get(d.source.id) : this.delegationsById.get(d.source.id);
      if (source !== undefined) this.compileFrom(compileDelegation(d, source), ix.delegationsById.get(id));
    }
  }

  /** The unrooted map: a delegation is in it exactly when it exists and is not compiled. */
  private noteUnrooted(): void {
    const f = this.f.delegations;
    for (const [id, record] of f) {
      if (record !== null && !this.compiledIds.has(id)) this.unrooted.set(id, record);
      else this.unrooted.delete(id);
    }
    // Killed and not compiled again: its source went (or changed) above it.
    for (const link of this.killed)
      if (link.kind === 'DELEGATION' && !f.has(link.id) && !this.compiledIds.has(link.id))
        this.unrooted.set(link.id, link.delegation as Delegation);
    // Compiled, unchanged, and unrooted before: its source came (back). (A relinked one was compiled before.)
    for (let i = 0; i < this.compiled.length; i++) {
      const link = this.compiled[i] as CompiledLink;
      if (
        (this.compiledFrom[i] as number) < 0 &&
        !f.has(link.id) &&
        this.ix.unrootedDelegations.get(link.id) !== undefined
      )
        this.unrooted.delete(link.id);
    }
  }

  /** The packed side of the links: append the compiled ones, then replace the rows that listed killed or new ones. */
  private packLinks(): void {
    if (this.killed.size === 0 && this.compiled.length === 0) return;
    const hot = this.hot;
    if (this.compiled.length > 0) hot.reserveLinks(this.compiled.length);
    // Parents first: a parent compiled again is numbered before its children; any other is live, numbered.
    for (let i = 0; i < this.compiled.length; i++) {
      const link = this.compiled[i] as CompiledLink;
      const parent = link.parent === null ? -1 : hot.liveNumber(link.parent);
      hot.appendLink(link, parent, this.compiledFrom[i] as number);
    }
    const killedNumbers = new Set<number>();
    for (const link of this.killed) killedNumbers.add(hot.liveNumber(link));
    const killed = (n: number): boolean => killedNumbers.has(n);
    // Inboxes, by delegate's number.
    const received = new Map<number, number[]>();
    for (const link of this.killed) if (link.kind === 'DELEGATION') received.set(hot.delegateOf(link.num), []);
    for (const link of this.compiled) {
      if (link.kind !== 'DELEGATION') continue;
      const p = hot.delegateOf(link.num);
      const list = received.get(p);
      if (list === undefined) received.set(p, [link.num]);
      else list.push(link.num);
    }
    for (const [p, added] of received) hot.setInbox(p, editRow(hot.inboxOf(p), killed, added));
    // Rules: by holder (key, body, role), and the live list.
    const rulesKilled = [...this.killed].filter((l) => l.kind === 'RULE');
    const rulesAdded = this.compiled.filter((l) => l.kind === 'RULE');
    if (rulesKilled.length === 0 && rulesAdded.length === 0) return;
    for (const rule of rulesKilled) this.unholdRule(rule, killed);
    for (const rule of rulesAdded) this.holdRule(rule, rule.num);
    const gone = new Set(rulesKilled.map((r) => hot.liveNumber(r)));
    hot.setRuleLinks(
      editRow(
        hot.liveRules,
        (n) => gone.has(n),
        rulesAdded.map((r) => r.num),
      ),
    );
  }

  /** A killed rule leaves the lists of its holder. */
  private unholdRule(rule: CompiledLink, killed: (n: number) => boolean): void {
    const hot = this.hot;
    const holder = rule.rule.holder;
    const gone = (l: CompiledLink): boolean => l === rule;
    const key = holderKeyOf(rule.rule);
    if (key !== null) {
      const k = hot.key(key);
      hot.setKeyRules(k, editRow(hot.keyRulesOf(k), killed, []));
      editList(this.positionRulesByHolder, key, gone);
    } else if (holder.kind === 'PROJECT_ROLE') {
      const numbers = (hot.roleRuleNumbers.get(holder.role) ?? []).filter((n) => !killed(n));
      hot.roleRuleNumbers.set(holder.role, numbers);
      editList(this.roleRules, holder.role, gone);
    } else if (holder.kind === 'DECISION_BODY') {
      const numbers = (hot.bodyRuleNumbers.get(holder.bodyId) ?? []).filter((n) => !killed(n));
      hot.bodyRuleNumbers.set(holder.bodyId, numbers);
      editList(this.bodyRules, holder.bodyId, gone);
    }
  }

  /** A compiled rule joins the lists of its holder. */
  private holdRule(rule: CompiledLink, n: number): void {
    const hot = this.hot;
    const holder = rule.rule.holder;
    const key = holderKeyOf(rule.rule);
    let k = -1;
    if (key !== null) {
      k = hot.key(key);
      hot.setKeyRules(k, editRow(hot.keyRulesOf(k), null, [n]));
      editList(this.positionRulesByHolder, key, null, rule);
    } else if (holder.kind === 'PROJECT_ROLE') {
      hot.roleRuleNumbers.set(holder.role, [...(hot.roleRuleNumbers.get(holder.role) ?? []), n]);
      editList(this.roleRules, holder.role, null, rule);
    } else if (holder.kind === 'DECISION_BODY') {
      hot.bodyRuleNumbers.set(holder.bodyId, [...(hot.bodyRuleNumbers.get(holder.bodyId) ?? []), n]);
      editList(this.bodyRules, holder.bodyId, null, rule);
    }
    hot.noteRule(rule.id, n, {
      kind: holderKindNumber(rule.rule),
      key: k,
      body: holder.kind === 'DECISION_BODY' ? holder.bodyId : '',
    });
  }

  /** Each changed position: out of its person's, key's and unit's lists (and its slot dead), the new one in. */
  private applyPositions(): void {
    const hot = this.hot;
    for (const [id, next] of this.f.positions) {
      const before = this.positionsById.get(id);
      this.positionsById.put(id, next ?? undefined);
      if (before !== undefined) {
        const slot = hot.slotOf(id);
        const dead = (s: number): boolean => s === slot;
        const gone = (p: CompiledPosition): boolean => p.id === id;
        const p = hot.person(before.personId);
        hot.setPersonPos(p, editRow(hot.personPosOf(p), dead, []));
        const key = positionKey(before.title, before.orgUnitId);
        const k = hot.key(key);
        hot.setKeyPos(k, editRow(hot.keyPosOf(k), dead, []));
        editList(this.positionsByPerson, before.personId, gone);
        editList(this.positionsByKey, key, gone);
        const byTitle = new Map(this.positionsByUnit.get(before.orgUnitId) ?? []);
        const list = (byTitle.get(before.title) ?? []).filter((x) => !gone(x));
        if (list.length > 0) byTitle.set(before.title, list);
        else byTitle.delete(before.title);
        this.positionsByUnit.put(before.orgUnitId, byTitle.size > 0 ? byTitle : undefined);
      }
      if (next !== null) {
        const compiled = compilePosition(next);
        const k = hot.key(compiled.key);
        const title = hot.title(next.title);
        const slot = hot.appendSlot(next, k, title);
        const p = hot.person(next.personId);
        hot.setPersonPos(p, editRow(hot.personPosOf(p), null, [slot]));
        hot.setKeyPos(k, editRow(hot.keyPosOf(k), null, [slot]));
        const u = this.ix.hot.unitIndex.get(next.orgUnitId);
        if (u !== undefined) hot.addUnitKey(u, title, k);
        editList(this.positionsByPerson, next.personId, null, compiled);
        editList(this.positionsByKey, compiled.key, null, compiled);
        const byTitle = new Map(this.positionsByUnit.get(next.orgUnitId) ?? []);
        byTitle.set(next.title, [...(byTitle.get(next.title) ?? []), compiled]);
        this.positionsByUnit.set(next.orgUnitId, byTitle);
      }
    }
  }

  /** Each changed body: its seats (as titles and as tables), and the bodies listed under each title it names. */
  private applyBodies(): void {
    const hot = this.hot;
    for (const [id, next] of this.f.bodies) {
      const before = this.bodiesById.get(id);
      const titles = new Set<string>();
      for (const seat of before === undefined ? [] : (this.seatsByBody.get(id) ?? []))
        for (const title of seat.titles) titles.add(title);
      this.bodiesById.put(id, next ?? undefined);
      const seats = next === null ? undefined : compileSeats(next);
      this.seatsByBody.put(id, seats);
      const named = new Set((seats ?? []).flatMap((s) => s.titles));
      for (const title of named) titles.add(title);
      for (const title of titles) {
        editList(this.bodiesByTitle, title, (b) => b === id, named.has(title) ? id : undefined);
        hot.setTitleBodies(hot.title(title), this.bodiesByTitle.get(title));
      }
      if (seats === undefined) hot.bodySeats.delete(id);
      else {
        const tables = seats.map((seat) => {
          const fills = new Uint8Array(hot.titlesNumbered);
          for (const title of seat.titles) fills[hot.title(title)] = 1;
          return fills;
        });
        hot.bodySeats.set(id, tables);
      }
    }
  }

  /** Each changed certification: its person's records (before and after) ordered again. */
  private applyCertifications(): void {
    const persons = new Set<string>();
    for (const [id, next] of this.f.certifications) {
      const before = this.certificationsById.get(id);
      this.certificationsById.put(id, next ?? undefined);
      if (before !== undefined) {
        editList(this.certificationsByPerson, before.personId, (c) => c.assessmentId === id);
        persons.add(before.personId);
      }
      if (next !== null) {
        editList(this.certificationsByPerson, next.personId, null, next);
        persons.add(next.personId);
      }
    }
    for (const person of persons)
      this.hot.setCertifications(this.hot.person(person), this.certificationsByPerson.get(person) ?? []);
  }

  private result(): AuthorityIndex {
    const ix = this.ix;
    const f = this.f;
    const was = ix.overlay;
    const cumulative = <R>(previous: StackedMap<string, R | null> | undefined, now: ReadonlyMap<string, R | null>) =>
      (previous ?? StackedMap.empty<string, R | null>()).with(now);
    const changedRecords = f.rules.size + f.delegations.size + f.positions.size + f.bodies.size + f.certifications.size;
    const overlay: AuthorityIndexOverlay = {
      builtFrom: was?.builtFrom ?? ix.state,
      records: (was?.records ?? 0) + changedRecords + this.compiled.length,
      rules: cumulative(was?.rules, f.rules),
      delegations: cumulative(was?.delegations, f.delegations),
      positions: cumulative(was?.positions, f.positions),
      bodies: cumulative(was?.bodies, f.bodies),
      certifications: cumulative(was?.certifications, f.certifications),
    };
    return new DerivedIndex({
      tree: ix.tree,
      maxChainLinks: ix.maxChainLinks,
      rulesById: this.rulesById.result(),
      delegationsById: this.delegationsById.result(),
      delegationsBySource: this.delegationsBySource.result(),
      positionRulesByHolder: this.positionRulesByHolder.result(),
      roleRules: this.roleRules.result(),
      bodyRules: this.bodyRules.result(),
      bodiesById: this.bodiesById.result(),
      seatsByBody: this.seatsByBody.result(),
      bodiesByTitle: this.bodiesByTitle.result(),
      positionsByPerson: this.positionsByPerson.result(),
      positionsByKey: this.positionsByKey.result(),
      positionsByUnit: this.positionsByUnit.result(),
      certificationsByPerson: this.certificationsByPerson.result(),
      ancestorsOf: ix.ancestorsOf,
      hot: this.hot.finish(),
      unrootedDelegations: this.unrooted.result(),
      positionsById: this.positionsById.result(),
      certificationsById: this.certificationsById.result(),
      uniqueIds: true,
      overlay,
    });
  }
}

type DerivedFields = Omit<AuthorityIndex, 'state' | 'rules' | 'delegationsByDelegate'>;

/**
 * An index made by applying changes: its state, rule list and delegations by delegate are made on first use (they
 * cost the state's size).
 */
class DerivedIndex implements AuthorityIndex {
  readonly tree!: OrgTree;
  readonly maxChainLinks!: number;
  readonly rulesById!: DerivedFields['rulesById'];
  readonly delegationsById!: DerivedFields['delegationsById'];
  readonly delegationsBySource!: DerivedFields['delegationsBySource'];
  readonly positionRulesByHolder!: DerivedFields['positionRulesByHolder'];
  readonly roleRules!: DerivedFields['roleRules'];
  readonly bodyRules!: DerivedFields['bodyRules'];
  readonly bodiesById!: DerivedFields['bodiesById'];
  readonly seatsByBody!: DerivedFields['seatsByBody'];
  readonly bodiesByTitle!: DerivedFields['bodiesByTitle'];
  readonly positionsByPerson!: DerivedFields['positionsByPerson'];
  readonly positionsByKey!: DerivedFields['positionsByKey'];
  readonly positionsByUnit!: DerivedFields['positionsByUnit'];
  readonly certificationsByPerson!: DerivedFields['certificationsByPerson'];
  readonly ancestorsOf!: DerivedFields['ancestorsOf'];
  readonly hot!: HotIndex;
  readonly unrootedDelegations!: DerivedFields['unrootedDelegations'];
  readonly positionsById!: DerivedFields['positionsById'];
  readonly certificationsById!: DerivedFields['certificationsById'];
  readonly uniqueIds!: boolean;
  readonly overlay!: AuthorityIndexOverlay;
  private madeState: AuthorityState | null = null;
  private madeRules: readonly CompiledLink[] | null = null;
  private madeByDelegate: ReadonlyMap<string, readonly CompiledLink[]> | null = null;

  constructor(fields: DerivedFields & { readonly overlay: AuthorityIndexOverlay }) {
    Object.assign(this, fields);
  }

  get state(): AuthorityState {
    return (this.madeState ??= applyFinals(this.overlay.builtFrom, this.overlay));
  }

  /** Read by nothing on the way to an answer: made when asked for, not kept up to date by every change. */
  get delegationsByDelegate(): ReadonlyMap<string, readonly CompiledLink[]> {
    if (this.madeByDelegate === null) {
      const byDelegate = new Map<string, CompiledLink[]>();
      for (const link of this.delegationsById.values()) {
        const list = byDelegate.get(link.delegateId);
        if (list) list.push(link);
        else byDelegate.set(link.delegateId, [link]);
      }
      this.madeByDelegate = byDelegate;
    }
    return this.madeByDelegate;
  }

  get rules(): readonly CompiledLink[] {
    return (this.madeRules ??= Array.from(this.hot.ruleLinks, (n) => this.hot.links[n] as CompiledLink));
  }
}
