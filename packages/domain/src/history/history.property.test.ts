// The promise of the change log, on random seeded sequences of edits, corrections, revocations, creations and
// deletions of rules, delegations and positions: after each step the answers given (state read from the log as known
// then) are recorded; at the end, asking again with knownAt = each step's moment reproduces every one of them
// exactly, whatever was corrected afterwards. An ordinary edit never changes an answer about a moment before it, and
// the log read at (now, now) is always the tables' content.
import fc from 'fast-check';
import { authorize, whoMayDecide } from '../authorization/authorize';
import { indexAuthorityState } from '../authorization/authority-index';
import {
  picker,
  Pick,
  RANDOM_BASE,
  randomWorld,
  RandomWorld,
  seededRandom,
} from '../authorization/testing/random-state';
import type {
  AuthorityPosition,
  AuthorityRule,
  AuthorityState,
  AuthorizationResult,
  Delegation,
  WhoMayDecideResult,
} from '../authorization/types';
import type { AuthorityIndex } from '../authorization/authority-index';
import type { DecisionPoint, ProjectGrade } from '../ltc/ltc';
import { decidingEntries, VersionEntry } from './versions';

const SEED = 20260312;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const POINTS: DecisionPoint[] = ['ATI', 'ATB', 'ATC'];
const GRADES: ProjectGrade[] = ['I', 'II', 'III'];
const moment = (days: number): Date => new Date(RANDOM_BASE + days * DAY);

type Versioned =
  | { readonly type: 'rule'; readonly value: AuthorityRule }
  | { readonly type: 'delegation'; readonly value: Delegation }
  | { readonly type: 'position'; readonly value: AuthorityPosition };

const keyOf = (v: Versioned): string => `${v.type}:${v.value.id}`;

type StepKind = 'edit' | 'correction' | 'revoke' | 'revoke-past' | 'create' | 'delete';
/** Each kind of step, with the roll (0-99) it takes below. */
const STEP_ODDS: ReadonlyArray<[StepKind, number]> = [
  ['edit', 35],
  ['correction', 60],
  ['revoke', 70],
  ['revoke-past', 78],
  ['create', 90],
  ['delete', 100],
];

interface Step {
  readonly kind: StepKind;
  readonly now: Date;
  /** Answers by question moment (ms), as given right after the step. */
  readonly answers: Map<number, Answers>;
}

/** The log: entries in revision order, and the tables (each record as in force now, as known now). */
class Log {
  readonly entries: VersionEntry<Versioned>[] = [];
  readonly tables = new Map<string, Versioned>();
  private revision = 0n;

  append(record: Versioned | null, key: string, recordedAt: Date, effectiveFrom: Date | null, correction: boolean) {
    const exists = this.entries.some((e) => e.key === key);
    this.revision += 1n;
    this.entries.push({
      revision: this.revision,
      key,
      operation: record === null ? 'DELETE' : exists ? 'UPDATE' : 'CREATE',
      effectiveFrom,
      recordedAt,
      after: record,
      correction,
    });
    if (record === null) this.tables.delete(key);
    else this.tables.set(key, record);
  }
}

/** The state at `at` as known at `knownAt`: the fixed parts of the world, the versioned records from the log. */
function stateAt(world: RandomWorld, versions: Iterable<VersionEntry<Versioned>>): AuthorityState {
  const rules: AuthorityRule[] = [];
  const delegations: Delegation[] = [];
  const positions: AuthorityPosition[] = [];
  for (const entry of versions) {
    const v = entry.after as Versioned;
    if (v.type === 'rule') rules.push(v.value);
    else if (v.type === 'delegation') delegations.push(v.value);
    else positions.push(v.value);
  }
  return { ...world.state, rules, delegations, positions };
}

type Answers = { authorize: AuthorizationResult[]; whoMayDecide: WhoMayDecideResult[] };

/** Exact deep equality of answers (instants by time, money by value), much faster than the matchers. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) if (!(k in y) || !same(x[k], y[k])) return false;
  for (const k in y) if (!(k in x)) return false;
  return true;
}

/** Every answer to the fixed questions at `at` as known at `knownAt` (indexes shared by states with equal records). */
function answersAt(
  world: RandomWorld,
  log: Log,
  at: Date,
  knownAt: Date,
  indexes: Map<string, AuthorityIndex>,
): Answers {
  const versions = decidingEntries(log.entries, at, knownAt);
  const signature = [...versions.values()].map((e) => e.revision).join(',');
  let ix = indexes.get(signature);
  if (ix === undefined) {
    const built = indexAuthorityState(stateAt(world, versions.values()));
    if (!built.ok) throw new Error('random world has an invalid tree');
    ix = built.value;
    indexes.set(signature, ix);
  }
  const index = ix;
  return {
    authorize: world.cases.flatMap((c) => world.persons.map((person) => authorize(person, c, at, index))),
    whoMayDecide: world.cases.map((c) => whoMayDecide(c, at, index)),
  };
}

