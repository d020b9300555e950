// One application of changes to the packed index (hot-index.ts): appends links, position slots and certification
// records past every version's counts, and replaces the rows they change in a copy of the overlay. The index it
// starts from is never written where that index reads (see "Versions" in hot-index.ts).
import type { CertificationRecord } from '../qualification/held';
import type { AuthorityPosition } from './types';
import { StackedDraft, StackedMap } from './layered-map';
import {
  CertEntry,
  CertRow,
  Claim,
  FoldNames,
  HotIndex,
  HotLinkSource,
  HotOverlay,
  LinkColumns,
  RuleHolderNumbers,
  UnitKeys,
  compareCertEntries,
  copyLinkColumns,
  foldLink,
  inboxRow,
  packedInboxRow,
  keyPosRow,
  keyRulesRow,
  personPosRow,
  sharedLinkColumns,
  spareRoom,
  unitKeysRow,
  writeCert,
  writeLinkTerms,
} from './hot-index';

/** A map copied on its first write (the overlay's maps are small: at most what changed since the build). */
export class CowMap<K, V> {
  private copy: Map<K, V> | null = null;

  constructor(private readonly source: ReadonlyMap<K, V>) {}

  get(key: K): V | undefined {
    return (this.copy ?? this.source).get(key);
  }

  set(key: K, value: V): void {
    (this.copy ??= new Map(this.source)).set(key, value);
  }

  delete(key: K): void {
    if ((this.copy ?? this.source).has(key)) (this.copy ??= new Map(this.source)).delete(key);
  }

  result(): ReadonlyMap<K, V> {
    return this.copy ?? this.source;
  }
}

/** Grows a typed column to `capacity` records of `stride`, keeping the first `count`. */
function grown<T extends Int32Array | Float64Array>(old: T, count: number, capacity: number, stride: number): T {
  const next = new (old.constructor as new (n: number) => T)(capacity * stride);
  next.set(old.subarray(0, count * stride));
  return next;
}

interface SlotColumns {
  posPerson: Int32Array;
  posFrom: Float64Array;
  posTo: Float64Array;
  posKey: Int32Array;
  posTitle: Int32Array;
}

export class HotDraft implements FoldNames {
  private links: LinkColumns | null = null;
  private linkClaim: Claim;
  private slots: SlotColumns | null = null;
  private slotClaim: Claim;
  private cert: Float64Array | null = null;
  private certClaim: Claim;
  private personIds: string[] | null = null;
  private personClaim: Claim;
  private currencyIds: string[] | null = null;
  private roleIds: string[] | null = null;
  private titleBodies: Array<readonly string[] | undefined> | null = null;
  private ruleLinks: Int32Array;
  linkCount: number;
  private slotCount: number;
  private certCount: number;
  private personCount: number;
  private keyCount: number;
  private titleCount: number;
  private readonly persons: StackedDraft<string, number>;
  private readonly keys: StackedDraft<string, number>;
  private readonly titles: StackedDraft<string, number>;
  private readonly currencies: StackedDraft<string, number>;
  private readonly roles: StackedDraft<string, number>;
  private readonly inbox: StackedDraft<number, Int32Array>;
  private readonly personPos: StackedDraft<number, Int32Array>;
  private readonly keyPos: StackedDraft<number, Int32Array>;
  private readonly keyRules: StackedDraft<number, Int32Array>;
  private readonly unitKeys: StackedDraft<number, UnitKeys>;
  private readonly certRows: StackedDraft<number, CertRow>;
  private readonly rules: StackedDraft<number, RuleHolderNumbers>;
  private readonly ruleNumbers: StackedDraft<string, number>;
  private readonly posSlots: StackedDraft<string, number>;
  readonly bodySeats: CowMap<string, readonly Uint8Array[]>;
  readonly bodyRuleNumbers: CowMap<string, readonly number[]>;
  readonly roleRuleNumbers: CowMap<string, readonly number[]>;

