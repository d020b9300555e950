// applyAuthorityChanges beyond the answers (incremental.property.test.ts): the maps it keeps, its rebuilds and advice,
// applyChangesToState, and the packed columns growing past their spare room.
import { authorize, whoMayDecide } from './authorize';
import { AuthorityIndex, indexAuthorityState } from './authority-index';
import { revocationImpact, validateDelegation } from './delegation';
import { T, eastRegion, baseCase } from './testing/east-region';
import {
  AuthorityRecordChange,
  applyAuthorityChanges,
  applyChangesToState,
  changedRecordId,
  defaultMaxOverlayRecords,
} from './incremental';
import { LayeredMap, MapDraft, StackedMap } from './layered-map';
import { randomChange } from './testing/random-changes';
import { picker, randomWorld, seededRandom } from './testing/random-state';
import type { AuthorityState, Delegation } from './types';

function built(state: AuthorityState): AuthorityIndex {
  const ix = indexAuthorityState(state);
  if (!ix.ok) throw new Error(ix.error.code);
  return ix.value;
}

function applied(ix: AuthorityIndex, changes: readonly AuthorityRecordChange[]) {
  const r = applyAuthorityChanges(ix, changes);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

/** Any value as plain data, maps as objects sorted by key, lists of records sorted by id. */
function plain(value: unknown): unknown {
  if (value instanceof Map || value instanceof LayeredMap) {
    const out: Record<string, unknown> = {};
    for (const key of [...(value as ReadonlyMap<string, unknown>).keys()].sort())
      out[key] = plain((value as ReadonlyMap<string, unknown>).get(key));
    return out;
  }
  if (Array.isArray(value)) {
    const items = value.map(plain);
    const id = (x: unknown): string | undefined =>
      typeof x === 'string'
        ? x
        : ((x as { id?: string; assessmentId?: string }).id ?? (x as { assessmentId?: string }).assessmentId);
    return items.every((x) => id(x) !== undefined)
      ? items.sort((a, b) => ((id(a) as string) < (id(b) as string) ? -1 : id(a) === id(b) ? 0 : 1))
      : items;
  }
  if (value !== null && typeof value === 'object' && 'kind' in value && 'parent' in value && 'rule' in value) {
    // A compiled link: its identity and place, not the whole graph above it.
    const l = value as { kind: string; id: string; parent: { id: string } | null; delegation: unknown; rule: unknown };
    return { kind: l.kind, id: l.id, parent: l.parent?.id ?? null, terms: l.delegation ?? l.rule };
  }
  return value;
}

const MAPS = [
  'rulesById',
  'delegationsById',
  'delegationsByDelegate',
  'delegationsBySource',
  'positionRulesByHolder',
  'roleRules',
  'bodyRules',
  'bodiesById',
  'seatsByBody',
  'bodiesByTitle',
  'positionsByPerson',
  'positionsByKey',
  'positionsByUnit',
  'certificationsByPerson',
  'unrootedDelegations',
  'positionsById',
  'certificationsById',
] as const;

describe('applyAuthorityChanges', () => {
  it('keeps every map of the index as a build from the changed state has it', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const world = randomWorld(seed);
      const p = picker(seededRandom(seed * 7));
      const ids = { next: 0 };
      let state = world.state;
      let ix = built(state);
      for (let i = 0; i < 25; i++) {
        const change = randomChange(p, state, ids, 0);
        state = applyChangesToState(state, [change]);
        ix = applied(ix, [change]).index;
      }
      const fresh = built(state);
      for (const name of MAPS) expect([name, plain(ix[name])]).toEqual([name, plain(fresh[name])]);
      expect(ix[MAPS[0]].size).toBe(fresh[MAPS[0]].size);
      expect(plain(ix.rules)).toEqual(plain(fresh.rules));
      // A second read gives the same (cached) results.
      expect(ix.delegationsByDelegate).toBe(ix.delegationsByDelegate);
      expect(ix.rules).toBe(ix.rules);
      expect(ix.state).toBe(ix.state);
    }
  });

  it('judges drafts of delegations as a built index does', () => {
    for (let seed = 1; seed <= 80; seed++) {
      const world = randomWorld(seed);
      const p = picker(seededRandom(seed * 11));
      const ids = { next: 0 };
      let state = world.state;
      let ix = built(state);
      for (let i = 0; i < 10; i++) {
        const change = randomChange(p, state, ids, 0);
        state = applyChangesToState(state, [change]);
        ix = applied(ix, [change]).index;
      }
      const fresh = built(state);
      const t = world.times[p.int(0, world.times.length - 1)] as Date;
      for (const d of state.delegations) {
        const team = world.cases[0]?.team;
        expect(validateDelegation(d, t, ix, { team })).toEqual(validateDelegation(d, t, fresh, { team }));
      }
    }
  });

  it('returns the same index for no changes, and says how large its overlay is', () => {
    const ix = built(eastRegion);
    expect(applied(ix, [])).toEqual({ index: ix, rebuilt: null, overlayRecords: 0, rebuildAdvised: false });
    const once = applied(ix, [{ op: 'REMOVE', kind: 'POSITION', id: 'nope' }]);
    expect(once.overlayRecords).toBe(1);
    expect(applied(once.index, []).index).toBe(once.index);
    expect(applied(once.index, []).overlayRecords).toBe(1);
  });

  it('advises a rebuild once the overlay passes its threshold', () => {
    const ix = built(eastRegion);
    expect(defaultMaxOverlayRecords(eastRegion)).toBe(50);
    const d = eastRegion.delegations[0] as Delegation;
    const change: AuthorityRecordChange = { op: 'UPSERT', kind: 'DELEGATION', record: { ...d, reason: 'again' } };
    const r = applyAuthorityChanges(ix, [change], { maxOverlayRecords: 1 });
    expect(r.ok && r.value.rebuildAdvised).toBe(true);
    expect(r.ok && r.value.overlayRecords).toBeGreaterThan(1);
    const quiet = applyAuthorityChanges(ix, [change]);
    expect(quiet.ok && quiet.value.rebuildAdvised).toBe(false);
  });

  it('rebuilds for an org unit, and refuses what a build refuses', () => {
    const ix = built(eastRegion);
    const added = applied(ix, [{ op: 'UPSERT', kind: 'ORG_UNIT', record: { id: 'NB', parentId: 'EAST' } as never }]);
    expect(added.rebuilt).toBe('ORG_UNITS');
    expect(added.index.overlay).toBeNull();
    expect(added.index.tree.isWithin('NB', 'EAST')).toBe(true);
    const orphan = applyAuthorityChanges(ix, [
      { op: 'UPSERT', kind: 'ORG_UNIT', record: { id: 'X', parentId: 'missing' } as never },
    ]);
    expect(orphan).toMatchObject({ ok: false, error: { code: 'ORG.ORPHAN' } });
  });

  it('rebuilds when the state has records of one kind sharing an id', () => {
    const dup = { ...eastRegion, positions: [...eastRegion.positions, eastRegion.positions[0]!] };
    const ix = built(dup);
    expect(ix.uniqueIds).toBe(false);
    const kept = applied(ix, [{ op: 'REMOVE', kind: 'RULE', id: eastRegion.rules[0]!.id }]);
    expect(kept.rebuilt).toBe('DUPLICATE_IDS');
    expect(kept.index.uniqueIds).toBe(false);
    expect(kept.index.rulesById.has(eastRegion.rules[0]!.id)).toBe(false);
    // Removing the id removes every copy: ids are unique again, and the next change is applied.
    const gone = applied(kept.index, [{ op: 'REMOVE', kind: 'POSITION', id: eastRegion.positions[0]!.id }]);
    expect(gone.index.uniqueIds).toBe(true);
    expect(applied(gone.index, [{ op: 'REMOVE', kind: 'BODY', id: 'none' }]).rebuilt).toBeNull();
    // And revocationImpact finds a delegation the way a state with duplicates needs (its first).
    const d = eastRegion.delegations[0] as Delegation;
    expect(revocationImpact(d.id, T, ix)).toEqual(revocationImpact(d.id, T, eastRegion));
  });

  it('applyChangesToState replaces in place, drops later duplicates, appends new ones, removes every copy', () => {
    const [a, b] = eastRegion.positions as [AuthorityState['positions'][0], AuthorityState['positions'][0]];
    const state = { ...eastRegion, positions: [a, b, a] };
    const moved = { ...a, personId: 'someone' };
    const added = { ...b, id: 'new-position' };
    const next = applyChangesToState(state, [
      { op: 'UPSERT', kind: 'POSITION', record: moved },
      { op: 'UPSERT', kind: 'POSITION', record: added },
    ]);
    expect(next.positions).toEqual([moved, b, added]);
    expect(applyChangesToState(state, [{ op: 'REMOVE', kind: 'POSITION', id: a.id }]).positions).toEqual([b]);
    expect(applyChangesToState(state, []).positions).toBe(state.positions);
    const cert = eastRegion.certifications[0]!;
    expect(changedRecordId({ op: 'UPSERT', kind: 'CERTIFICATION', record: cert })).toBe(cert.assessmentId);
    expect(changedRecordId({ op: 'REMOVE', kind: 'BODY', id: 'b' })).toBe('b');
  });

  it('grows the packed columns past their spare room, and keeps answering as a built index', () => {
    const world = randomWorld(42);
    let state = world.state;
    let ix = built(state);
    const p = picker(seededRandom(42));
    const persons = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
    const rule = state.rules[0]!;
    for (let i = 0; i < 150; i++) {
      const changes: AuthorityRecordChange[] = [
        {
          op: 'UPSERT',
          kind: 'DELEGATION',
          record: {
            id: `g${i}`,
            source: i % 3 === 0 || i < 3 ? { kind: 'RULE', id: rule.id } : { kind: 'DELEGATION', id: `g${i - 3}` },
            delegatorId: p.one(persons),
            delegateId: p.one(persons),
            decisionPoints: rule.decisionPoints,
            grades: rule.grades,
            scopeOrgUnitId: rule.scopeOrgUnitId,
            currency: rule.currency,
            limit: rule.limit,
            window: rule.window,
            redelegableDepth: 3,
            requiredQualification: i % 2 === 0 ? { role: 'AR', level: 1 } : null,
            reason: 'grow',
            revokedAt: null,
          },
        },
        {
          op: 'UPSERT',
          kind: 'POSITION',
          record: { id: `gp${i}`, personId: p.one(persons), title: 'DIR', orgUnitId: 'u0', window: rule.window },
        },
        {
          op: 'UPSERT',
          kind: 'CERTIFICATION',
          record: {
            assessmentId: `ga${i}`,
            personId: p.one(persons),
            role: 'AR',
            level: p.int(1, 3),
            assessedAt: rule.window.from,
            validUntil: null,
            certifying: true,
          },
        },
      ];
      state = applyChangesToState(state, changes);
      ix = applied(ix, changes).index;
    }
    const fresh = built(state);
    for (const c of world.cases)
      for (const t of world.times) {
        for (const person of persons) expect(authorize(person, c, t, ix)).toEqual(authorize(person, c, t, fresh));
        expect(whoMayDecide(c, t, ix)).toEqual(whoMayDecide(c, t, fresh));
      }
    expect(ix.hot.linkCount).toBeGreaterThan(ix.hot.baseLinks + 64);
  });

  it('leaves the index it starts from answering as before, also when two changes start from it', () => {
    const ix = built(eastRegion);
    const before = whoMayDecide(baseCase, T, ix);
    const d = eastRegion.delegations[0] as Delegation;
    const one = applied(ix, [{ op: 'REMOVE', kind: 'DELEGATION', id: d.id }]).index;
    const two = applied(ix, [{ op: 'UPSERT', kind: 'DELEGATION', record: { ...d, revokedAt: T } }]).index;
    expect(whoMayDecide(baseCase, T, ix)).toEqual(before);
    expect(whoMayDecide(baseCase, T, one)).toEqual(whoMayDecide(baseCase, T, one.state));
    expect(whoMayDecide(baseCase, T, two)).toEqual(whoMayDecide(baseCase, T, two.state));
  });
});

