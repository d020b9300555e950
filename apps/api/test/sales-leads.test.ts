// The front of LTC over GraphQL (issue #17): a lead's class and grade computed by the domain, verified by someone
// other than its finder, refused as an opportunity until the missing facts are recorded, converted, moved through the
// funnel (an illegal move refused) and made into a project linked both ways; a LEADER's scope; refused mutations
// write nothing; the funnel's figures for a small known set.
import { describeOnDatabases, TestEnv } from './support/databases';
import { AuditEntry } from '../src/platform/audit-entry.entity';
import { Lead } from '../src/modules/lead/lead.entity';
import { Opportunity } from '../src/modules/opportunity/opportunity.entity';
import { Project } from '../src/modules/project/project.entity';

const DAY = 86_400_000;

const LEAD_FIELDS = `id version title status leadClass classReasons classMissing grade gradeReasons expectedAmount
  budget currency ownerId foundById verifiedById verifiedAt missingForOpportunity opportunityId
  owner { name } foundBy { name } verifiedBy { name } customer { name } nurtureActions { action }`;
const OPP_FIELDS = `id version name stage stageHistory expectedAmount currency closeDate grade probability
  effectiveProbability leadId projectId lead { id status } customer { name }`;

interface LeadRow {
  id: string;
  version: number;
  title: string;
  status: string;
  leadClass: string;
  classReasons: string[];
  classMissing: string[];
  grade: string;
  gradeReasons: string[];
  expectedAmount: string | null;
  budget: string | null;
  ownerId: string;
  foundById: string;
  verifiedById: string | null;
  verifiedAt: string | null;
  missingForOpportunity: string[];
  opportunityId: string | null;
  verifiedBy: { name: string } | null;
  nurtureActions: Array<{ action: string }>;
}
interface OppRow {
  id: string;
  version: number;
  name: string;
  stage: string;
  stageHistory: Array<{ stage: string; at: string; by: number | null }>;
  expectedAmount: string;
  currency: string;
  closeDate: string;
  grade: string;
  probability: number | null;
  effectiveProbability: number;
  leadId: string | null;
  projectId: string | null;
  lead: { id: string; status: string } | null;
  customer: { name: string } | null;
}
type Err = { message: string; extensions?: Record<string, unknown> };

