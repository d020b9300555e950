// Starts one API for all e2e files (the demo seed takes a while) and records what it offers.
import { recordState, RunningApi, startApi } from './api';

declare global {
  var __IRON_TRIANGLE_API__: RunningApi | undefined;
}

export default async function globalSetup(): Promise<void> {
  const api = await startApi();
  globalThis.__IRON_TRIANGLE_API__ = api;
  await recordState(api, api.pid ?? 0);
}