  constructor(
    private readonly h: HotIndex,
    private readonly maxChainLinks: number,
  ) {
    const ov = h.ov;
    this.linkClaim = h.linkClaim;
    this.slotClaim = h.slotClaim;
    this.certClaim = h.certClaim;
    this.personClaim = h.personClaim;
    this.linkCount = h.linkCount;
    this.slotCount = h.slotCount;
    this.certCount = h.certCount;
    this.personCount = h.personCount;
    this.keyCount = h.keyCount;
    this.titleCount = h.titleCount;
    this.ruleLinks = h.ruleLinks;
    this.persons = new StackedDraft(ov?.persons ?? StackedMap.empty());
    this.keys = new StackedDraft(ov?.keys ?? StackedMap.empty());
    this.titles = new StackedDraft(ov?.titles ?? StackedMap.empty());
    this.currencies = new StackedDraft(ov?.currencies ?? StackedMap.empty());
    this.roles = new StackedDraft(ov?.roles ?? StackedMap.empty());
    this.inbox = new StackedDraft(ov?.inbox ?? StackedMap.empty());
    this.personPos = new StackedDraft(ov?.personPos ?? StackedMap.empty());
    this.keyPos = new StackedDraft(ov?.keyPos ?? StackedMap.empty());
    this.keyRules = new StackedDraft(ov?.keyRules ?? StackedMap.empty());
    this.unitKeys = new StackedDraft(ov?.unitKeys ?? StackedMap.empty());
    this.certRows = new StackedDraft(ov?.certRows ?? StackedMap.empty());
    this.rules = new StackedDraft(ov?.rules ?? StackedMap.empty());
    this.ruleNumbers = new StackedDraft(ov?.ruleNumbers ?? StackedMap.empty());
    this.posSlots = new StackedDraft(ov?.posSlots ?? StackedMap.empty());
    this.bodySeats = new CowMap(h.bodySeats);
    this.bodyRuleNumbers = new CowMap(h.bodyRuleNumbers);
    this.roleRuleNumbers = new CowMap(h.roleRuleNumbers);
  }

  // ---- Names: the build's numbers, then the overlay's, else the next number. ----

  person(id: string): number {
    const known = this.h.personIndex.get(id) ?? this.persons.get(id);
    if (known !== undefined) return known;
    if (this.personIds === null) {
      this.personIds =
        this.personClaim.count === this.h.personCount
          ? (this.h.personIds as string[])
          : this.h.personIds.slice(0, this.h.personCount);
      if (this.personIds !== this.h.personIds) this.personClaim = { count: this.h.personCount };
    }
    const n = this.personCount++;
    this.personIds[n] = id;
    this.persons.set(id, n);
    return n;
  }

  /** A person's number if any record named them, else −1. */
  knownPerson(id: string): number {
    return this.h.personIndex.get(id) ?? this.persons.get(id) ?? -1;
  }

  key(key: string): number {
    const known = this.h.keyIndex.get(key) ?? this.keys.get(key);
    if (known !== undefined) return known;
    const n = this.keyCount++;
    this.keys.set(key, n);
    return n;
  }

  title(title: string): number {
    const known = this.h.titleIndex.get(title) ?? this.titles.get(title);
    if (known !== undefined) return known;
    const n = this.titleCount++;
    this.titles.set(title, n);
    return n;
  }

  get titlesNumbered(): number {
    return this.titleCount;
  }

  currency(code: string): number {
    const known = this.h.currencyIndex.get(code) ?? this.currencies.get(code);
    if (known !== undefined) return known;
    this.currencyIds ??= [...this.h.currencyIds];
    const n = this.currencyIds.length;
    this.currencyIds.push(code);
    this.currencies.set(code, n);
    return n;
  }

  role(role: string): number {
    const known = this.h.roleIndex.get(role) ?? this.roles.get(role);
    if (known !== undefined) return known;
    this.roleIds ??= [...this.h.roleIds];
    const n = this.roleIds.length;
    this.roleIds.push(role);
    this.roles.set(role, n);
    return n;
  }

  // ---- Links. ----

  /** The number of a link live in the index this draft starts from. */
  liveNumber(link: HotLinkSource): number {
    if (link.num >= 0) return link.num;
    const h = this.h;
    if (link.kind === 'RULE') return h.ov?.ruleNumbers.get(link.id) ?? (h.ruleNumberById.get(link.id) as number);
    for (const l of inboxRow(h, this.knownPerson(link.delegateId))) if (h.links[l] === link) return l;
    throw new Error(`link ${link.id} is not live`);
  }