describeOnDatabases('sales: leads, opportunities, the funnel and the project at ATI', (env) => {
  let e: TestEnv;
  let AT: Date;
  const at = (days: number) => new Date(AT.getTime() + days * DAY).toISOString();
  let eastCustomer = '';
  let westCustomer = '';

  async function ok<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const res = await e.gql<T>(query, variables, { token });
    expect(res.body.errors).toBeUndefined();
    return res.body.data as T;
  }
  async function refused(query: string, variables: Record<string, unknown>, token: string): Promise<Err> {
    const res = await e.gql(query, variables, { token });
    expect(res.body.errors?.length).toBe(1);
    return res.body.errors![0] as Err;
  }
  const codeOf = (err: Err) => err.extensions?.code;

  const CREATE_LEAD = `mutation($title: String!, $customerId: ID!, $orgUnitId: ID!, $ownerId: ID, $foundById: ID,
      $clearNeed: Boolean, $expectedAmount: Money, $strategic: Boolean) {
    createLead(title: $title, source: "exhibition", customerId: $customerId, orgUnitId: $orgUnitId, ownerId: $ownerId,
      foundById: $foundById, clearNeed: $clearNeed, expectedAmount: $expectedAmount,
      strategicIndustryBreakthrough: $strategic) { ${LEAD_FIELDS} } }`;
  const VERIFY = `mutation($id: ID!) { verifyLead(id: $id) { ${LEAD_FIELDS} } }`;
  const CONVERT = `mutation($id: ID!) { convertLeadToOpportunity(leadId: $id) { ${OPP_FIELDS} } }`;
  const MOVE = `mutation($id: ID!, $version: Int!, $stage: OpportunityStage) {
    updateOpportunity(id: $id, version: $version, stage: $stage) { ${OPP_FIELDS} } }`;
  const TO_PROJECT = `mutation($id: ID!) { createProjectFromOpportunity(opportunityId: $id) {
    id name stage amount currency grade gradeReasons gradeCriteria customerId orgUnitId opportunityId
    decisionPointsInSequence opportunity { id projectId } } }`;
  const GET_LEAD = `query($id: ID!) { Lead(id: $id) { ${LEAD_FIELDS} } }`;

  const counts = async () => ({
    leads: await e.dataSource.manager.count(Lead),
    opportunities: await e.dataSource.manager.count(Opportunity),
    projects: await e.dataSource.manager.count(Project),
    audit: await e.dataSource.manager.count(AuditEntry),
  });

  beforeAll(async () => {
    e = env();
    AT = new Date();
    const customer = async (name: string, tier: string, orgUnitId: number) =>
      (
        await ok<{ createCustomer: { id: string } }>(
          `mutation($n: String!, $t: CustomerTier!, $u: ID!) {
            createCustomer(name: $n, tier: $t, orgUnitId: $u) { id } }`,
          { n: name, t: tier, u: String(orgUnitId) },
          e.tokens.admin,
        )
      ).createCustomer.id;
    eastCustomer = await customer('East Metro', 'A', e.fixture.units.eastOffice);
    westCustomer = await customer('West Mills', 'C', e.fixture.units.westOffice);
  });

  test('lifecycle: lead → verified → refused until ready → opportunity → stages → project, linked', async () => {
    const { people, units } = e.fixture;
    // Created by the leader for Eddie (the AR, who found it): a clear need only → credible; 20M CNY → major.
    const created = (
      await ok<{ createLead: LeadRow }>(
        CREATE_LEAD,
        {
          title: 'Metro ticketing cloud',
          customerId: eastCustomer,
          orgUnitId: String(units.eastOffice),
          ownerId: String(people.east1),
          foundById: String(people.east1),
          clearNeed: true,
          expectedAmount: '20000000.00',
          strategic: true,
        },
        e.tokens.leader,
      )
    ).createLead;
    expect(created).toMatchObject({
      status: 'OPEN',
      leadClass: 'CREDIBLE',
      classReasons: ['CLEAR_NEED'],
      classMissing: ['DECISION_MAKER', 'INVESTMENT_PLAN', 'EXPECTED_DATE'],
      grade: 'COMPANY_MAJOR',
      gradeReasons: ['STRATEGIC_INDUSTRY'],
      expectedAmount: '20000000.00',
      verifiedById: null,
      missingForOpportunity: ['DEFINITE_BUDGET', 'DEFINITE_START_TIME', 'FITTING_SOLUTION', 'VERIFIED'],
    });
    const id = created.id;

    // Without the strategic judgement the size decides: 20M CNY ≥ 10M → major (A-tier alone would be important).
    const plain = (
      await ok<{ createLead: LeadRow }>(
        CREATE_LEAD,
        {
          title: 'Metro Wi-Fi',
          customerId: eastCustomer,
          orgUnitId: String(units.eastOffice),
          ownerId: String(people.east1),
          expectedAmount: '20000000.00',
        },
        e.tokens.leader,
      )
    ).createLead;
    // Found by the leader (the default: the signed-in person); no clear need → initial.
    expect(plain).toMatchObject({
      leadClass: 'INITIAL',
      classMissing: ['CLEAR_NEED'],
      grade: 'MAJOR',
      gradeReasons: ['SIZE_MAJOR'],
      foundById: String(people.leader),
    });
    // The finder may not verify their own lead.
    const before = await counts();
    const byFinder = await refused(VERIFY, { id: plain.id }, e.tokens.leader);
    expect(codeOf(byFinder)).toBe('SALES.LEAD_VERIFIED_BY_FINDER');
    expect(await counts()).toEqual(before);
    expect((await ok<{ Lead: LeadRow }>(GET_LEAD, { id: plain.id }, e.tokens.admin)).Lead.verifiedById).toBeNull();

    // The leader (not the finder) verifies Eddie's lead: recorded with who and when; a second time is refused.
    const verified = (await ok<{ verifyLead: LeadRow }>(VERIFY, { id }, e.tokens.leader)).verifyLead;
    expect(verified).toMatchObject({ verifiedById: String(people.leader), verifiedBy: { name: 'Lena Leader' } });
    expect(verified.verifiedAt).not.toBeNull();
    expect(verified.version).toBe(created.version + 1);
    expect(verified.missingForOpportunity).toEqual(['DEFINITE_BUDGET', 'DEFINITE_START_TIME', 'FITTING_SOLUTION']);
    expect(codeOf(await refused(VERIFY, { id }, e.tokens.leader))).toBe('SALES.LEAD_ALREADY_VERIFIED');
    const audit = await e.dataSource.manager.findOneByOrFail(AuditEntry, { entityType: 'Lead', action: 'verify' });
    expect(String(audit.entityId)).toBe(id);

    // Converting now is refused with the missing facts named, and writes nothing.
    const beforeConvert = await counts();
    const notReady = await refused(CONVERT, { id }, e.tokens.leader);
    expect(codeOf(notReady)).toBe('SALES.LEAD_NOT_READY');
    expect(notReady.message).toContain('a definite budget');
    expect(notReady.message).toContain('a fitting solution');
    const reasons = notReady.extensions?.reasons as Array<{ data: { missing: string[] } }>;
    expect(reasons[0]!.data.missing).toEqual(['DEFINITE_BUDGET', 'DEFINITE_START_TIME', 'FITTING_SOLUTION']);
    expect(await counts()).toEqual(beforeConvert);
    const unchanged = (await ok<{ Lead: LeadRow }>(GET_LEAD, { id }, e.tokens.leader)).Lead;
    expect({ status: unchanged.status, version: unchanged.version }).toEqual({
      status: 'OPEN',
      version: verified.version,
    });

    // The facts are recorded: every class fact → an opportunity lead; nothing missing for conversion.
    const ready = (
      await ok<{ updateLead: LeadRow }>(
        `mutation($id: ID!, $v: Int!, $start: DateTime, $date: DateTime) {
          updateLead(id: $id, version: $v, budget: "18500000.00", startTime: $start, fittingSolution: true,
            decisionMakerKnown: true, investmentPlan: true, expectedDate: $date) { ${LEAD_FIELDS} } }`,
        { id, v: verified.version, start: at(40), date: at(90) },
        e.tokens.leader,
      )
    ).updateLead;
    expect(ready).toMatchObject({
      leadClass: 'OPPORTUNITY_LEAD',
      classMissing: [],
      missingForOpportunity: [],
      budget: '18500000.00',
    });
    await ok(
      `mutation($lead: ID!, $due: DateTime!) {
        createLeadNurtureAction(leadId: $lead, action: "Site visit", dueDate: $due) { id ownerId } }`,
      { lead: id, due: at(7) },
      e.tokens.leader,
    );

    // Converted: the budget as the expected amount, the lead's grade, customer and owner; the lead CONVERTED.
    const opp = (await ok<{ convertLeadToOpportunity: OppRow }>(CONVERT, { id }, e.tokens.leader))
      .convertLeadToOpportunity;
    expect(opp).toMatchObject({
      name: 'Metro ticketing cloud',
      stage: 'POTENTIAL',
      expectedAmount: '18500000.00',
      currency: 'CNY',
      grade: 'COMPANY_MAJOR',
      probability: null,
      effectiveProbability: 10,
      leadId: id,
      projectId: null,
      lead: { id, status: 'CONVERTED' },
      customer: { name: 'East Metro' },
    });
    expect(Date.parse(opp.closeDate)).toBe(Date.parse(at(90)));
    expect(opp.stageHistory.map((m) => m.stage)).toEqual(['POTENTIAL']);
    const converted = (await ok<{ Lead: LeadRow }>(GET_LEAD, { id }, e.tokens.leader)).Lead;
    expect(converted).toMatchObject({
      status: 'CONVERTED',
      opportunityId: opp.id,
      nurtureActions: [{ action: 'Site visit' }],
    });
    expect(codeOf(await refused(CONVERT, { id }, e.tokens.leader))).toBe('SALES.LEAD_NOT_OPEN');
    expect(
      codeOf(await refused(`mutation($id: ID!) { dropLead(id: $id, reason: "gone") { id } }`, { id }, e.tokens.leader)),
    ).toBe('SALES.LEAD_NOT_OPEN');

    // Stages: skipping one is refused (nothing written); one forward is taken and kept in the history.
    const beforeSkip = await counts();
    const skip = await refused(MOVE, { id: opp.id, version: opp.version, stage: 'NEGOTIATION' }, e.tokens.leader);
    expect(codeOf(skip)).toBe('SALES.STAGE_TRANSITION_REFUSED');
    expect(skip.message).toContain('INTENT');
    expect(await counts()).toEqual(beforeSkip);
    const intent = (
      await ok<{ updateOpportunity: OppRow }>(
        MOVE,
        { id: opp.id, version: opp.version, stage: 'INTENT' },
        e.tokens.leader,
      )
    ).updateOpportunity;
    expect(intent.stageHistory.map((m) => m.stage)).toEqual(['POTENTIAL', 'INTENT']);
    expect(intent.effectiveProbability).toBe(30);

    // The project at ATI: customer, org unit, amount, currency and the lead's strategic criteria carried; linked.
    const project = (
      await ok<{ createProjectFromOpportunity: Record<string, unknown> }>(TO_PROJECT, { id: opp.id }, e.tokens.leader)
    ).createProjectFromOpportunity;
    expect(project).toMatchObject({
      name: 'Metro ticketing cloud',
      stage: 'OPPORTUNITY',
      amount: '18500000.00',
      currency: 'CNY',
      grade: 'I',
      gradeReasons: ['STRATEGIC_INDUSTRY'],
      customerId: eastCustomer,
      orgUnitId: String(units.eastOffice),
      opportunityId: opp.id,
      decisionPointsInSequence: ['ATI'],
      opportunity: { id: opp.id, projectId: project.id },
    });
    expect((project.gradeCriteria as Record<string, boolean>).strategicIndustryBreakthrough).toBe(true);
    const again = await counts();
    expect(codeOf(await refused(TO_PROJECT, { id: opp.id }, e.tokens.leader))).toBe(
      'SALES.OPPORTUNITY_ALREADY_HAS_PROJECT',
    );
    expect(await counts()).toEqual(again);
    // ATI needs the customer's decision maker on the power map: refused, audited, nothing recorded; mapped (on the
    // opportunity's map), ATI is judged on authority as usual; the company setting turns the check off.
    const ATI = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id outcome } }`;
    const ati = (key: string) => ({
      input: {
        projectId: project.id,
        decisionPoint: 'ATI',
        outcome: 'APPROVED',
        deciderId: String(people.leader),
        idempotencyKey: key,
      },
    });
    const beforeAti = await counts();
    const noMaker = await refused(ATI, ati('ati-1'), e.tokens.leader);
    expect(codeOf(noMaker)).toBe('SALES.NO_DECISION_MAKER_MAPPED');
    expect(noMaker.message).toContain('decision maker');
    expect(await counts()).toEqual({ ...beforeAti, audit: beforeAti.audit + 1 });
    const influencer = `mutation($c: ID!, $o: ID, $r: DecisionRole!) {
      createStakeholder(customerId: $c, opportunityId: $o, name: "Mr Gao", decisionRole: $r, influence: HIGH) { id } }`;
    await ok(influencer, { c: eastCustomer, o: opp.id, r: 'INFLUENCER' }, e.tokens.leader);
    expect(codeOf(await refused(ATI, ati('ati-2'), e.tokens.leader))).toBe('SALES.NO_DECISION_MAKER_MAPPED');
    await ok(influencer, { c: eastCustomer, o: opp.id, r: 'DECISION_MAKER' }, e.tokens.leader);
    const mapped = await e.gql(ATI, ati('ati-3'), { token: e.tokens.leader });
    expect(mapped.body.errors?.[0]?.extensions?.code).not.toBe('SALES.NO_DECISION_MAKER_MAPPED');

    // The changes are in the change log.
    const history = await ok<{ Opportunity: { history: Array<{ operation: string }> } }>(
      `query($id: ID!) { Opportunity(id: $id) { history { operation } } }`,
      { id: opp.id },
      e.tokens.admin,
    );
    expect(history.Opportunity.history.map((h) => h.operation)).toEqual(['CREATE', 'UPDATE', 'UPDATE']);
  });

  test('scope: a LEADER outside the subtree neither sees nor changes a lead or an opportunity', async () => {
    const { people, units } = e.fixture;
    const west = (
      await ok<{ createLead: LeadRow }>(
        CREATE_LEAD,
        {
          title: 'Mill automation',
          customerId: westCustomer,
          orgUnitId: String(units.westOffice),
          ownerId: String(people.west1),
          foundById: String(people.west1),
          clearNeed: true,
        },
        e.tokens.admin,
      )
    ).createLead;
    const leader = e.tokens.leader;
    const seen = await ok<{ allLeads: Array<{ id: string }>; Lead: unknown }>(
      `query($id: ID!) { allLeads(perPage: 100) { id } Lead(id: $id) { id } }`,
      { id: west.id },
      leader,
    );
    expect(seen.allLeads.map((l) => l.id)).not.toContain(west.id);
    expect(seen.Lead).toBeNull();
    const before = await counts();
    const update = await refused(
      `mutation($id: ID!, $v: Int!) { updateLead(id: $id, version: $v, title: "Mine now") { id } }`,
      { id: west.id, v: west.version },
      leader,
    );
    expect(codeOf(update)).toBe('NOT_FOUND');
    expect(codeOf(await refused(VERIFY, { id: west.id }, leader))).toBe('NOT_FOUND');
    expect(codeOf(await refused(CONVERT, { id: west.id }, leader))).toBe('NOT_FOUND');
    const create = await refused(
      CREATE_LEAD,
      { title: 'Sneaky', customerId: westCustomer, orgUnitId: String(units.westOffice), ownerId: String(people.west1) },
      leader,
    );
    expect(['FORBIDDEN', 'BAD_USER_INPUT']).toContain(codeOf(create));
    expect(await counts()).toEqual(before);
    expect((await ok<{ Lead: LeadRow }>(GET_LEAD, { id: west.id }, e.tokens.admin)).Lead.title).toBe('Mill automation');
  });

  test('funnel: counts, amounts, weights, conversion, forecasts and overdue for a known set', async () => {
    const { units } = e.fixture;
    const admin = e.tokens.admin;
    const make = async (name: string, amount: string, closeInDays: number, probability: number | null = null) =>
      (
        await ok<{ createOpportunity: OppRow }>(
          `mutation($n: String!, $c: ID!, $u: ID!, $a: Money!, $d: DateTime!, $p: Int) {
            createOpportunity(name: $n, customerId: $c, orgUnitId: $u, ownerId: "${e.fixture.people.west1}",
              expectedAmount: $a, closeDate: $d, probability: $p) { ${OPP_FIELDS} } }`,
          { n: name, c: westCustomer, u: String(units.westOffice), a: amount, d: at(closeInDays), p: probability },
          admin,
        )
      ).createOpportunity;
    const move = async (o: OppRow, ...stages: string[]) => {
      let current = o;
      for (const stage of stages)
        current = (
          await ok<{ updateOpportunity: OppRow }>(MOVE, { id: current.id, version: current.version, stage }, admin)
        ).updateOpportunity;
      return current;
    };
    const a = await make('A', '1000000.00', 30); // C-tier customer: 1M CNY → important by size
    expect(a.grade).toBe('IMPORTANT');
    await move(await make('B', '100000.00', 60), 'INTENT', 'NEGOTIATION');
    await move(await make('C', '200000.00', 10), 'INTENT', 'LOST');
    await make('D', '500000.00', -5, 50); // overdue, its own probability

    const FUNNEL = `query($u: ID, $at: DateTime) { salesFunnel(orgUnitId: $u, at: $at) {
      currency total { count amount } byStage { stage count amount weighted } byGrade { grade count amount }
      byStageAndGrade { stage grade count } conversion { from to reached advanced percent }
      forecasts { shortTerm { orders revenue collection } annual { orders } longTerm { orders } }
      overdue { count amount } } }`;
    type F = {
      salesFunnel: {
        currency: string;
        total: { count: number; amount: string };
        byStage: Array<{ stage: string; count: number; amount: string; weighted: string }>;
        byGrade: Array<{ grade: string; count: number; amount: string }>;
        byStageAndGrade: Array<{ stage: string; grade: string; count: number }>;
        conversion: Array<{ from: string; to: string; reached: number; advanced: number; percent: string | null }>;
        forecasts: {
          shortTerm: { orders: string; revenue: string; collection: string };
          annual: { orders: string };
          longTerm: { orders: string };
        };
        overdue: { count: number; amount: string };
      };
    };
    const f = (await ok<F>(FUNNEL, { u: String(units.west), at: AT.toISOString() }, admin)).salesFunnel;
    expect(f.total).toEqual({ count: 4, amount: '1800000.00' });
    expect(f.byStage).toEqual([
      { stage: 'POTENTIAL', count: 2, amount: '1500000.00', weighted: '350000.00' },
      { stage: 'INTENT', count: 0, amount: '0.00', weighted: '0.00' },
      { stage: 'NEGOTIATION', count: 1, amount: '100000.00', weighted: '70000.00' },
      { stage: 'DEAL', count: 0, amount: '0.00', weighted: '0.00' },
      { stage: 'LOST', count: 1, amount: '200000.00', weighted: '0.00' },
    ]);
    expect(f.byGrade).toEqual([
      { grade: 'COMPANY_MAJOR', count: 0, amount: '0.00' },
      { grade: 'MAJOR', count: 0, amount: '0.00' },
      { grade: 'IMPORTANT', count: 1, amount: '1000000.00' },
      { grade: 'GENERAL', count: 3, amount: '800000.00' },
    ]);
    expect(f.byStageAndGrade.find((c) => c.stage === 'POTENTIAL' && c.grade === 'GENERAL')!.count).toBe(1);
    expect(f.conversion).toEqual([
      { from: 'POTENTIAL', to: 'INTENT', reached: 4, advanced: 2, percent: '50' },
      { from: 'INTENT', to: 'NEGOTIATION', reached: 2, advanced: 1, percent: '50' },
      { from: 'NEGOTIATION', to: 'DEAL', reached: 1, advanced: 0, percent: '0' },
    ]);
    // A 10 % of 1M + B 70 % of 100k (C is lost, D's close date has passed).
    expect(f.forecasts.shortTerm).toEqual({ orders: '170000.00', revenue: '170000.00', collection: '170000.00' });
    expect(f.forecasts.annual.orders).toBe('170000.00');
    expect(f.forecasts.longTerm.orders).toBe('0.00');
    expect(f.overdue).toEqual({ count: 1, amount: '500000.00' });

    // The leader's subtree is East: the West funnel is empty to them, and their own holds only East's opportunity.
    const leaderWest = (await ok<F>(FUNNEL, { u: String(units.west), at: AT.toISOString() }, e.tokens.leader))
      .salesFunnel;
    expect(leaderWest.total.count).toBe(0);
    const leaderAll = (await ok<F>(FUNNEL, { at: AT.toISOString() }, e.tokens.leader)).salesFunnel;
    const adminAll = (await ok<F>(FUNNEL, { at: AT.toISOString() }, admin)).salesFunnel;
    expect(adminAll.total.count).toBe(leaderAll.total.count + 4);
  });

  test('company settings: stage probabilities weigh the forecasts, size thresholds grade; both validated', async () => {
    const { units } = e.fixture;
    const admin = e.tokens.admin;
    const SETTINGS = `{ companySettings { version stageProbabilities { POTENTIAL INTENT NEGOTIATION DEAL LOST }
      leadSizeThresholds { currency companyMajor major important } } }`;
    type S = {
      companySettings: {
        version: number;
        stageProbabilities: Record<string, number>;
        leadSizeThresholds: { currency: string; companyMajor: string; major: string; important: string };
      };
    };
    const read = async () => (await ok<S>(SETTINGS, {}, admin)).companySettings;
    const before = await read();
    // The defaults are today's constants.
    expect(before.stageProbabilities).toEqual({ POTENTIAL: 10, INTENT: 30, NEGOTIATION: 70, DEAL: 100, LOST: 0 });
    expect(before.leadSizeThresholds).toEqual({
      currency: 'CNY',
      companyMajor: '100000000.00',
      major: '10000000.00',
      important: '1000000.00',
    });
    const UPDATE = `mutation($v: Int!, $input: CompanySettingsInput!) {
      updateCompanySettings(version: $v, input: $input) {
      version } }`;
    // Refused, every problem named, nothing changed: probabilities that fall along the funnel, thresholds that rise.
    const bad = await e.gql(
      UPDATE,
      {
        v: before.version,
        input: { stageProbabilities: { INTENT: 5 }, leadSizeThresholds: { major: '200000000.00' } },
      },
      { token: admin },
    );
    const reasons = (bad.body.errors?.[0]?.extensions?.reasons ?? []) as Array<{ code: string; field: string }>;
    expect(reasons.map((r) => [r.code, r.field])).toEqual([
      ['SALES.STAGE_PROBABILITIES_INVALID', 'stageProbabilities.INTENT'],
      ['SALES.LEAD_THRESHOLDS_NOT_ORDERED', 'leadSizeThresholds'],
    ]);
    expect(await read()).toEqual(before);
    // Changed: 20 % for a potential deal, 80 % in negotiation; 100k CNY is important by size.
    await ok(
      UPDATE,
      {
        v: before.version,
        input: {
          stageProbabilities: { POTENTIAL: 20, NEGOTIATION: 80 },
          leadSizeThresholds: { important: '100000.00' },
        },
      },
      admin,
    );
    const FUNNEL = `query($u: ID, $at: DateTime) { salesFunnel(orgUnitId: $u, at: $at) {
      byStage { stage weighted } forecasts { shortTerm { orders } } } }`;
    const f = (
      await ok<{
        salesFunnel: {
          byStage: Array<{ stage: string; weighted: string }>;
          forecasts: { shortTerm: { orders: string } };
        };
      }>(FUNNEL, { u: String(units.west), at: AT.toISOString() }, admin)
    ).salesFunnel;
    // The set of the funnel test: A 20 % of 1M + B 80 % of 100k (D has its own 50 % but is overdue).
    expect(f.forecasts.shortTerm.orders).toBe('280000.00');
    expect(f.byStage.find((c) => c.stage === 'NEGOTIATION')!.weighted).toBe('80000.00');
    const opps = await ok<{ allOpportunities: Array<{ name: string; effectiveProbability: number }> }>(
      `{ allOpportunities(filter: { orgUnitId: "${units.westOffice}" }, perPage: 50) { name effectiveProbability } }`,
      {},
      admin,
    );
    expect(opps.allOpportunities.find((o) => o.name === 'A')!.effectiveProbability).toBe(20);
    expect(opps.allOpportunities.find((o) => o.name === 'D')!.effectiveProbability).toBe(50);
    const small = await ok<{ createOpportunity: { grade: string } }>(
      `mutation($c: ID!, $u: ID!) { createOpportunity(name: "Small", customerId: $c, orgUnitId: $u,
        ownerId: "${e.fixture.people.west1}", expectedAmount: "150000.00",
        closeDate: "2031-01-01T00:00:00Z") { grade } }`,
      { c: westCustomer, u: String(units.westOffice) },
      admin,
    );
    expect(small.createOpportunity.grade).toBe('IMPORTANT');
    // Back to the defaults for whatever runs next.
    const now = await read();
    await ok(
      UPDATE,
      {
        v: now.version,
        input: {
          stageProbabilities: before.stageProbabilities,
          leadSizeThresholds: before.leadSizeThresholds,
        },
      },
      admin,
    );
  });
});
