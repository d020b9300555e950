import fc from 'fast-check';
import { Money } from '../money/money';
import { TriangleRole } from '../roles/roles';
import { unwrap } from '../shared/result';
import { allocatePool, comparePoolMemberIds, PoolAllocationInput } from './allocation';
import { DEFAULT_POOL_RATING_COEFFICIENTS, DEFAULT_POOL_ROLE_WEIGHTS, PoolMemberInput } from './pool';
import { Rational } from './rational';
import { cny, triangle } from './testing/fixtures';

const pool = (
  members: readonly PoolMemberInput[],
  overrides: Partial<PoolAllocationInput> = {},
): PoolAllocationInput => ({ currency: 'CNY', members, ...overrides });
const member = (id: string, overrides: Partial<PoolMemberInput> = {}): PoolMemberInput => ({
  id,
  personId: `p${id}`,
  role: 'AR',
  rating: 'B',
  participation: '1',
  ...overrides,
});
const sharesById = (input: PoolAllocationInput, funded: Money) =>
  Object.fromEntries(unwrap(allocatePool(input, funded)).shares.map((s) => [s.memberId, s.share.minor]));
const code = (input: PoolAllocationInput, funded: Money = cny(100)) => {
  const result = allocatePool(input, funded);
  return result.ok ? 'OK' : result.error.code;
};

describe('allocatePool: named cases', () => {
  it('shares the triangle by role weight × coefficient × participation, leftover to the largest remainder', () => {
    const result = unwrap(allocatePool(pool(triangle), cny(1000_00)));
    // scores 40×1.2 = 48, 30×1.0 = 30, 30×1.1 = 33; total 111.
    expect(result.trace).toMatchObject({
      totalScore: { exact: '111' },
      fundedMinor: '100000',
      floorTotalMinor: '99999',
      leftoverUnits: '1',
      remainderOrder: ['3', '1', '2'],
    });
    expect(result.shares.map((s) => [s.memberId, s.personId, s.role, s.share.minor])).toEqual([
      ['1', 'p-ar', 'AR', 43243n],
      ['2', 'p-sr', 'SR', 27027n],
      ['3', 'p-fr', 'FR', 29730n],
    ]);
    expect(result.shares[2]?.trace).toEqual({
      weight: '30',
      rating: 'B+',
      coefficient: '11/10',
      participation: '1',
      score: { exact: '33', display: '33.0000' },
      quotaMinor: { exact: '1100000/37', display: '29729.7297' },
      floorMinor: '29729',
      remainder: { exact: '27/37', display: '0.7297' },
      remainderUnit: true,
      shareMinor: '29730',
      share: '297.30',
    });
    expect(result.shares[0]?.trace.remainderUnit).toBe(false);
  });

  it('gives 1 minor unit over 3 equal members to the smallest id, numerically for digit ids', () => {
    expect(sharesById(pool([member('10'), member('9'), member('2')]), cny(1))).toEqual({ '10': 0n, '9': 0n, '2': 1n });
    expect(sharesById(pool([member('b'), member('c'), member('a')]), cny(1))).toEqual({ a: 1n, b: 0n, c: 0n });
    expect(sharesById(pool([member('1'), member('2'), member('3')]), cny(2))).toEqual({ '1': 1n, '2': 1n, '3': 0n });
  });

  it('breaks a remainder tie by the larger score before the id', () => {
    // scores 1 and 3 of 2 units: quotas 1/2 and 3/2, equal remainders.
    const members = [member('1', { weight: '1' }), member('2', { weight: '3' })];
    expect(sharesById(pool(members), cny(2))).toEqual({ '1': 0n, '2': 2n });
  });

  it('counts participation exactly, fractions included', () => {
    const members = [member('1', { participation: '1/3' }), member('2', { participation: '2/3' })];
    expect(sharesById(pool(members), cny(300))).toEqual({ '1': 100n, '2': 200n });
    expect(unwrap(allocatePool(pool(members), cny(300))).shares[0]?.trace.participation).toBe('1/3');
  });

  it('gives everyone 0 from a pool of 0, even when every score is 0', () => {
    expect(sharesById(pool(triangle), cny(0))).toEqual({ '1': 0n, '2': 0n, '3': 0n });
    const idle = [member('1', { participation: '0' }), member('2', { rating: 'D' })];
    expect(sharesById(pool(idle), cny(0))).toEqual({ '1': 0n, '2': 0n });
  });

  it('gives nothing to a member scoring 0 and everything to the rest', () => {
    expect(sharesById(pool([member('1', { rating: 'D' }), member('2')]), cny(999))).toEqual({ '1': 0n, '2': 999n });
  });

  it('uses per-pool role weights and rating tables, and per-member overrides', () => {
    const members: PoolMemberInput[] = [
      member('1', { role: 'SPONSOR' }),
      member('2', { role: 'EXPERT', weight: '10' }),
      member('3', { role: 'AR', rating: 'S' }),
      member('4', { role: 'CORE_MEMBER', weight: '5', rating: undefined, coefficient: '0.5' }),
    ];
    const result = unwrap(
      allocatePool(
        pool(members, { roleWeights: { SPONSOR: '20', AR: '50' }, ratingCoefficients: { S: '1.5', B: '1' } }),
        cny(10_000),
      ),
    );
    expect(result.shares.map((s) => s.trace.score.exact)).toEqual(['20', '10', '75', '5/2']);
    expect(result.shares.reduce((sum, s) => sum + s.share.minor, 0n)).toBe(10_000n);
    expect(result.shares[3]?.trace.rating).toBeNull();
  });

  it('rounds shares to whole yen for JPY', () => {
    expect(
      sharesById(pool([member('1'), member('2'), member('3')], { currency: 'JPY' }), { minor: 100n, currency: 'JPY' }),
    ).toEqual({ '1': 34n, '2': 33n, '3': 33n });
    expect(
      unwrap(allocatePool(pool([member('1')], { currency: 'JPY' }), { minor: 7n, currency: 'JPY' })).shares[0]?.trace
        .share,
    ).toBe('7');
  });
});

