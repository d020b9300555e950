// Authorization benchmark, on seeded states of 5,000, 50,000 and 500,000 delegations: checks per second of the indexed
// engine and of the brute-force reference; the index's build time and memory; applying one change to the index
// (applyAuthorityChanges) by kind; checks on an incrementally maintained index against one freshly built.
// Run: npm run bench -w @iron-triangle/domain   (memory needs --expose-gc: the script sets it in NODE_OPTIONS;
// or: NODE_OPTIONS='--expose-gc --max-old-space-size=8192' npx tsx bench/authorization.bench.ts)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { authorize } from '../src/authorization/authorize';
import { AuthorityIndex, indexAuthorityState } from '../src/authorization/authority-index';
import {
  AuthorityRecordChange,
  applyAuthorityChanges,
  defaultMaxOverlayRecords,
} from '../src/authorization/incremental';
import { referenceAuthorize } from '../src/authorization/reference';
import { Pick, picker, seededRandom } from '../src/authorization/testing/random-state';
import type {
  AuthorityBody,
  AuthorityPosition,
  AuthorityRule,
  AuthorityState,
  AuthorizationCase,
  Delegation,
} from '../src/authorization/types';
import type { DecisionPoint, ProjectGrade } from '../src/ltc/ltc';
import type { CertificationRecord } from '../src/qualification/held';
import type { TriangleRole } from '../src/roles/roles';

const DAY = 86_400_000;
const T = new Date(Date.UTC(2026, 2, 1));
const POINTS: DecisionPoint[] = ['ATI', 'ATB', 'ATC', 'ATAC', 'ATCC'];
const GRADES: ProjectGrade[] = ['I', 'II', 'III'];
const ROLES: TriangleRole[] = ['AR', 'SR', 'FR'];
const TITLES = [
  'BU_PRESIDENT',
  'BUSINESS_DEPT_DIRECTOR',
  'INDUSTRY_HEAD',
  'INDUSTRY_CHIEF_ENGINEER',
  'CHIEF_ENGINEER',
  'FINANCE_MANAGER',
  'DELIVERY_MANAGER',
  'OFFICE_HEAD',
];

interface Size {
  readonly units: number;
  readonly people: number;
  readonly positions: number;
  readonly rules: number;
  readonly delegations: number;
}

/**
 * A seeded state: an org tree, people holding positions, rules mostly held by positions, and delegation chains of up to
 * 6 links.
 */
