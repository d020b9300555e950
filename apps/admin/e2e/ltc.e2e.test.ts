// The LTC request loop against the real API: a leader asks for a decision, the person it is routed to finds it in
// their inbox (menu count, bell), decides it there, and the project shows the decision (and, for ATC, its new stage).
import { gql, tokenFor } from './support/api';
import { screenshot, Tab } from './support/browser';
import { createFixtures, Fixtures } from './support/fixtures';
import { usePortal } from './support/harness';

const portal = usePortal();
const { api } = portal;
let f: Fixtures;
/** A leader of the project's office (Li Na of the fixtures), who asks for the decisions. */
let leaderToken: string;
const APPROVER_PASSWORD = 'demo-approver';

beforeAll(async () => {
  f = await createFixtures(api);
  const admin = await tokenFor(api, 'admin@demo.local');
  const leaderEmail = `requester-${f.suffix.toLowerCase()}@demo.local`;
  await gql(
    api,
    admin,
    `mutation($email: String!, $person: ID!) { createUser(email: $email, password: "demo-requester", role: LEADER,
      personId: $person) { id } }`,
    { email: leaderEmail, person: f.delegateId },
  );
  const login = await gql<{ login: { token: string } }>(
    api,
    null,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: leaderEmail, p: 'demo-requester' },
  );
  leaderToken = login.login.token;
});

/** The leader asks for a decision on the fixtures' project; returns the people it was routed to. */
async function requestDecision(decisionPoint: string, note: string): Promise<string[]> {
  const data = await gql<{ requestDecision: { id: string; recipients: Array<{ personId: string; via: string }> } }>(
    api,
    leaderToken,
    `mutation($input: RequestDecisionInput!) { requestDecision(input: $input) { id recipients { personId via } } }`,
    { input: { projectId: f.projectId, decisionPoint, note } },
  );
  return data.requestDecision.recipients.map((r) => String(r.personId));
}

const approverTab = (locale?: string): Promise<Tab> => portal.signedInOnce(f.approverEmail, locale, APPROVER_PASSWORD);