describe('allocatePool: refusals', () => {
  it('refuses no members', () => {
    expect(allocatePool(pool([]), cny(1))).toEqual({ ok: false, error: { code: 'POOL.NO_MEMBERS', data: {} } });
  });

  it('refuses all scores 0 with a pool above 0', () => {
    expect(allocatePool(pool([member('1', { participation: '0' })]), cny(1))).toEqual({
      ok: false,
      error: { code: 'POOL.ALL_SCORES_ZERO', data: { fundedMinor: '1' } },
    });
  });

  it('refuses a person twice, and a member id twice', () => {
    expect(allocatePool(pool([member('1'), member('2', { personId: 'p1', role: 'SR' })]), cny(1))).toEqual({
      ok: false,
      error: { code: 'POOL.DUPLICATE_MEMBER', data: { personId: 'p1', memberIds: ['1', '2'] } },
    });
    expect(code(pool([member('1'), member('1', { personId: 'other' })]))).toBe('POOL.DUPLICATE_MEMBER_ID');
  });

  it('refuses a role without a weight', () => {
    expect(allocatePool(pool([member('1', { role: 'EXPERT' })]), cny(1))).toEqual({
      ok: false,
      error: { code: 'POOL.ROLE_WEIGHT_MISSING', data: { memberId: '1', role: 'EXPERT' } },
    });
  });

  it.each(['-1', '100.01', 'ten', ''])('refuses the role weight %j', (weight) => {
    expect(allocatePool(pool([member('1', { weight })]), cny(1))).toEqual({
      ok: false,
      error: {
        code: 'POOL.INVALID_ROLE_WEIGHT',
        data: { memberId: '1', role: 'AR', value: weight, min: '0', max: '100' },
      },
    });
  });

  it('accepts role weights 0 and 100', () => {
    expect(code(pool([member('1', { weight: '0' }), member('2', { weight: '100' })]))).toBe('OK');
  });

  it('refuses coefficients out of range, from the table or set directly', () => {
    expect(allocatePool(pool([member('1', { rating: 'A' })], { ratingCoefficients: { A: '2.5' } }), cny(1))).toEqual({
      ok: false,
      error: {
        code: 'POOL.INVALID_COEFFICIENT',
        data: { memberId: '1', rating: 'A', value: '2.5', min: '0', max: '2' },
      },
    });
    expect(code(pool([member('1', { rating: undefined, coefficient: '-0.1' })]))).toBe('POOL.INVALID_COEFFICIENT');
    expect(code(pool([member('1', { rating: undefined, coefficient: '1,2' })]))).toBe('POOL.INVALID_COEFFICIENT');
    expect(code(pool([member('1', { rating: undefined, coefficient: '2' })]))).toBe('OK');
  });

  it('refuses a rating not in the table, both or neither of rating and coefficient', () => {
    expect(allocatePool(pool([member('1', { rating: 'E' })]), cny(1))).toEqual({
      ok: false,
      error: {
        code: 'POOL.UNKNOWN_RATING',
        data: { memberId: '1', rating: 'E', known: Object.keys(DEFAULT_POOL_RATING_COEFFICIENTS) },
      },
    });
    expect(code(pool([member('1', { rating: 'toString' })]))).toBe('POOL.UNKNOWN_RATING');
    expect(code(pool([member('1', { rating: 'A' })], { ratingCoefficients: { S: '1.5' } }))).toBe(
      'POOL.UNKNOWN_RATING',
    );
    expect(code(pool([member('1', { rating: 'A', coefficient: '1.2' })]))).toBe('POOL.COEFFICIENT_AMBIGUOUS');
    expect(code(pool([member('1', { rating: undefined })]))).toBe('POOL.COEFFICIENT_MISSING');
  });

  it.each(['-0.1', '1.01', '4/3', 'half'])('refuses the participation %j', (participation) => {
    expect(allocatePool(pool([member('1', { participation })]), cny(1))).toEqual({
      ok: false,
      error: { code: 'POOL.INVALID_PARTICIPATION', data: { memberId: '1', value: participation, min: '0', max: '1' } },
    });
  });

  it('refuses a funded amount in another currency, below 0, or an unknown currency', () => {
    expect(allocatePool(pool(triangle), { minor: 1n, currency: 'USD' })).toEqual({
      ok: false,
      error: { code: 'POOL.CURRENCY_MISMATCH', data: { field: 'funded', expected: 'CNY', actual: 'USD' } },
    });
    expect(code(pool(triangle), cny(-1))).toBe('POOL.INVALID_FUNDED_AMOUNT');
    expect(code(pool(triangle, { currency: 'XXX' }), { minor: 1n, currency: 'XXX' })).toBe('POOL.UNKNOWN_CURRENCY');
  });
});

