import { describeOnDatabases, TestEnv } from '../support/databases';
import { createPool, Scenario, seedScenario } from './scenario';

const POOL_FIELDS = 'id status fundedAmount fundingTrace allocationTrace version members { personId role share }';

interface PoolView {
  id: string;
  status: string;
  fundedAmount: string | null;
  fundingTrace: Record<string, unknown> | null;
  allocationTrace: Record<string, unknown> | null;
  members: Array<{ personId: string; role: string; share: string | null }>;
}

describeOnDatabases('incentive pool lifecycle', (env) => {
  let s: Scenario;
  let e: TestEnv;
  let poolId: string;
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
    poolId = await createPool(e, s);
  });
  const step = (op: string, token: string, extra = '') => e.gql<Record<string, PoolView>>(`mutation($id: ID!) { ${op}(id: $id${extra}) { ${POOL_FIELDS} } }`, { id: poolId }, { token });

  test('fund, preview (stores nothing), allocate exactly, then approve only by an authorized non-member, then lock', async () => {
    expect((await step('lockPool', s.tokens.admin)).body.errors![0]!.extensions!.code).toBe('POOL.INVALID_TRANSITION');
    const funded = (await step('fundPool', s.tokens.admin)).body.data!.fundPool!;
    expect(funded.status).toBe('FUNDED');
    expect(funded.fundedAmount).toMatch(/^\d+\.\d{2}$/);
    expect(funded.fundingTrace).toBeTruthy();

    const preview = (await step('allocatePool', s.tokens.admin, ', preview: true')).body.data!.allocatePool!;
    expect(preview.status).toBe('FUNDED');
    const shares = preview.members.map((m) => m.share as string);
    const toMinor = (v: string) => BigInt(v.replace('.', ''));
    expect(shares.reduce((sum, v) => sum + toMinor(v), 0n)).toBe(toMinor(funded.fundedAmount!));
    const stored = await e.gql<{ IncentivePool: PoolView }>(`query($id: ID!) { IncentivePool(id: $id) { ${POOL_FIELDS} } }`, { id: poolId }, { token: s.tokens.admin });
    expect(stored.body.data!.IncentivePool.status).toBe('FUNDED');
    expect(stored.body.data!.IncentivePool.members.every((m) => m.share === null)).toBe(true);

    const allocated = (await step('allocatePool', s.tokens.admin)).body.data!.allocatePool!;
    expect(allocated.status).toBe('ALLOCATED');
    expect(allocated.members.map((m) => m.share)).toEqual(shares);
    expect(allocated.allocationTrace).toBeTruthy();

    // The leader holds no POOL_APPROVAL authority; an admin without a person cannot approve; the boss can.
    const leader = await step('approvePool', s.tokens.leader);
    expect(leader.body.errors![0]!.extensions!.code).toBe('NOT_AUTHORIZED');
    expect((leader.body.errors![0]!.extensions!.reasons as Array<{ code: string }>).map((r) => r.code)).toContain('POINT_NOT_COVERED');
    expect((await step('approvePool', s.tokens.admin)).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const approved = await step('approvePool', s.tokens.boss);
    expect(approved.body.errors).toBeUndefined();
    expect(approved.body.data!.approvePool!.status).toBe('APPROVED');
    const locked = await step('lockPool', s.tokens.admin);
    expect(locked.body.data!.lockPool!.status).toBe('LOCKED');
  });

  test('a member may not approve their own pool (conflict of interest)', async () => {
    const year = e.fixture.now.getUTCFullYear();
    const created = await e.gql<{ createIncentivePool: { id: string } }>(
      `mutation($unit: ID!, $from: DateTime!, $to: DateTime!) { createIncentivePool(name: "HQ staff", currency: "CNY", teamKind: "SYSTEM_DEPT", orgUnitId: $unit, periodFrom: $from, periodTo: $to, baseAmount: "1000.00") { id } }`,
      { unit: String(e.fixture.units.hq), from: `${year}-01-01T00:00:00Z`, to: `${year + 1}-01-01T00:00:00Z` },
      { token: s.tokens.admin },
    );
    const id = created.body.data!.createIncentivePool.id;
    for (const [metric, weight] of [['ORDERS', '0.4'], ['REVENUE', '0.3'], ['CASH', '0.3']]) {
      await e.gql('mutation($p: ID!, $m: PoolMetricKind!, $w: String!) { createPoolMetric(poolId: $p, metric: $m, target: "100.00", actual: "100.00", weight: $w) { id } }', { p: id, m: metric, w: weight }, { token: s.tokens.admin });
    }
    await e.gql('mutation($p: ID!, $who: ID!) { createPoolMember(poolId: $p, personId: $who, role: SPONSOR, weight: "10", coefficient: "1", participation: "1") { id } }', { p: id, who: String(s.people.boss) }, { token: s.tokens.admin });
    const run = (op: string, token: string) => e.gql<Record<string, PoolView>>(`mutation($id: ID!) { ${op}(id: $id) { status } }`, { id }, { token });
    expect((await run('fundPool', s.tokens.admin)).body.errors).toBeUndefined();
    expect((await run('allocatePool', s.tokens.admin)).body.errors).toBeUndefined();
    const own = await run('approvePool', s.tokens.boss);
    expect(own.body.errors![0]!.extensions!.code).toBe('POOL.APPROVER_IS_MEMBER');
  });
});
