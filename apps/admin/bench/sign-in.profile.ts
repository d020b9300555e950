// Where the time of one sign-in goes: a waterfall of every request from pressing "sign in" to the filled dashboard
// (start and end in ms after the click, GraphQL operation names), and Chromium's Performance metrics (script,
// layout and task time in the page) — for a first and a return visit as admin. Run after building API and portal:
// npx tsx bench/sign-in.profile.ts (PROFILE_USER to pick another demo user).
import { Page } from 'playwright-core';
import { runBench } from './harness';

const USER = process.env.PROFILE_USER ?? 'admin@demo.local';
const QUIET_MS = 500;

interface Row {
  what: string;
  start: number;
  end: number;
  bytes: number;
}

type Metrics = Record<string, number>;

async function metrics(page: Page): Promise<Metrics> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const { metrics: list } = (await session.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  await session.detach();
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function signIn(page: Page): Promise<void> {
  const rows = new Map<string, Row>();
  let t0 = 0;
  let pending = 0;
  let lastDone = 0;
  let counting = false;
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Performance.enable');
  session.on(
    'Network.requestWillBeSent',
    (e: { requestId: string; request: { url: string; postData?: string }; timestamp: number }) => {
      if (!counting) return;
      const url = new URL(e.request.url);
      const op = e.request.postData?.match(/"(?:query|operationName)":"\s*(?:query|mutation)?\s*(\w+)/)?.[1];
      const what = url.pathname === '/graphql' ? `graphql ${op ?? '?'}` : url.pathname.replace('/assets/', '');
      rows.set(e.requestId, { what, start: e.timestamp * 1000 - t0, end: NaN, bytes: 0 });
    },
  );
  session.on('Network.loadingFinished', (e: { requestId: string; timestamp: number; encodedDataLength: number }) => {
    const row = rows.get(e.requestId);
    if (row) Object.assign(row, { end: e.timestamp * 1000 - t0, bytes: e.encodedDataLength });
  });
  session.on('Network.requestServedFromCache', (e: { requestId: string }) => {
    const row = rows.get(e.requestId);
    if (row) row.what += ' (cache)';
  });
  page.on('request', () => counting && pending++);
  const settle = () => {
    if (!counting) return;
    pending = Math.max(0, pending - 1);
    lastDone = performance.now();
  };
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);
  await page.goto('/');
  await page.locator('#email').fill(USER);
  await page.locator('#password').fill('demo');
  const before = await metrics(page);
  // Network event timestamps are on the same monotonic clock as the Performance domain's Timestamp metric.
  const { metrics: m0 } = (await session.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  t0 = (m0.find((m) => m.name === 'Timestamp')?.value ?? 0) * 1000;
  counting = true;
  const start = performance.now();
  await page.locator('button[type=submit]').click();
  await page.getByTestId('welcome').waitFor({ timeout: 60000 });
  const welcome = performance.now() - start;
  for (;;) {
    await page.waitForTimeout(50);
    if (pending === 0 && performance.now() - Math.max(lastDone, start) >= QUIET_MS) break;
  }
  counting = false;
  const after = await metrics(page);
  await session.detach();
  const d = (k: string) => ((after[k] ?? 0) - (before[k] ?? 0)) * 1000;
  console.log(`welcome ${welcome.toFixed(0)} ms, filled ${Math.max(lastDone - start, welcome).toFixed(0)} ms`);
  console.log(
    `page: script ${d('ScriptDuration').toFixed(0)} ms, task ${d('TaskDuration').toFixed(0)} ms, ` +
      `layout ${d('LayoutDuration').toFixed(0)} ms, style ${d('RecalcStyleDuration').toFixed(0)} ms`,
  );
  for (const row of [...rows.values()].sort((a, b) => a.start - b.start))
    console.log(
      `${row.start.toFixed(0).padStart(6)} → ${row.end.toFixed(0).padStart(6)}  ${(row.bytes / 1024)
        .toFixed(1)
        .padStart(7)} KB  ${row.what}`,
    );
}

runBench(
  async (api, browser) => {
    const context = await browser.newContext({ baseURL: api.url, locale: 'zh-CN' });
    const page = await context.newPage();
    console.log(`# ${USER}, first visit`);
    await signIn(page);
    await page.evaluate(() => localStorage.clear());
    console.log(`# ${USER}, return visit`);
    await signIn(page);
    console.log('# the API, per GraphQL request (its own time, SQL statements)');
    for (const line of api.logs().split('\n')) {
      if (!line.includes('graphql request')) continue;
      try {
        const entry = JSON.parse(line) as { operation?: string; durationMs?: number; statements?: number };
        console.log(`${String(entry.durationMs).padStart(9)} ms  ${entry.statements ?? '-'} SQL  ${entry.operation}`);
      } catch {
        console.log(line);
      }
    }
    await context.close();
  },
  { logLevel: 'info' },
);