/** The same answers; on a difference, the matcher's diff. */
function expectSame(actual: unknown, expected: unknown, what: string): void {
  if (!same(actual, expected)) expect({ what, actual }).toEqual({ what, actual: expected });
}

function editRule(p: Pick, r: AuthorityRule, units: readonly string[]): AuthorityRule {
  switch (p.int(0, 5)) {
    case 0:
      return { ...r, limit: p.chance(0.2) ? null : BigInt(p.int(2, 11) * 100) };
    case 1:
      return { ...r, grades: p.subset(GRADES) };
    case 2:
      return { ...r, decisionPoints: p.subset(POINTS) };
    case 3:
      return { ...r, scopeOrgUnitId: p.one(units) };
    case 4:
      return { ...r, delegableDepth: p.int(0, 3) };
    default:
      return { ...r, window: { from: r.window.from, to: p.chance(0.3) ? null : moment(p.int(1, 7)) } };
  }
}

function editDelegation(p: Pick, d: Delegation): Delegation {
  switch (p.int(0, 3)) {
    case 0:
      return { ...d, limit: p.chance(0.2) ? null : BigInt(p.int(2, 11) * 100) };
    case 1:
      return { ...d, grades: p.subset(GRADES), decisionPoints: p.subset(POINTS) };
    case 2:
      return { ...d, redelegableDepth: p.int(0, 3) };
    default:
      return { ...d, window: { from: d.window.from, to: p.chance(0.3) ? null : moment(p.int(1, 7)) } };
  }
}

function editPosition(p: Pick, x: AuthorityPosition, persons: readonly string[], units: readonly string[]) {
  switch (p.int(0, 2)) {
    case 0:
      return { ...x, personId: p.one(persons) };
    case 1:
      return { ...x, orgUnitId: p.one(units) };
    default:
      return { ...x, window: { from: x.window.from, to: p.chance(0.3) ? null : moment(p.int(1, 7)) } };
  }
}

function edited(p: Pick, v: Versioned, world: RandomWorld): Versioned {
  const units = world.state.orgUnits.map((u) => u.id);
  const persons = world.persons.filter((x) => x !== 'nobody');
  if (v.type === 'rule') return { type: 'rule', value: editRule(p, v.value, units) };
  if (v.type === 'delegation') return { type: 'delegation', value: editDelegation(p, v.value) };
  return { type: 'position', value: editPosition(p, v.value, persons, units) };
}

/** A past moment to correct from: a day boundary now and then (the boundaries of windows), any moment otherwise. */
function pastMoment(p: Pick, now: Date): Date | null {
  if (p.chance(0.15)) return null;
  const earliest = RANDOM_BASE - DAY;
  if (p.chance(0.4)) {
    const days = p.int(-1, Math.floor((now.getTime() - RANDOM_BASE) / DAY));
    const boundary = moment(days);
    if (boundary.getTime() < now.getTime()) return boundary;
  }
  return new Date(earliest + Math.floor((now.getTime() - earliest) * p.int(0, 99) * 0.01));
}

/** One random step at `now` (an edit, a correction, a revocation, a new delegation or a deletion) on the log. */
function step(p: Pick, world: RandomWorld, log: Log, now: Date, created: { n: number }): StepKind {
  const records = [...log.tables.values()];
  const live = records.filter((v) => v.type !== 'delegation' || v.value.revokedAt === null);
  const roll = p.int(0, 99);
  const kind = (STEP_ODDS.find(([, below]) => roll < below) as [StepKind, number])[0];
  const delegations = live.filter((v): v is Versioned & { type: 'delegation' } => v.type === 'delegation');
  if ((kind === 'revoke' || kind === 'revoke-past') && delegations.length > 0) {
    const d = p.one(delegations).value;
    const at = kind === 'revoke' ? now : (pastMoment(p, now) ?? moment(0));
    log.append(
      { type: 'delegation', value: { ...d, revokedAt: at } },
      `delegation:${d.id}`,
      now,
      at,
      kind !== 'revoke',
    );
    return kind;
  }
  if (kind === 'create' || records.length === 0) {
    const rules = records.filter((v) => v.type === 'rule');
    const template = world.state.delegations.length > 0 ? p.one(world.state.delegations) : null;
    if (template === null || rules.length === 0) {
      const value: AuthorityRule = { ...p.one(world.state.rules), id: `new${created.n++}` };
      log.append({ type: 'rule', value }, `rule:${value.id}`, now, null, false);
      return 'create';
    }
    const source = p.chance(0.6) || delegations.length === 0 ? p.one(rules) : p.one(delegations);
    const value: Delegation = {
      ...template,
      id: `new${created.n++}`,
      source: { kind: source.type === 'rule' ? 'RULE' : 'DELEGATION', id: source.value.id },
      delegatorId: source.type === 'delegation' ? source.value.delegateId : template.delegatorId,
      delegateId: p.one(world.persons),
      revokedAt: null,
      window: { from: moment(p.int(-1, 4)), to: p.chance(0.5) ? null : moment(p.int(4, 7)) },
    };
    log.append({ type: 'delegation', value }, `delegation:${value.id}`, now, null, false);
    return 'create';
  }
  const target = p.one(records);
  if (kind === 'delete') {
    const correction = p.chance(0.3);
    log.append(null, keyOf(target), now, correction ? pastMoment(p, now) : now, correction);
    return 'delete';
  }
  const next = edited(p, target, world);
  if (kind === 'edit' || kind === 'revoke' || kind === 'revoke-past') {
    log.append(next, keyOf(next), now, now, false);
    return 'edit';
  }
  log.append(next, keyOf(next), now, pastMoment(p, now), true);
  return 'correction';
}