function generate(size: Size, seed: number): AuthorityState {
  const p = picker(seededRandom(seed));
  const orgUnits: Array<{ id: string; parentId: string | null }> = [{ id: 'u0', parentId: null }];
  // HQ → regions → offices → system departments (about 1 : 6 : 48 : 245 at 300 units).
  const regions = Math.max(1, Math.round(size.units / 50));
  for (let i = 1; i < size.units; i++) {
    const parent =
      i <= regions
        ? 0
        : i <= regions * 9
          ? 1 + ((i - regions - 1) % regions)
          : regions + 1 + ((i - regions * 9 - 1) % (regions * 8));
    orgUnits.push({ id: `u${i}`, parentId: `u${Math.min(parent, i - 1)}` });
  }
  const children = new Map<string, string[]>();
  for (const u of orgUnits) {
    if (u.parentId === null) continue;
    const kids = children.get(u.parentId);
    if (kids) kids.push(u.id);
    else children.set(u.parentId, [u.id]);
  }
  const person = (): string => `p${p.int(0, size.people - 1)}`;

  const positions: AuthorityPosition[] = [];
  for (let i = 0; i < size.positions; i++) {
    const unit = `u${p.int(0, size.units - 1)}`;
    const from = T.getTime() - p.int(30, 900) * DAY;
    positions.push({
      id: `pos${i}`,
      personId: person(),
      title: p.one(TITLES),
      orgUnitId: unit,
      window: { from: new Date(from), to: p.chance(0.1) ? new Date(T.getTime() - p.int(1, 20) * DAY) : null },
    });
  }
  const bodies: AuthorityBody[] = [
    {
      id: 'grade-I',
      seats: [
        { title: 'BU_PRESIDENT', fixed: true },
        { title: 'BUSINESS_DEPT_DIRECTOR', alternativeTitles: ['CHIEF_ENGINEER'], fixed: true },
        { title: 'FINANCE_MANAGER', fixed: false },
      ],
    },
    {
      id: 'grade-II',
      seats: [
        { title: 'BUSINESS_DEPT_DIRECTOR', fixed: true },
        { title: 'INDUSTRY_HEAD', fixed: true },
        { title: 'INDUSTRY_CHIEF_ENGINEER', fixed: true },
      ],
    },
  ];
  // The first position of each title in a unit (what `positions.find` gave, without scanning them all).
  const firstHolder = new Map<string, string>();
  for (const x of positions) {
    const key = x.title + '\u0000' + x.orgUnitId;
    if (!firstHolder.has(key)) firstHolder.set(key, x.personId);
  }
  const rules: AuthorityRule[] = [];
  // Rule kinds in fixed shares, 18 : 1 : 1 (position, decision body, project role), the bodies in turn. They were
  // drawn at random, which at 50 rules is too few draws for the shares to hold: the 5,000-delegation state had
  // one decision-body rule (1.5% of its delegations below it, one body with rules) against 20 of 500 (3.8%, both
  // bodies), so its questions met fewer decision-body seats — cheaper questions, not the same ones.
  for (let i = 0; i < size.rules; i++) {
    const kind = i % 20;
    const pos = p.one(positions);
    rules.push({
      id: `r${i}`,
      holder:
        kind < 18
          ? { kind: 'POSITION', title: pos.title, orgUnitId: pos.orgUnitId }
          : kind === 18
            ? { kind: 'DECISION_BODY', bodyId: (bodies[Math.floor(i / 20) % bodies.length] as AuthorityBody).id }
            : { kind: 'PROJECT_ROLE', role: 'AR' },
      decisionPoints: POINTS.filter(() => p.chance(0.7)),
      grades: GRADES.filter(() => p.chance(0.7)),
      scopeOrgUnitId: kind < 18 ? pos.orgUnitId : `u${p.int(0, size.units - 1)}`,
      currency: p.chance(0.95) ? 'CNY' : 'USD',
      limit: p.chance(0.1) ? null : BigInt(p.int(1_000, 1_000_000)) * 1000n,
      window: { from: new Date(Date.UTC(2025, 0, 1)), to: p.chance(0.5) ? null : new Date(Date.UTC(2027, 0, 1)) },
      delegableDepth: 5,
    });
  }
  const delegations: Delegation[] = [];
  // Level shares: 1 → 35%, 2 → 25%, 3 → 18%, 4 → 12%, 5 → 10% (a level-5 delegation ends a 6-link chain).
  const shares = [0.35, 0.25, 0.18, 0.12, 0.1];
  const byLevel: Delegation[][] = [[], [], [], [], []];
  let n = 0;
  for (let level = 0; level < 5; level++) {
    const count = level === 4 ? size.delegations - n : Math.round(size.delegations * (shares[level] as number));
    for (let i = 0; i < count; i++, n++) {
      const parent = level === 0 ? null : p.one(byLevel[level - 1] as Delegation[]);
      const rule = parent === null ? p.one(rules) : null;
      const terms = parent ?? (rule as AuthorityRule);
      let delegator = parent?.delegateId ?? person();
      if (rule && rule.holder.kind === 'POSITION') {
        const holder = rule.holder;
        delegator = firstHolder.get(holder.title + '\u0000' + holder.orgUnitId) ?? delegator;
      }
      const kids = children.get(terms.scopeOrgUnitId) ?? [];
      const from = Math.max(terms.window.from.getTime(), T.getTime() - p.int(0, 400) * DAY);
      const d: Delegation = {
        id: `d${n}`,
        source: parent ? { kind: 'DELEGATION', id: parent.id } : { kind: 'RULE', id: (rule as AuthorityRule).id },
        delegatorId: delegator,
        delegateId: person(),
        decisionPoints: terms.decisionPoints.filter(() => p.chance(0.9)),
        grades: terms.grades.filter(() => p.chance(0.9)),
        scopeOrgUnitId: kids.length > 0 && p.chance(0.3) ? p.one(kids) : terms.scopeOrgUnitId,
        currency: terms.currency,
        limit:
          terms.limit === null
            ? p.chance(0.5)
              ? null
              : BigInt(p.int(1_000, 500_000)) * 1000n
            : (terms.limit * BigInt(p.int(50, 100))) / 100n,
        window: {
          from: new Date(from),
          to: terms.window.to ?? (p.chance(0.7) ? null : new Date(T.getTime() + p.int(1, 300) * DAY)),
        },
        redelegableDepth: 4 - level,
        requiredQualification: p.chance(0.2) ? { role: p.one(ROLES), level: p.int(1, 3) } : null,
        reason: 'bench',
        revokedAt: p.chance(0.05) ? new Date(T.getTime() - p.int(-100, 100) * DAY) : null,
      };
      delegations.push(d);
      (byLevel[level] as Delegation[]).push(d);
    }
  }
  const certifications: CertificationRecord[] = [];
  for (let i = 0; i < size.people; i++) {
    if (!p.chance(0.6)) continue;
    certifications.push({
      assessmentId: `a${i}`,
      personId: `p${i}`,
      role: p.one(ROLES),
      level: p.int(1, 5),
      assessedAt: new Date(T.getTime() - p.int(10, 700) * DAY),
      validUntil: p.chance(0.3) ? null : new Date(T.getTime() + p.int(-100, 700) * DAY),
      certifying: true,
    });
  }
  return { orgUnits, positions, bodies, rules, delegations, certifications };
}

