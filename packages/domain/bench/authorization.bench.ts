// Authorization benchmark: checks per second of the indexed engine and of the brute-force reference, on seeded states.
// Run: npm run bench -w @iron-triangle/domain   (or: npx tsx bench/authorization.bench.ts)
import { spawnSync } from 'node:child_process';
import { authorize } from '../src/authorization/authorize';
import { AuthorityIndex, indexAuthorityState } from '../src/authorization/authority-index';
import { referenceAuthorize } from '../src/authorization/reference';
import { picker, seededRandom } from '../src/authorization/testing/random-state';
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
  for (const u of orgUnits) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
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
        delegator =
          positions.find((x) => x.title === holder.title && x.orgUnitId === holder.orgUnitId)?.personId ?? delegator;
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
function rate(qs: readonly Question[], check: (q: Question) => boolean, ms: number): number {
  let done = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  let elapsed: number;
  do {
    for (const q of qs) {
      if (check(q)) sink++;
      done++;
    }
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  } while (elapsed < ms);
  if (sink < 0) console.log(sink);
  return (done / elapsed) * 1000;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(11);

function measure(label: string, size: Size, seed: number, withReference: boolean): { allowed: number; denied: number } {
  const state = generate(size, seed);
  const t0 = process.hrtime.bigint();
  const built = indexAuthorityState(state);
  if (!built.ok) throw new Error(built.error.code);
  const ix = built.value;
  const indexMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const qs = questions(state, ix, seed + 1, 2000, size.people);
  // Warm up the JIT before timing.
  rate(qs.allowed, (q) => authorize(q.person, q.c, T, ix).allowed, 300);
  rate(qs.denied, (q) => authorize(q.person, q.c, T, ix).allowed, 300);
  const allowed = rate(qs.allowed, (q) => authorize(q.person, q.c, T, ix).allowed, 1500);
  const denied = rate(qs.denied, (q) => authorize(q.person, q.c, T, ix).allowed, 1500);
  console.log(
    `\n${label}: ${size.units} org units, ${size.people} people, ${size.positions} positions, ${size.rules}` +
      ` rules, ${size.delegations} delegations (index built in ${indexMs.toFixed(0)} ms)`,
  );
  console.log(
    `  engine     allowed ${fmt(allowed)} checks/s   denied ${fmt(denied)} checks/s   (${qs.allowed.length}` +
      ` allowed / ${qs.denied.length} denied questions)`,
  );
  if (withReference) {
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
  return { allowed, denied };
}

interface Measured {
  readonly allowed: number;
  readonly denied: number;
}

const FULL: Size = { units: 300, people: 10_000, positions: 2_000, rules: 500, delegations: 50_000 };
const TENTH: Size = { units: 30, people: 1_000, positions: 200, rules: 50, delegations: 5_000 };
const RUNS: Record<string, { label: string; size: Size; withReference: boolean }> = {
  full: { label: 'State at 50,000 delegations', size: FULL, withReference: true },
  tenth: { label: 'State grown 10× smaller (5,000 delegations)', size: TENTH, withReference: true },
  denser: {
    label: 'Only delegations cut to 5,000 (same people, positions, rules)',
    size: { ...FULL, delegations: 5_000 },
    withReference: false,
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
    console.log('RESULT ' + JSON.stringify(measure(run.label, run.size, 7, run.withReference)));
    return;
  }
  console.log(
    `authorization.bench — Node ${process.version}, one core, as of ${T.toISOString()}; each state ` +
      `measured in its own process`,
  );
  const big = measureApart('full');
  const small = measureApart('tenth');
  const denser = measureApart('denser');
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
}

main();
