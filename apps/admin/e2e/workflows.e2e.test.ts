// Leaders' and HR's work against the real API: the organisation, delegations with their chains and revocation,
// pools, and — once the API offers them — the decision check and the pool steps.
import { gql, tokenFor } from './support/api';
import { screenshot, signIn, Tab } from './support/browser';
import { createFixtures, Fixtures } from './support/fixtures';
import { usePortal } from './support/harness';
import { choose, pick } from './support/ui';

const portal = usePortal();
const { api } = portal;
let f: Fixtures;

const adminTab = (locale?: string): Promise<Tab> => portal.signedInOnce('admin@demo.local', locale);

beforeAll(async () => {
  f = await createFixtures(api);
});

describe('organisation', () => {
  it('draws the org units as a tree', async () => {
    const { page } = await adminTab();
    await page.goto('/#/OrgUnit');
    const tree = page.getByTestId('org-tree');
    const hq = tree.locator('li', { hasText: `E2E HQ ${f.suffix}` }).first();
    await hq
      .locator('li', { hasText: `E2E East ${f.suffix}` })
      .locator('li', { hasText: `E2E Shanghai ${f.suffix}` })
      .waitFor();
    await hq.locator('li', { hasText: `E2E West ${f.suffix}` }).waitFor();
  });

  it("shows a person's positions", async () => {
    const { page } = await adminTab();
    await page.goto(`/#/Person/${f.delegatorId}/show/positions`);
    await page.getByRole('cell', { name: 'Business-unit president' }).waitFor();
  });
});

describe('role profiles (HR)', () => {
  it(
    'adds a role-model version, a framework as a level × ' + 'dimension matrix, and an assessment that reaches a level',
    async () => {
      // One model per role: use the seeded SR model, or create it when the API seeds none.
      const token = await tokenFor(api, 'admin@demo.local');
      const found = await gql<{ allRoleModels: Array<{ id: string }> }>(
        api,
        token,
        '{ allRoleModels(filter: { role: [SR] }) { id } }',
      );
      const modelId =
        found.allRoleModels[0]?.id ??
        (
          await gql<{ createRoleModel: { id: string } }>(
            api,
            token,
            'mutation { createRoleModel(role: SR, name: "SR 5P", nameZh: "方案经理5P模型") { id } }',
          )
        ).createRoleModel.id;

      const hr = await portal.tab();
      const { page } = hr;
      await signIn(page, 'hr@demo.local');
      await page.goto(`/#/RoleModel/${modelId}/show`);
      // A new draft copies the version in force; its key behaviours are rows (code, English, Chinese).
      await page.getByRole('button', { name: 'New draft' }).click();
      await page.waitForURL(/RoleModelVersion\/\d+$/);
      await page.getByRole('textbox', { name: 'What changed' }).fill(`e2e ${f.suffix}`);
      await page.getByRole('button', { name: 'Add a dimension' }).click();
      await page.getByLabel('Code *', { exact: true }).last().fill(`PLAN${f.suffix}`);
      await page.getByLabel('Name *', { exact: true }).last().fill('Market planner');
      await page.getByLabel('Chinese name *').last().fill('市场规划与计划预测者');
      for (const [code, english, chinese] of [
        ['P1', 'Market insight', '市场洞察'],
        ['P2', 'Mid/long-term forecast', '中长期预测'],
      ] as const) {
        await page.getByRole('button', { name: 'Add a key behaviour' }).last().click();
        await page.getByLabel('Behaviour code *').last().fill(code);
        await page.getByLabel('Behaviour (English) *').last().fill(english);
        await page.getByLabel('Behaviour (Chinese) *').last().fill(chinese);
      }
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(new RegExp(`RoleModel/${modelId}/show`));
      const version = page.getByRole('row', { name: new RegExp(`e2e ${f.suffix}`) });
      await version.click();
      await page
        .getByRole('row', { name: new RegExp(`PLAN${f.suffix}`) })
        .getByText('Market insight')
        .waitFor();

      await page.goto('/#/QualificationFramework/create');
      await page.getByLabel('Name *', { exact: true }).fill(`SR framework ${f.suffix}`);
      await page.getByRole('combobox', { name: 'Triangle role' }).click();
      await page.getByRole('option', { name: 'SR · Solution Responsible' }).click();
      await choose(page, 'Role model version', new RegExp(`e2e ${f.suffix}`));
      await page.getByRole('button', { name: 'Add level' }).click();
      await page.getByRole('button', { name: 'Add level' }).click();
      const cell = page.getByLabel(`Level 2, PLAN${f.suffix}`);
      await cell.fill('4');
      await screenshot(page, 'framework-matrix');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/QualificationFramework\/\d+\/show/);
      await page
        .getByRole('row', { name: /2 · Experienced/ })
        .getByRole('cell', { name: '4', exact: true })
        .waitFor();
      // A new framework is a draft: only an active version takes assessments.
      await page.getByTestId('framework-publish').click();
      await page.getByText('Version 1 published').waitFor();

      await page.goto('/#/Assessment/create');
      await pick(page, 'Person', f.delegateName);
      await page.getByRole('combobox', { name: 'Triangle role' }).click();
      await page.getByRole('option', { name: 'SR · Solution Responsible' }).click();
      await pick(page, 'Framework', `SR framework ${f.suffix}`);
      await page.getByRole('combobox', { name: 'Kind' }).click();
      await page.getByRole('option', { name: 'Panel' }).click();
      const scores = page.getByRole('spinbutton', { name: 'Rating (1–5)' });
      await scores.first().waitFor();
      for (let i = 0; i < (await scores.count()); i += 1) await scores.nth(i).fill('4');
      const evidence = page.getByRole('textbox', { name: 'Evidence' });
      for (let i = 0; i < (await evidence.count()); i += 1)
        await evidence.nth(i).fill('Led the bid for the Shanghai metro project');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/Assessment\/\d+\/show/);
      await page.getByText('2 · Experienced').first().waitFor();
      await page.getByRole('cell', { name: 'Led the bid for the Shanghai metro project' }).first().waitFor();
    },
  );
});