interface Question {
  readonly person: string;
  readonly c: AuthorizationCase;
}

/**
 * Allowed questions aim at a delegation's terms; denied ones are near misses (one minor unit over) and strangers.
 * Strangers are drawn from the state's own people (`people`). They were drawn from p0 … p9999 whatever the size,
 * so in the 1,000-person state nine strangers in ten did not exist and were answered NO_AUTHORITY without
 * looking at a single chain (302 of its 1,882 denied questions against 2 of 1,984 in the big state): the small
 * state's denied figure measured easier questions, not the same ones in a smaller state.
 */
function questions(
  state: AuthorityState,
  ix: AuthorityIndex,
  seed: number,
  wanted: number,
  people: number,
): { allowed: Question[]; denied: Question[] } {
  const p = picker(seededRandom(seed));
  const allowed: Question[] = [];
  const denied: Question[] = [];
  for (let tries = 0; (allowed.length < wanted || denied.length < wanted) && tries < wanted * 200; tries++) {
    const d = p.one(state.delegations);
    if (d.decisionPoints.length === 0 || d.grades.length === 0) continue;
    const unit = ix.tree.subtree(d.scopeOrgUnitId);
    const amount = d.limit === null ? 1_000_000n : d.limit;
    const c: AuthorizationCase = {
      decisionPoint: p.one(d.decisionPoints),
      grade: p.one(d.grades),
      orgUnitId: p.one(unit),
      amount: { minor: amount, currency: d.currency },
      team: [
        { personId: `p${p.int(0, 9999)}`, role: 'AR' },
        { personId: `p${p.int(0, 9999)}`, role: 'SR' },
        { personId: `p${p.int(0, 9999)}`, role: 'FR' },
      ],
    };
    if (authorize(d.delegateId, c, T, ix).allowed) {
      if (allowed.length < wanted) allowed.push({ person: d.delegateId, c });
      if (denied.length < wanted && d.limit !== null)
        denied.push({ person: d.delegateId, c: { ...c, amount: { minor: amount + 1n, currency: d.currency } } });
    } else if (denied.length < wanted) {
      denied.push({ person: p.chance(0.5) ? d.delegateId : `p${p.int(0, people - 1)}`, c });
    }
  }
  return { allowed, denied: denied.filter((q) => !authorize(q.person, q.c, T, ix).allowed) };
}

/** Checks per second over `questions`, repeated until `ms` have passed (at least once). */
function rate(qs: readonly Question[], check: (q: Question) => boolean, ms: number, cpu = false): number {
  let done = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let elapsed: number;
  do {
    for (const q of qs) {
      if (check(q)) sink++;
      done++;
    }
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  } while (elapsed < ms);
  if (sink < 0) console.log(sink);
  if (cpu) {
    // Per second of this process's CPU: what a shared machine's other load does not change (much).
    const used = process.cpuUsage(cpu0);
    return (done / (used.user + used.system)) * 1e6;
  }
  return (done / elapsed) * 1000;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(11);

const ms = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e6;

/** Heap in use plus typed-array buffers (the packed index lives in the latter), after a full collection if allowed. */
function memoryNow(): { heap: number; buffers: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers };
}

