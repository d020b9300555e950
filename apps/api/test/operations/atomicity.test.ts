// Multi-row changes are one transaction: a failure part-way (here: injected after the second row's update)
// leaves nothing half-written.
import type { EntitySubscriberInterface, UpdateEvent } from 'typeorm';
import { Delegation } from '../../src/modules/delegation/delegation.entity';
import { describeOnDatabases, TestEnv } from '../support/databases';
import { IncentivePool, PoolMember } from '../../src/modules/incentive-pool/incentive-pool.entity';
import { createPool, Scenario, seedScenario } from './scenario';

describeOnDatabases('atomic multi-row changes', (env) => {
  let s: Scenario;
  let e: TestEnv;
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
  });
  /** Makes the n-th update of `table` fail, as a lost connection or a full disk would. */
  function failNthUpdate(table: string, n: number): () => void {
    let seen = 0;
    const saboteur: EntitySubscriberInterface = {
      async afterUpdate(event: UpdateEvent<unknown>) {
        if (event.metadata.tableName === table && ++seen === n) throw new Error('simulated failure');
      },
    };
    e.dataSource.subscribers.push(saboteur);
    return () => {
      e.dataSource.subscribers.splice(e.dataSource.subscribers.indexOf(saboteur), 1);
    };
  }

  test('a revocation cascade that fails on its second row revokes nothing', async () => {
    const sub = await e.gql<{ createDelegation: { id: string } }>(
      `mutation($src: ID!, $from: ID!, $to: ID!, $scope: ID!, $at: DateTime!) { createDelegation(sourceDelegationId:
        $src, delegatorId: $from, delegateId: $to, decisionPoints: [ATB],
        grades: [III], scopeOrgUnitId: $scope, limit: "100.00", currency: "CNY", validFrom: $at,
        reason: "holiday cover") { id } }`,
      {
        src: String(s.delegation),
        from: String(s.people.east1),
        to: String(s.people.west1),
        scope: String(e.fixture.units.eastOffice),
        at: e.fixture.now.toISOString(),
      },
      { token: e.tokens.admin },
    );
    expect(sub.body.errors).toBeUndefined();
    const restore = failNthUpdate('delegations', 2);
    const res = await e.gql(
      'mutation($id: ID!) { revokeDelegation(id: $id, reason: "reorganised") { id } }',
      { id: String(s.delegation) },
      { token: e.tokens.admin },
    );
    restore();
    expect(res.body.errors![0]!.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    const rows = await e.dataSource.manager.findBy(Delegation, {});
    expect(rows.filter((d) => d.revokedAt !== null)).toEqual([]);
    // And without the failure both end together.
    const ok = await e.gql<{ revokeDelegation: Array<{ id: string }> }>(
      'mutation($id: ID!) { revokeDelegation(id: $id, reason: "reorganised") { id } }',
      { id: String(s.delegation) },
      { token: e.tokens.admin },
    );
    expect(ok.body.data!.revokeDelegation.map((d) => d.id)).toEqual([
      String(s.delegation),
      sub.body.data!.createDelegation.id,
    ]);
  });

  test('an allocation that fails on its second member stores no share and leaves the pool FUNDED', async () => {
    const poolId = await createPool(e, s);
    const fund = await e.gql(
      'mutation($id: ID!) { fundPool(id: $id) { status } }',
      { id: poolId },
      { token: e.tokens.admin },
    );
    expect(fund.body.errors).toBeUndefined();
    const restore = failNthUpdate('pool_members', 2);
    const res = await e.gql(
      'mutation($id: ID!) { allocatePool(id: $id) { status } }',
      { id: poolId },
      { token: e.tokens.admin },
    );
    restore();
    expect(res.body.errors![0]!.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    const members = await e.dataSource.manager.findBy(PoolMember, { poolId: Number(poolId) });
    expect(members.map((m) => m.shareMinor)).toEqual([null, null, null]);
    expect((await e.dataSource.manager.findOneByOrFail(IncentivePool, { id: Number(poolId) })).status).toBe('FUNDED');
  });
});
