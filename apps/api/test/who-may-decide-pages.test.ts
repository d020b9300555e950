// whoMayDecide's pages judged lazily (pageOfFew in modules/authorization/who-may-decide.ts): on random candidate sets
// (holders deciding directly, holders deciding through a delegation only, holders and others who may not decide, names
// shared and out of id order), walking pages of any size from any cursor gives exactly the whole answer sorted, and
// judges no candidate at or before the cursor.
import type { AuthorityDecider, DeciderCandidates } from '@iron-triangle/domain';
import { compareKeys, pageOfFew, SortKey } from '../src/modules/authorization/who-may-decide';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface World {
  found: DeciderCandidates;
  names: Map<string, string>;
  /** Every decider in the answer's order. */
  sorted: Array<{ decider: AuthorityDecider; key: SortKey }>;
  judged: string[];
}

const chain = (length: number) => ({ links: Array.from({ length }, (_, i) => ({ id: String(i) })) });

function world(seed: number): World {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const count = 1 + Math.floor(next() * 40);
  const names = new Map<string, string>();
  const holders = new Set<string>();
  const candidates = new Set<string>();
  const deciders = new Map<string, AuthorityDecider>();
  for (let i = 0; i < count; i++) {
    const personId = String(1 + Math.floor(next() * 500));
    if (candidates.has(personId)) continue;
    candidates.add(personId);
    names.set(personId, pick(['Ada', 'Bo', 'Twin', 'Zed', '张伟', 'ada', 'Ädam']));
    const holder = next() < 0.3;
    if (holder) holders.add(personId);
    if (next() < 0.25) continue; // may not decide
    // A holder may decide directly (a chain of the rule alone) or through a delegation only; others only through one.
    const chains = holder && next() < 0.6 ? [chain(1), chain(3)] : [chain(2 + Math.floor(next() * 3))];
    deciders.set(personId, { personId, chains, quorumRequired: false } as unknown as AuthorityDecider);
  }
  const judged: string[] = [];
  const found: DeciderCandidates = {
    candidates,
    holders,
    bodyRules: false,
    decider(personId) {
      judged.push(personId);
      return deciders.get(personId) ?? null;
    },
    whole() {
      throw new Error('a page of few never asks for the whole answer');
    },
  };
  const sorted = [...deciders.values()]
    .map((decider) => ({
      decider,
      key: {
        direct: decider.chains.some((c) => c.links.length === 1),
        name: names.get(decider.personId) as string,
        personId: decider.personId,
      },
    }))
    .sort((a, b) => compareKeys(a.key, b.key));
  return { found, names, sorted, judged };
}

describe("whoMayDecide's pages, judging only what a page needs", () => {
  test('pages of any size walk exactly the whole answer, in order, on 500 random candidate sets', () => {
    let walkedAny = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const w = world(seed);
      for (const size of [1, 2, 3, 7, 50]) {
        const walked: SortKey[] = [];
        let from: SortKey | null = null;
        for (let n = 0; n < 100; n++) {
          const { page, hasNextPage } = pageOfFew(w.found, size, from, w.names);
          expect(page.length).toBeLessThanOrEqual(size);
          walked.push(...page.map((p) => p.key));
          if (!hasNextPage) break;
          expect(page.length).toBe(size);
          from = page[page.length - 1]!.key;
        }
        expect({ seed, size, walked }).toEqual({ seed, size, walked: w.sorted.map((s) => s.key) });
        walkedAny += walked.length;
      }
    }
    expect(walkedAny).toBeGreaterThan(10_000);
  });

  test('a first page judges the holders and only as many others as it needs', () => {
    let fewer = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const w = world(seed);
      w.judged.length = 0;
      const { page } = pageOfFew(w.found, 2, null, w.names);
      expect(page.map((p) => p.key)).toEqual(w.sorted.slice(0, 2).map((s) => s.key));
      for (const holder of w.found.holders) expect(w.judged).toContain(holder);
      expect(new Set(w.judged).size).toBe(w.judged.length);
      if (w.judged.length < w.found.candidates.size) fewer++;
    }
    // Most sets have more candidates than a page of two needs.
    expect(fewer).toBeGreaterThan(100);
  });

  test('candidates at or before the cursor who hold no rule are not judged', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const w = world(seed);
      const cursor = w.sorted[Math.floor(w.sorted.length / 2)];
      if (!cursor) continue;
      w.judged.length = 0;
      pageOfFew(w.found, 3, cursor.key, w.names);
      for (const personId of w.judged) {
        if (w.found.holders.has(personId)) continue;
        const key = { direct: false, name: w.names.get(personId) as string, personId };
        expect(compareKeys(key, cursor.key)).toBeGreaterThan(0);
      }
    }
  });
});