/** This process's resident set and its peak (VmRSS, VmHWM from /proc/self/status), MB; NaN where there is no /proc. */
function residentMB(): { rss: number; peak: number } {
  try {
    const text = readFileSync('/proc/self/status', 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) / 1024;
    return { rss: field('VmRSS'), peak: field('VmHWM') };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/** Starts a new peak: the kernel's VmHWM is reset to the current RSS (writing 5 to clear_refs). */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

// ---- Incremental application of changes (applyAuthorityChanges). ----

// Rule changes last: each compiles again the ~100 chains below its rule, and would make the overlay the others
// are measured on larger than a caller following the advice to rebuild ever lets it grow.
const CHANGE_KINDS = [
  'delegation created',
  'delegation updated',
  'delegation revoked',
  'delegation removed',
  'position updated',
  'body updated',
  'certification updated',
  'rule updated',
] as const;
type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One change of `kind` to a record of `state` (its records as built: an update rewrites the built record). */
function benchChange(
  kind: ChangeKind,
  p: Pick,
  state: AuthorityState,
  n: number,
  people: number,
): AuthorityRecordChange {
  const delegation = (): Delegation => p.one(state.delegations);
  switch (kind) {
    case 'rule updated': {
      const r = p.one(state.rules);
      return {
        op: 'UPSERT',
        kind: 'RULE',
        record: { ...r, limit: r.limit === null ? 1_000_000n : (r.limit * 9n) / 10n },
      };
    }
    case 'delegation created': {
      let parent = delegation();
      for (let i = 0; i < 20 && parent.redelegableDepth === 0; i++) parent = delegation();
      return {
        op: 'UPSERT',
        kind: 'DELEGATION',
        record: {
          ...parent,
          id: `new${n}`,
          source: { kind: 'DELEGATION', id: parent.id },
          delegatorId: parent.delegateId,
          delegateId: `p${p.int(0, people - 1)}`,
          limit: parent.limit === null ? null : (parent.limit * 8n) / 10n,
          redelegableDepth: Math.max(0, parent.redelegableDepth - 1),
          revokedAt: null,
        },
      };
    }
    case 'delegation updated': {
      const d = delegation();
      return { op: 'UPSERT', kind: 'DELEGATION', record: { ...d, limit: d.limit === null ? 5_000n : d.limit - 1000n } };
    }
    case 'delegation revoked':
      return { op: 'UPSERT', kind: 'DELEGATION', record: { ...delegation(), revokedAt: new Date(T.getTime() - DAY) } };
    case 'delegation removed':
      return { op: 'REMOVE', kind: 'DELEGATION', id: delegation().id };
    case 'position updated': {
      const x = p.one(state.positions);
      return { op: 'UPSERT', kind: 'POSITION', record: { ...x, personId: `p${p.int(0, people - 1)}` } };
    }
    case 'body updated': {
      const b = p.one(state.bodies);
      const seats = b.seats.map((seat, i) => (i === n % b.seats.length ? { ...seat, fixed: !seat.fixed } : seat));
      return { op: 'UPSERT', kind: 'BODY', record: { ...b, seats } };
    }
    case 'certification updated': {
      const c = p.one(state.certifications);
      return { op: 'UPSERT', kind: 'CERTIFICATION', record: { ...c, level: p.int(1, 5) } };
    }
  }
}

interface Timing {
  readonly kind: ChangeKind;
  readonly count: number;
  /** Wall time; and the process's CPU time (all its threads: a steadier figure on a shared machine). */
  readonly cpuMedian: number;
  readonly median: number;
  readonly p99: number;
  readonly max: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] as number;
}

interface Applying {
  index: AuthorityIndex;
  /** Rebuilds made on the advice of applyAuthorityChanges (off the timed path, as a caller would). */
  rebuilds: number;
  rebuildMs: number;
  peakOverlay: number;
}

/**
 * Applies `count` single changes of each kind in turn, timing each call. A caller follows the advice to rebuild off
 * the request path: so does this (untimed), when `followAdvice`.
 */
function applyChanges(
  at: Applying,
  size: Size,
  seed: number,
  count: number,
  followAdvice: boolean,
  kinds: readonly ChangeKind[] = CHANGE_KINDS,
): Timing[] {
  const p = picker(seededRandom(seed));
  const base = at.index.state;
  const timings: Timing[] = [];
  let n = 0;
  let cpu = 0;
  const one = (kind: ChangeKind): number => {
    const change = benchChange(kind, p, base, n++, size.people);
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const applied = applyAuthorityChanges(at.index, [change]);
    const took = ms(t0);
    const used = process.cpuUsage(c0);
    cpu = (used.user + used.system) / 1000;
    if (!applied.ok) throw new Error(applied.error.code);
    at.index = applied.value.index;
    at.peakOverlay = Math.max(at.peakOverlay, applied.value.overlayRecords);
    if (applied.value.rebuildAdvised && followAdvice) {
      const r0 = process.hrtime.bigint();
      const rebuilt = indexAuthorityState(at.index.state);
      if (!rebuilt.ok) throw new Error(rebuilt.error.code);
      at.index = rebuilt.value;
      at.rebuilds++;
      at.rebuildMs += ms(r0);
    }
    return took;
  };
  // Warm up the JIT on every kind before timing.
  for (const kind of kinds) for (let i = 0; i < 10; i++) one(kind);
  for (const kind of kinds) {
    const times: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < count; i++) {
      times.push(one(kind));
      cpus.push(cpu);
    }
    times.sort((a, b) => a - b);
    timings.push({
      kind,
      count,
      cpuMedian: quantile(
        cpus.sort((a, b) => a - b),
        0.5,
      ),
      median: quantile(times, 0.5),
      p99: quantile(times, 0.99),
      max: times[times.length - 1] as number,
    });
  }
  return timings;
}

