// Starts one API for all e2e files (the demo seed takes a while) and records what it offers.
import { existsSync } from 'node:fs';
import { recordState, RunningApi, startApi } from './api';

declare global {
  var __IRON_TRIANGLE_API__: RunningApi | undefined;
}

export default async function globalSetup(): Promise<void> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `The end-to-end tests need Debian's Chromium at ${chromiumPath} (and a CJK font): ` +
        'apt-get install -y chromium fonts-wqy-microhei, or set CHROMIUM_PATH. `.ci/run` installs both.',
    );
  }
  const api = await startApi();
  globalThis.__IRON_TRIANGLE_API__ = api;
  await recordState(api, api.pid ?? 0);
}
