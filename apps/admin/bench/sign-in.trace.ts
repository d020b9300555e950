// What the page does between pressing "sign in" and the welcome line: main-thread long tasks (PerformanceObserver)
// and when the portal's landmarks first appear (the loading line, the app bar, the dashboard's progress bar, the
// welcome line, the first card), in ms after the click — for a first and a return visit (TRACE_USER, admin default).
// Run after building API and portal: npx tsx bench/sign-in.trace.ts
import { Page } from 'playwright-core';
import { runBench } from './harness';

const USER = process.env.TRACE_USER ?? 'admin@demo.local';
const LANDMARKS: Record<string, string> = {
  loading: 'p:not([role])',
  appBar: 'header',
  progress: '[role=progressbar]',
  welcome: '[data-testid=welcome]',
  firstCard: '[data-testid^=dash-]',
  chart: '.MuiChartsSurface-root, svg.MuiChartsSurface-root',
};

interface Trace {
  longTasks: Array<{ start: number; duration: number }>;
  seen: Record<string, number>;
  clickAt: number;
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/');
  await page.locator('#email').fill(USER);
  await page.locator('#password').fill('demo');
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(`(() => {
    const landmarks = ${JSON.stringify(LANDMARKS)};
    const trace = { longTasks: [], seen: {}, clickAt: 0 };
    window.__trace = trace;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) trace.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    const check = () => {
      for (const [name, selector] of Object.entries(landmarks))
        if (!(name in trace.seen) && document.querySelector(selector)) trace.seen[name] = performance.now();
    };
    new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
    document.querySelector('button[type=submit]').addEventListener('click', () => {
      trace.clickAt = performance.now();
    });
  })()`);
  const names: string[] = [];
  const name = (body: string | null) => /(query|mutation)\s+(\w+)/.exec(body ?? '')?.[2] ?? 'anonymous';
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql')) names.push(name(r.postData()));
  });
  await page.locator('button[type=submit]').click();
  await page.getByTestId('welcome').waitFor({ timeout: 60000 });
  await page.waitForTimeout(2500);
  const trace = await page.evaluate(() => (window as unknown as { __trace: Trace }).__trace);
  const at = (t: number) => (t - trace.clickAt).toFixed(0).padStart(6);
  const answers = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e): e is PerformanceResourceTiming => e.name.endsWith('/graphql'))
      .map((e) => ({
        start: e.startTime,
        end: e.responseEnd,
        server: e.serverTiming.find((t) => t.name === 'app')?.duration ?? NaN,
      })),
  );
  const requests = answers.filter((e) => e.start >= trace.clickAt);
  for (const [i, r] of requests.entries())
    console.log(
      `${at(r.start)}  ${names[i] ?? 'GraphQL'} asked; answered at ${at(r.end).trim()} ` +
        `(${r.server.toFixed(0)} ms in the API)`,
    );
  for (const [name, t] of Object.entries(trace.seen).sort((a, b) => a[1] - b[1])) console.log(`${at(t)}  ${name}`);
  const after = trace.longTasks.filter((t) => t.start >= trace.clickAt);
  const total = after.reduce((s, t) => s + t.duration, 0);
  console.log(`long tasks after the click: ${after.length}, ${total.toFixed(0)} ms`);
  for (const t of after) console.log(`${at(t.start)}  long task ${t.duration.toFixed(0)} ms`);
}

runBench(async (api, browser) => {
  const context = await browser.newContext({ baseURL: api.url, locale: 'zh-CN' });
  const page = await context.newPage();
  console.log(`# ${USER}, first visit`);
  await signIn(page);
  await page.evaluate(() => localStorage.clear());
  console.log(`# ${USER}, return visit`);
  await signIn(page);
  await context.close();
});
