import { clearState } from './api';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__IRON_TRIANGLE_API__?.stop();
  clearState();
}
