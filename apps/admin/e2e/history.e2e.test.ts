// Authority history through the portal (issue #12), on the demo data: the East director's rule (rule 4, ATB and ATC on
// grades II and III in the East region, up to ¥50M) and its holder (person 3, the East business-department director).
// An ordinary edit never changes what was true before it; a correction of the past does, marked, with its reason;
// "as known at" a moment before the correction gives the answer of then. Asked through the "as of" picker of the
// decision check and of the authority matrix; the rule's History tab shows the versions.
import { Locator, Page } from 'playwright-core';
import { gql, tokenFor } from './support/api';
import { screenshot, Tab } from './support/browser';
import { usePortal } from './support/harness';

const DAY = 86_400_000;
const MINUTE = 60_000;
const RULE = '4';
const PERSON = '3';
const REASON = 'The board cut the East limit to ¥10M twenty days ago; the rule was updated late.';

const portal = usePortal();
const { api } = portal;

const adminTab = (locale?: string): Promise<Tab> => portal.signedInOnce('admin@demo.local', locale);

/** A moment as a datetime-local input takes it, in the browser's time zone (minutes). */
function localInput(page: Page, ms: number): Promise<string> {
  return page.evaluate((at) => {
    const d = new Date(at);
    const pad = (n: number) => String(n).padStart(2, '0');
    return (
      `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` + `T${pad(d.getHours())}:${pad(d.getMinutes())}`
    );
  }, ms);
}

interface Case {
  person: { name: string; latinName: string | null; employeeNo: string };
  /** The decision moment; null: now. */
  at: number | null;
  /** As known at; null: now. */
  knownAt?: number | null;
}

/** Asks the decision check (its first form): person 3, ATB, grade II, East China Region, ¥40M. */
async function check(page: Page, c: Case): Promise<Locator> {
  // A fresh form (going to the page it is on already would keep the last answer's inputs).
  await page.goto('/#/');
  await page.goto('/#/check');
  const form = page.locator('form').first();
  const person = form.getByRole('combobox', { name: 'Person', exact: true });
  await person.click();
  await person.fill(c.person.name);
  // Found by the characters; offered by the pinyin in English.
  const shown = c.person.latinName ?? c.person.name;
  await page.getByRole('option', { name: `${shown} · ${c.person.employeeNo}` }).click();
  await form.getByRole('combobox', { name: 'Decision point' }).click();
  await page.getByRole('option', { name: 'ATB · approve to bid' }).click();
  await form.getByRole('combobox', { name: 'Grade' }).click();
  await page.getByRole('option', { name: 'Grade II', exact: true }).click();
  const unit = form.getByRole('combobox', { name: 'Org unit', exact: true });
  await unit.click();
  await unit.fill('East China Region');
  await page.getByRole('option', { name: 'East China Region' }).first().click();
  await form.getByLabel('Amount').fill('40000000.00');
  if (c.at !== null) await form.getByLabel('Decision moment (effective)').fill(await localInput(page, c.at));
  if (c.knownAt) await form.getByLabel('As known at (recorded)').fill(await localInput(page, c.knownAt));
  await form.getByRole('button', { name: 'Check' }).click();
  const result = page.getByTestId('authorization-result');
  await result.getByText(/^(Allowed|Not allowed)$/).waitFor();
  return result;
}

async function verdict(result: Locator): Promise<string> {
  return result.getByText(/^(Allowed|Not allowed)$/).innerText();
}