/**
 * Mixed changes applied until the overlay reaches the rebuild threshold (the most a caller following the advice
 * answers from), then checks per second there and on an index built from the same state.
 */
function overlayChecks(
  at: Applying,
  size: Size,
  seed: number,
  qs: { allowed: Question[]; denied: Question[] },
): {
  overlay: number;
  allowed: number;
  denied: number;
  freshAllowed: number;
  freshDenied: number;
  allowedRatio: number;
  deniedRatio: number;
} {
  const p = picker(seededRandom(seed));
  const base = at.index.state;
  const max = defaultMaxOverlayRecords(base);
  let overlay = at.index.overlay?.records ?? 0;
  let n = 0;
  while (overlay < max) {
    const kind = CHANGE_KINDS[n % CHANGE_KINDS.length] as ChangeKind;
    // Rule changes recompile every chain below the rule: one in eight changes, as the others.
    const change = benchChange(kind, p, base, 1_000_000 + n++, size.people);
    const applied = applyAuthorityChanges(at.index, [change]);
    if (!applied.ok) throw new Error(applied.error.code);
    if (applied.value.rebuildAdvised) break;
    at.index = applied.value.index;
    overlay = applied.value.overlayRecords;
  }
  const ix = at.index;
  const built = indexAuthorityState(ix.state);
  if (!built.ok) throw new Error(built.error.code);
  const fresh = built.value;
  const check = (index: AuthorityIndex) => (q: Question) => authorize(q.person, q.c, T, index).allowed;
  // Short rounds, alternating, so that both meet the same machine (a shared one varies by the second), counted per
  // second of CPU: the median of each, and the median of the paired ratios. Warm each first.
  rate(qs.allowed, check(ix), 300);
  rate(qs.allowed, check(fresh), 300);
  const median = (xs: number[]): number =>
    quantile(
      [...xs].sort((a, b) => a - b),
      0.5,
    );
  const rounds = { allowed: [] as number[], freshAllowed: [] as number[], denied: [] as number[] };
  const freshDenied: number[] = [];
  for (let round = 0; round < 12; round++) {
    rounds.allowed.push(rate(qs.allowed, check(ix), 150, true));
    rounds.freshAllowed.push(rate(qs.allowed, check(fresh), 150, true));
    rounds.denied.push(rate(qs.denied, check(ix), 150, true));
    freshDenied.push(rate(qs.denied, check(fresh), 150, true));
  }
  return {
    overlay,
    allowed: median(rounds.allowed),
    freshAllowed: median(rounds.freshAllowed),
    denied: median(rounds.denied),
    freshDenied: median(freshDenied),
    allowedRatio: median(rounds.allowed.map((x, i) => x / (rounds.freshAllowed[i] as number))),
    deniedRatio: median(rounds.denied.map((x, i) => x / (freshDenied[i] as number))),
  };
}

interface Measured {
  readonly label: string;
  readonly delegations: number;
  readonly buildMs: number;
  readonly heapMB: number;
  readonly buffersMB: number;
  /** Process RSS with the state generated, before the build (after a full collection); after it; the peak during it. */
  readonly rssBeforeMB: number;
  readonly rssAfterMB: number;
  readonly rssPeakMB: number;
  readonly allowed: number;
  readonly denied: number;
  readonly timings: Timing[];
  readonly rebuilds: number;
  readonly rebuildMs: number;
  readonly peakOverlay: number;
  readonly overlay: ReturnType<typeof overlayChecks> | null;
}