describe('projects', () => {
  it('show the grade and why, in Chinese too', async () => {
    const { page } = await adminTab('zh-CN');
    await page.goto(`/#/Project/${f.projectId}/show`);
    await page.getByTestId('grade-reasons').getByText('对与 A 类客户的合作有重大影响').waitFor();
    await page.getByText('¥3,000,000.00').waitFor();
  });
});

describe('delegations', () => {
  async function fillDelegation(tab: Tab, limit: string, scope: string) {
    const { page } = tab;
    await page.goto('/#/Delegation/create');
    await pick(page, 'Source rule', f.ruleName);
    await page.getByTestId('source-limits').getByText('CN¥5,000,000.00').waitFor();
    await pick(page, 'Delegator', f.delegatorName);
    await pick(page, 'Delegate', f.delegateName);
    await page.getByLabel('ATB · approve to bid').check();
    await page.getByLabel('Grade III').check();
    await pick(page, 'Scope', scope);
    await page.getByLabel('Limit').fill(limit);
    await page.getByLabel('From *').fill('2026-02-01T09:00');
    await page.getByLabel('Reason *').fill('Covering the Shanghai bids while travelling');
  }

  it('refuses one that exceeds its source, keeps the form, then creates a valid one and draws its chain', async () => {
    const tab = await adminTab();
    const { page } = tab;
    await fillDelegation(tab, '6000000.00', `E2E Shanghai ${f.suffix}`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Must not exceed CN¥5,000,000.00').waitFor();
    expect(page.url()).toMatch(/Delegation\/create/);
    await screenshot(page, 'delegation-exceeds-limit');

    // A refusal only the API makes (the scope lies outside the source's): shown beside that field, nothing typed is
    // lost.
    await page.getByLabel('Limit').fill('1000000.00');
    await pick(page, 'Scope', `E2E West ${f.suffix}`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .locator('form')
      .getByText(/outside the source's scope/)
      .waitFor();
    expect(page.url()).toMatch(/Delegation\/create/);
    expect(await page.getByRole('textbox', { name: 'Reason' }).inputValue()).toBe(
      'Covering the Shanghai bids while travelling',
    );
    await screenshot(page, 'delegation-server-refusal');

    await pick(page, 'Scope', `E2E Shanghai ${f.suffix}`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/Delegation\/\d+\/show/);
    const steps = page.getByTestId('chain-link');
    await steps.nth(1).waitFor();
    expect(await steps.nth(0).innerText()).toContain(`Authority rule: ${f.ruleName}`);
    expect(await steps.nth(1).innerText()).toContain(`Holder: ${f.delegateName}`);
    expect(await steps.nth(1).innerText()).toContain('CN¥1,000,000.00');
    await screenshot(page, 'delegation-chain');
  });

  it('shows what a revocation will end before revoking', async () => {
    const token = await tokenFor(api, 'admin@demo.local');
    const create = `mutation($src: ID, $srcD: ID, $from: ID!, $to: ID!, $scope: ID!, $depth: Int) {
      createDelegation(sourceRuleId: $src, sourceDelegationId: $srcD, delegatorId: $from, delegateId: $to,
      decisionPoints: [ATB], grades: [III],
        scopeOrgUnitId: $scope, limit: "800000.00", currency: "CNY", validFrom: "2026-02-01T00:00:00.000Z",
      redelegableDepth: $depth, reason: "e2e") { id } }`;
    const first = await gql<{ createDelegation: { id: string } }>(api, token, create, {
      src: f.ruleId,
      from: f.delegatorId,
      to: f.delegateId,
      scope: f.officeId,
      depth: 1,
    });
    const second = await gql<{ createDelegation: { id: string } }>(api, token, create, {
      srcD: first.createDelegation.id,
      from: f.delegateId,
      to: f.thirdId,
      scope: f.officeId,
      depth: 0,
    });

    const { page } = await adminTab();
    await page.goto(`/#/Delegation/${first.createDelegation.id}/show`);
    await page.getByRole('button', { name: 'Revoke' }).click();
    // The delegation that ends with it, named by its parties (never by id).
    await page.getByTestId('revoke-impact').getByText(`${f.delegateName} → Wang Fang ${f.suffix}`).waitFor();
    await screenshot(page, 'delegation-revoke-impact');
    await page
      .getByRole('dialog')
      .getByLabel(/Reason for revoking/)
      .fill('Back from travel');
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await page.getByText(/Revoked: 2 delegation/).waitFor();
    await page.goto(`/#/Delegation/${second.createDelegation.id}/show`);
    await page.getByText('Back from travel').waitFor();
  });
});

describe('decisions', () => {
  const record = it;
  record('are recorded only by someone with authority, with the chain kept and shown on the project', async () => {
    const { page } = await adminTab();
    await page.goto('/#/Decision/create');
    await pick(page, 'Project', f.projectName);
    await page.getByRole('combobox', { name: 'Decision point' }).click();
    await page.getByRole('option', { name: 'ATB · approve to bid' }).click();
    await page.getByRole('combobox', { name: 'Outcome' }).click();
    await page.getByRole('option', { name: 'Approved' }).click();
    await pick(page, 'Decided by', `Wang Fang ${f.suffix}`);
    await page.getByRole('textbox', { name: 'Comment' }).fill('Bid approved at the Monday review');
    await page.getByRole('button', { name: 'Save' }).click();
    // The API's reasons appear under "Decided by" (MUI marks the helper text as an error).
    const refusal = page.locator('form p.Mui-error').first();
    await refusal.waitFor();
    expect((await refusal.innerText()).length).toBeGreaterThan(10);
    expect(page.url()).toMatch(/Decision\/create/);

    await pick(page, 'Decided by', f.delegatorName);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/Decision\/\d+\/show/);
    await page.getByTestId('chain-link').first().getByText(`Authority rule: ${f.ruleName}`).waitFor();
    await page.goto(`/#/Project/${f.projectId}/show/decisions`);
    await page.getByTestId('chain-link').first().waitFor();
    await page
      .getByText('Bid approved at the Monday review')
      .or(page.getByText(/ATB · approve to bid · Approved/))
      .first()
      .waitFor();
  });
});

describe('bonus pools', () => {
  it('offer each step only when the status allows, saying why not', async () => {
    const { page } = await adminTab();
    await page.goto(`/#/IncentivePool/${f.poolId}/show`);
    await page.getByTestId('pool-approve-reason').getByText('Only possible when the pool is Allocated').waitFor();
    await page.getByTestId('pool-lock-reason').getByText('Only possible when the pool is Approved').waitFor();
    expect(await page.getByTestId('pool-approve').isDisabled()).toBe(true);
    expect(await page.getByTestId('pool-fund').isEnabled()).toBe(true);
    await page.getByRole('cell', { name: '120.0%' }).waitFor();
  });

  it('offer a viewer, who may take no step, no step buttons (issue #16: nothing they may not use)', async () => {
    const viewer = await portal.tab();
    await signIn(viewer.page, 'viewer@demo.local');
    await viewer.page.goto(`/#/IncentivePool/${f.poolId}/show`);
    // The pool's members table is on the page once it is read.
    await viewer.page.locator('.show-page table').first().waitFor();
    expect(await viewer.page.getByTestId('pool-fund').count()).toBe(0);
    expect(await viewer.page.getByText('Your role may not do this').count()).toBe(0);
  });

  const poolSteps = it;
  poolSteps(
    'are funded, allocated (with a preview and traces), approved, locked and corrected by an adjustment pool',
    async () => {
      const { page } = await adminTab();
      await page.goto(`/#/IncentivePool/${f.poolId}/show`);
      await page.getByTestId('pool-fund').click();
      await page.getByText('Done: the pool is now Funded').waitFor();
      await page.getByRole('button', { name: 'Preview allocation' }).click();
      await page.getByTestId('allocation-preview').getByTestId('total').waitFor();
      await page.getByTestId('pool-allocate').click();
      await page.getByText('Done: the pool is now Allocated').waitFor();
      const total = await page.getByTestId('allocation-table').last().getByTestId('total').innerText();
      expect(total).toMatch(/^CN¥/);
      await screenshot(page, 'pool-allocated');

      // Approval is a decision by a person who holds pool approval: the leader linked to the delegator.
      const approver = await portal.tab();
      await signIn(approver.page, f.approverEmail, 'demo-approver');
      await approver.page.goto(`/#/IncentivePool/${f.poolId}/show`);
      await approver.page.getByTestId('pool-approve').click();
      await approver.page.getByText('Done: the pool is now Approved').waitFor();
      await approver.page.getByTestId('pool-lock').waitFor();
      await approver.page.getByTestId('funding-trace').scrollIntoViewIfNeeded();
      await screenshot(approver.page, 'pool-approved');

      await approver.page.getByTestId('pool-lock').click();
      await approver.page.getByText('Done: the pool is now Locked').waitFor();
      await approver.page.getByTestId('pool-adjust').click();
      await approver.page.waitForURL(
        (url) => !url.hash.endsWith(`/IncentivePool/${f.poolId}/show`) && /IncentivePool\/\d+\/show/.test(url.hash),
      );
      await approver.page.getByRole('link', { name: f.poolName }).waitFor();
    },
  );
});

describe('decision check', () => {
  const check = it;
  check(
    'allows the delegate within the delegation and draws the chain; refuses above the limit with the reason',
    async () => {
      const token = await tokenFor(api, 'admin@demo.local');
      await gql(
        api,
        token,
        `mutation($src: ID!, $from: ID!, $to: ID!, $scope: ID!) {
      createDelegation(sourceRuleId: $src, delegatorId: $from, delegateId: $to, decisionPoints: [ATB], grades: [III],
          scopeOrgUnitId: $scope,
        limit: "2000000.00", currency: "CNY", validFrom: "2026-01-01T00:00:00.000Z", redelegableDepth: 0,
        reason: "e2e check") { id } }`,
        { src: f.ruleId, from: f.delegatorId, to: f.fourthId, scope: f.officeId },
      );
      const { page } = await adminTab();
      await page.goto('/#/check');
      const form = page.locator('form').first();
      await pick(page, 'Person', f.fourthName, form);
      await form.getByRole('combobox', { name: 'Decision point' }).click();
      await page.getByRole('option', { name: 'ATB · approve to bid' }).click();
      await form.getByRole('combobox', { name: 'Grade' }).click();
      await page.getByRole('option', { name: 'Grade III' }).click();
      await pick(page, 'Org unit', `E2E Shanghai ${f.suffix}`, form);
      await form.getByLabel('Amount').fill('1500000.00');
      await form.getByRole('button', { name: 'Check' }).click();
      await page.getByTestId('authorization-result').getByText('Allowed', { exact: true }).waitFor();
      await page.getByTestId('chain-link').nth(1).waitFor();
      await page.getByTestId('authorization-result').scrollIntoViewIfNeeded();
      await screenshot(page, 'check-allowed');
      await form.getByLabel('Amount').fill('2500000.00');
      await form.getByRole('button', { name: 'Check' }).click();
      await page.getByTestId('denial-reasons').getByText('Amount over the limit').waitFor();

      const who = page.locator('form').nth(1);
      await who.getByRole('combobox', { name: 'Decision point' }).click();
      await page.getByRole('option', { name: 'ATB · approve to bid' }).click();
      await who.getByRole('combobox', { name: 'Grade' }).click();
      await page.getByRole('option', { name: 'Grade III' }).click();
      await pick(page, 'Org unit', `E2E Shanghai ${f.suffix}`, who);
      await who.getByLabel('Amount').fill('1500000.00');
      await who.getByRole('button', { name: 'Find deciders' }).click();
      const deciders = page.getByTestId('deciders');
      await deciders.getByText(f.fourthName, { exact: true }).waitFor();
      await deciders.getByText(f.delegatorName, { exact: true }).first().waitFor();
    },
  );
});

describe('decision bodies', () => {
  it(
    'records seat votes, shows each seat and when the ' + 'decision completes, and says clearly when it is closed',
    async () => {
      const token = await tokenFor(api, 'admin@demo.local');
      const id = async (mutation: string, variables: Record<string, unknown> = {}) =>
        String(Object.values(await gql<Record<string, { id: string }>>(api, token, mutation, variables))[0]?.id);
      // A body of the region with two fixed seats (the region's BU presidents, a new chief engineer), holding ATI.
      const engineerName = `Sun Li ${f.suffix}`;
      const engineerId = await id(
        `mutation($name: String!, $no: String!, $org: ID!) { createPerson(name: $name, employeeNo: $no, orgUnitId: $org,
        hiredAt: "2020-01-01T00:00:00.000Z") { id } }`,
        { name: engineerName, no: `E${f.suffix}B`, org: f.regionId },
      );
      await id(
        `mutation($p: ID!, $org: ID!) { createPositionAssignment(personId: $p, title: "CHIEF_ENGINEER", orgUnitId: $org,
        validFrom: "2025-01-01T00:00:00.000Z") { id } }`,
        { p: engineerId, org: f.regionId },
      );
      const bodyName = `E2E decision team ${f.suffix}`;
      const bodyId = await id(
        `mutation($name: String!, $org: ID!) { createDecisionBody(name: $name, quorum: "ALL_FIXED", orgUnitId: $org,
      seats: [{ title: "BU_PRESIDENT", fixed: true, alternativeTitles: [] }, { title: "CHIEF_ENGINEER", fixed: true,
        alternativeTitles: [] }]) { id } }`,
        { name: bodyName, org: f.regionId },
      );
      await id(
        `mutation($name: String!, $body: ID!, $org: ID!) { createAuthorityRule(name: $name, holderKind: DECISION_BODY,
        decisionBodyId: $body, decisionPoints: [ATI],
      grades: [I, II, III], scopeOrgUnitId: $org, currency: "CNY", validFrom: "2025-01-01T00:00:00.000Z",
        delegableDepth: 0) { id } }`,
        { name: `E2E body rule ${f.suffix}`, body: bodyId, org: f.regionId },
      );
      const projectId = await id(
        `mutation($name: String!, $org: ID!) { createProject(name: $name, orgUnitId: $org, stage: "LEAD", amount:
        "2000000.00", currency: "CNY",
      gradeCriteria: { majorATierCustomerImpact: true }) { id } }`,
        { name: `E2E body project ${f.suffix}`, org: f.officeId },
      );

      const { page } = await adminTab();
      await page.goto(`/#/Project/${projectId}/show/decisions`);
      await page.getByRole('combobox', { name: 'Vote in a decision body on…' }).click();
      await page.getByRole('option', { name: 'ATI · approve to initiate' }).click();
      const card = page.getByTestId('body-decision');
      await card.getByText(bodyName, { exact: false }).waitFor();
      await card.getByTestId('seat-CHIEF_ENGINEER').getByText('Not voted yet').waitFor();
      await card.getByRole('combobox', { name: 'Voter (seat)' }).click();
      await page.getByRole('option', { name: new RegExp(`${f.delegatorName} · Business-unit president`) }).click();
      await card.getByRole('button', { name: 'Record vote' }).click();

      // The first seat's vote: not complete yet, the other fixed seat still to vote.
      const president = card.getByTestId('seat-BU_PRESIDENT');
      await president.getByText('Approved').waitFor();
      await president.getByText(f.delegatorName).waitFor();
      expect(await card.getByTestId('body-status').innerText()).toBe('Not complete: 1 approved, 0 against');

      // Meanwhile the chief engineer rejects (through the API): the decision completes as REJECTED.
      const rejected = await gql<{ recordDecision: { complete: boolean; outcome: string } }>(
        api,
        token,
        `mutation($p: ID!, $d: ID!, $k: String!) { recordDecision(input: { projectId: $p, decisionPoint: ATI, outcome:
        REJECTED, deciderId: $d, idempotencyKey: $k }) { complete outcome } }`,
        { p: projectId, d: engineerId, k: `e2e-${f.suffix}-reject` },
      );
      expect(rejected.recordDecision).toEqual({ complete: true, outcome: 'REJECTED' });

      // A vote from the page opened before: refused with DECISION_CLOSED, said plainly, and the card shows the outcome.
      await card.getByRole('combobox', { name: 'Voter (seat)' }).click();
      await page.getByRole('option', { name: new RegExp(`${f.delegatorName} · Business-unit president`) }).click();
      await card.getByRole('combobox', { name: 'Vote', exact: true }).click();
      await page.getByRole('option', { name: 'Returned' }).click();
      await card.getByRole('button', { name: 'Record vote' }).click();
      const alert = card.getByTestId('vote-error');
      await alert.getByText('This decision is closed').waitFor();
      expect(await alert.innerText()).toMatch(/already completed as “Rejected”/);
      await card
        .getByTestId('body-status')
        .getByText(/^Complete: Rejected/)
        .waitFor();
      await card.getByTestId('seat-CHIEF_ENGINEER').getByText(engineerName).waitFor();
      expect(await card.getByTestId('body-history').innerText()).toContain('settled the decision');
      await screenshot(page, 'body-decision-closed');
    },
  );
});
