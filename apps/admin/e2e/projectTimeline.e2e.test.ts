// A project's decision timeline and "Request a decision" (issue #14), against the real API and the built portal, on
// the demo data: the leader (leader@demo.local, East China) opens an East China project, sees its LTC points by stage,
// asks for the next decision (a refused due date first, in the portal's words), sees it pending with whom it waits
// with, and withdraws it; then the same in Chinese, with a screenshot.
import { Locator, Page } from 'playwright-core';
import { gql, tokenFor } from './support/api';
import { screenshot } from './support/browser';
import { usePortal } from './support/harness';

const PROJECT = 'Warehouse campus network';
const LEADER = 'leader@demo.local';

const portal = usePortal();
const { api } = portal;
let project: { id: string; amount: string; decisionPointsInSequence: string[]; orgUnit: { name: string } };
let leaderToken: string;

const tab = async (locale: string): Promise<Page> => (await portal.signedInOnce(LEADER, locale)).page;

interface RequestRow {
  id: string;
  decisionPoint: string;
  status: string;
  amount: string;
  note: string | null;
  requester: { name: string } | null;
}

async function requests(): Promise<RequestRow[]> {
  const data = await gql<{ allDecisionRequests: RequestRow[] }>(
    api,
    leaderToken,
    `query($id: ID!) { allDecisionRequests(filter: { projectId: $id }, perPage: 100) { id decisionPoint status amount
      note requester { name } } }`,
    { id: project.id },
  );
  return data.allDecisionRequests;
}

beforeAll(async () => {
  leaderToken = await tokenFor(api, LEADER);
  const data = await gql<{ allProjects: Array<typeof project & { name: string }> }>(
    api,
    leaderToken,
    `query($q: String) { allProjects(filter: { q: $q }) { id name amount decisionPointsInSequence
      orgUnit { name } } }`,
    { q: PROJECT },
  );
  const found = data.allProjects.find((p) => p.name === PROJECT);
  if (!found) throw new Error(`the demo project ${PROJECT} is not visible to ${LEADER}`);
  project = found;
  // The demo opens a bid request on this project for the leader's inbox; its requester (the administrator) withdraws
  // it, so that this file asks for the project's next decision itself.
  const admin = await tokenFor(api, 'admin@demo.local');
  for (const pending of (await requests()).filter((r) => r.status === 'PENDING'))
    await gql(api, admin, 'mutation($id: ID!) { withdrawDecisionRequest(id: $id) { id } }', { id: pending.id });
}, 120_000);

async function openTimeline(page: Page, label: string): Promise<Locator> {
  await page.goto(`/#/Project/${project.id}/show`);
  await page.getByRole('tab', { name: label }).click();
  const timeline = page.getByTestId('project-timeline');
  await timeline.getByTestId('timeline-ATI').waitFor();
  return timeline;
}

/** Waits for a notification with this text (an earlier one may still be showing). */
async function notified(page: Page, text: string): Promise<void> {
  await page.locator('.MuiSnackbarContent-message', { hasText: text }).last().waitFor({ timeout: 15000 });
}

/** The routing preview once it has its answer. */
async function routedTo(page: Page): Promise<string> {
  const routed = page.getByTestId('routed-to');
  await routed.filter({ hasNotText: /Loading…|加载中…/ }).waitFor({ timeout: 15000 });
  return routed.innerText();
}