describe('comparePoolMemberIds', () => {
  it('compares digit strings numerically, anything else by code units', () => {
    expect(['10', '9', '100', '2'].sort(comparePoolMemberIds)).toEqual(['2', '9', '10', '100']);
    expect(['b', 'B', 'a', '10', '9a'].sort(comparePoolMemberIds)).toEqual(['10', '9a', 'B', 'a', 'b']);
    expect(['7', '007'].sort(comparePoolMemberIds)).toEqual(['007', '7']);
    expect(comparePoolMemberIds('12345678901234567890', '12345678901234567891')).toBe(-1);
    expect(comparePoolMemberIds('x', 'x')).toBe(0);
  });
});

// Properties, seeded as the issue asks.
const RUNS = { seed: 20261129, numRuns: 3000 };
const ROLES: TriangleRole[] = ['AR', 'SR', 'FR', 'SPONSOR', 'CORE_MEMBER', 'EXPERT'];
const RATINGS = Object.keys(DEFAULT_POOL_RATING_COEFFICIENTS);
const ROLE_WEIGHTS = { ...DEFAULT_POOL_ROLE_WEIGHTS, SPONSOR: '10', CORE_MEMBER: '15', EXPERT: '20' };

const memberArb = fc.record({
  role: fc.constantFrom(...ROLES),
  rating: fc.constantFrom(...RATINGS),
  participation: fc.oneof(
    fc.constantFrom('0', '1', '0.5', '0.25', '1/3', '2/3', '0.9'),
    fc.integer({ min: 0, max: 1000 }).map((n) => `${n}/1000`),
  ),
});
/** Members with distinct ids (digits or letters, so both comparison paths run) and a funded amount. */
const caseArb = fc
  .tuple(
    fc.uniqueArray(fc.oneof(fc.nat({ max: 5000 }).map(String), fc.stringMatching(/^[a-z]{1,3}$/)), {
      minLength: 1,
      maxLength: 25,
    }),
    fc.array(memberArb, { minLength: 25, maxLength: 25 }),
    fc.oneof(fc.bigInt({ min: 0n, max: 100n }), fc.bigInt({ min: 0n, max: 10n ** 12n })),
  )
  .map(([ids, specs, funded]) => ({
    members: ids.map((id, i): PoolMemberInput => ({
      id,
      personId: `person-${id}`,
      ...(specs[i] as (typeof specs)[number]),
    })),
    funded: cny(funded),
  }))
  .filter(
    ({ members, funded }) =>
      funded.minor === 0n ||
      members.some((m) => m.participation !== '0' && !m.participation.startsWith('0/') && m.rating !== 'D'),
  );

