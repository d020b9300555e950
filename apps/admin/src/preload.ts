// The portal's code for the first screen after sign-in (react-admin, the dashboard, its charts, and the API schema the
// records provider reads, already read into its resources), fetched and evaluated while the sign-in screen is shown:
// pressing "sign in" then waits only for the API. No react-admin here: this is the entry chunk; the imports below are
// its separate chunks.
import { eagerLazy } from './components/lazy';
import { loadEarlyCards } from './dashboard/dashboardQuery';

/** The portal, rendered without suspending once it is loaded (components/lazy.ts). */
export const AdminAppScreen = eagerLazy(() => import('./AdminApp'));
export const loadAdminApp = AdminAppScreen.preload;

let loading: Promise<void> | null = null;

/** Loads the portal's first screen once; a failure is left for the screen itself to show when it loads. */
export function preloadPortal(): Promise<void> {
  loading ??= Promise.all([
    // The portal shows its menu once the records provider has read the schema (AdminApp's useServedResources).
    loadAdminApp().then(({ readSchema }) => readSchema()),
    // The dashboard screen through the portal's own lazy component, and its charts and funnel card through the
    // dashboard's: so that each renders at once after sign-in instead of suspending (components/lazy.ts).
    loadAdminApp().then(({ preloadDashboard }) => preloadDashboard()),
    loadEarlyCards(),
  ]).then(
    () => undefined,
    () => undefined,
  );
  return loading;
}

/** Runs `task` when the page is next idle (soon after the sign-in screen is painted); returns a cancel function. */
export function whenIdle(task: () => void, timeoutMs = 300): () => void {
  if (typeof globalThis.requestIdleCallback === 'function') {
    const handle = globalThis.requestIdleCallback(task, { timeout: timeoutMs });
    return () => globalThis.cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 0);
  return () => clearTimeout(handle);
}
