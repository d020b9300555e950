import { describeOnDatabases, TestEnv } from '../support/databases';
import { AuditEntry } from '../../src/platform/audit-entry.entity';
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
  const step = (op: string, token: string, extra = '') =>
    e.gql<Record<string, PoolView>>(
      `mutation($id: ID!) { ${op}(id: $id${extra}) { ${POOL_FIELDS} } }`,
      { id: poolId },
      { token },
    );

  test(
    'fund, preview (stores nothing), allocate exactly, then ' + 'approve only by an authorized non-member, then lock',
    async () => {
      expect((await step('lockPool', s.tokens.admin)).body.errors![0]!.extensions!.code).toBe(
        'POOL.INVALID_TRANSITION',
      );
      const funded = (await step('fundPool', s.tokens.admin)).body.data!.fundPool!;
      expect(funded.status).toBe('FUNDED');
      expect(funded.fundedAmount).toMatch(/^\d+\.\d{2}$/);
      expect(funded.fundingTrace).toBeTruthy();

      const preview = (await step('allocatePool', s.tokens.admin, ', preview: true')).body.data!.allocatePool!;
      expect(preview.status).toBe('FUNDED');
      const shares = preview.members.map((m) => m.share as string);
      const toMinor = (v: string) => BigInt(v.replace('.', ''));
      expect(shares.reduce((sum, v) => sum + toMinor(v), 0n)).toBe(toMinor(funded.fundedAmount!));
      const stored = await e.gql<{ IncentivePool: PoolView }>(
        `query($id: ID!) { IncentivePool(id: $id) { ${POOL_FIELDS} } }`,
        { id: poolId },
        { token: s.tokens.admin },
      );
      expect(stored.body.data!.IncentivePool.status).toBe('FUNDED');
      expect(stored.body.data!.IncentivePool.members.every((m) => m.share === null)).toBe(true);

      const allocated = (await step('allocatePool', s.tokens.admin)).body.data!.allocatePool!;
      expect(allocated.status).toBe('ALLOCATED');
      expect(allocated.members.map((m) => m.share)).toEqual(shares);
      expect(allocated.allocationTrace).toBeTruthy();

      // The leader holds no POOL_APPROVAL authority; an admin without a person cannot approve; the boss can.
      const leader = await step('approvePool', s.tokens.leader);
      expect(leader.body.errors![0]!.extensions!.code).toBe('NOT_AUTHORIZED');
      // Only what could have applied: the leader's rules of other decision points are not listed.
      expect((leader.body.errors![0]!.extensions!.reasons as Array<{ code: string }>).map((r) => r.code)).toEqual([
        'NO_AUTHORITY',
      ]);
      expect((await step('approvePool', s.tokens.admin)).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const approved = await step('approvePool', s.tokens.boss);
      expect(approved.body.errors).toBeUndefined();
      expect(approved.body.data!.approvePool!.status).toBe('APPROVED');
      const locked = await step('lockPool', s.tokens.admin);
      expect(locked.body.data!.lockPool!.status).toBe('LOCKED');
    },
  );

  test('a member may not approve their own pool (conflict of interest)', async () => {
    const year = e.fixture.now.getUTCFullYear();
    const created = await e.gql<{ createIncentivePool: { id: string } }>(
      `mutation($unit: ID!, $from: DateTime!, $to: DateTime!) { createIncentivePool(name: "HQ staff", currency: "CNY",
        teamKind: "SYSTEM_DEPT", orgUnitId: $unit, periodFrom: $from, periodTo: $to, baseAmount: "1000.00") { id } }`,
      { unit: String(e.fixture.units.hq), from: `${year}-01-01T00:00:00Z`, to: `${year + 1}-01-01T00:00:00Z` },
      { token: s.tokens.admin },
    );
    const id = created.body.data!.createIncentivePool.id;
    for (const [metric, weight] of [
      ['ORDERS', '0.4'],
      ['REVENUE', '0.3'],
      ['CASH', '0.3'],
    ]) {
      await e.gql(
        'mutation($p: ID!, $m: PoolMetricKind!, $w: String!) { createPoolMetric(poolId: $p, metric: $m, ' +
          'target: "100.00", actual: "100.00", weight: $w) { id } }',
        { p: id, m: metric, w: weight },
        { token: s.tokens.admin },
      );
    }
    await e.gql(
      'mutation($p: ID!, $who: ID!) { createPoolMember(poolId: $p, personId: $who, role: SPONSOR, weight: ' +
        '"10", coefficient: "1", participation: "1") { id } }',
      { p: id, who: String(s.people.boss) },
      { token: s.tokens.admin },
    );
    const run = (op: string, token: string) =>
      e.gql<Record<string, PoolView>>(`mutation($id: ID!) { ${op}(id: $id) { status } }`, { id }, { token });
    expect((await run('fundPool', s.tokens.admin)).body.errors).toBeUndefined();
    expect((await run('allocatePool', s.tokens.admin)).body.errors).toBeUndefined();
    const own = await run('approvePool', s.tokens.boss);
    expect(own.body.errors![0]!.extensions!.code).toBe('POOL.APPROVER_IS_MEMBER');
  });

  test(
    'the funding and allocation traces are typed: exact ' + 'fractions as integer strings, the same as the JSON traces',
    async () => {
      const FRACTION = 'numerator denominator display';
      const res = await e.gql<{
        IncentivePool: {
          fundedAmount: string;
          fundingTrace: { attainment: { exact: string; display: string }; metrics: unknown[] };
          allocationTrace: { totalScore: { exact: string } };
          funding: {
            fundedAmount: string;
            attainment: { numerator: string; denominator: string; display: string };
            metrics: Array<{ metric: string; attainment: { numerator: string; denominator: string } }>;
            parameters: { gate: { numerator: string; denominator: string; display: string } };
            multiplier: { branch: string; value: { display: string } };
          };
          allocation: {
            preview: boolean;
            totalScore: { numerator: string; denominator: string };
            shares: Array<{ memberId: string; share: string; score: { numerator: string; denominator: string } }>;
          };
          members: Array<{ id: string; share: string }>;
        };
      }>(
        `query($id: ID!) { IncentivePool(id: $id) { fundedAmount fundingTrace allocationTrace members { id share }
        funding { fundedAmount attainment { ${FRACTION} } metrics { metric attainment { ${FRACTION} } }
          parameters { gate { ${FRACTION} } } multiplier { branch value { ${FRACTION} } } }
        allocation { preview totalScore { ${FRACTION} } shares { memberId share score { ${FRACTION} } } } } }`,
        { id: poolId },
        { token: s.tokens.admin },
      );
      expect(res.body.errors).toBeUndefined();
      const pool = res.body.data!.IncentivePool;
      const text = (f: { numerator: string; denominator: string }) =>
        f.denominator === '1' ? f.numerator : `${f.numerator}/${f.denominator}`;
      expect(text(pool.funding.attainment)).toBe(pool.fundingTrace.attainment.exact);
      expect(pool.funding.attainment.display).toBe(pool.fundingTrace.attainment.display);
      expect(pool.funding.metrics).toHaveLength(pool.fundingTrace.metrics.length);
      expect(pool.funding.parameters.gate).toEqual({ numerator: '3', denominator: '5', display: '0.6000' });
      expect(pool.funding.fundedAmount).toBe(pool.fundedAmount);
      expect(text(pool.allocation.totalScore)).toBe(pool.allocationTrace.totalScore.exact);
      expect(pool.allocation.preview).toBe(false);
      expect(pool.allocation.shares.map((x) => [x.memberId, x.share])).toEqual(
        pool.members.map((m) => [m.id, m.share]),
      );
    },
  );
});