/** A calendar day (yyyy-mm-dd) in the browser's zone, `days` from today. */
function day(page: Page, days: number): Promise<string> {
  return page.evaluate((d) => {
    const at = new Date(Date.now() + d * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  }, days);
}

describe('project decision timeline', () => {
  it('the demo project is in East China and has a next decision to ask for', () => {
    expect(project.orgUnit.name).toMatch(/Shanghai|East|Hangzhou|上海|华东/);
    expect(project.decisionPointsInSequence.length).toBeGreaterThan(0);
  });

  it('shows the LTC points by stage, requests the next decision, sees it pending, withdraws it (English)', async () => {
    expect((await requests()).filter((r) => r.status === 'PENDING')).toEqual([]);
    const page = await tab('en-US');
    const timeline = await openTimeline(page, 'Timeline');
    // Every point, in sequence, by name; ATI is done on the demo project, ATB next, the rest locked.
    const labels = await timeline.locator('.MuiStepLabel-label').allInnerTexts();
    expect(labels.map((l) => l.split('\n')[0])).toEqual([
      'ATI · approve to initiate',
      'ATB · approve to bid',
      'ATC · approve to sign',
      'ATAC · approve amendment',
      'ATCC · approve to close',
    ]);
    // By stage: the project's stage now, and the stage each point is taken in.
    await expect(timeline.getByTestId('timeline-stage').innerText()).resolves.toBe('Stage now: Manage opportunities');
    const ati = timeline.getByTestId('timeline-ATI');
    await expect(ati.innerText()).resolves.toContain(
      'In the stage “Manage leads”; an approval moves the project to “Manage opportunities”',
    );
    await expect(timeline.getByTestId('timeline-ATB').innerText()).resolves.toContain(
      'In the stage “Manage opportunities”',
    );
    await expect(ati.innerText()).resolves.toMatch(/Done[\s\S]*Approved by /);
    const atb = timeline.getByTestId('timeline-ATB');
    await expect(atb.innerText()).resolves.toMatch(/Next[\s\S]*May be asked for now/);
    await expect(timeline.getByTestId('timeline-ATC').innerText()).resolves.toMatch(
      /Locked[\s\S]*ATB · approve to bid must be approved first/,
    );
    expect(await timeline.innerText()).not.toMatch(/#\d/);

    await timeline.getByRole('button', { name: 'Request a decision' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request a decision' });
    await expect(dialog.getByRole('combobox', { name: 'Decision point' }).innerText()).resolves.toBe(
      'ATB · approve to bid',
    );
    await expect(dialog.getByLabel('Amount (CNY)').inputValue()).resolves.toBe(project.amount);
    const routed = await routedTo(page);
    expect(routed).toMatch(/^It will be routed to: \S/);
    expect(routed).not.toMatch(/#\d/);

    // A due date already past: the API refuses it, said in the portal's words.
    await dialog.getByLabel('Due date').fill(await day(page, -1));
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await expect(dialog.getByTestId('request-error').innerText()).resolves.toContain(
      'The due date must be after the moment of the request.',
    );
    expect((await requests()).filter((r) => r.status === 'PENDING')).toEqual([]);

    await dialog.getByLabel('Due date').fill(await day(page, 5));
    await dialog.getByLabel('Note for the deciders').fill('e2e timeline: please decide the bid');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await notified(page, 'Request sent');
    await dialog.waitFor({ state: 'detached' });
    await atb.getByText('Pending', { exact: true }).waitFor();
    const pendingText = await atb.innerText();
    expect(pendingText).toMatch(/Asked by .+, for CN¥3,200,000\.00|Asked by .+, for ¥3,200,000\.00/);
    expect(pendingText).toMatch(/Waiting with: \S/);
    expect(pendingText).toContain('Note: e2e timeline: please decide the bid');
    const pending = (await requests()).filter((r) => r.status === 'PENDING');
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      decisionPoint: 'ATB',
      amount: project.amount,
      note: 'e2e timeline: please decide the bid',
    });

    await atb.getByRole('button', { name: 'Withdraw request' }).click();
    await notified(page, 'Request withdrawn');
    await atb.getByText('Next', { exact: true }).waitFor();
    const after = await requests();
    expect(after.find((r) => r.id === pending[0]?.id)?.status).toBe('WITHDRAWN');
  });

  it('in Chinese: 决策进程, 提请决策, pending then withdrawn, with a screenshot', async () => {
    const page = await tab('zh-CN');
    const timeline = await openTimeline(page, '决策进程');
    const atb = timeline.getByTestId('timeline-ATB');
    await expect(atb.innerText()).resolves.toMatch(/ATB · 投标决策[\s\S]*下一步/);
    await expect(timeline.getByTestId('timeline-stage').innerText()).resolves.toBe('当前阶段：管理机会点');
    await timeline.getByRole('button', { name: '提请决策' }).click();
    const dialog = page.getByRole('dialog', { name: '提请决策' });
    await expect(dialog.getByRole('combobox', { name: '决策点' }).innerText()).resolves.toBe('ATB · 投标决策');
    expect(await routedTo(page)).toMatch(/^将提交给：\S/);
    await dialog.getByRole('button', { name: '提交请求' }).click();
    await notified(page, '请求已提交');
    await atb.getByText('待决策', { exact: true }).waitFor();
    expect(await atb.innerText()).toMatch(/等待决策人：\S/);
    expect(await timeline.innerText()).not.toMatch(/#\d/);
    await screenshot(page, 'project-timeline-zh-CN');
    await atb.getByRole('button', { name: '撤回请求' }).click();
    await notified(page, '请求已撤回');
    await atb.getByText('下一步', { exact: true }).waitFor();
    expect((await requests()).filter((r) => r.status === 'PENDING')).toEqual([]);
  });
});