describe('layered maps', () => {
  it('a stacked map merges its recent level into the settled one as it grows, and reads the same', () => {
    let map = StackedMap.empty<number, number>();
    const reference = new Map<number, number>();
    const versions: Array<[StackedMap<number, number>, Map<number, number>]> = [];
    for (let i = 0; i < 3000; i++) {
      const changes = new Map([
        [i, i],
        [i % 97, -i],
      ]);
      map = map.with(changes);
      for (const [k, v] of changes) reference.set(k, v);
      if (i % 500 === 0) versions.push([map, new Map(reference)]);
    }
    expect(map.with(new Map())).toBe(map);
    expect(map.size).toBe(reference.size);
    expect(new Map(map.entries())).toEqual(reference);
    for (const [version, expected] of versions) {
      expect(version.size).toBe(expected.size);
      for (const [k, v] of expected) expect(version.get(k)).toBe(v);
    }
  });

  it('a layered map reads as the merged map, whole or key by key', () => {
    const base = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    const draft = new MapDraft<string, number>(base);
    draft.set('c', 3);
    draft.delete('a');
    draft.delete('zz');
    draft.put('b', undefined);
    draft.put('d', 4);
    const map = draft.result();
    expect(map).toBeInstanceOf(LayeredMap);
    expect(map.get('a')).toBeUndefined();
    expect(map.has('c')).toBe(true);
    expect(map.size).toBe(2);
    expect([...map.keys()]).toEqual(['c', 'd']);
    expect([...map.values()]).toEqual([3, 4]);
    expect([...map]).toEqual([
      ['c', 3],
      ['d', 4],
    ]);
    const seen: string[] = [];
    map.forEach((value, key, whole) => {
      expect(whole).toBe(map);
      seen.push(`${key}=${value}`);
    });
    expect(seen).toEqual(['c=3', 'd=4']);
    expect(new MapDraft(base).result()).toBe(base);
    const again = new MapDraft(map);
    again.set('a', 5);
    expect(Object.fromEntries(again.result())).toEqual({ a: 5, c: 3, d: 4 });
    expect(Object.fromEntries(map)).toEqual({ c: 3, d: 4 });
  });
});
