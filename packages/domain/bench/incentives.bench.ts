// Times funding and allocating one pool of 500 members: `npx tsx packages/domain/bench/incentives.bench.ts`.
import { performance } from 'node:perf_hooks';
// Only the areas it measures, so work in progress elsewhere in the package cannot break it.
import { allocatePool, fundPool, IncentivePool, PoolMemberInput } from '../src/incentives';
import { TriangleRole } from '../src/roles/roles';
import { unwrap } from '../src/shared/result';

const MEMBERS = 500;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = 20;

const ROLES: TriangleRole[] = ['AR', 'SR', 'FR', 'SPONSOR', 'CORE_MEMBER', 'EXPERT'];
const RATINGS = ['A', 'B+', 'B', 'C', 'D'];
const PARTICIPATION = ['1', '0.5', '1/3', '0.75', '2/3', '0.9'];

// Deterministic variety: no randomness, so every run measures the same work.
const members: PoolMemberInput[] = Array.from({ length: MEMBERS }, (_, i) => ({
  id: String(i + 1),
  personId: `person-${i + 1}`,
  role: ROLES[i % ROLES.length] as TriangleRole,
  rating: RATINGS[(i * 7) % RATINGS.length] as string,
  participation: PARTICIPATION[(i * 11) % PARTICIPATION.length] as string,
}));

const cny = (minor: bigint) => ({ minor, currency: 'CNY' });
const pool: IncentivePool = {
  id: 'bench',
  team: { kind: 'SYSTEM_DEPARTMENT', id: 'sd-1' },
  period: { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') },
  currency: 'CNY',
  baseAmount: cny(12_345_678_91n),
  metrics: {
    ORDERS: { target: cny(500_000_000_00n), actual: cny(561_234_567_89n), weight: 40 },
    REVENUE: { target: cny(300_000_000_00n), actual: cny(287_654_321_01n), weight: 30 },
    CASH: { target: cny(250_000_000_00n), actual: cny(263_333_333_33n), weight: 30 },
  },
  roleWeights: { SPONSOR: '10', CORE_MEMBER: '15', EXPERT: '20' },
  members,
  status: 'DRAFT',
};

function once(): { fundMs: number; allocateMs: number; checksum: bigint } {
  const t0 = performance.now();
  const funded = unwrap(fundPool(pool));
  const t1 = performance.now();
  const allocation = unwrap(allocatePool(pool, funded.amount));
  const t2 = performance.now();
  const checksum = allocation.shares.reduce((sum, s) => sum + s.share.minor, 0n);
  if (checksum !== funded.amount.minor) throw new Error('shares do not sum to the pool');
  return { fundMs: t1 - t0, allocateMs: t2 - t1, checksum };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const percentile = (values: number[], p: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))] as number;

for (let i = 0; i < WARMUP; i++) once();
const fundTimes: number[] = [];
const allocateTimes: number[] = [];
const totalTimes: number[] = [];
let funded = 0n;
for (let i = 0; i < RUNS; i++) {
  const { fundMs, allocateMs, checksum } = once();
  fundTimes.push(fundMs);
  allocateTimes.push(allocateMs);
  totalTimes.push(fundMs + allocateMs);
  funded = checksum;
}

const row = (label: string, times: number[]) => {
  const m = median(times);
  console.log(
    `${label.padEnd(18)} median ${m.toFixed(3).padStart(8)} ms   p95 ` +
      `${percentile(times, 0.95).toFixed(3).padStart(8)} ms   ${(1000 / m).toFixed(0).padStart(7)} ops/s`,
  );
};
console.log(
  `incentive pool: ${MEMBERS} members, ${RUNS} runs after ${WARMUP} warm-up, node ${process.version}; ` +
    `funded ${funded} minor units`,
);
row('fundPool', fundTimes);
row('allocatePool', allocateTimes);
row('fund + allocate', totalTimes);
