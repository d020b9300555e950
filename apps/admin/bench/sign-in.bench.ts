// Sign-in to a filled dashboard, in headless Chromium against the built API and portal (issue #16, item 10).
// Prints, per demo user: the time from pressing "sign in" to the welcome line and to a filled dashboard (its last
// change painted and its last answer in; read once no request was made for QUIET_MS), the scripts and GraphQL
// requests it took, and the bytes on the wire and once decoded — for a first visit (empty cache) and a return
// visit (a new sign-in in the same browser profile: hashed assets come from the cache); each clicked at once after
// the page loads, and as a person signs in, who takes TYPING_MS to type an email and a password (the portal's code
// loads meanwhile). Medians over RUNS rounds.
// Run: npm run bench -w @iron-triangle/admin, after building apps/api and apps/admin (`npx turbo run build`);
// BENCH_RUNS rounds (default 5), BENCH_USERS to measure some demo users only (comma-separated).
// Figures, not pass/fail: the machine decides them.
import { Browser, BrowserContext, Page } from 'playwright-core';
import { RunningApi } from '../e2e/support/api';
import { runBench } from './harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const QUIET_MS = 500;
/** How long the sign-in screen is shown before "sign in" is pressed in the typed rows. */
const TYPING_MS = Number(process.env.TYPING_MS ?? 1500);
const ALL_USERS = ['admin@demo.local', 'hr@demo.local', 'leader@demo.local', 'viewer@demo.local'];
/** BENCH_USERS (comma-separated) measures only those demo users. */
const USERS = process.env.BENCH_USERS ? process.env.BENCH_USERS.split(',') : ALL_USERS;
/** The figures before any of this work (localhost; sign-in to a filled dashboard). */
const BEFORE = 'before (issue #16): 2.1–2.8 s, 7.4 s the first time; 25 chunks, 1.0 MB raw / 319 KB gzip; 10 GraphQL';

interface Visit {
  welcomeMs: number;
  filledMs: number;
  scripts: number;
  graphql: number;
  wireBytes: number;
  decodedBytes: number;
}

type Mode = 'first visit' | 'return visit';
type Row = { mode: Mode; typed: boolean };

async function visit(page: Page, email: string, typingMs: number): Promise<Visit> {
  let scripts = 0;
  let graphql = 0;
  let wireBytes = 0;
  let decodedBytes = 0;
  let pending = 0;
  let lastDone = 0;
  let counting = false;
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  session.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    if (counting) wireBytes += e.encodedDataLength;
  });
  session.on('Network.dataReceived', (e: { dataLength: number }) => {
    if (counting) decodedBytes += e.dataLength;
  });
  page.on('request', (r) => {
    if (!counting) return;
    pending++;
    if (r.resourceType() === 'script') scripts++;
    if (r.url().endsWith('/graphql')) graphql++;
  });
  const settle = () => {
    if (!counting) return;
    pending = Math.max(0, pending - 1);
    lastDone = performance.now();
  };
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);
  await page.goto('/');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill('demo');
  if (typingMs) await page.waitForTimeout(typingMs);
  // Timed in the page, as the person sees it: from the click's event to the first frame painted with the welcome
  // line, and to the later of the last frame painted after a change to the page (cards, charts) and the end of the
  // last response that started after the click: "filled" (the harness's own round trips to the browser are not in
  // the figures). A string, not a function: tsx would wrap named functions in a helper.
  await page.evaluate(`(() => {
    const timing = { clickAt: 0, welcomeAt: 0, changedAt: 0 };
    window.__timing = timing;
    document.querySelector('button[type=submit]').addEventListener('click', () => {
      timing.clickAt = performance.now();
    });
    const seen = () => {
      if (!timing.clickAt) return;
      requestAnimationFrame(() => {
        timing.changedAt = performance.now();
      });
      if (timing.welcomeAt || !document.querySelector('[data-testid=welcome]')) return;
      timing.welcomeAt = -1;
      requestAnimationFrame(() => {
        timing.welcomeAt = performance.now();
      });
    };
    new MutationObserver(seen).observe(document.body, { childList: true, subtree: true });
  })()`);
  counting = true;
  const start = performance.now();
  await page.locator('button[type=submit]').click();
  await page.getByTestId('welcome').waitFor({ timeout: 60000 });
  // Filled: nothing in flight and nothing new for QUIET_MS.
  for (;;) {
    await page.waitForTimeout(50);
    if (pending === 0 && performance.now() - Math.max(lastDone, start) >= QUIET_MS) break;
  }
  counting = false;
  await session.detach();
  const { welcomeMs, lastAnswerMs, lastChangeMs } = await page.evaluate(() => {
    type Timing = { clickAt: number; welcomeAt: number; changedAt: number };
    const { clickAt, welcomeAt, changedAt } = (window as unknown as { __timing: Timing }).__timing;
    const ends = performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime >= clickAt)
      .map((e) => (e as PerformanceResourceTiming).responseEnd);
    return {
      welcomeMs: welcomeAt - clickAt,
      lastAnswerMs: Math.max(0, ...ends) - clickAt,
      lastChangeMs: changedAt - clickAt,
    };
  });
  const filledMs = Math.max(lastAnswerMs, lastChangeMs, welcomeMs);
  return { welcomeMs, filledMs, scripts, graphql, wireBytes, decodedBytes };
}

async function signOut(page: Page): Promise<void> {
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
}

async function measure(browser: Browser, api: RunningApi, email: string, { mode, typed }: Row): Promise<Visit> {
  const context: BrowserContext = await browser.newContext({ baseURL: api.url, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    if (mode === 'return visit') {
      await visit(page, email, 0);
      await signOut(page);
    }
    return await visit(page, email, typed ? TYPING_MS : 0);
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

runBench(async (api, browser) => {
  console.log(`sign-in to a filled dashboard, ${RUNS} rounds per row (medians); ${BEFORE}`);
  console.log('| user | visit | welcome ms | filled ms | scripts | GraphQL | on the wire KB | decoded KB |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  const rows: Row[] = [
    { mode: 'first visit', typed: false },
    { mode: 'first visit', typed: true },
    { mode: 'return visit', typed: false },
    { mode: 'return visit', typed: true },
  ];
  // One round unmeasured: the first requests after the API's start warm its paths.
  await measure(browser, api, USERS[0] as string, rows[0] as Row);
  for (const email of USERS)
    for (const row of rows) {
      const runs: Visit[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, api, email, row));
      const m = (f: (v: Visit) => number) => median(runs.map(f));
      const how = row.typed ? `typed (${TYPING_MS} ms)` : 'at once';
      console.log(
        `| ${email} | ${row.mode}, ${how} | ${m((v) => v.welcomeMs).toFixed(0)} | ` +
          `${m((v) => v.filledMs).toFixed(0)} | ` +
          `${m((v) => v.scripts)} | ${m((v) => v.graphql)} | ${(m((v) => v.wireBytes) / 1024).toFixed(0)} | ` +
          `${(m((v) => v.decodedBytes) / 1024).toFixed(0)} |`,
      );
    }
});