const propertyPool = (members: readonly PoolMemberInput[]) => pool(members, { roleWeights: ROLE_WEIGHTS });
const scoreOf = (m: PoolMemberInput) =>
  (Rational.parse(ROLE_WEIGHTS[m.role] as string) as Rational)
    .mul(Rational.parse(DEFAULT_POOL_RATING_COEFFICIENTS[m.rating as string] as string) as Rational)
    .mul(Rational.parse(m.participation) as Rational);

describe('allocatePool: properties', () => {
  it('shares sum exactly to the pool, each the floor or ceiling of its exact quota', () => {
    fc.assert(
      fc.property(caseArb, ({ members, funded }) => {
        const { shares } = unwrap(allocatePool(propertyPool(members), funded));
        expect(shares.reduce((sum, s) => sum + s.share.minor, 0n)).toBe(funded.minor);
        const total = members.reduce((sum, m) => sum.add(scoreOf(m)), Rational.ZERO);
        members.forEach((m, i) => {
          const quota = total.isZero() ? Rational.ZERO : Rational.of(funded.minor).mul(scoreOf(m)).div(total);
          const share = (shares[i] as (typeof shares)[number]).share.minor;
          expect(share === quota.floor() || (!quota.isInteger() && share === quota.floor() + 1n)).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('does not depend on the order of the members', () => {
    const permuted = caseArb.chain((c) =>
      fc.shuffledSubarray(c.members, { minLength: c.members.length }).map((shuffled) => ({ ...c, shuffled })),
    );
    fc.assert(
      fc.property(permuted, ({ members, shuffled, funded }) => {
        expect(sharesById(propertyPool(shuffled), funded)).toEqual(sharesById(propertyPool(members), funded));
      }),
      RUNS,
    );
  });

  it('never gives a member with a strictly larger score less', () => {
    fc.assert(
      fc.property(caseArb, ({ members, funded }) => {
        const { shares } = unwrap(allocatePool(propertyPool(members), funded));
        const scored = members.map((m, i) => ({
          score: scoreOf(m),
          share: (shares[i] as (typeof shares)[number]).share.minor,
        }));
        for (const a of scored) for (const b of scored) if (a.score.gt(b.score)) expect(a.share >= b.share).toBe(true);
      }),
      RUNS,
    );
  });

  it('gives 1 minor unit over 3 equal members to the smallest id', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(fc.nat().map(String), fc.string({ minLength: 1, maxLength: 4 })), {
          minLength: 3,
          maxLength: 3,
        }),
        (ids) => {
          const byId = sharesById(pool(ids.map((id) => member(id))), cny(1));
          const smallest = [...ids].sort(comparePoolMemberIds)[0] as string;
          expect(byId[smallest]).toBe(1n);
          expect(Object.values(byId).reduce((a, b) => a + b, 0n)).toBe(1n);
        },
      ),
      RUNS,
    );
  });
});