  /**
   * Makes room for `count` links: the shared columns when this version may append to them in place and they have the
   * room; else copies, with spare room again (the other versions keep theirs).
   */
  reserveLinks(count: number): void {
    const h = this.h;
    const own = this.linkClaim.count === h.linkCount && h.linkCount + count <= h.length.length;
    this.links = own ? sharedLinkColumns(h) : copyLinkColumns(h, h.linkCount + count + spareRoom(h.linkCount));
    if (!own) this.linkClaim = { count: h.linkCount };
  }

  /**
   * Appends a compiled link below link number `parent` (−1 for a rule) and numbers it; returns its number. `was`: the
   * number of a link with the same own terms, or −1 (see foldLink). Room reserved first.
   */
  appendLink(link: HotLinkSource, parent: number, was = -1): number {
    const c = this.links as LinkColumns;
    const n = this.linkCount++;
    writeLinkTerms(c, n, link);
    c.ruleOutputs[n] = undefined;
    c.chainIdLists[n] = undefined;
    c.chainOutputs[n] = undefined;
    foldLink(c, n, link, parent, this, this.h, this.maxChainLinks, was);
    link.num = n;
    return n;
  }

  /** The delegate (person number) of link `n`, live in this draft. */
  delegateOf(n: number): number {
    return ((this.links ?? this.h).delegate as Int32Array)[n] as number;
  }

  /** Records a rule compiled in this draft (its holder, its number by id). */
  noteRule(id: string, n: number, holder: RuleHolderNumbers): void {
    this.rules.set(n, holder);
    this.ruleNumbers.set(id, n);
  }

  setRuleLinks(rules: Int32Array): void {
    this.ruleLinks = rules;
  }

  get liveRules(): Int32Array {
    return this.ruleLinks;
  }

  inboxOf(p: number): Int32Array {
    return this.inbox.get(p) ?? packedInboxRow(this.h, p);
  }

  setInbox(p: number, row: Int32Array): void {
    this.inbox.set(p, row);
  }

  keyRulesOf(k: number): Int32Array {
    return this.keyRules.get(k) ?? keyRulesRow(this.h, k);
  }

  setKeyRules(k: number, row: Int32Array): void {
    this.keyRules.set(k, row);
  }

  linkAt(n: number): HotLinkSource {
    return (this.links?.links[n] ?? this.h.links[n]) as HotLinkSource;
  }

  // ---- Positions. ----

  private slotRoom(): SlotColumns {
    const h = this.h;
    if (this.slots === null) {
      const own = this.slotClaim.count === h.slotCount;
      const capacity = own ? h.posPerson.length : h.slotCount + spareRoom(h.slotCount);
      const take = <T extends Int32Array | Float64Array>(col: T): T =>
        own ? col : grown(col, h.slotCount, capacity, 1);
      this.slots = {
        posPerson: take(h.posPerson),
        posFrom: take(h.posFrom),
        posTo: take(h.posTo),
        posKey: take(h.posKey),
        posTitle: take(h.posTitle),
      };
      if (!own) this.slotClaim = { count: h.slotCount };
    }
    if (this.slotCount >= this.slots.posPerson.length) {
      const s = this.slots;
      const count = this.slotCount;
      const capacity = count * 2 + 1;
      this.slots = {
        posPerson: grown(s.posPerson, count, capacity, 1),
        posFrom: grown(s.posFrom, count, capacity, 1),
        posTo: grown(s.posTo, count, capacity, 1),
        posKey: grown(s.posKey, count, capacity, 1),
        posTitle: grown(s.posTitle, count, capacity, 1),
      };
      this.slotClaim = { count };
    }
    return this.slots;
  }

  /** The slot of a position live in this draft. */
  slotOf(id: string): number {
    return this.posSlots.get(id) ?? (this.h.posSlotById.get(id) as number);
  }

  /** Appends a position's slot (key `key`, title `title`); returns it. */
  appendSlot(p: AuthorityPosition, key: number, title: number): number {
    const s = this.slotRoom();
    const slot = this.slotCount++;
    s.posPerson[slot] = this.person(p.personId);
    s.posFrom[slot] = p.window.from.getTime();
    s.posTo[slot] = p.window.to === null ? Infinity : p.window.to.getTime();
    s.posKey[slot] = key;
    s.posTitle[slot] = title;
    this.posSlots.set(p.id, slot);
    return slot;
  }

  personPosOf(p: number): Int32Array {
    return this.personPos.get(p) ?? personPosRow(this.h, p);
  }

