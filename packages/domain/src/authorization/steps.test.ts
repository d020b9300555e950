// The index built in slices (indexAuthorityStateSteps) pauses in proportion to the state's size and answers exactly as
// the one built at once.
import { authorize, whoMayDecide } from './authorize';
import { indexAuthorityState, indexAuthorityStateSteps } from './authority-index';
import { Slice, SLICE_ITEMS, sortSteps } from './steps';
import { baseCase, delegations, eastRegion, T } from './testing/east-region';
import type { AuthorityState, Delegation } from './types';

const text = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/** The east region with `extra` more delegations of D1's terms, from Zhang to a crowd of delegates. */
function grown(extra: number): AuthorityState {
  const d1 = delegations[0] as Delegation;
  const more: Delegation[] = Array.from({ length: extra }, (_, i) => ({
    ...d1,
    id: `X${i}`,
    delegateId: `crowd${i % 997}`,
  }));
  return { ...eastRegion, delegations: [...eastRegion.delegations, ...more] };
}

describe('indexAuthorityStateSteps', () => {
  test('pauses between slices, more often for a larger state, and answers as the index built at once', () => {
    const pausesOf = (state: AuthorityState) => {
      const steps = indexAuthorityStateSteps(state);
      let pauses = 0;
      for (let next = steps.next(); ; next = steps.next()) {
        if (next.done) return { pauses, index: next.value };
        pauses += 1;
      }
    };
    const small = pausesOf(eastRegion);
    const state = grown(3 * SLICE_ITEMS);
    const large = pausesOf(state);
    // Every delegation is visited in four loops of the index and two of the compact part: at least one pause per slice.
    expect(large.pauses).toBeGreaterThanOrEqual(small.pauses + 3 * 4);
    expect(small.pauses).toBeGreaterThan(0);
    const whole = indexAuthorityState(state);
    if (!whole.ok || !large.index.ok) throw new Error('invalid tree');
    for (const person of ['zhang', 'sun', 'zhou', 'crowd5', 'crowd996', 'xie', 'nobody']) {
      expect(text(authorize(person, baseCase, T, large.index.value))).toBe(
        text(authorize(person, baseCase, T, whole.value)),
      );
    }
    const deciders = whoMayDecide({ ...baseCase, decisionPoint: 'ATI' }, T, large.index.value);
    expect(text(deciders)).toBe(text(whoMayDecide({ ...baseCase, decisionPoint: 'ATI' }, T, whole.value)));
    expect(deciders.deciders.some((d) => d.personId === 'crowd5')).toBe(true);
  });
});

describe('slices of work', () => {
  test('no slice of an index build does more than about SLICE_ITEMS items, and every pass counts its items', () => {
    const extra = 20_000;
    const steps = indexAuthorityStateSteps(grown(extra));
    const slices: number[] = [];
    for (let next = steps.next(); !next.done; next = steps.next()) slices.push(next.value);
    const total = slices.reduce((sum, n) => sum + n, 0);
    // A slice ends once SLICE_ITEMS are counted; the one counted last may be a sorted run (its n·log₂n comparisons).
    expect(Math.max(...slices)).toBeLessThanOrEqual(2 * SLICE_ITEMS);
    // Each delegation is counted in every pass over the records and over the links (indexing, numbering, columns,
    // folding, ranking): more than a dozen items each, so that no pass runs unsliced.
    expect(total).toBeGreaterThanOrEqual(12 * extra);
    expect(slices.length).toBeGreaterThanOrEqual(Math.floor(total / (2 * SLICE_ITEMS)));
  });

  test('sortSteps sorts as Array.prototype.sort does (stably), pausing every SLICE_ITEMS comparisons or so', () => {
    const random = (() => {
      let s = 7;
      return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    })();
    for (const n of [0, 1, 2, 63, 64, 65, 1000, 10_000]) {
      const items = Array.from({ length: n }, (_x, i) => ({ key: Math.floor(random() * 50), i }));
      const expected = [...items].sort((a, b) => a.key - b.key);
      const slice = new Slice();
      const steps = sortSteps(items, (a, b) => a.key - b.key, slice);
      const slices: number[] = [];
      for (let next = steps.next(); !next.done; next = steps.next()) slices.push(next.value);
      expect(items).toEqual(expected);
      if (slices.length) expect(Math.max(...slices)).toBeLessThanOrEqual(2 * SLICE_ITEMS);
      if (n === 10_000) expect(slices.length).toBeGreaterThanOrEqual(Math.floor((n * Math.log2(n)) / 2 / SLICE_ITEMS));
    }
  });
});
