// The owner rule of the access kernel (platform/scope.ts) on the sales records (issue #17): a user account linked to
// a person sees and changes the leads, opportunities and power-map records that person owns, on every path (lists,
// one record, counts, nested fields, custom operations), and never other people's. A LEADER reaches their own
// records beyond their subtree; a VIEWER (reads everything, writes no sales record by its role) writes its own.
import { describeOnDatabases, TestEnv } from './support/databases';
import { Lead } from '../src/modules/lead/lead.entity';
import { StakeholderAttitude } from '../src/modules/power-map/power-map.entity';
import { AuditEntry } from '../src/platform/audit-entry.entity';
import { AuthorityChange } from '../src/platform/change-log';

type Err = { message: string; extensions?: Record<string, unknown> };

describeOnDatabases('sales: the owner rule (owners see and change their own records)', (env) => {
  let e: TestEnv;
  let wanda = ''; // a VIEWER account linked to Wanda West
  const ids: Record<string, string> = {};

  async function ok<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const res = await e.gql<T>(query, variables, { token });
    expect(res.body.errors).toBeUndefined();
    return res.body.data as T;
  }
  async function refused(query: string, variables: Record<string, unknown>, token: string): Promise<string> {
    const res = await e.gql(query, variables, { token });
    expect(res.body.errors?.length).toBe(1);
    return String((res.body.errors![0] as Err).extensions?.code);
  }
  const admin = () => e.tokens.admin;
  const leader = () => e.tokens.leader;

  const CREATE_LEAD = `mutation($title: String!, $c: ID!, $u: ID!, $o: ID, $f: ID) {
    createLead(title: $title, source: "visit", customerId: $c, orgUnitId: $u, ownerId: $o, foundById: $f,
      clearNeed: true, budget: "1000000", startTime: "2030-01-01T00:00:00Z", fittingSolution: true) { id version } }`;
  const UPDATE_LEAD = `mutation($id: ID!, $v: Int!, $need: String, $o: ID) {
    updateLead(id: $id, version: $v, need: $need, ownerId: $o) { id version need } }`;
  const CREATE_OPP = `mutation($c: ID!, $u: ID!, $o: ID!) {
    createOpportunity(name: "Deal", customerId: $c, orgUnitId: $u, ownerId: $o, expectedAmount: "500000",
      currency: "CNY", closeDate: "2030-06-01T00:00:00Z") { id version } }`;
  const CREATE_STAKEHOLDER = `mutation($c: ID!, $opp: ID, $o: ID, $n: String!) {
    createStakeholder(customerId: $c, opportunityId: $opp, name: $n, decisionRole: DECISION_MAKER,
      influence: HIGH, relationshipOwnerId: $o) { id version } }`;
  const ATTITUDE = `mutation($id: ID!, $a: Int!) { recordStakeholderAttitude(stakeholderId: $id, attitude: $a) {
    id attitude } }`;
  const CREATE_ACTION = `mutation($c: ID!, $s: ID, $o: ID) {
    createRelationshipPlanAction(customerId: $c, stakeholderId: $s, ownerId: $o, action: "Lunch",
      dueDate: "2030-02-01T00:00:00Z") { id version } }`;
  const UPDATE_ACTION = `mutation($id: ID!, $v: Int!) {
    updateRelationshipPlanAction(id: $id, version: $v, note: "booked") { id note } }`;

  beforeAll(async () => {
    e = env();
    const { people, units } = e.fixture;
    const customer = async (name: string, unit: number) =>
      (
        await ok<{ createCustomer: { id: string } }>(
          `mutation($n: String!, $u: ID!) { createCustomer(name: $n, tier: S, orgUnitId: $u) { id } }`,
          { n: name, u: String(unit) },
          admin(),
        )
      ).createCustomer.id;
    ids.east = await customer('Owner East', units.eastOffice);
    ids.west = await customer('Owner West', units.westOffice);
    await ok(
      `mutation($p: ID!) { createUser(email: "wanda@test.local", password: "a-long-password-1", role: VIEWER,
        personId: $p) { id } }`,
      { p: String(people.west1) },
      admin(),
    );
    wanda = (
      await ok<{ login: { token: string } }>(
        `mutation { login(email: "wanda@test.local", password: "a-long-password-1") { token } }`,
        {},
        '',
      )
    ).login.token;
    const lead = async (title: string, unit: number, owner: number, finder: number) =>
      (
        await ok<{ createLead: { id: string } }>(
          CREATE_LEAD,
          { title, c: ids.west, u: String(unit), o: String(owner), f: String(finder) },
          admin(),
        )
      ).createLead.id;
    ids.wandaLead = await lead('Wanda’s', units.westOffice, people.west1, people.west1);
    ids.eddieLead = await lead('Eddie’s', units.westOffice, people.east1, people.east1);
    ids.lenaLead = await lead('Lena’s, in the west', units.westOffice, people.leader, people.east1);
    ids.eastLead = await lead('In the east', units.eastOffice, people.east1, people.east1);
    const opp = async (owner: number) =>
      (
        await ok<{ createOpportunity: { id: string } }>(
          CREATE_OPP,
          { c: ids.west, u: String(units.westOffice), o: String(owner) },
          admin(),
        )
      ).createOpportunity.id;
    ids.wandaOpp = await opp(people.west1);
    ids.eddieOpp = await opp(people.east1);
    ids.lenaOpp = await opp(people.leader);
    const stakeholder = async (name: string, opp: string | null, owner: number) =>
      (
        await ok<{ createStakeholder: { id: string } }>(
          CREATE_STAKEHOLDER,
          { c: ids.west, opp, o: String(owner), n: name },
          admin(),
        )
      ).createStakeholder.id;
    ids.onWandaOpp = await stakeholder('On Wanda’s deal', ids.wandaOpp, people.east1);
    ids.wandaRelation = await stakeholder('Wanda’s contact', null, people.west1);
    ids.eddieRelation = await stakeholder('Eddie’s contact', null, people.east1);
    ids.onLenaOpp = await stakeholder('On Lena’s deal', ids.lenaOpp, people.east1);
    const action = async (s: string) =>
      (
        await ok<{ createRelationshipPlanAction: { id: string } }>(
          CREATE_ACTION,
          { c: ids.west, s, o: String(people.east1) },
          admin(),
        )
      ).createRelationshipPlanAction.id;
    ids.onWandaRelation = await action(ids.wandaRelation);
    ids.onEddieRelation = await action(ids.eddieRelation);
    await ok(
      `mutation($l: ID!) { createLeadNurtureAction(leadId: $l, action: "Call", dueDate: "2030-01-05T00:00:00Z") {
        id } }`,
      { l: ids.lenaLead },
      admin(),
    );
  });

  const versionOf = async (id: string | undefined) =>
    (await e.dataSource.manager.findOneByOrFail(Lead, { id: Number(id) })).version;

  test('a VIEWER linked to a person changes their own leads, opportunities and maps, and nothing else', async () => {
    const { people, units } = e.fixture;
    // Their own lead: changed; someone else's: FORBIDDEN, unchanged.
    const mine = await ok<{ updateLead: { need: string } }>(
      UPDATE_LEAD,
      { id: ids.wandaLead, v: await versionOf(ids.wandaLead), need: 'a new plant' },
      wanda,
    );
    expect(mine.updateLead.need).toBe('a new plant');
    const before = await versionOf(ids.eddieLead);
    expect(await refused(UPDATE_LEAD, { id: ids.eddieLead, v: before, need: 'x' }, wanda)).toBe('FORBIDDEN');
    expect(await versionOf(ids.eddieLead)).toBe(before);
    // A lead of their own: created; one for someone else: refused.
    await ok(CREATE_LEAD, { title: 'Mine too', c: ids.west, u: String(units.westOffice) }, wanda);
    expect(
      await refused(
        CREATE_LEAD,
        {
          title: 'Not mine',
          c: ids.west,
          u: String(units.westOffice),
          o: String(people.east1),
          f: String(people.east1),
        },
        wanda,
      ),
    ).toBe('FORBIDDEN');
    // Custom operations: dropping someone else's lead is refused.
    expect(
      await refused(`mutation($id: ID!) { dropLead(id: $id, reason: "no") { id } }`, { id: ids.eddieLead }, wanda),
    ).toBe('FORBIDDEN');
    // Opportunities.
    const opp = `mutation($id: ID!, $v: Int!) { updateOpportunity(id: $id, version: $v, probability: 40) { id } }`;
    await ok(opp, { id: ids.wandaOpp, v: 1 }, wanda);
    expect(await refused(opp, { id: ids.eddieOpp, v: 1 }, wanda)).toBe('FORBIDDEN');
    // Giving their opportunity away would leave it out of their reach: refused.
    expect(
      await refused(
        `mutation($id: ID!, $o: ID!) { updateOpportunity(id: $id, version: 2, ownerId: $o) { id } }`,
        { id: ids.wandaOpp, o: String(people.east1) },
        wanda,
      ),
    ).toBe('FORBIDDEN');
    // The map: a relationship they own, a stakeholder on their opportunity's map; not someone else's.
    const attitudes = await e.dataSource.manager.count(StakeholderAttitude);
    await ok(ATTITUDE, { id: ids.wandaRelation, a: 2 }, wanda);
    await ok(ATTITUDE, { id: ids.onWandaOpp, a: -1 }, wanda);
    expect(await refused(ATTITUDE, { id: ids.eddieRelation, a: 3 }, wanda)).toBe('FORBIDDEN');
    expect(await e.dataSource.manager.count(StakeholderAttitude)).toBe(attitudes + 2);
    // Plan actions aimed at a relationship they own; not at someone else's.
    await ok(UPDATE_ACTION, { id: ids.onWandaRelation, v: 1 }, wanda);
    expect(await refused(UPDATE_ACTION, { id: ids.onEddieRelation, v: 1 }, wanda)).toBe('FORBIDDEN');
    // The rule adds no other record: a project or a customer stays out of a VIEWER's writes.
    expect(
      await refused(
        `mutation($u: ID!) { createCustomer(name: "No", tier: C, orgUnitId: $u) { id } }`,
        { u: String(units.westOffice) },
        wanda,
      ),
    ).toBe('FORBIDDEN');
    // A VIEWER without a person owns nothing: the role's answer stands.
    expect(
      await refused(UPDATE_LEAD, { id: ids.wandaLead, v: await versionOf(ids.wandaLead), need: 'x' }, e.tokens.viewer),
    ).toBe('FORBIDDEN');
  });

  test('a LEADER sees and changes their own records beyond their subtree, on every read path, not others', async () => {
    const token = leader();
    // Lists and counts: the east lead (subtree) and their own west lead; not the other west leads.
    const listed = await ok<{ allLeads: Array<{ id: string; nurtureActions: Array<{ action: string }> }> }>(
      `{ allLeads(sortField: "id", sortOrder: "ASC", perPage: 100) { id nurtureActions { action } } }`,
      {},
      token,
    );
    const seen = listed.allLeads.map((l) => l.id);
    expect(seen).toEqual(expect.arrayContaining([ids.eastLead, ids.lenaLead]));
    expect(seen).not.toContain(ids.eddieLead);
    expect(seen).not.toContain(ids.wandaLead);
    // Nested: the nurture actions of their lead come with it (through the lead they own).
    expect(listed.allLeads.find((l) => l.id === ids.lenaLead)!.nurtureActions).toEqual([{ action: 'Call' }]);
    const count = await ok<{ _allLeadsMeta: { count: number } }>(`{ _allLeadsMeta { count } }`, {}, token);
    expect(count._allLeadsMeta.count).toBe(seen.length);
    // One record: their own is found, someone else's is absent.
    const one = `query($id: ID!) { Lead(id: $id) { id customer { name } owner { name } } }`;
    const own = await ok<{ Lead: { id: string; customer: { name: string } | null } | null }>(
      one,
      { id: ids.lenaLead },
      token,
    );
    expect(own.Lead?.id).toBe(ids.lenaLead);
    // Nested fields obey the rules: the west customer is not theirs and outside their subtree.
    expect(own.Lead?.customer).toBeNull();
    expect((await ok<{ Lead: unknown }>(one, { id: ids.eddieLead }, token)).Lead).toBeNull();
    // Their opportunity's map: nested on the opportunity and in the stakeholder list; not the customer's other map.
    const opps = await ok<{ allOpportunities: Array<{ id: string; stakeholders: Array<{ id: string }> }> }>(
      `{ allOpportunities(perPage: 100) { id stakeholders { id } } }`,
      {},
      token,
    );
    expect(opps.allOpportunities.map((o) => o.id)).toEqual([ids.lenaOpp]);
    expect(opps.allOpportunities[0]!.stakeholders.map((s) => s.id)).toEqual([ids.onLenaOpp]);
    const stakeholders = await ok<{ allStakeholders: Array<{ id: string; opportunity: { id: string } | null }> }>(
      `{ allStakeholders(perPage: 100) { id opportunity { id } } }`,
      {},
      token,
    );
    expect(stakeholders.allStakeholders).toEqual([{ id: ids.onLenaOpp, opportunity: { id: ids.lenaOpp } }]);
    // Writes: their own lead changes; someone else's beyond the subtree is not found.
    await ok(UPDATE_LEAD, { id: ids.lenaLead, v: await versionOf(ids.lenaLead), need: 'theirs' }, token);
    expect(await refused(UPDATE_LEAD, { id: ids.eddieLead, v: await versionOf(ids.eddieLead), need: 'x' }, token)).toBe(
      'NOT_FOUND',
    );
    expect(await refused(ATTITUDE, { id: ids.eddieRelation, a: 1 }, token)).toBe('NOT_FOUND');
    await ok(ATTITUDE, { id: ids.onLenaOpp, a: 1 }, token);
    // Custom operations: they verify their own lead (found by Eddie) and turn it into an opportunity of theirs.
    await ok(`mutation($id: ID!) { verifyLead(id: $id) { id } }`, { id: ids.lenaLead }, token);
    const converted = await ok<{ convertLeadToOpportunity: { id: string; ownerId: string } }>(
      `mutation($id: ID!) { convertLeadToOpportunity(leadId: $id) { id ownerId } }`,
      { id: ids.lenaLead },
      token,
    );
    expect(converted.convertLeadToOpportunity.ownerId).toBe(String(e.fixture.people.leader));
    expect(await refused(`mutation($id: ID!) { verifyLead(id: $id) { id } }`, { id: ids.eddieLead }, token)).toBe(
      'NOT_FOUND',
    );
    // But a project of theirs beyond the subtree: the owner rule does not cover projects.
    expect(
      await refused(
        `mutation($id: ID!) { createProjectFromOpportunity(opportunityId: $id) { id } }`,
        { id: ids.lenaOpp },
        token,
      ),
    ).toBe('FORBIDDEN');
  });

  // The testers' list (issue #17, owner rule): races, the subtree's edge, giving a lead away, and reading a map.

  const newLead = async (title: string, unit: number, owner: number, finder: number) =>
    (
      await ok<{ createLead: { id: string } }>(
        CREATE_LEAD,
        { title, c: ids.east, u: String(unit), o: String(owner), f: String(finder) },
        admin(),
      )
    ).createLead.id;
  /** The audit entries and change-log entries of a lead (a write adds one of each, or none). */
  const trail = async (id: string): Promise<[number, number]> => [
    await e.dataSource.manager.count(AuditEntry, { where: { entityType: 'Lead', entityId: id } }),
    await e.dataSource.manager.count(AuthorityChange, { where: { recordType: 'Lead', recordId: Number(id) } }),
  ];
  const leadRow = (id: string) => e.dataSource.manager.findOneByOrFail(Lead, { id: Number(id) });
  const MOVE_LEAD = `mutation($id: ID!, $v: Int!, $u: ID!, $need: String) {
    updateLead(id: $id, version: $v, orgUnitId: $u, need: $need) { id version need } }`;

  test('a LEADER and an ADMIN edit one lead at once: one wins, the other is refused, none half-written', async () => {
    const { people, units } = e.fixture;
    const rounds = e.kind === 'mariadb' ? 40 : 10;
    // In the LEADER's subtree, someone else's: the LEADER writes it by the org rule.
    const id = await newLead('Raced', units.eastOffice, people.east1, people.east1);
    const wins = { leader: 0, admin: 0 };
    for (let round = 0; round < rounds; round += 1) {
      const before = await leadRow(id);
      const [audits, changes] = await trail(id);
      // Every other round the administrator also moves it out of the LEADER's subtree (to the west).
      const moving = round % 2 === 1;
      const target = moving ? units.westOffice : units.eastOffice;
      const [byLeader, byAdmin] = await Promise.all([
        e.gql(UPDATE_LEAD, { id, v: before.version, need: `leader ${round}` }, { token: leader() }),
        e.gql(MOVE_LEAD, { id, v: before.version, u: String(target), need: `admin ${round}` }, { token: admin() }),
      ]);
      const leaderWon = byLeader.body.errors === undefined;
      const adminWon = byAdmin.body.errors === undefined;
      expect([leaderWon, adminWon].filter(Boolean)).toHaveLength(1);
      const loser = (leaderWon ? byAdmin : byLeader).body.errors!;
      expect(loser).toHaveLength(1);
      // The loser's stable code: a stale version (CONFLICT); a LEADER after the move no longer sees it (NOT_FOUND).
      expect(loser[0]!.extensions?.code).toBe(!leaderWon && moving ? 'NOT_FOUND' : 'CONFLICT');
      wins[leaderWon ? 'leader' : 'admin'] += 1;
      // Exactly the winner's change, once: one version, one audit entry, one change-log entry.
      const after = await leadRow(id);
      expect(after.version).toBe(before.version + 1);
      expect(after.need).toBe(leaderWon ? `leader ${round}` : `admin ${round}`);
      expect(after.orgUnitId).toBe(leaderWon ? units.eastOffice : target);
      expect(await trail(id)).toEqual([audits + 1, changes + 1]);
      if (after.orgUnitId !== units.eastOffice)
        await ok(MOVE_LEAD, { id, v: after.version, u: String(units.eastOffice) }, admin());
    }
    console.log(`${e.kind}: ${rounds} rounds, the LEADER won ${wins.leader}, the ADMIN ${wins.admin}`);
    expect(wins.leader + wins.admin).toBe(rounds);
  });

  test('a LEADER writing a lead just outside their subtree (the unit above) is refused, nothing written', async () => {
    const { people, units } = e.fixture;
    const count = () => e.dataSource.manager.count(Lead);
    const leads = await count();
    // Creating one at the unit above their subtree, for someone else: FORBIDDEN.
    expect(
      await refused(
        CREATE_LEAD,
        { title: 'Above', c: ids.east, u: String(units.hq), o: String(people.east1), f: String(people.east1) },
        leader(),
      ),
    ).toBe('FORBIDDEN');
    // Moving one of their subtree's leads up there, or beside it: FORBIDDEN, unchanged.
    const id = await newLead('Edge', units.east, people.east1, people.east1);
    const before = await leadRow(id);
    const [audits, changes] = await trail(id);
    for (const unit of [units.hq, units.west])
      expect(await refused(MOVE_LEAD, { id, v: before.version, u: String(unit), need: 'moved' }, leader())).toBe(
        'FORBIDDEN',
      );
    expect(await leadRow(id)).toEqual(before);
    expect(await trail(id)).toEqual([audits, changes]);
    expect(await count()).toBe(leads + 1);
  });

  test('an owner giving their lead away is refused (they would lose it), nothing written', async () => {
    const { people, units } = e.fixture;
    const GIVE = `mutation($id: ID!, $v: Int!, $o: ID!) { updateLead(id: $id, version: $v, ownerId: $o) { id } }`;
    // A VIEWER (writes by the owner rule alone) owning a lead Eddie found; a LEADER owning one beyond their subtree.
    for (const [token, owner, unit] of [
      [wanda, people.west1, units.westOffice],
      [leader(), people.leader, units.westOffice],
    ] as const) {
      const id = await newLead('Given away', unit, owner, people.east1);
      const before = await leadRow(id);
      const [audits, changes] = await trail(id);
      expect(await refused(GIVE, { id, v: before.version, o: String(people.east1) }, token)).toBe('FORBIDDEN');
      expect(await leadRow(id)).toEqual(before);
      expect(await trail(id)).toEqual([audits, changes]);
    }
  });

  test('an owner reads the stakeholders of their opportunity through nested fields, nothing beside them', async () => {
    type Holder = { id: string; name: string; attitude: number | null; opportunity: { id: string } | null };
    const NESTED = `query($id: ID!) { Opportunity(id: $id) { id owner { id }
      stakeholders { id name attitude attitudeHistory { attitude } opportunity { id stakeholders { id } } } } }`;
    const seen = await ok<{ Opportunity: { owner: { id: string }; stakeholders: Holder[] } | null }>(
      NESTED,
      { id: ids.wandaOpp },
      leader(),
    );
    // Wanda's opportunity is neither the LEADER's nor in their subtree: absent, nested records and all.
    expect(seen.Opportunity).toBeNull();
    const own = await ok<{
      Opportunity: { stakeholders: Array<Holder & { opportunity: { stakeholders: Array<{ id: string }> } }> } | null;
    }>(NESTED, { id: ids.lenaOpp }, leader());
    expect(own.Opportunity?.stakeholders.map((s) => [s.id, s.name, s.opportunity?.id])).toEqual([
      [ids.onLenaOpp, 'On Lena’s deal', ids.lenaOpp],
    ]);
    // The attitude the LEADER recorded earlier comes with it, and the map again from the stakeholder's side.
    expect(own.Opportunity!.stakeholders[0]!.attitude).toBe(1);
    expect(own.Opportunity!.stakeholders[0]!.opportunity.stakeholders).toEqual([{ id: ids.onLenaOpp }]);
    // One stakeholder by id: theirs is there with its opportunity; the customer's own map beside it is not.
    const one = `query($id: ID!) { Stakeholder(id: $id) { id opportunity { id owner { id } } } }`;
    const mine = await ok<{ Stakeholder: { opportunity: { owner: { id: string } } } | null }>(
      one,
      { id: ids.onLenaOpp },
      leader(),
    );
    expect(mine.Stakeholder?.opportunity.owner).toEqual({ id: String(e.fixture.people.leader) });
    expect((await ok<{ Stakeholder: unknown }>(one, { id: ids.eddieRelation }, leader())).Stakeholder).toBeNull();
  });
});