/** The moments asked about after every step: before the log, day boundaries and just before some. */
const QUESTION_MOMENTS = [-1, 0, 1, 2, 3, 5, 7].map(moment);
QUESTION_MOMENTS.push(new Date(moment(1).getTime() - 1), new Date(moment(3).getTime() - 1));

interface Totals {
  steps: number;
  changedLater: number;
  ordinaryChecked: number;
  kinds: Record<StepKind, number>;
}

function runSequence(seed: number, totals: Totals): void {
  const world = randomWorld(seed);
  const p = picker(seededRandom(seed ^ 0x5eed));
  const log = new Log();
  // Every record of the world, known since two days before the first question, holding since it began.
  const start = new Date(RANDOM_BASE - 2 * DAY);
  for (const value of world.state.rules) log.append({ type: 'rule', value }, `rule:${value.id}`, start, null, false);
  for (const value of world.state.delegations)
    log.append({ type: 'delegation', value }, `delegation:${value.id}`, start, null, false);
  for (const value of world.state.positions)
    log.append({ type: 'position', value }, `position:${value.id}`, start, null, false);

  const steps: Step[] = [];
  const created = { n: 0 };
  const indexes = new Map<string, AuthorityIndex>();
  let now = new Date(RANDOM_BASE + p.int(0, 12) * HOUR);
  let previous: Map<number, Answers> | null = null;
  for (let i = 0, n = p.int(5, 10); i < n; i++) {
    now = new Date(now.getTime() + p.int(2, 20) * HOUR + p.int(0, 59) * 60_000);
    const kind = step(p, world, log, now, created);
    totals.kinds[kind]++;
    const last = log.entries[log.entries.length - 1] as VersionEntry<Versioned>;

    // The log read at (now, now) is the tables.
    const current = decidingEntries(log.entries, now, now);
    const byKey = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : 1);
    const read = [...current].map(([k, e]): [string, unknown] => [k, e.after]).sort(byKey);
    expectSame(read, [...log.tables].sort(byKey), 'tables');

    const answers = new Map<number, Answers>();
    for (const at of [...QUESTION_MOMENTS, now]) answers.set(at.getTime(), answersAt(world, log, at, now, indexes));
    // An ordinary change (an edit, a revocation or a deletion from now on) leaves every earlier moment as it was.
    if (previous !== null && !last.correction && last.operation !== 'CREATE') {
      for (const at of QUESTION_MOMENTS) {
        if (at.getTime() >= now.getTime()) continue;
        expectSame(answers.get(at.getTime()), previous.get(at.getTime()), `${kind} ${at.toISOString()}`);
        totals.ordinaryChecked++;
      }
    }
    steps.push({ kind, now, answers });
    previous = answers;
  }

  // Asked again as known at each step's moment: the very same answers, whatever came after.
  const latest = new Map<number, Answers>();
  for (const s of steps) {
    for (const [at, recorded] of s.answers) {
      const again = answersAt(world, log, new Date(at), s.now, indexes);
      expectSame(again, recorded, `as known at step ${steps.indexOf(s)}, at ${new Date(at).toISOString()}`);
      if (!latest.has(at)) latest.set(at, answersAt(world, log, new Date(at), now, indexes));
      if (!same(latest.get(at), recorded)) totals.changedLater++;
    }
    totals.steps++;
  }
}

describe('change log: answers as known at a moment', () => {
  it('reproduce every recorded answer, on 250 random sequences of edits, corrections and revocations', () => {
    const totals: Totals = {
      steps: 0,
      changedLater: 0,
      ordinaryChecked: 0,
      kinds: { edit: 0, correction: 0, revoke: 0, 'revoke-past': 0, create: 0, delete: 0 },
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => runSequence(seed, totals)),
      { seed: SEED, numRuns: 250 },
    );
    // The sequences must do every kind of step, and later steps must change answers given earlier (as known
    // later), or reproducing them would prove little.
    for (const count of Object.values(totals.kinds)) expect(count).toBeGreaterThan(50);
    expect(totals.changedLater).toBeGreaterThan(totals.steps);
    expect(totals.ordinaryChecked).toBeGreaterThan(1000);
  });
});
