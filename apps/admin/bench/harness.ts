// What every portal benchmark shares: the built API (demo data) and the system's Chromium, stopped however the run
// ends; a failed run exits non-zero.
import { Browser } from 'playwright-core';
import { RunningApi, startApi } from '../e2e/support/api';
import { launchBrowser } from '../e2e/support/browser';

export function runBench(
  work: (api: RunningApi, browser: Browser) => Promise<void>,
  options?: Parameters<typeof startApi>[0],
): void {
  const run = async () => {
    const api = await startApi(options);
    const browser = await launchBrowser();
    try {
      await work(api, browser);
    } finally {
      await browser.close();
      await api.stop();
    }
  };
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
