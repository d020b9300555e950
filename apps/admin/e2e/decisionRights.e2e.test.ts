// Decision rights and "who may decide" by pages (issue #13), against the real API and the built portal.
// A person's Decision rights tab, on the demo data: Liu Fang (person 4, the South business-department director) holds
// a seat on the grade I team, the project AR's rule, and the BU president's bids and contracts for the South region by
// delegation from Wang Wei (up to ¥80M, from 60 days ago; the rules hold from 365 days ago); Hu Kai (person 15, in
// Shanghai, within the demo leader's East region) holds grade III bids in Shanghai by delegation from the East
// director Zhang Yu (up to ¥10M). "Who may decide" on a case of this file's own: 21 holders of a position's rule and 3
// delegates, 20 at a time. Demo people have a Chinese name (刘芳, shown in zh-CN) and its pinyin (Liu Fang, shown
// in English).
import { Locator, Page } from 'playwright-core';
import { gql, tokenFor } from './support/api';
import { screenshot, Tab } from './support/browser';
import { usePortal } from './support/harness';
import { pick } from './support/ui';

const DAY = 86_400_000;
const MINUTE = 60_000;
const LIU_FANG = '4';
const HU_KAI = '15';
const DIRECT_HOLDERS = 21;
const DELEGATES = 3;

const portal = usePortal();
const { api } = portal;
let suffix: string;
let regionName: string;
let delegateNames: string[];

const tab = (email: string, locale?: string): Promise<Tab> => portal.signedInOnce(email, locale);

/** A unit with 21 holders of a position's rule (ATB, grade III) and 3 people who received it from the first. */
async function createDeciders(): Promise<void> {
  const token = await tokenFor(api, 'admin@demo.local');
  const id = async (mutation: string, variables: Record<string, unknown>) =>
    String(Object.values(await gql<Record<string, { id: string }>>(api, token, mutation, variables))[0]?.id);
  suffix = Math.random().toString(36).slice(2, 7).toUpperCase();
  const unit = (name: string, code: string, kind: string, parentId: string | null) =>
    id(
      `mutation($name: String!, $code: String!, $kind: String!, $parentId: ID) { createOrgUnit(name: $name, code:
        $code, kind: $kind, parentId: $parentId) { id } }`,
      { name, code, kind, parentId },
    );
  const hqId = await unit(`Rights HQ ${suffix}`, `RIGHTS-HQ-${suffix}`, 'HQ', null);
  regionName = `Rights Region ${suffix}`;
  const regionId = await unit(regionName, `RIGHTS-R-${suffix}`, 'REGION', hqId);
  const person = (name: string, no: string, orgUnitId: string) =>
    id(
      `mutation($name: String!, $no: String!, $org: ID!) { createPerson(name: $name, employeeNo: $no, orgUnitId: $org,
        hiredAt: "2020-01-01T00:00:00.000Z") { id } }`,
      { name, no, org: orgUnitId },
    );
  const ruleId = await id(
    `mutation($name: String!, $org: ID!) { createAuthorityRule(name: $name, holderKind: POSITION, holderTitle:
      "INDUSTRY_HEAD", holderOrgUnitId: $org, decisionPoints: [ATB], grades: [III], scopeOrgUnitId: $org,
      limit: "3000000.00", currency: "CNY", validFrom: "2025-01-01T00:00:00.000Z", delegableDepth: 1) { id } }`,
    { name: `Rights rule ${suffix}`, org: hqId },
  );
  const holders: string[] = [];
  for (let i = 1; i <= DIRECT_HOLDERS; i++) {
    const holder = await person(`Holder ${String(i).padStart(2, '0')} ${suffix}`, `RH${suffix}${i}`, hqId);
    await id(
      `mutation($p: ID!, $org: ID!) { createPositionAssignment(personId: $p, title: "INDUSTRY_HEAD", orgUnitId: $org,
        validFrom: "2025-01-01T00:00:00.000Z") { id } }`,
      { p: holder, org: hqId },
    );
    holders.push(holder);
  }
  delegateNames = [];
  for (let i = 1; i <= DELEGATES; i++) {
    const name = `Delegate ${i} ${suffix}`;
    const delegate = await person(name, `RD${suffix}${i}`, regionId);
    await id(
      `mutation($src: ID!, $from: ID!, $to: ID!, $scope: ID!) { createDelegation(sourceRuleId: $src, delegatorId:
        $from, delegateId: $to, decisionPoints: [ATB], grades: [III], scopeOrgUnitId: $scope, limit: "1000000.00",
        currency: "CNY", validFrom: "2025-06-01T00:00:00.000Z", redelegableDepth: 0, reason: "e2e rights") { id } }`,
      { src: ruleId, from: holders[0], to: delegate, scope: regionId },
    );
    delegateNames.push(name);
  }
}

