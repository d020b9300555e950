// The engine against the brute-force reference on thousands of random seeded states: same answers, chains and reasons.
import fc from 'fast-check';
import { authorize, deciderCandidates, whoMayDecide } from './authorize';
import { compareStrings } from './chain-order';
import { indexAuthorityState } from './authority-index';
import { referenceAuthorize, referenceWhoMayDecide } from './reference';
import { randomWorld } from './testing/random-state';
import { revocationImpact } from './delegation';

const SEED = 20260301;

function compareWorld(seed: number): { allowed: number; denied: number } {
  const world = randomWorld(seed);
  const built = indexAuthorityState(world.state);
  if (!built.ok) throw new Error('random world has an invalid tree');
  const ix = built.value;
  let allowed = 0;
  let denied = 0;
  for (const c of world.cases) {
    const t = world.times[seed % world.times.length] as Date;
    for (const person of world.persons) {
      const engine = authorize(person, c, t, ix);
      const reference = referenceAuthorize(person, c, t, world.state);
      expect(engine).toEqual(reference);
      if (engine.allowed) allowed++;
      else denied++;
    }
    const who = whoMayDecide(c, t, ix);
    expect(who).toEqual(referenceWhoMayDecide(c, t, world.state));
    // Its candidates, judged one by one, are its deciders; a direct decider is one of the holders.
    const found = deciderCandidates(c, t, ix);
    const judged = [...found.candidates].sort(compareStrings).flatMap((p) => found.decider(p) ?? []);
    expect(judged).toEqual(who.deciders);
    for (const d of who.deciders)
      if (d.chains.some((chain) => chain.links.length === 1)) expect(found.holders.has(d.personId)).toBe(true);
    if (who.bodies.length > 0) expect(found.bodyRules).toBe(true);
  }
  return { allowed, denied };
}

describe('authorization engine = brute-force reference', () => {
  it('gives the same answer, chains and reasons on 3,000 random states (fast-check, fixed seed)', () => {
    const totals = { allowed: 0, denied: 0 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const r = compareWorld(seed);
        totals.allowed += r.allowed;
        totals.denied += r.denied;
      }),
      { seed: SEED, numRuns: 3000 },
    );
    // The generator must produce both outcomes in volume, or the comparison proves little.
    expect(totals.allowed).toBeGreaterThan(1000);
    expect(totals.denied).toBeGreaterThan(1000);
  });

  it('asks every time of a world, not one', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const world = randomWorld(seed);
      const c = world.cases[0];
      if (c === undefined) continue;
      for (const t of world.times) {
        for (const person of world.persons.slice(0, 3))
          expect(authorize(person, c, t, world.state)).toEqual(referenceAuthorize(person, c, t, world.state));
      }
    }
  });

  it('revocation impact lists exactly the delegation and its descendants not revoked before t', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const world = randomWorld(seed);
      const t = world.times[3] as Date;
      for (const d of world.state.delegations) {
        const impact = revocationImpact(d.id, t, world.state);
        if (d.revokedAt !== null && d.revokedAt.getTime() < t.getTime()) {
          expect(impact.ok).toBe(false);
          continue;
        }
        // Naively: a delegation ends when the target is on its source path, and nothing on the way ended before t.
        const expected = world.state.delegations.filter((x) => {
          const seen = new Set<string>();
          for (let cursor: typeof x | undefined = x; cursor !== undefined && !seen.has(cursor.id);) {
            seen.add(cursor.id);
            if (cursor.revokedAt !== null && cursor.revokedAt.getTime() < t.getTime()) return false;
            if (cursor.id === d.id) return true;
            const source: (typeof x)['source'] = cursor.source;
            cursor = source.kind === 'DELEGATION' ? world.state.delegations.find((y) => y.id === source.id) : undefined;
          }
          return false;
        });
        expect(impact.ok && impact.value.map((x) => x.id).sort()).toEqual(expected.map((x) => x.id).sort());
        expect(impact.ok && impact.value[0]).toBe(d);
      }
    }
  });
});
