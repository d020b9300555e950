// Issue #16: the screen-by-screen review, made repeatable. Each demo user, in zh-CN and in English, visits every
// screen the menu offers them (dashboard, inbox, check, talent, re-certification, glossary, every list with its
// matrix or import dialog, the first record's page with each of its tabs, its edit form and the create form) and
// the main area must show no raw id (`#20`), no code word (`POOL_APPROVAL`), no "no access", and under zh-CN no
// English UI word. Every finding is collected first so that one run lists them all.
// REVIEW_ALL=1 walks every user in both languages (by default each user walks in one; see CASES).
// REVIEW_SCREENSHOTS=1 also saves a screenshot and the text of each screen in e2e-artifacts/review/.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Locator, Page } from 'playwright-core';
import { en } from '../src/i18n/en';
import { zhCN } from '../src/i18n/zh-CN';
import { ARTIFACTS } from './support/browser';
import { usePortal } from './support/harness';

const portal = usePortal();
const SHOTS = process.env.REVIEW_SCREENSHOTS === '1' ? path.join(ARTIFACTS, 'review') : null;

const USERS = ['admin', 'hr', 'leader', 'viewer'] as const;
const LOCALES = ['zh-CN', 'en-US'] as const;

const RAW_ID = /#\d+/g;
// Words in capitals joined by underscores (enum values, position codes); plain acronyms (ATI, SPD, HEROS) are words.
const CODE_WORD = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
// Enum values without an underscore that a screen could leak as they are.
const BARE_ENUMS = /\b(?:DRAFT|PUBLISHED|ARCHIVED|LINEAR|ACTIVE|REVOKED|PENDING|APPROVED|REJECTED|VIEWER|LEADER)\b/g;
// (The audit log's "refused (no permission)" entries are records of refusals, not a refusal of this screen.)
const NO_ACCESS =
  /no access|not visible to you|access denied|right permissions|forbidden|无权查看|无权访问|无权执行|您无权/gi;
// Under zh-CN, a line of text that is exactly one of the portal's English messages (a label, a button, a column
// header) and not also a Chinese one is untranslated UI. Whole lines only: demo records' own names are data.
function messageTexts(messages: object): string[] {
  return Object.values(messages).flatMap((value) =>
    value && typeof value === 'object' ? messageTexts(value) : typeof value === 'string' ? [value.trim()] : [],
  );
}
const CHINESE_TEXTS = new Set(messageTexts(zhCN));
const ENGLISH_UI = new Set(
  messageTexts(en).filter((text) => /[a-z]{2}/.test(text) && !/%\{|\|\|\|\|/.test(text) && !CHINESE_TEXTS.has(text)),
);
// The demo company's root org unit is called "Headquarters", as the English label of its kind is: a name, not UI.
const DEMO_NAMES = new Set(['Headquarters']);
const englishLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.replace(/[\s:：*]+$/, '').trim())
    .filter((line) => ENGLISH_UI.has(line) && !DEMO_NAMES.has(line));

// A whole line that is a lower-case enum code (an audit action such as `escalate`) shown instead of its label.
const LOWER_CODES = new Set(
  Object.values(en.enums).flatMap((labels: Record<string, string>) =>
    Object.keys(labels).filter((code) => /^[a-z]+(?:-[a-z]+)*$/.test(code) && code.length >= 4),
  ),
);
const codeLines = (text: string): string[] => text.split('\n').filter((line) => LOWER_CODES.has(line.trim()));

// A moment as the API sends it (`2026-11-30T21:07:27.241Z`) instead of written out in the reader's time zone.
const RAW_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g;
// Under zh-CN, the English of the API's audit notes ("overdue since …, routed to 12 (scope 3)") left unsaid.
const ENGLISH_NOTE = /\b(?:scope \d+|overdue since|routed to|on project \d+)/g;

