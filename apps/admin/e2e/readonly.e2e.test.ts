// Issue #16: a read-only user (VIEWER) clicks the first row of each list and reads the record: never "no access", never
// a record shown by its id (`#20`); a leader's dashboard names what it lists.
import { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { usePortal } from './support/harness';

const portal = usePortal();

// Requests each page has in flight (GraphQL, code chunks), counted from its sign-in on.
const inflight = new WeakMap<Page, () => number>();

const signedIn = async (email: string): Promise<Page> => {
  const { page } = await portal.signedIn(email);
  let count = 0;
  page.on('request', () => (count += 1));
  const done = () => (count = Math.max(0, count - 1));
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  inflight.set(page, () => count);
  return page;
};

// react-admin's refusal page and the API's; a disabled button's "Your role may not do this" is a fair answer.
const REFUSED = /access denied|right permissions|forbidden|\b403\b/i;
const RAW_ID = /#\d+/;

/** The page's visible text once nothing on it is loading any more. */
// Settled: no request in flight and no "Loading…" over three animation frames in a row (an answer's render that asks
// for more, as reference fields do, is seen within them), instead of networkidle's 500 ms of silence each time.
async function settledText(page: Page): Promise<string> {
  const pending = inflight.get(page) ?? (() => 0);
  const deadline = Date.now() + 15000;
  for (let quiet = 0; quiet < 3;) {
    if (Date.now() > deadline) throw new Error(`Still loading after 15 s: ${page.url()}`);
    const idle = pending() === 0 && (await page.evaluate(() => !/Loading…/.test(document.body.innerText)));
    quiet = idle ? quiet + 1 : 0;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  }
  return page.locator('body').innerText();
}

const RESOURCES = [
  'DecisionBody',
  'StaffingRule',
  'TeamAppointment',
  'AuthorityRule',
  'Delegation',
  'IncentivePool',
  'Person',
  'Project',
];

describe('a read-only user', () => {
  // One sign-in for every list (a sign-in is the costly part of each visit); each list's findings are collected, so
  // one run names every list that fails.
  it('opens the first record of each list and reads it, named, without being refused', async () => {
    const page = await signedIn('viewer@demo.local');
    const findings: string[] = [];
    for (const resource of RESOURCES) {
      await page.goto(`/#/${resource}`);
      const row = page.locator('tbody tr').first();
      await row.waitFor({ timeout: 30000 });
      if (RAW_ID.test(await settledText(page))) findings.push(`${resource} list: a raw id`);
      await row.click();
      await page.waitForURL(new RegExp(`#/${resource}/[^/]+/show`), { timeout: 15000 });
      // The record's page itself (the list stays on screen while the page's code loads).
      await page.locator('.show-page').waitFor({ timeout: 30000 });
      const text = await settledText(page);
      await screenshot(page, `readonly-${resource}`);
      // Still on the record's page (a refused read sends react-admin back to the list with a notification).
      if (!new RegExp(`#/${resource}/[^/]+/show`).test(page.url()))
        findings.push(`${resource}: left the record's page`);
      if ((await page.locator('.MuiSnackbarContent-message').count()) > 0) findings.push(`${resource}: a notification`);
      if (REFUSED.test(text)) findings.push(`${resource}: refused`);
      if (RAW_ID.test(text)) findings.push(`${resource}: a raw id on the record's page`);
      // The record's page shows its facts (a labelled field at least), not an empty frame.
      if (text.trim().length <= 40) findings.push(`${resource}: an empty page`);
    }
    expect(findings).toEqual([]);
  });
});

describe("a leader's dashboard", () => {
  it('names the delegations, qualifications, pools and decisions it lists, never by id', async () => {
    const page = await signedIn('leader@demo.local');
    await page.getByTestId('dash-delegations').waitFor();
    const text = await settledText(page);
    await screenshot(page, 'readonly-leader-dashboard');
    expect(text).not.toMatch(RAW_ID);
    expect(text).not.toMatch(REFUSED);
  });
});
