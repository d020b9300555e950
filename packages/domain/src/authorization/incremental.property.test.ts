// The incrementally maintained index against a freshly built one and against the brute-force reference, after random
// sequences of changes (seeded): same answers, chains, reasons, deciders, decision rights and revocation impacts; and
// every earlier version still answers as it did.
import { authorize, whoMayDecide } from './authorize';
import { AuthorityIndex, indexAuthorityState } from './authority-index';
import { revocationImpact } from './delegation';
import { decisionRights } from './decision-rights';
import { AuthorityRecordChange, applyAuthorityChanges, applyChangesToState } from './incremental';
import { referenceAuthorize, referenceWhoMayDecide } from './reference';
import { randomChange } from './testing/random-changes';
import { picker, randomWorld, seededRandom } from './testing/random-state';
import type { AuthorityState, AuthorizationCase } from './types';

const SEED = 20260413;
const PERSONS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'nobody'];

function built(state: AuthorityState): AuthorityIndex {
  const ix = indexAuthorityState(state);
  if (!ix.ok) throw new Error('invalid tree');
  return ix.value;
}

/** A stable text of any answer (bigints and dates included), to compare versions over time. */
function text(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

/** The state's records sorted by id, kind by kind. */
function sorted(state: AuthorityState): Record<string, unknown> {
  const by = <T>(list: readonly T[], id: (x: T) => string) => [...list].sort((a, b) => (id(a) < id(b) ? -1 : 1));
  const byId = (x: { readonly id: string }) => x.id;
  return {
    ...state,
    orgUnits: by(state.orgUnits, byId),
    positions: by(state.positions, byId),
    bodies: by(state.bodies, byId),
    rules: by(state.rules, byId),
    delegations: by(state.delegations, byId),
    certifications: by(state.certifications, (c) => c.assessmentId),
  };
}

/** Deep equality, fast: the texts first, the matcher (and its diff) only when they differ. */
function same(actual: unknown, expected: unknown): void {
  if (text(actual) !== text(expected)) expect(actual).toEqual(expected);
}

interface Version {
  readonly index: AuthorityIndex;
  readonly state: AuthorityState;
  /** Its answers to a few questions when it was made. */
  readonly answers: string;
}

function fingerprint(ix: AuthorityIndex, c: AuthorizationCase, t: Date): string {
  return text([
    PERSONS.slice(0, 4).map((p) => authorize(p, c, t, ix)),
    whoMayDecide(c, t, ix),
    ix.state.delegations.slice(0, 3).map((d) => revocationImpact(d.id, t, ix)),
  ]);
}

/** The incremental index answers as the fresh one, and both as the reference when `reference`. */
function compare(
  incremental: AuthorityIndex,
  state: AuthorityState,
  cases: readonly AuthorizationCase[],
  times: readonly Date[],
  pick: ReturnType<typeof picker>,
  reference: boolean,
): number {
  const fresh = built(state);
  let allowed = 0;
  const c = pick.one(cases);
  const t = pick.one(times);
  for (const person of PERSONS) {
    const mine = authorize(person, c, t, incremental);
    same(mine, authorize(person, c, t, fresh));
    if (reference) same(mine, referenceAuthorize(person, c, t, state));
    if (mine.allowed) allowed++;
    same(decisionRights(person, t, incremental), decisionRights(person, t, fresh));
  }
  const who = whoMayDecide(c, t, incremental);
  same(who, whoMayDecide(c, t, fresh));
  if (reference) same(who, referenceWhoMayDecide(c, t, state));
  for (let i = 0; i < 4 && state.delegations.length > 0; i++) {
    const d = pick.one(state.delegations);
    same(revocationImpact(d.id, t, incremental), revocationImpact(d.id, t, fresh));
  }
  same(revocationImpact('x-none', t, incremental), revocationImpact('x-none', t, fresh));
  return allowed;
}

/**
 * One sequence: a random world, then `steps` random changes, mostly one at a time, sometimes several at once,
 * sometimes to an earlier version (a branch). Returns counts for the sanity checks.
 */
function sequence(seed: number, steps: number, checkEvery: number) {
  const world = randomWorld(seed);
  const pick = picker(seededRandom(seed ^ 0x5bd1e995));
  const ids = { next: 0 };
  const versions: Version[] = [];
  const first = built(world.state);
  versions.push({ index: first, state: world.state, answers: fingerprint(first, world.cases[0]!, world.times[4]!) });
  let current = versions[0] as Version;
  let allowed = 0;
  let rebuilds = 0;
  let advised = 0;
  let branches = 0;
  for (let step = 1; step <= steps; step++) {
    let from = current;
    if (versions.length > 2 && pick.chance(0.08)) {
      from = pick.one(versions);
      branches++;
    }
    const changes: AuthorityRecordChange[] = [];
    let state = from.state;
    for (let i = 0, n = pick.chance(0.2) ? pick.int(2, 4) : 1; i < n; i++) {
      const change = randomChange(pick, state, ids);
      changes.push(change);
      state = applyChangesToState(state, [change]);
    }
    const applied = applyAuthorityChanges(from.index, changes);
    if (!applied.ok) {
      // Only an org-unit change can be refused, as a rebuild would be.
      expect(indexAuthorityState(state).ok).toBe(false);
      continue;
    }

    let index = applied.value.index;
    if (applied.value.rebuilt !== null) rebuilds++;
    if (applied.value.rebuildAdvised) {
      advised++;
      // Follow the advice now and then; otherwise let the overlay grow (past the spare room of the columns).
      if (pick.chance(0.3)) index = built(index.state);
    }
    if (step % checkEvery === 0 || step === steps) {
      // Applied one by one or at once: the same records (in another order, maybe; answers do not depend on it).
      same(sorted(applyChangesToState(from.state, changes)), sorted(state));
      same(sorted(index.state), sorted(state));
      allowed += compare(index, state, world.cases, world.times, pick, step === steps || pick.chance(0.15));
    }
    current = { index, state, answers: fingerprint(index, world.cases[0]!, world.times[4]!) };
    versions.push(current);
  }
  // Every version still answers as when it was made: nothing a reader holds was changed under it.
  for (const v of versions) expect(fingerprint(v.index, world.cases[0]!, world.times[4]!)).toBe(v.answers);
  return { allowed, rebuilds, advised, branches, versions: versions.length };
}

describe('incremental authority index = fresh index = brute-force reference', () => {
  it('after random sequences of changes (400 sequences, seeded)', () => {
    const pick = picker(seededRandom(SEED));
    const totals = { allowed: 0, rebuilds: 0, advised: 0, branches: 0, versions: 0 };
    for (let s = 0; s < 400; s++) {
      const r = sequence(pick.int(0, 2 ** 31 - 1), pick.int(4, 24), 3);
      for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += r[key];
    }
    // The sequences must exercise what they are for.
    expect(totals.allowed).toBeGreaterThan(300);
    expect(totals.rebuilds).toBeGreaterThan(10);
    expect(totals.branches).toBeGreaterThan(50);
    expect(totals.versions).toBeGreaterThan(4000);
  });

  it('after long sequences, past the overlay threshold and the spare room of the packed columns', () => {
    const pick = picker(seededRandom(SEED + 1));
    let advised = 0;
    for (let s = 0; s < 8; s++) advised += sequence(pick.int(0, 2 ** 31 - 1), 160, 40).advised;
    expect(advised).toBeGreaterThan(40);
  });
});