interface Run {
  readonly label: string;
  readonly size: Size;
  readonly withReference: boolean;
  /** Single changes timed per kind (0: none). */
  readonly changes: number;
  readonly followAdvice: boolean;
  readonly overlayChecks: boolean;
}

function measure(run: Run, seed: number): Measured {
  const { size } = run;
  const state = generate(size, seed);
  const before = memoryNow();
  const rssBefore = residentMB();
  const peakReset = resetPeakRss();
  const t0 = process.hrtime.bigint();
  const built = indexAuthorityState(state);
  if (!built.ok) throw new Error(built.error.code);
  const ix = built.value;
  const buildMs = ms(t0);
  const rssPeak = peakReset ? residentMB().peak : NaN;
  const after = memoryNow();
  const rssAfter = residentMB();
  const qs = questions(state, ix, seed + 1, 2000, size.people);
  // Warm up the JIT before timing.
  rate(qs.allowed, (q) => authorize(q.person, q.c, T, ix).allowed, 300);
  rate(qs.denied, (q) => authorize(q.person, q.c, T, ix).allowed, 300);
  const allowed = rate(qs.allowed, (q) => authorize(q.person, q.c, T, ix).allowed, 1500);
  const denied = rate(qs.denied, (q) => authorize(q.person, q.c, T, ix).allowed, 1500);
  const heapMB = (after.heap - before.heap) / 1024 / 1024;
  const buffersMB = (after.buffers - before.buffers) / 1024 / 1024;
  console.log(
    `\n${run.label}: ${size.units} org units, ${size.people} people, ${size.positions} positions, ${size.rules}` +
      ` rules, ${size.delegations} delegations`,
  );
  console.log(
    `  index      built in ${buildMs.toFixed(0)} ms; memory +${heapMB.toFixed(0)} MB heap, ` +
      `+${buffersMB.toFixed(0)} MB typed-array buffers (after a full collection${
        (globalThis as { gc?: unknown }).gc ? '' : ': NOT available, run with --expose-gc'
      })`,
  );
  console.log(
    `  process    RSS ${rssBefore.rss.toFixed(0)} MB with the state generated → ${rssAfter.rss.toFixed(0)} MB ` +
      `with the index (after a full collection); peak during the build ${rssPeak.toFixed(0)} MB`,
  );
  console.log(
    `  engine     allowed ${fmt(allowed)} checks/s   denied ${fmt(denied)} checks/s   (${qs.allowed.length}` +
      ` allowed / ${qs.denied.length} denied questions)`,
  );
  if (run.withReference) {
    const few = (list: readonly Question[]): Question[] => list.slice(0, 15);
    const refAllowed = rate(few(qs.allowed), (q) => referenceAuthorize(q.person, q.c, T, state).allowed, 1);
    const refDenied = rate(few(qs.denied), (q) => referenceAuthorize(q.person, q.c, T, state).allowed, 1);
    console.log(
      `  reference  allowed ${fmt(refAllowed)} checks/s   denied ${fmt(refDenied)} checks/s   (brute ` +
        `force, 15 questions each)`,
    );
    console.log(
      `  engine / reference: allowed ×${fmt(allowed / refAllowed).trim()}, denied ×${fmt(denied / refDenied).trim()}`,
    );
  }
  const at: Applying = { index: ix, rebuilds: 0, rebuildMs: 0, peakOverlay: 0 };
  const timings = run.changes > 0 ? applyChanges(at, size, seed + 2, run.changes, run.followAdvice) : [];
  for (const t of timings)
    console.log(
      `  apply one  ${t.kind.padEnd(22)} median ${t.median.toFixed(3)} ms (CPU ${t.cpuMedian.toFixed(3)})   p99 ` +
        `${t.p99.toFixed(3)} ms   max ${t.max.toFixed(1)} ms   (${t.count} changes)`,
    );
  if (timings.length > 0)
    console.log(
      `  overlay    peak ${at.peakOverlay} records; ${at.rebuilds} rebuilds on advice` +
        (run.followAdvice
          ? ` (untimed, ${(at.rebuildMs / Math.max(1, at.rebuilds)).toFixed(0)} ms each)`
          : ' (advice not followed)'),
    );
  let overlay: Measured['overlay'] = null;
  if (run.overlayChecks) {
    if (at.index.overlay !== null) {
      const rebuilt = indexAuthorityState(at.index.state);
      if (!rebuilt.ok) throw new Error(rebuilt.error.code);
      at.index = rebuilt.value;
    }
    overlay = overlayChecks(at, size, seed + 3, qs);
    console.log(
      `  overlay of ${overlay.overlay} records: allowed ${fmt(overlay.allowed)} checks per CPU-s (fresh ` +
        `${fmt(overlay.freshAllowed)}, ×${overlay.allowedRatio.toFixed(2)})   denied ` +
        `${fmt(overlay.denied)} checks per CPU-s (fresh ${fmt(overlay.freshDenied)}, ×` +
        `${overlay.deniedRatio.toFixed(2)})`,
    );
  }
  return {
    label: run.label,
    delegations: size.delegations,
    buildMs,
    heapMB,
    buffersMB,
    rssBeforeMB: rssBefore.rss,
    rssAfterMB: rssAfter.rss,
    rssPeakMB: rssPeak,
    allowed,
    denied,
    timings,
    rebuilds: at.rebuilds,
    rebuildMs: at.rebuildMs,
    peakOverlay: at.peakOverlay,
    overlay,
  };
}

