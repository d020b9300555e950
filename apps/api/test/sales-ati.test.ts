// ATI on a project made from an opportunity and the customer's power map (issue #17): the company setting
// requireDecisionMakerForAti turns the check off; and on MariaDB, a decision maker deleted while ATI is being recorded
// never leaves an ATI recorded against a map without one (the ATI check reads the map with a locking read: the
// delete is refused by nothing, it is ordered after the decision, or the decision sees it and is refused).
import { describeOnDatabases, TestEnv } from './support/databases';
import { AuditEntry } from '../src/platform/audit-entry.entity';
import { Decision } from '../src/modules/decision/decision.entity';

type Err = { message: string; extensions?: Record<string, unknown> };

describeOnDatabases('sales: ATI and the decision maker on the power map', (env) => {
  let e: TestEnv;
  let customer = '';

  async function ok<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const res = await e.gql<T>(query, variables, { token });
    expect(res.body.errors).toBeUndefined();
    return res.body.data as T;
  }

  const ATI = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id outcome } }`;
  const ati = (projectId: string, key: string) => ({
    input: {
      projectId,
      decisionPoint: 'ATI',
      outcome: 'APPROVED',
      deciderId: String(e.fixture.people.leader),
      idempotencyKey: key,
    },
  });

  /** A project made from a new opportunity of the customer, and the opportunity's id. */
  async function projectFromOpportunity(name: string): Promise<{ project: string; opportunity: string }> {
    const opp = await ok<{ createOpportunity: { id: string } }>(
      `mutation($n: String!, $c: ID!, $u: ID!, $o: ID!) { createOpportunity(name: $n, customerId: $c, orgUnitId: $u,
        ownerId: $o, expectedAmount: "100000.00", closeDate: "2031-01-01T00:00:00Z") { id } }`,
      { n: name, c: customer, u: String(e.fixture.units.eastOffice), o: String(e.fixture.people.east1) },
      e.tokens.admin,
    );
    const project = await ok<{ createProjectFromOpportunity: { id: string } }>(
      `mutation($id: ID!) { createProjectFromOpportunity(opportunityId: $id) { id } }`,
      { id: opp.createOpportunity.id },
      e.tokens.admin,
    );
    return { project: project.createProjectFromOpportunity.id, opportunity: opp.createOpportunity.id };
  }

  async function setRequired(required: boolean): Promise<void> {
    const { companySettings } = await ok<{ companySettings: { version: number } }>(
      '{ companySettings { version } }',
      {},
      e.tokens.admin,
    );
    await ok(
      `mutation($v: Int!, $r: Boolean!) {
        updateCompanySettings(version: $v, input: { requireDecisionMakerForAti: $r }) { version } }`,
      { v: companySettings.version, r: required },
      e.tokens.admin,
    );
  }

  beforeAll(async () => {
    e = env();
    customer = (
      await ok<{ createCustomer: { id: string } }>(
        `mutation($u: ID!) { createCustomer(name: "ATI Co", tier: C, orgUnitId: $u) { id } }`,
        { u: String(e.fixture.units.eastOffice) },
        e.tokens.admin,
      )
    ).createCustomer.id;
    // The East director decides ATI on every grade in East.
    await ok(
      `mutation($scope: ID!) { createAuthorityRule(name: "ATI in East", holderKind: POSITION,
        holderTitle: "BUSINESS_DEPT_DIRECTOR", holderOrgUnitId: $scope, scopeOrgUnitId: $scope,
        decisionPoints: [ATI], grades: [I, II, III],
        currency: "CNY", limit: "100000000.00", validFrom: "2020-01-01") { id } }`,
      { scope: String(e.fixture.units.east) },
      e.tokens.admin,
    );
  });

  test('requireDecisionMakerForAti off: ATI is recorded on a map without a decision maker; on: refused', async () => {
    const { project } = await projectFromOpportunity('Unmapped deal');
    const refused = await e.gql(ATI, ati(project, 'off-1'), { token: e.tokens.leader });
    expect((refused.body.errors?.[0] as Err | undefined)?.extensions?.code).toBe('SALES.NO_DECISION_MAKER_MAPPED');
    await setRequired(false);
    try {
      const recorded = await ok<{ recordDecision: { id: string; outcome: string } }>(
        ATI,
        ati(project, 'off-2'),
        e.tokens.leader,
      );
      expect(recorded.recordDecision.outcome).toBe('APPROVED');
      expect(await e.dataSource.manager.countBy(Decision, { projectId: Number(project) })).toBe(1);
    } finally {
      await setRequired(true);
    }
    // On again: the next project without a decision maker is refused once more.
    const next = await projectFromOpportunity('Unmapped deal 2');
    const again = await e.gql(ATI, ati(next.project, 'off-3'), { token: e.tokens.leader });
    expect((again.body.errors?.[0] as Err | undefined)?.extensions?.code).toBe('SALES.NO_DECISION_MAKER_MAPPED');
  });

  test('a decision maker deleted while ATI is recorded: never an ATI on a map without one (40 rounds)', async () => {
    if (e.kind !== 'mariadb') return; // SQLite runs one transaction at a time: no race to have.
    const seen = { atiFirst: 0, deleteFirst: 0 };
    for (let round = 0; round < 40; round++) {
      const { project, opportunity } = await projectFromOpportunity(`Race ${round}`);
      const maker = (
        await ok<{ createStakeholder: { id: string } }>(
          `mutation($c: ID!, $o: ID!) { createStakeholder(customerId: $c, opportunityId: $o, name: "The boss",
            decisionRole: DECISION_MAKER, influence: HIGH) { id } }`,
          { c: customer, o: opportunity },
          e.tokens.admin,
        )
      ).createStakeholder.id;
      const [removed, decided] = await Promise.all([
        e.gql(`mutation($id: ID!) { deleteStakeholder(id: $id) { id } }`, { id: maker }, { token: e.tokens.admin }),
        e.gql(ATI, ati(project, `race-${round}`), { token: e.tokens.leader }),
      ]);
      // The delete is never refused here; it is ordered after a decision that counted its decision maker.
      expect(removed.body.errors).toBeUndefined();
      const decisions = await e.dataSource.manager.findBy(Decision, { projectId: Number(project) });
      if (decided.body.errors) {
        // The decision saw the map without its decision maker: refused, nothing recorded.
        expect((decided.body.errors[0] as Err).extensions?.code).toBe('SALES.NO_DECISION_MAKER_MAPPED');
        expect(decisions).toHaveLength(0);
        seen.deleteFirst += 1;
      } else {
        // Recorded: then it committed while the decision maker was on the map, and the delete came after it.
        expect(decisions).toHaveLength(1);
        const audit = e.dataSource.manager.getRepository(AuditEntry);
        const decisionAudit = await audit.findOneByOrFail({
          entityType: 'Decision',
          entityId: decisions[0]!.id.toString(),
        });
        const deleteAudit = await audit.findOneByOrFail({
          entityType: 'Stakeholder',
          entityId: maker,
          action: 'delete',
        });
        expect(Number(deleteAudit.id)).toBeGreaterThan(Number(decisionAudit.id));
        seen.atiFirst += 1;
      }
    }
    expect(seen.atiFirst + seen.deleteFirst).toBe(40);
  });
});