beforeAll(async () => {
  await createDeciders();
}, 120_000);

/** A moment as a datetime-local input takes it, in the browser's time zone (minutes). */
function localInput(page: Page, ms: number): Promise<string> {
  return page.evaluate((at) => {
    const d = new Date(at);
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    return `${day}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, ms);
}

/** Opens a person's Decision rights tab (by its label) and waits for the answer. */
async function openRights(page: Page, personId: string, label: string): Promise<Locator> {
  await page.goto(`/#/Person/${personId}/show`);
  await page.getByRole('tab', { name: label }).click();
  const rights = page.getByTestId('decision-rights');
  await rights.getByTestId('answer-basis').waitFor();
  return rights;
}

/** The rows of a decision point's table (not the chains drawn below delegated rows). */
function rows(rights: Locator, point: string): Locator {
  return rights.getByTestId(`rights-${point}`).getByTestId('decision-right');
}

const LOADING = /Loading…|加载中…/;

/** A row's cells: grades, unit, limit, window, how held; once the names it shows have arrived. */
async function cells(row: Locator): Promise<string[]> {
  await row.filter({ hasNotText: LOADING }).waitFor({ timeout: 15000 });
  return (await row.locator('td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** The table rows say nothing by id: no "#12", no bare number where a name belongs. */
async function expectNoIds(rights: Locator): Promise<void> {
  const rows = rights.getByTestId('decision-right');
  for (let i = 0; i < (await rows.count()); i++) await cells(rows.nth(i));
  for (const text of await rows.allInnerTexts()) {
    expect(text).not.toMatch(/#\d/);
    expect(text).not.toMatch(/(^|\s)\d{1,3}(\s|$)/);
    expect(text).not.toMatch(/\b(POSITION|PROJECT_ROLE|DECISION_BODY|DELEGATION|ALL_FIXED|BUSINESS_DEPT_DIRECTOR)\b/);
  }
}

/** Asks "who may decide?" (the check page's second form): a ¥500,000 bid on grade III in this file's region. */
async function findDeciders(
  page: Page,
  labels: Record<'point' | 'pointOption' | 'grade' | 'gradeOption' | 'unit' | 'amount' | 'submit', string>,
) {
  await page.goto('/#/check');
  const who = page.locator('form').nth(1);
  await who.getByRole('combobox', { name: labels.point }).click();
  await page.getByRole('option', { name: labels.pointOption }).click();
  await who.getByRole('combobox', { name: labels.grade }).click();
  await page.getByRole('option', { name: labels.gradeOption, exact: true }).click();
  await pick(page, labels.unit, regionName, who);
  await who.getByLabel(labels.amount).fill('500000.00');
  await who.getByRole('button', { name: labels.submit }).click();
  const deciders = page.getByTestId('deciders');
  await deciders.getByTestId('deciders-count').waitFor();
  return deciders;
}

describe('decision rights', () => {
  it("the admin sees a person's rights by point, with unit names and money, and as of a past moment", async () => {
    const token = await tokenFor(api, 'admin@demo.local');
    // The demo data this test is about.
    const demo = await gql<{
      Person: { name: string; history: Array<{ recordedAt: string }> };
      allDelegations: Array<{ delegatorId: string; limit: string; scopeOrgUnitId: string }>;
    }>(
      api,
      token,
      `query($p: ID!) { Person(id: $p) { name history { recordedAt } }
          allDelegations(filter: { delegateId: $p }) { delegatorId limit scopeOrgUnitId } }`,
      { p: LIU_FANG },
    );
    expect(demo.Person.name).toBe('刘芳');
    expect(demo.allDelegations).toEqual([{ delegatorId: '1', limit: '80000000.00', scopeOrgUnitId: '3' }]);

    const { page } = await tab('admin@demo.local');
    const rights = await openRights(page, LIU_FANG, 'Decision rights');
    expect(await rights.getByTestId('rights-moment').innerText()).toBe('What Liu Fang may decide now');
    // Decision points in their order, each with its rights.
    expect(await rights.locator('[data-testid^="rights-A"] h3').allInnerTexts()).toEqual([
      'ATI · approve to initiate',
      'ATB · approve to bid',
      'ATC · approve to sign',
    ]);
    // A seat on the grade I team: the body, the seat and its quorum.
    const seat = await cells(rows(rights, 'ATI').first());
    expect(seat.slice(0, 3)).toEqual(['Grade I', 'South China Region', 'No limit']);
    expect(seat[4]).toContain('Decision-body seat');
    expect(seat[4]).toContain('Grade I project initiation decision team');
    expect(seat[4]).toContain('Seat: Business-department director');
    expect(seat[4]).toContain('its quorum must be met (All fixed members agree)');
    // Bids: the project AR's rule (when AR on the team), and the president's delegation, drawn as its chain.
    const bids = rows(rights, 'ATB');
    expect(await bids.count()).toBe(2);
    const projectRole = await cells(bids.nth(0));
    expect(projectRole.slice(0, 3)).toEqual(['Grade III', 'Headquarters', 'CN¥5,000,000.00']);
    expect(projectRole[4]).toContain('Only on projects where they are AR · Account Responsible on the team');
    expect(projectRole[4]).toContain('Project AR: bids on grade III up to 5M');
    const delegated = await cells(bids.nth(1));
    expect(delegated.slice(0, 3)).toEqual(['Grade II Grade III', 'South China Region', 'CN¥80,000,000.00']);
    expect(delegated[3]).toMatch(/ – open-ended$/);
    expect(delegated[4]).toBe('Delegation Delegated by Wang Wei');
    const chain = rights.getByTestId('rights-ATB').getByTestId('right-chain').getByTestId('chain-link');
    expect(await chain.count()).toBe(2);
    await chain.nth(0).getByText('BU president: all LTC decisions').waitFor();
    await chain.nth(1).getByText('Holder: Liu Fang').waitFor();
    await chain.nth(1).getByText('From: Wang Wei').waitFor();
    await chain.nth(1).getByText('Scope: South China Region').waitFor();
    expect(await cells(rows(rights, 'ATC').first())).toEqual(delegated);
    await expectNoIds(rights);
    await screenshot(page, 'decision-rights-en');

    // 90 days ago, before the delegation began: the bid by project role only, no contracts.
    const form = page.getByTestId('rights-as-of');
    await form.getByLabel('Decision moment (effective)').fill(await localInput(page, Date.now() - 90 * DAY));
    // As known at a moment after the demo data was recorded ("as known at" is to the minute).
    const recorded = Date.parse(demo.Person.history[0]!.recordedAt);
    if (Math.floor(Date.now() / MINUTE) * MINUTE < recorded)
      await page.waitForTimeout(Math.ceil(recorded / MINUTE) * MINUTE - Date.now() + 1000);
    await form.getByLabel('As known at (recorded)').fill(await localInput(page, Date.now()));
    await form.getByRole('button', { name: 'Show' }).click();
    await rights
      .getByTestId('rights-moment')
      .getByText(/^What Liu Fang may decide at /)
      .waitFor();
    await rights.getByTestId('answer-basis').waitFor();
    expect(await rows(rights, 'ATB').count()).toBe(1);
    expect((await cells(rows(rights, 'ATB').first()))[1]).toBe('Headquarters');
    expect(await rights.getByTestId('rights-ATC').count()).toBe(0);
    await screenshot(page, 'decision-rights-past-en');

    // 400 days ago, before any rule held: nothing to decide, said so.
    await form.getByLabel('As known at (recorded)').fill('');
    await form.getByLabel('Decision moment (effective)').fill(await localInput(page, Date.now() - 400 * DAY));
    await form.getByRole('button', { name: 'Show' }).click();
    expect(await rights.getByTestId('rights-empty').innerText()).toBe(
      'Nothing to decide at this moment: no position, decision-body seat, project role or delegation gives ' +
        'Liu Fang a decision right.',
    );

    // Back to now.
    await form.getByRole('button', { name: 'Back to now' }).click();
    await rights.getByTestId('rights-moment').getByText('What Liu Fang may decide now').waitFor();
    await rights.getByTestId('rights-ATC').waitFor();
  }, 180_000);

  it('a leader sees the rights of a person in their region, the delegation from their own rule included', async () => {
    const { page } = await tab('leader@demo.local');
    const rights = await openRights(page, HU_KAI, 'Decision rights');
    expect(await rights.getByTestId('rights-moment').innerText()).toBe('What Hu Kai may decide now');
    const bids = rows(rights, 'ATB');
    expect(await bids.count()).toBe(2);
    const delegated = await cells(bids.nth(1));
    expect(delegated.slice(0, 3)).toEqual(['Grade III', 'Shanghai Representative Office', 'CN¥10,000,000.00']);
    expect(delegated[4]).toBe('Delegation Delegated by Zhang Yu');
    const chain = rights.getByTestId('right-chain').getByTestId('chain-link');
    await chain.nth(0).getByText('Holder: Zhang Yu').waitFor();
    await chain.nth(1).getByText('Holder: Hu Kai').waitFor();
    await expectNoIds(rights);
    await screenshot(page, 'decision-rights-leader-en');
  });
});

describe('who may decide, by pages', () => {
  const EN = {
    point: 'Decision point',
    pointOption: 'ATB · approve to bid',
    grade: 'Grade',
    gradeOption: 'Grade III',
    unit: 'Org unit',
    amount: 'Amount',
    submit: 'Find deciders',
  };

  it('shows 20 of the deciders with the total, direct holders first and marked, and loads the rest', async () => {
    const { page } = await tab('admin@demo.local');
    const deciders = await findDeciders(page, EN);
    const total = DIRECT_HOLDERS + DELEGATES;
    expect(await deciders.getByTestId('deciders-count').innerText()).toBe(`20 of ${total} people who may decide`);
    expect(await deciders.getByTestId('decider').count()).toBe(20);
    expect(await deciders.getByTestId('decider-direct').count()).toBe(20);
    expect(await deciders.getByTestId('decider-name').first().innerText()).toBe(`Holder 01 ${suffix}`);
    const more = deciders.getByRole('button', { name: `Show ${total - 20} more` });
    await more.scrollIntoViewIfNeeded();
    await screenshot(page, 'deciders-page-1-en');

    await more.click();
    await deciders
      .getByTestId('decider')
      .nth(total - 1)
      .waitFor();
    expect(await deciders.getByTestId('deciders-count').innerText()).toBe(`${total} person(s) may decide`);
    expect(await deciders.getByTestId('decider-direct').count()).toBe(DIRECT_HOLDERS);
    expect(await deciders.getByTestId('decider-delegated').count()).toBe(DELEGATES);
    // Delegates after every direct holder, by name.
    const names = await deciders.getByTestId('decider-name').allInnerTexts();
    expect(names.slice(DIRECT_HOLDERS)).toEqual(delegateNames);
    expect(new Set(names).size).toBe(total);
    expect(await deciders.getByTestId('deciders-more').count()).toBe(0);
    const last = deciders.getByTestId('decider').last();
    await last.getByText('Through delegation').waitFor();
    await last.getByTestId('chain-link').nth(1).getByText(`From: Holder 01 ${suffix}`).waitFor();
    await last.scrollIntoViewIfNeeded();
    await screenshot(page, 'deciders-page-2-en');
  });
});

describe('in Chinese', () => {
  it("shows a person's decision rights and the deciders' pages in Chinese", async () => {
    const { page } = await tab('admin@demo.local', 'zh-CN');
    const rights = await openRights(page, LIU_FANG, '决策权限');
    expect(await rights.getByTestId('rights-moment').innerText()).toBe('刘芳 当前可做的决策');
    const bids = rows(rights, 'ATB');
    const delegated = await cells(bids.nth(1));
    expect(delegated.slice(0, 3)).toEqual(['II 级 III 级', 'South China Region', '¥80,000,000.00']);
    expect(delegated[3]).toMatch(/ – 长期有效$/);
    expect(delegated[4]).toBe('转授权 由 王伟 转授');
    expect((await cells(bids.nth(0)))[4]).toContain('仅限其在项目团队中担任 AR · 客户经理 的项目');
    expect((await cells(rows(rights, 'ATI').first()))[4]).toContain('席位：业务部总监');
    await expectNoIds(rights);
    await screenshot(page, 'decision-rights-zh-CN');

    const deciders = await findDeciders(page, {
      point: '决策点',
      pointOption: 'ATB · 投标决策',
      grade: '项目等级',
      gradeOption: 'III 级',
      unit: '所属组织',
      amount: '金额',
      submit: '查找决策人',
    });
    const total = DIRECT_HOLDERS + DELEGATES;
    expect(await deciders.getByTestId('deciders-count').innerText()).toBe(`可以决策的 ${total} 人中已显示 20 人`);
    expect(await deciders.getByTestId('decider-direct').first().innerText()).toBe('直接持有授权');
    const more = deciders.getByRole('button', { name: `再显示 ${total - 20} 人` });
    await more.scrollIntoViewIfNeeded();
    await screenshot(page, 'deciders-page-1-zh-CN');
    await more.click();
    await deciders
      .getByTestId('decider')
      .nth(total - 1)
      .waitFor();
    expect(await deciders.getByTestId('deciders-count').innerText()).toBe(`${total} 人可以决策`);
    expect(await deciders.getByTestId('decider-delegated').first().innerText()).toBe('经转授权');
    await deciders.getByTestId('decider').nth(DIRECT_HOLDERS).scrollIntoViewIfNeeded();
    await screenshot(page, 'deciders-page-2-zh-CN');
  });
});
