// Multi-row changes are one transaction: a failure part-way (here: injected after the second row's update)
// leaves nothing half-written.
import type { EntitySubscriberInterface, InsertEvent, UpdateEvent } from 'typeorm';
import { AuthorityChange } from '../../src/platform/change-log';
import { AuditEntry } from '../../src/platform/audit-entry.entity';
import { Notification } from '../../src/modules/notification';
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
  /** Makes the n-th update (or insert) of `table` fail after it ran, as a lost connection or a full disk would. */
  function failNth(table: string, n: number, on: 'update' | 'insert' = 'update'): () => void {
    let seen = 0;
    const fail = async (event: UpdateEvent<unknown> | InsertEvent<unknown>) => {
      if (event.metadata.tableName === table && ++seen === n) throw new Error('simulated failure');
    };
    const saboteur: EntitySubscriberInterface = on === 'update' ? { afterUpdate: fail } : { afterInsert: fail };
    e.dataSource.subscribers.push(saboteur);
    return () => {
      e.dataSource.subscribers.splice(e.dataSource.subscribers.indexOf(saboteur), 1);
    };
  }

  // The cascade's rows are revoked in one statement, then logged, audited and their delegates notified together:
  // a failure after the update, or in the last of the pieces sent together, leaves every row as it was.
  test.each([
    ['its rows are revoked', 'delegations', 'update'],
    ['its delegates are being notified', 'notifications', 'insert'],
  ] as const)('a revocation cascade that fails once %s revokes nothing', async (_when, table, on) => {
    // A delegation of the director's authority, and one derived from it: each case its own.
    const create = async (vars: Record<string, unknown>) => {
      const res = await e.gql<{ createDelegation: { id: string } }>(
        `mutation($rule: ID, $src: ID, $from: ID!, $to: ID!, $scope: ID!, $at: DateTime!, $depth: Int) {
          createDelegation(sourceRuleId: $rule, sourceDelegationId: $src, delegatorId: $from, delegateId: $to,
          decisionPoints: [ATB], grades: [III], scopeOrgUnitId: $scope, limit: "100.00", currency: "CNY",
          validFrom: $at, redelegableDepth: $depth, reason: "holiday cover") { id } }`,
        { scope: String(e.fixture.units.eastOffice), at: e.fixture.now.toISOString(), depth: 0, ...vars },
        { token: e.tokens.admin },
      );
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.createDelegation.id;
    };
    const root = await create({
      rule: String(s.rules.director),
      from: String(s.people.leader),
      to: String(s.people.east1),
      depth: 1,
    });
    const sub = await create({ src: root, from: String(s.people.east1), to: String(s.people.west1) });
    const entries = () => e.dataSource.manager.count(AuthorityChange);
    const audits = () => e.dataSource.manager.count(AuditEntry);
    const notices = () => e.dataSource.manager.count(Notification);
    const counts = [await entries(), await audits(), await notices()];
    const restore = failNth(table, 1, on);
    const res = await e.gql(
      'mutation($id: ID!) { revokeDelegation(id: $id, reason: "reorganised") { id } }',
      { id: root },
      { token: e.tokens.admin },
    );
    restore();
    expect(res.body.errors![0]!.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    const rows = await e.dataSource.manager.findBy(Delegation, {});
    expect(rows.filter((d) => d.revokedAt !== null && [root, sub].includes(String(d.id)))).toEqual([]);
    expect([await entries(), await audits(), await notices()]).toEqual(counts);
    // And without the failure both end together.
    const ok = await e.gql<{ revokeDelegation: Array<{ id: string }> }>(
      'mutation($id: ID!) { revokeDelegation(id: $id, reason: "reorganised") { id } }',
      { id: root },
      { token: e.tokens.admin },
    );
    expect(ok.body.data!.revokeDelegation.map((d) => d.id)).toEqual([root, sub]);
    expect(await entries()).toBe(counts[0]! + 2);
    expect(await audits()).toBe(counts[1]! + 2);
    expect(await notices()).toBe(counts[2]! + 2);
  });

  test('an allocation that fails on its second member stores no share and leaves the pool FUNDED', async () => {
    const poolId = await createPool(e, s);
    const fund = await e.gql(
      'mutation($id: ID!) { fundPool(id: $id) { status } }',
      { id: poolId },
      { token: e.tokens.admin },
    );
    expect(fund.body.errors).toBeUndefined();
    const restore = failNth('pool_members', 2);
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