/** Requests in flight on a page (GraphQL, chunks), so a screen counts as settled only once they are answered. */
function trackRequests(page: Page): () => number {
  let inflight = 0;
  page.on('request', () => {
    inflight += 1;
  });
  const done = () => {
    inflight = Math.max(0, inflight - 1);
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return () => inflight;
}

/** A record's page, on any of its tabs (`/show`, `/show/history`). */
const SHOW_PAGE = /\/show(\/[^/]+)?$/;

const BUSY = '.MuiLinearProgress-root, .MuiCircularProgress-root, .MuiSkeleton-root';

/** Waits until nothing is loading: no request in flight and no progress indicator or "Loading…" text, twice. */
async function settle(page: Page, inflight: () => number): Promise<void> {
  const deadline = Date.now() + 20000;
  let quiet = 0;
  while (Date.now() < deadline) {
    const idle =
      inflight() === 0 &&
      (await page.evaluate(
        (busy) => !document.querySelector(busy) && !/Loading…|加载中/.test(document.body.innerText),
        BUSY,
      ));
    quiet = idle ? quiet + 1 : 0;
    if (quiet >= 3) return;
    // One frame: lets React render what the last answer brought.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  }
  throw new Error(`Still loading after 20 s: ${page.url()}`);
}

/** Watches the main area from now on: the next screen has rendered once it changed (hash routes answer at once). */
async function arm(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const w = window as unknown as { reviewChanged: boolean; reviewObserver?: MutationObserver };
    w.reviewObserver?.disconnect();
    w.reviewChanged = false;
    w.reviewObserver = new MutationObserver(() => {
      w.reviewChanged = true;
    });
    const main = document.querySelector('#main-content');
    if (main) w.reviewObserver.observe(main, { childList: true, subtree: true, characterData: true });
  });
  return async () => {
    await page.waitForFunction(() => (window as unknown as { reviewChanged: boolean }).reviewChanged, undefined, {
      timeout: 30000,
    });
  };
}

function findingsIn(text: string, locale: string): string[] {
  const found = [
    ...[...text.matchAll(RAW_ID)].map((m) => `raw id ${m[0]}`),
    ...[...text.matchAll(CODE_WORD)].map((m) => `code word ${m[0]}`),
    ...[...text.matchAll(BARE_ENUMS)].map((m) => `code word ${m[0]}`),
    ...codeLines(text).map((line) => `code word ${line.trim()}`),
    ...[...text.matchAll(NO_ACCESS)].map((m) => `no access "${m[0]}"`),
    ...[...text.matchAll(RAW_TIME)].map((m) => `raw time ${m[0]}`),
    ...(locale === 'zh-CN' ? englishLines(text).map((line) => `English "${line}"`) : []),
    ...(locale === 'zh-CN' ? [...text.matchAll(ENGLISH_NOTE)].map((m) => `English note "${m[0]}"`) : []),
  ];
  return [...new Set(found)];
}

/** The text of the visible text nodes, as written (innerText would apply CSS's upper-casing of buttons). */
async function visibleText(target: Locator): Promise<string> {
  if (!(await target.count())) return '';
  return target.first().evaluate((root) => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const value = node.nodeValue?.trim();
      if (value && node.parentElement?.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
        parts.push(value);
    }
    return parts.join('\n');
  });
}

function review(page: Page, user: string, locale: string) {
  const inflight = trackRequests(page);
  const findings: string[] = [];
  const visited: string[] = [];

  const look = async (label: string, area: Locator = page.locator('#main-content')): Promise<void> => {
    await settle(page, inflight);
    const text = await visibleText(area);
    visited.push(label);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      const name = `${user}-${locale}-${label}`.replace(/[^\w.-]+/g, '_');
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
      writeFileSync(path.join(SHOTS, `${name}.txt`), `${page.url()}\n${text}`);
    }
    for (const finding of findingsIn(text, locale)) findings.push(`${label} (${page.url()}): ${finding}`);
    // An error notification (a refused read or a failed request) is a finding too.
    const failure = page.locator('[class*="RaNotification-error"]');
    if (await failure.count()) findings.push(`${label} (${page.url()}): error "${await failure.first().innerText()}"`);
  };

  const go = async (hash: string, label: string): Promise<void> => {
    const changed = await arm(page);
    await page.goto(`/#${hash}`);
    await changed();
    await look(label);
  };

  return { findings, visited, look, go, inflight };
}

// Every user in both languages is 8 walks of the whole portal (about 7 minutes on two cores). By default each user
// walks once, the languages alternating so that each one is read by a user who sees every screen (admin in zh-CN, hr
// in English) and by a restricted one (leader, viewer); REVIEW_ALL=1 walks all eight.
const CASES: ReadonlyArray<readonly [(typeof USERS)[number], (typeof LOCALES)[number]]> =
  process.env.REVIEW_ALL === '1'
    ? USERS.flatMap((user) => LOCALES.map((locale) => [user, locale] as const))
    : [
        ['admin', 'zh-CN'],
        ['hr', 'en-US'],
        ['leader', 'zh-CN'],
        ['viewer', 'en-US'],
      ];