describe('decision requests in the inbox', () => {
  it('a request routed to a person shows in their inbox and bell, and approving it records the decision', async () => {
    const routedTo = await requestDecision('ATB', `Bid for ${f.projectName}`);
    expect(routedTo.length).toBeGreaterThan(0);

    const { page } = await approverTab();
    await page
      .getByTestId('inbox-count')
      .filter({ hasText: /^[1-9]\d*$/ })
      .waitFor();
    const unread = Number(await page.getByTestId('notification-count').innerText());
    expect(unread).toBeGreaterThanOrEqual(1);

    // The bell lists the request in words; opening it leads to the inbox.
    await page.getByRole('button', { name: 'Notifications' }).click();
    const item = page.getByTestId('notification-item').filter({ hasText: f.projectName }).first();
    await item.waitFor();
    expect(await item.getAttribute('data-read')).toBe('false');
    await item.click();
    await page.waitForURL(/#\/inbox$/);
    // Opening it marked it read: the unread count went down.
    await page.waitForFunction((before) => {
      const badge = document.querySelector('[data-testid="notification-count"]');
      return !badge || Number(badge.textContent) < before;
    }, unread);

    const row = page.getByTestId('inbox-row').filter({ hasText: f.projectName });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('ATB · approve to bid');
    expect(text).toContain('CN¥3,000,000.00');
    expect(text).toContain(`Asked by: ${f.delegateName}`);
    expect(text).toContain('Directly (your authority)');
    expect(text.startsWith(`${f.projectName} · ATB`)).toBe(true);
    await screenshot(page, 'inbox-en');

    await row.getByRole('button', { name: 'Approve' }).click();
    await page.getByTestId('inbox-note').fill('Good bid');
    await page.getByTestId('inbox-confirm').click();
    await page.getByTestId('inbox-row').filter({ hasText: f.projectName }).waitFor({ state: 'detached' });

    await page.goto(`/#/Project/${f.projectId}/show/decisions`);
    await page
      .getByRole('row', { name: /ATB · approve to bid/ })
      .getByText('Approved')
      .waitFor();

    // The dashboard counts it among this week's decisions, by the project's name.
    await page.goto('/#/');
    await page.getByTestId('dash-decisions').getByText(f.projectName).first().waitFor();
    expect(await page.getByTestId('dash-decisions').locator('h6').innerText()).toMatch(/\(([1-9]\d*)\)$/);
  });

  it('in Chinese: the labels, the inbox, and an approved ATC moves the project to contract execution', async () => {
    await requestDecision('ATC', `Sign ${f.projectName}`);
    const { page } = await approverTab('zh-CN');
    await page.getByRole('menuitem', { name: /待办/ }).waitFor();
    await page
      .getByTestId('inbox-count')
      .filter({ hasText: /^[1-9]\d*$/ })
      .waitFor();
    await page.getByTestId('notification-count').waitFor();

    await page.getByRole('button', { name: '通知' }).click();
    await page.getByRole('button', { name: '全部标为已读' }).waitFor();
    await page.getByTestId('notification-item').filter({ hasText: f.projectName }).first().waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('menuitem', { name: /待办/ }).click();
    await page.waitForURL(/#\/inbox$/);
    await page.getByRole('heading', { name: '我的待办' }).first().waitFor();
    const row = page.getByTestId('inbox-row').filter({ hasText: f.projectName });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('ATC · 签约决策');
    expect(text).toContain('¥3,000,000.00');
    expect(text).toContain(`请求人：${f.delegateName}`);
    expect(text).toContain('直接（您本人的授权）');
    await row.getByRole('button', { name: '退回' }).waitFor();
    await row.getByRole('button', { name: '否决' }).waitFor();
    await screenshot(page, 'inbox-zh-CN');

    await row.getByRole('button', { name: '批准' }).click();
    await page.getByTestId('inbox-confirm').click();
    await page.getByTestId('inbox-row').filter({ hasText: f.projectName }).waitFor({ state: 'detached' });

    await page.goto(`/#/Project/${f.projectId}/show`);
    await page.getByText('管理合同执行').waitFor();
    await page.goto(`/#/Project/${f.projectId}/show/decisions`);
    await page
      .getByRole('row', { name: /ATC · 签约决策/ })
      .getByText('通过')
      .waitFor();
  });

  it('a request not decided by its due date escalates; the first decider keeps it', async () => {
    const dueAt = new Date(Date.now() + 3000).toISOString();
    const asked = await gql<{ requestDecision: { id: string } }>(
      api,
      leaderToken,
      `mutation($input: RequestDecisionInput!) { requestDecision(input: $input) { id } }`,
      { input: { projectId: f.projectId, decisionPoint: 'ATB', note: 'Re-bid after the contract', dueAt } },
    );
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(dueAt) - Date.now()) + 500));
    const admin = await tokenFor(api, 'admin@demo.local');
    const escalated = await gql<{
      escalateOverdueRequests: Array<{ id: string; escalationLevel: number; escalationExhausted: boolean }>;
    }>(api, admin, 'mutation { escalateOverdueRequests { id escalationLevel escalationExhausted } }');
    const mine = escalated.escalateOverdueRequests.find((r) => r.id === asked.requestDecision.id);
    // Escalated: one level up, or recorded as having no level left above it.
    expect(mine).toBeDefined();
    expect(mine!.escalationLevel >= 1 || mine!.escalationExhausted).toBe(true);

    // The decider it was routed to first keeps it, in words; past its due date when nobody was left above.
    const { page } = await approverTab();
    await page.goto('/#/inbox');
    const row = page.getByTestId('inbox-row').filter({ hasText: f.projectName });
    await row.waitFor();
    expect(await row.innerText()).toContain('ATB · approve to bid');
    if (mine!.escalationExhausted) await row.getByTestId('inbox-overdue').waitFor();
    await gql(api, leaderToken, 'mutation($id: ID!) { withdrawDecisionRequest(id: $id) { id } }', {
      id: asked.requestDecision.id,
    });
  });
});