describeOnDatabases('incentive pool: approval and lock persisted, adjustment pools', (env) => {
  let s: Scenario;
  let e: TestEnv;
  let poolId: string;
  const STAMPS =
    'id status version fundedAt allocatedAt approvedById approvedAt approvedBy { id name } lockedAt adjustmentOfId';
  type Stamped = {
    id: string;
    status: string;
    fundedAt: string | null;
    allocatedAt: string | null;
    approvedById: string | null;
    approvedAt: string | null;
    approvedBy: { id: string; name: string } | null;
    lockedAt: string | null;
    adjustmentOfId: string | null;
  };
  const step = (op: string, id: string, token: string) =>
    e.gql<Record<string, Stamped>>(`mutation($id: ID!) { ${op}(id: $id) { ${STAMPS} } }`, { id }, { token });
  const read = async (id: string) =>
    (
      await e.gql<{ IncentivePool: Stamped }>(
        `query($id: ID!) { IncentivePool(id: $id) { ${STAMPS} } }`,
        { id },
        { token: s.tokens.admin },
      )
    ).body.data!.IncentivePool;
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
    poolId = await createPool(e, s);
  });

  test('each step stores its moment; approval stores the approver, readable as approvedBy', async () => {
    expect(await read(poolId)).toMatchObject({
      status: 'DRAFT',
      fundedAt: null,
      allocatedAt: null,
      approvedById: null,
      approvedAt: null,
      approvedBy: null,
      lockedAt: null,
      adjustmentOfId: null,
    });
    const funded = (await step('fundPool', poolId, s.tokens.admin)).body.data!.fundPool!;
    expect(funded.fundedAt).toEqual(expect.any(String));
    expect(funded.allocatedAt).toBeNull();
    const allocated = (await step('allocatePool', poolId, s.tokens.admin)).body.data!.allocatePool!;
    expect(allocated.allocatedAt).toEqual(expect.any(String));
    const approved = await step('approvePool', poolId, s.tokens.boss);
    expect(approved.body.errors).toBeUndefined();
    expect(approved.body.data!.approvePool).toMatchObject({
      status: 'APPROVED',
      approvedById: String(s.people.boss),
      approvedBy: { id: String(s.people.boss), name: 'Zhang Wei' },
      lockedAt: null,
    });
    const locked = (await step('lockPool', poolId, s.tokens.admin)).body.data!.lockPool!;
    expect(locked.status).toBe('LOCKED');
    const stored = await read(poolId);
    expect(stored).toEqual(locked);
    const moments = [stored.fundedAt, stored.allocatedAt, stored.approvedAt, stored.lockedAt].map((v) =>
      Date.parse(v!),
    );
    expect([...moments].sort((a, b) => a - b)).toEqual(moments);
    // The audit entry of the approval names the same person and moment.
    const audit = await e.dataSource.manager.findOneOrFail(AuditEntry, {
      where: { entityType: 'IncentivePool', entityId: poolId, action: 'approve' },
    });
    expect(audit.after).toMatchObject({
      approverId: String(s.people.boss),
      approvedById: s.people.boss,
      approvedAt: stored.approvedAt,
    });
  });

  test(
    'createAdjustmentPool: a DRAFT copy of the locked pool ' + 'pointing at it; once per pool; only for a LOCKED pool',
    async () => {
      const q = `mutation($id: ID!, $name: String) { createAdjustmentPool(id: $id, name: $name) { ${STAMPS} name
      baseAmount fundedAmount members { personId role weight share } metrics { metric target actual weight }
      adjustmentOf { id status } } }`;
      type Adjustment = Stamped & {
        name: string;
        baseAmount: string;
        fundedAmount: string | null;
        members: Array<{ personId: string; share: string | null }>;
        metrics: unknown[];
        adjustmentOf: { id: string; status: string };
      };
      const made = await e.gql<{ createAdjustmentPool: Adjustment }>(
        q,
        { id: poolId, name: 'Small office team, correction 1' },
        { token: s.tokens.admin },
      );
      expect(made.body.errors).toBeUndefined();
      const adjustment = made.body.data!.createAdjustmentPool;
      expect(adjustment).toMatchObject({
        status: 'DRAFT',
        name: 'Small office team, correction 1',
        baseAmount: '300000.00',
        fundedAmount: null,
        adjustmentOfId: poolId,
        adjustmentOf: { id: poolId, status: 'LOCKED' },
        fundedAt: null,
        approvedById: null,
        lockedAt: null,
      });
      expect(adjustment.id).not.toBe(poolId);
      expect(adjustment.members.map((m) => [m.personId, m.share])).toEqual(
        [String(s.people.east1), String(s.people.west1), String(s.people.outsider)].map((p) => [p, null]),
      );
      expect(adjustment.metrics).toHaveLength(3);
      // Audited in the same transaction: the pool, its three metrics and three members.
      const audits = await e.dataSource.manager.find(AuditEntry, {
        where: { action: 'create', requestId: made.headers.get('x-request-id')! },
      });
      expect(audits.map((a) => a.entityType).sort()).toEqual([
        'IncentivePool',
        'PoolMember',
        'PoolMember',
        'PoolMember',
        'PoolMetric',
        'PoolMetric',
        'PoolMetric',
      ]);
      expect(audits.find((a) => a.entityType === 'IncentivePool')!.note).toBe(`adjustment of locked pool ${poolId}`);
      // Listed by filter; the locked pool is untouched.
      const listed = await e.gql<{ allIncentivePools: Array<{ id: string }> }>(
        'query($id: ID!) { allIncentivePools(filter: { adjustmentOfId: $id }) { id } }',
        { id: poolId },
        { token: e.tokens.viewer },
      );
      expect(listed.body.errors).toBeUndefined();
      expect(listed.body.data!.allIncentivePools.map((p) => p.id)).toEqual([adjustment.id]);
      expect((await read(poolId)).status).toBe('LOCKED');

      const again = await e.gql(q, { id: poolId }, { token: s.tokens.admin });
      expect(again.body.errors![0]!.extensions).toMatchObject({
        code: 'POOL.ALREADY_ADJUSTED',
        reasons: [
          { code: 'POOL.ALREADY_ADJUSTED', data: expect.objectContaining({ adjustmentPoolId: adjustment.id }) },
        ],
      });
      expect(again.body.errors![0]!.message).toContain(`adjustment pool ${adjustment.id}`);
      const notLocked = await e.gql(
        q,
        { id: adjustment.id },
        { token: s.tokens.admin, headers: { 'accept-language': 'zh-CN' } },
      );
      expect(notLocked.body.errors![0]!.extensions!.code).toBe('POOL.NOT_LOCKED');
      expect(notLocked.body.errors![0]!.message).toContain('LOCKED');
      const blank = await e.gql(q, { id: poolId, name: '  ' }, { token: s.tokens.admin });
      expect(blank.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      // The adjustment goes through the lifecycle like any pool.
      expect((await step('fundPool', adjustment.id, s.tokens.admin)).body.data!.fundPool!.status).toBe('FUNDED');
      // The adjusted pool cannot be deleted while the adjustment refers to it.
      const del = await e.gql(
        'mutation($id: ID!) { deleteIncentivePool(id: $id) { id } }',
        { id: poolId },
        { token: s.tokens.admin },
      );
      expect(del.body.errors![0]!.extensions!.code).toBe('RECORD_IN_USE');
    },
  );

  test(
    'two adjustments of the same locked pool at once: one ' +
      'is created, the other refused with POOL.ALREADY_ADJUSTED',
    async () => {
      const id = await createPool(e, s);
      for (const [op, token] of [
        ['fundPool', s.tokens.admin],
        ['allocatePool', s.tokens.admin],
        ['approvePool', s.tokens.boss],
        ['lockPool', s.tokens.admin],
      ] as const) {
        expect((await step(op, id, token)).body.errors).toBeUndefined();
      }
      const adjust = () =>
        e.gql<{ createAdjustmentPool: { id: string } }>(
          'mutation($id: ID!) { createAdjustmentPool(id: $id) { id } }',
          { id },
          { token: s.tokens.admin },
        );
      const answers = await Promise.all([adjust(), adjust()]);
      const codes = answers.map((a) => (a.body.errors ? a.body.errors[0]!.extensions!.code : 'OK')).sort();
      expect(codes).toEqual(['OK', 'POOL.ALREADY_ADJUSTED']);
      const listed = await e.gql<{ allIncentivePools: unknown[] }>(
        'query($id: ID!) { allIncentivePools(filter: { adjustmentOfId: $id }) { id } }',
        { id },
        { token: e.tokens.viewer },
      );
      expect(listed.body.data!.allIncentivePools).toHaveLength(1);
    },
  );

  test(
    'the migration reverts (columns gone) and, applied again, ' +
      'fills the moments and the approver from the audit trail',
    async () => {
      const before = await read(poolId);
      const columns = async () => {
        const runner = e.dataSource.createQueryRunner();
        try {
          return (await runner.getTable('incentive_pools'))!.columns.map((c) => c.name);
        } finally {
          await runner.release();
        }
      };
      expect(await columns()).toEqual(
        expect.arrayContaining(['fundedAt', 'allocatedAt', 'approvedById', 'approvedAt', 'lockedAt', 'adjustmentOfId']),
      );
      // Revert the pool migration and every later one, newest first.
      const reverted =
        e.dataSource.migrations.length -
        e.dataSource.migrations.findIndex((m) => m.name === 'PoolLifecycleColumns1764600000000');
      for (let i = 0; i < reverted; i++) await e.dataSource.undoLastMigration({ transaction: 'each' });
      expect(
        (await columns()).filter(
          (c) => /edAt$|approvedById|adjustmentOfId/.test(c) && c !== 'createdAt' && c !== 'updatedAt',
        ),
      ).toEqual([]);
      expect(await e.dataSource.runMigrations({ transaction: 'each' })).toHaveLength(reverted);
      const after = await read(poolId);
      expect(after).toEqual(before);
    },
  );
});