async function editRule(page: Page, fill: (page: Page) => Promise<void>): Promise<void> {
  await page.goto(`/#/AuthorityRule/${RULE}`);
  await page.getByLabel('Limit').waitFor();
  await fill(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/#\/AuthorityRule$/);
}

const scenario =
  "keeps rule 4's past through an ordinary edit, changes it only by a correction, answers as known before";

describe('authority history', () => {
  it(
    scenario,
    async () => {
      const token = await tokenFor(api, 'admin@demo.local');
      const data = await gql<{
        AuthorityRule: { name: string; limit: string; history: Array<{ recordedAt: string }> };
        Person: { name: string; latinName: string | null; employeeNo: string };
      }>(
        api,
        token,
        `query($rule: ID!, $person: ID!) { AuthorityRule(id: $rule) { name limit history { recordedAt } }
          Person(id: $person) { name latinName employeeNo } }`,
        { rule: RULE, person: PERSON },
      );
      // The demo data this test is about.
      expect(data.AuthorityRule.limit).toBe('50000000.00');
      expect(data.AuthorityRule.name).toMatch(/East director/);
      const person = data.Person;
      const created = Date.parse(data.AuthorityRule.history[0]!.recordedAt);

      const { page } = await adminTab();
      const tenDaysAgo = Date.now() - 10 * DAY;

      // Before any change: allowed ten days ago (rule 4, ¥50M), read from a revision.
      let result = await check(page, { person, at: tenDaysAgo });
      expect(await verdict(result)).toBe('Allowed');
      expect(await result.getByTestId('answer-basis').innerText()).toMatch(/^Answered from revision \d+, as known at/);
      await result.scrollIntoViewIfNeeded();
      await screenshot(page, 'as-of-check-en');

      // An ordinary edit: the limit is ¥10M from now on.
      await editRule(page, async (p) => {
        await p.getByTestId('effective-now').getByText('Effective from: now.').waitFor();
        await p.getByLabel('Limit').fill('10000000.00');
      });

      // Ten days ago is unchanged; now the ¥40M bid is over the limit.
      result = await check(page, { person, at: tenDaysAgo });
      expect(await verdict(result)).toBe('Allowed');
      result = await check(page, { person, at: null });
      expect(await verdict(result)).toBe('Not allowed');
      await result.getByTestId('denial-reasons').getByText('Amount over the limit').waitFor();

      // "As known at" is to the minute: wait, if need be, until a whole minute lies between the rule's creation and
      // the correction made next.
      if (Math.floor(Date.now() / MINUTE) * MINUTE < created) {
        await page.waitForTimeout(Math.ceil(created / MINUTE) * MINUTE - Date.now() + 1000);
      }
      const beforeCorrection = Math.floor(Date.now() / MINUTE) * MINUTE;

      // The correction: ¥10M was the limit from twenty days ago.
      await editRule(page, async (p) => {
        await p.getByLabel('Correct the past').check();
        await p.getByTestId('correction').waitFor();
        await p.getByLabel('From a moment in the past').check();
        await p.getByLabel('Effective from').fill(await localInput(p, Date.now() - 20 * DAY));
        await p.getByLabel(/Reason for the correction/).fill(REASON);
        await p.getByTestId('correction').scrollIntoViewIfNeeded();
        await screenshot(p, 'correction-form-en');
      });

      // Ten days ago is now refused, and the answer names the correction it rests on.
      result = await check(page, { person, at: tenDaysAgo });
      expect(await verdict(result)).toBe('Not allowed');
      const correction = result.getByTestId('answer-correction');
      await correction.getByText(REASON, { exact: false }).waitFor();
      expect(await correction.innerText()).toMatch(/^Authority rule East director.*corrected by admin@demo\.local/);
      await result.scrollIntoViewIfNeeded();
      await screenshot(page, 'as-of-check-corrected-en');

      // As known before the correction: the answer given then.
      result = await check(page, { person, at: tenDaysAgo, knownAt: beforeCorrection });
      expect(await verdict(result)).toBe('Allowed');
      expect(await result.getByTestId('answer-correction').count()).toBe(0);

      // The rule's History tab: three versions, newest first, the correction marked with its reason.
      await page.goto(`/#/AuthorityRule/${RULE}/show/history`);
      const entries = page.getByTestId('history-entry');
      await entries.nth(2).waitFor();
      expect(await entries.count()).toBe(3);
      const [corrected, changed, first] = [entries.nth(0), entries.nth(1), entries.nth(2)];
      expect(await corrected.getByTestId('history-correction').innerText()).toBe('Correction of the past');
      expect(await corrected.getByTestId('history-reason').innerText()).toContain(REASON);
      expect(await corrected.getByTestId('history-field-limitMinor').innerText()).toMatch(
        /Limit\s+CN¥50,000,000\.00\s+CN¥10,000,000\.00/,
      );
      expect(await changed.getByTestId('history-correction').count()).toBe(0);
      expect(await changed.getByTestId('history-field-limitMinor').innerText()).toMatch(
        /CN¥50,000,000\.00\s+CN¥10,000,000\.00/,
      );
      expect(await first.getByTestId('history-effective').innerText()).toBe('since the record began');
      await first.getByTestId('history-field-scopeOrgUnitId').getByText('East China Region').waitFor();
      await screenshot(page, 'history-en');

      // The authority matrix as of ten days ago: ¥10M as known now (the correction named), ¥50M as known before.
      await page.goto('/#/AuthorityRule');
      const matrix = page.getByTestId('authority-matrix');
      await matrix.getByLabel('Decision moment (effective)').fill(await localInput(page, tenDaysAgo));
      await matrix.getByRole('button', { name: 'Show' }).click();
      await matrix
        .getByTestId('matrix-moment')
        .getByText(/^The rules in force at/)
        .waitFor();
      expect(await matrix.getByTestId(`matrix-rule-${RULE}`).first().innerText()).toContain('CN¥10,000,000.00');
      await matrix.getByTestId('answer-correction').getByText(REASON, { exact: false }).waitFor();
      await matrix.scrollIntoViewIfNeeded();
      await screenshot(page, 'as-of-matrix-en');
      await matrix.getByLabel('As known at (recorded)').fill(await localInput(page, beforeCorrection));
      await matrix.getByRole('button', { name: 'Show' }).click();
      await matrix.getByTestId(`matrix-rule-${RULE}`).first().getByText('CN¥50,000,000.00').waitFor();
      expect(await matrix.getByTestId('answer-correction').count()).toBe(0);

      // In Chinese: the history and the matrix as of ten days ago.
      const zh = (await adminTab('zh-CN')).page;
      await zh.goto(`/#/AuthorityRule/${RULE}/show/history`);
      const zhEntries = zh.getByTestId('history-entry');
      await zhEntries.nth(2).waitFor();
      expect(await zhEntries.nth(0).getByTestId('history-correction').innerText()).toBe('更正历史');
      expect(await zhEntries.nth(2).getByTestId('history-effective').innerText()).toBe('自记录创建起');
      await screenshot(zh, 'history-zh-CN');
      await zh.goto('/#/AuthorityRule');
      const zhMatrix = zh.getByTestId('authority-matrix');
      await zhMatrix.getByLabel('决策时刻（生效时间）').fill(await localInput(zh, tenDaysAgo));
      await zhMatrix.getByRole('button', { name: '显示' }).click();
      await zhMatrix.getByTestId('answer-correction').waitFor();
      await zhMatrix.scrollIntoViewIfNeeded();
      await screenshot(zh, 'as-of-matrix-zh-CN');
    },
    300_000,
  );
});