const FULL: Size = { units: 300, people: 10_000, positions: 2_000, rules: 500, delegations: 50_000 };
const TENTH: Size = { units: 30, people: 1_000, positions: 200, rules: 50, delegations: 5_000 };
const HUGE: Size = { units: 3_000, people: 100_000, positions: 20_000, rules: 5_000, delegations: 500_000 };
const RUNS: Record<string, Run> = {
  full: {
    label: 'State at 50,000 delegations',
    size: FULL,
    withReference: true,
    changes: 200,
    followAdvice: true,
    overlayChecks: true,
  },
  tenth: {
    label: 'State grown 10× smaller (5,000 delegations)',
    size: TENTH,
    withReference: true,
    changes: 0,
    followAdvice: false,
    overlayChecks: false,
  },
  denser: {
    label: 'Only delegations cut to 5,000 (same people, positions, rules)',
    size: { ...FULL, delegations: 5_000 },
    withReference: false,
    changes: 0,
    followAdvice: false,
    overlayChecks: false,
  },
  huge: {
    label: 'State grown 10× larger (500,000 delegations)',
    size: HUGE,
    withReference: false,
    changes: 200,
    followAdvice: false,
    overlayChecks: false,
  },
};

/**
 * Measures one state in a fresh process. The three states used to be measured one after the other in one
 * process, so the later ones ran on a JIT trained on the earlier state and a heap still collecting its
 * garbage: the 5,000-delegation state, measured second, ran about a fifth slower than alone, which hid part
 * of the slowdown being measured. Each state now gets the same start: a new process, the same warm-up.
 */
function measureApart(run: string): Measured {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string, '--only', run], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`bench child ${run} failed (${child.status})`);
  const lines = child.stdout.trimEnd().split('\n');
  const result = JSON.parse((lines.pop() as string).replace(/^RESULT /, '')) as Measured;
  console.log(lines.join('\n'));
  return result;
}