  setPersonPos(p: number, row: Int32Array): void {
    this.personPos.set(p, row);
  }

  keyPosOf(k: number): Int32Array {
    return this.keyPos.get(k) ?? keyPosRow(this.h, k);
  }

  setKeyPos(k: number, row: Int32Array): void {
    this.keyPos.set(k, row);
  }

  /** Lists key `k` (title number `title`) under unit `u` if it is not there yet. */
  addUnitKey(u: number, title: number, k: number): void {
    const row = this.unitKeys.get(u) ?? unitKeysRow(this.h, u);
    if (row.keys.includes(k)) return;
    const titles = new Int32Array(row.titles.length + 1);
    titles.set(row.titles);
    titles[row.titles.length] = title;
    const keys = new Int32Array(row.keys.length + 1);
    keys.set(row.keys);
    keys[row.keys.length] = k;
    this.unitKeys.set(u, { titles, keys });
  }

  // ---- Bodies. ----

  setTitleBodies(title: number, bodies: readonly string[] | undefined): void {
    this.titleBodies ??= [...this.h.titleBodies];
    this.titleBodies[title] = bodies;
  }

  // ---- Certifications. ----

  /** Replaces person `p`'s certifying records by those of `records` (all of theirs), in the build's order. */
  setCertifications(p: number, records: readonly CertificationRecord[]): void {
    const entries: CertEntry[] = [];
    let slow = false;
    records.forEach((c, i) => {
      if (!c.certifying) return;
      entries.push({ c, i, person: p, role: this.role(c.role) });
      if (Number.isNaN(c.assessedAt.getTime())) slow = true;
    });
    entries.sort(compareCertEntries);
    const h = this.h;
    if (this.cert === null) {
      const own = this.certClaim.count === h.certCount;
      this.cert = own ? h.cert : grown(h.cert, h.certCount, h.certCount + spareRoom(h.certCount), 4);
      if (!own) this.certClaim = { count: h.certCount };
    }
    if ((this.certCount + entries.length) * 4 > this.cert.length) {
      this.cert = grown(this.cert, this.certCount, (this.certCount + entries.length) * 2, 4);
      this.certClaim = { count: this.certCount };
    }
    const start = this.certCount;
    for (const x of entries) writeCert(this.cert, this.certCount++, x);
    this.certRows.set(p, { start, end: this.certCount, slow });
  }

  /** The new version: this draft's columns, counts and overlay. Claims move to it where it appended in place. */
  finish(): HotIndex {
    const h = this.h;
    const ov: HotOverlay = {
      persons: this.persons.result(),
      keys: this.keys.result(),
      titles: this.titles.result(),
      currencies: this.currencies.result(),
      roles: this.roles.result(),
      inbox: this.inbox.result(),
      personPos: this.personPos.result(),
      keyPos: this.keyPos.result(),
      keyRules: this.keyRules.result(),
      unitKeys: this.unitKeys.result(),
      certRows: this.certRows.result(),
      rules: this.rules.result(),
      ruleNumbers: this.ruleNumbers.result(),
      posSlots: this.posSlots.result(),
    };
    if (this.links !== null) this.linkClaim.count = this.linkCount;
    if (this.slots !== null) this.slotClaim.count = this.slotCount;
    if (this.cert !== null) this.certClaim.count = this.certCount;
    if (this.personIds !== null) this.personClaim.count = this.personCount;
    return {
      ...h,
      ...(this.links ?? {}),
      ...(this.slots ?? {}),
      cert: this.cert ?? h.cert,
      personIds: this.personIds ?? h.personIds,
      linkCount: this.linkCount,
      slotCount: this.slotCount,
      certCount: this.certCount,
      personCount: this.personCount,
      keyCount: this.keyCount,
      titleCount: this.titleCount,
      linkClaim: this.linkClaim,
      slotClaim: this.slotClaim,
      certClaim: this.certClaim,
      personClaim: this.personClaim,
      currencyIds: this.currencyIds ?? h.currencyIds,
      roleIds: this.roleIds ?? h.roleIds,
      titleBodies: this.titleBodies ?? h.titleBodies,
      ruleLinks: this.ruleLinks,
      bodySeats: this.bodySeats.result(),
      bodyRuleNumbers: this.bodyRuleNumbers.result(),
      roleRuleNumbers: this.roleRuleNumbers.result(),
      ov,
    };
  }
}
