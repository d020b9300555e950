// Issue #16: a read-only user (VIEWER) clicks the first row of each list and reads the record: never "no access", never
// a record shown by its id (`#20`); a leader's dashboard names what it lists.
import { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { usePortal } from './support/harness';

const portal = usePortal();

const signedIn = async (email: string): Promise<Page> => (await portal.signedIn(email)).page;

// react-admin's refusal page and the API's; a disabled button's "Your role may not do this" is a fair answer.
const REFUSED = /access denied|right permissions|forbidden|\b403\b/i;
const RAW_ID = /#\d+/;

/** The page's visible text once nothing on it is loading any more. */
async function settledText(page: Page): Promise<string> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !/Loading…/.test(document.body.innerText), undefined, { timeout: 15000 });
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
  it.each(RESOURCES)('opens the first %s of the list and reads it, named, without being refused', async (resource) => {
    const page = await signedIn('viewer@demo.local');
    await page.goto(`/#/${resource}`);
    const row = page.locator('tbody tr').first();
    await row.waitFor({ timeout: 30000 });
    expect(await settledText(page)).not.toMatch(RAW_ID);
    await row.click();
    await page.waitForURL(new RegExp(`#/${resource}/[^/]+/show`), { timeout: 15000 });
    // The record's page itself (the list stays on screen while the page's code loads).
    await page.locator('.show-page').waitFor({ timeout: 30000 });
    const text = await settledText(page);
    await screenshot(page, `readonly-${resource}`);
    // Still on the record's page (a refused read sends react-admin back to the list with a notification).
    expect(page.url()).toMatch(new RegExp(`#/${resource}/[^/]+/show`));
    expect(await page.locator('.MuiSnackbarContent-message').count()).toBe(0);
    expect(text).not.toMatch(REFUSED);
    expect(text).not.toMatch(RAW_ID);
    // The record's page shows its facts (a labelled field at least), not an empty frame.
    expect(text.trim().length).toBeGreaterThan(40);
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