function main(): void {
  const only = process.argv.indexOf('--only');
  if (only >= 0) {
    const run = RUNS[process.argv[only + 1] as string];
    if (run === undefined) throw new Error('unknown run');
    console.log('RESULT ' + JSON.stringify(measure(run, 7)));
    return;
  }
  const started = process.hrtime.bigint();
  console.log(
    `authorization.bench — Node ${process.version}, one core, as of ${T.toISOString()}; each state ` +
      `measured in its own process`,
  );
  const big = measureApart('full');
  const small = measureApart('tenth');
  const denser = measureApart('denser');
  const huge = measureApart('huge');
  console.log('\nGrowth (checks/s at 5,000 → at 50,000 delegations; slowdown factor, goal < 2×):');
  console.log(
    `  whole state ×10      allowed ${fmt(small.allowed)} → ${fmt(big.allowed)}  (×` +
      `${(small.allowed / big.allowed).toFixed(2)})   denied ${fmt(small.denied)} → ${fmt(big.denied)}  (×` +
      `${(small.denied / big.denied).toFixed(2)})`,
  );
  console.log(
    `  delegations only ×10 allowed ${fmt(denser.allowed)} → ${fmt(big.allowed)}  (×` +
      `${(denser.allowed / big.allowed).toFixed(2)})   denied ${fmt(denser.denied)} → ${fmt(big.denied)}  (×` +
      `${(denser.denied / big.denied).toFixed(2)})`,
  );
  const goal = Math.min(big.allowed, big.denied) >= 100_000;
  console.log(
    `\nGoal ≥ 100,000 checks/s at 50,000 delegations: ${goal ? 'met' : 'NOT met'} (slowest: ` +
      `${fmt(Math.min(big.allowed, big.denied)).trim()} checks/s)`,
  );

  console.log('\nIndex build, memory and checks by state size:\n');
  console.log(
    '| delegations | build ms | index heap MB | index buffers MB | RSS before build MB | RSS after MB | ' +
      'peak RSS during build MB | allowed checks/s | denied checks/s |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const m of [small, big, huge])
    console.log(
      `| ${m.delegations.toLocaleString('en-US')} | ${m.buildMs.toFixed(0)} | ${m.heapMB.toFixed(0)} | ` +
        `${m.buffersMB.toFixed(0)} | ${m.rssBeforeMB.toFixed(0)} | ${m.rssAfterMB.toFixed(0)} | ` +
        `${m.rssPeakMB.toFixed(0)} | ${fmt(m.allowed).trim()} | ${fmt(m.denied).trim()} |`,
    );
  console.log(
    'RSS is the whole process (the generated state included); "before" is after a full collection with the state ' +
      'generated, the peak is VmHWM reset just before the build.',
  );

  console.log('\nApplying one change (applyAuthorityChanges), ms:\n');
  console.log('| change | 50,000: median | CPU median | p99 | max | 500,000: median | CPU median | p99 | max |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const kind of CHANGE_KINDS) {
    const a = big.timings.find((t) => t.kind === kind);
    const b = huge.timings.find((t) => t.kind === kind);
    const cell = (t: Timing | undefined): string =>
      t === undefined
        ? '– | – | – | –'
        : `${t.median.toFixed(3)} | ${t.cpuMedian.toFixed(3)} | ${t.p99.toFixed(3)} | ${t.max.toFixed(1)}`;
    console.log(`| ${kind} | ${cell(a)} | ${cell(b)} |`);
  }
  console.log(
    `\n50,000: ${big.timings[0]?.count ?? 0} changes of each kind, peak overlay ${big.peakOverlay} records, ` +
      `${big.rebuilds} rebuilds on advice (untimed, as off the request path). 500,000: advice not followed ` +
      `(a rebuild costs ${(huge.buildMs / 1000).toFixed(0)} s here), peak overlay ${huge.peakOverlay} records.`,
  );
  const records = big.timings.filter((t) => t.kind !== 'rule updated');
  const worst = Math.max(...records.map((t) => t.median));
  const rule = big.timings.find((t) => t.kind === 'rule updated');
  console.log(
    `Goal: applying one change ≤ 1 ms at 50,000 delegations: ${worst <= 1 ? 'met' : 'NOT met'} for a delegation, ` +
      `position, body or certification (slowest median ${worst.toFixed(3)} ms, slowest p99 ` +
      `${Math.max(...records.map((t) => t.p99)).toFixed(3)} ms); ${rule && rule.median <= 1 ? 'met' : 'NOT met'} ` +
      `for a rule, whose change compiles again every chain below it (${FULL.delegations / FULL.rules} on average): ` +
      `median ${rule?.median.toFixed(3)} ms (CPU ${rule?.cpuMedian.toFixed(3)} ms), p99 ${rule?.p99.toFixed(3)} ms`,
  );
  const o = big.overlay;
  if (o !== null) {
    const ratio = Math.min(o.allowedRatio, o.deniedRatio);
    console.log(
      `\nChecks on an incrementally maintained index (50,000; overlay of ${o.overlay} records, the most before a ` +
        `rebuild is advised) vs one freshly built from the same state:\n`,
    );
    console.log('| index | allowed checks per CPU-second | denied checks per CPU-second |');
    console.log('|---|---:|---:|');
    console.log(`| freshly built | ${fmt(o.freshAllowed).trim()} | ${fmt(o.freshDenied).trim()} |`);
    console.log(`| incremental | ${fmt(o.allowed).trim()} | ${fmt(o.denied).trim()} |`);
    console.log(
      `| ratio (median of 12 paired rounds) | ×${o.allowedRatio.toFixed(2)} | ×${o.deniedRatio.toFixed(2)} |`,
    );
    console.log(`Goal ≥ 0.8×: ${ratio >= 0.8 ? 'met' : 'NOT met'} (×${ratio.toFixed(2)})`);
  }
  console.log(`\nBench time: ${(ms(started) / 1000).toFixed(0)} s`);
}

main();