describe.each(USERS)('%s@demo.local', (user) => {
  it.each(CASES.filter(([who]) => who === user).map(([, locale]) => locale))(
    'sees every screen in %s without raw ids, code words or "no access"',
    async (locale) => {
      const { page } = await portal.signedIn(`${user}@demo.local`, locale);
      const screen = review(page, user, locale);
      await screen.look('dashboard');
      // Every menu label whole (none cut with an ellipsis, as "Qualification framew…" was).
      const cut = await page
        .locator('[class*="RaSidebar"] .MuiMenuItem-root')
        .evaluateAll((items) =>
          items.flatMap((item) =>
            [...item.querySelectorAll('*')]
              .filter((e) => e.children.length === 0 && e.scrollWidth > e.clientWidth + 1)
              .map((e) => e.textContent ?? ''),
          ),
        );
      for (const label of cut) screen.findings.push(`menu: "${label}" is cut`);

      // What the menu offers this user: custom screens and record lists.
      const links = await page
        .locator('[class*="RaSidebar"] a[href^="#/"]')
        .evaluateAll((anchors) => anchors.map((a) => (a.getAttribute('href') ?? '').slice(1)));
      expect(links.length).toBeGreaterThan(3);
      for (const hash of [...new Set(links)].filter((h) => h !== '/')) {
        const name = hash.slice(1);
        const listShown = await arm(page);
        await page.goto(`/#${hash}`);
        await listShown();
        const main = page.locator('#main-content');
        // A record list has rows or says it is empty; a screen of its own has its title.
        await main
          .locator('tbody tr, [class*="RaEmpty"], [class*="NoResults"], h5, h6, [data-testid]')
          .first()
          .waitFor({ timeout: 30000 });
        await screen.look(`${name}-list`);
        // A person column never blank (the leader's deciders outside their units are said to be so).
        const blank = await main
          .locator('td.column-deciderId, td.column-personId, td.column-ownerId')
          .evaluateAll((cells) => cells.filter((c) => !(c.textContent ?? '').trim()).length);
        if (blank) screen.findings.push(`${name}-list: ${blank} blank person cells`);
        // The demo's qualification frameworks read in Chinese too.
        if (name === 'QualificationFramework' && locale === 'zh-CN')
          expect(await main.locator('tbody').innerText()).toMatch(/[\u4e00-\u9fff]+任职资格标准/);

        // The import dialog, where the list offers it.
        const importButton = main.getByRole('button', { name: /^(Import|导入)$/ });
        if (await importButton.count()) {
          await importButton.first().click();
          const dialog = page.getByRole('dialog');
          await dialog.waitFor();
          await screen.look(`${name}-import`, dialog);
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'detached' });
        }

        const create = main.locator(`a[href="#${hash}/create"]`);
        const canCreate = (await create.count()) > 0;

        // The first record: its page, each tab of it, and its edit form.
        const row = main.locator('tbody tr.RaDataTable-clickableRow, tbody tr.RaDatagrid-clickableRow').first();
        // (A row that unfolds in place, as the audit log's do, is read on the list itself.)
        const unfolds = (await main.locator('.RaDataTable-expandIconCell').count()) > 0;
        if ((await row.count()) && !unfolds) {
          const before = page.url();
          const recordShown = await arm(page);
          // The pointer off the table first: a column header's sort tooltip it rests on would take the click.
          await page.mouse.move(0, 0);
          await page.getByRole('tooltip').first().waitFor({ state: 'hidden', timeout: 5000 });
          // On a plain cell: a cell's link (an org unit, a project) opens that other record.
          await row.locator('td:not(.MuiTableCell-paddingCheckbox):not(:has(a)):not(:has(button))').first().click();
          await page.waitForURL((url) => url.toString() !== before, { timeout: 15000 });
          await recordShown();
          await screen.look(`${name}-record`);
          // A refused read sends react-admin back to the list: the record's page must stay.
          if (!page.url().includes(`${hash}/`)) screen.findings.push(`${name}: a row click did not open the record`);
          const tabs = main.getByRole('tab');
          const tabCount = await tabs.count();
          for (let i = 1; i < tabCount; i += 1) {
            const tabShown = await arm(page);
            await tabs.nth(i).click();
            await tabShown();
            await screen.look(`${name}-record-tab${i}`);
          }
          const edit = main.locator('a.ra-edit-button, a[aria-label="Edit"], a[aria-label="编辑"]');
          if (SHOW_PAGE.test(page.url()) && (await edit.count())) {
            const formShown = await arm(page);
            await edit.first().click();
            await page.waitForURL((url) => !SHOW_PAGE.test(url.toString()), { timeout: 15000 });
            await formShown();
            await screen.look(`${name}-edit`);
          }
        }
        if (canCreate) await screen.go(`${hash}/create`, `${name}-create`);
      }
      if (!links.includes('/glossary')) await screen.go('/glossary', 'glossary');

      expect(screen.visited.length).toBeGreaterThan(5);
      expect(screen.findings).toEqual([]);
    },
    600000,
  );
});
