// The harness every e2e file shares: the API globalSetup started, one Chromium for the file, and tabs (browser
// contexts) that are closed after each test, which fails if any of them saw an uncaught error or a CSP violation.
//
// Signing in costs a fresh context (the whole portal bundle fetched and compiled again) and the API's password hash
// (~0.65 s of CPU): `signedInOnce` pays both once per user (and language) in a file. The first test signs in through
// the UI; later ones get a new tab in that user's context (its HTTP cache warm), whose storage is reset before the
// portal loads to what a fresh sign-in leaves: the session and nothing else (no language chosen, no tour dismissed,
// no list filters). Tests ABOUT signing in or out, the sign-in screen or the session keep to `tab`/`signedIn`.
import { Browser, BrowserContext, Page } from 'playwright-core';
import { connectApi, RunningApi } from './api';
import { launchBrowser, newContext, openTab, signIn, Tab, watchTab } from './browser';

const SESSION_KEY = 'ironTriangle.session';

export interface Portal {
  /** The API that globalSetup started (available as soon as usePortal returns). */
  readonly api: RunningApi;
  /** The file's Chromium (available from the first beforeAll on). */
  readonly browser: Browser;
  /** Opens a new tab (its own context) on the portal, closed after the test. */
  tab: (locale?: string) => Promise<Tab>;
  /** Opens a new tab and signs in as `email`. */
  signedIn: (email: string, locale?: string, password?: string) => Promise<Tab>;
  /**
   * A tab on the dashboard signed in as `email`, signing in through the UI only the first time in the file: later
   * calls open a new tab in the same context (per locale) with storage reset to the session alone. `watch` is called
   * on the page before it loads the portal (to listen to its requests from the first one). The tab is closed after
   * the test; the context stays open until the file ends.
   */
  signedInOnce: (email: string, locale?: string, password?: string, watch?: (page: Page) => void) => Promise<Tab>;
}

interface Shared {
  context: BrowserContext;
}

/** Before any of the page's documents runs: storage as a fresh sign-in leaves it (once per tab; reloads keep it). */
async function resetStorage(page: Page, session: string): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      // Only the portal's own documents (a blank or opaque-origin frame has no storage to reset).
      if (location.protocol !== 'http:' || sessionStorage.getItem('e2e.storageReset')) return;
      sessionStorage.setItem('e2e.storageReset', '1');
      localStorage.clear();
      localStorage.setItem(key!, value!);
    },
    [SESSION_KEY, session],
  );
}

/**
 * Registers the file's beforeAll (launch Chromium), afterEach (close the test's tabs, expect no uncaught errors) and
 * afterAll (close Chromium). Call it once at the top of an e2e file, before the file's own hooks.
 */
export function usePortal(): Portal {
  const api = connectApi();
  let browser: Browser | undefined;
  const tabs: Array<{ tab: Tab; shared: boolean }> = [];
  // Per "email locale": the context kept open for the file. Per email: the session its first sign-in stored.
  const contexts = new Map<string, Shared>();
  const sessions = new Map<string, string>();
  // E2E_SESSION_REUSE=context: a new context per test made from the session instead of a new tab in a kept one
  // (cold HTTP cache; kept for measuring the two); =off: a UI sign-in every time.
  const reuse = process.env.E2E_SESSION_REUSE ?? 'page';

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterEach(async () => {
    const opened = tabs.splice(0);
    const uncaught = opened.flatMap(({ tab: t }) => t.errors);
    await Promise.all(opened.map(({ tab: t, shared }) => (shared ? t.page.close() : t.context.close())));
    expect(uncaught).toEqual([]);
  });

  afterAll(async () => {
    await Promise.all([...contexts.values()].map((s) => s.context.close()));
    contexts.clear();
    await browser?.close();
  });

  const launched = (): Browser => {
    if (!browser) throw new Error('usePortal: the browser is launched in beforeAll; open tabs inside tests.');
    return browser;
  };

  const tab = async (locale = 'en-US'): Promise<Tab> => {
    const opened = await openTab(launched(), api.url, locale);
    tabs.push({ tab: opened, shared: false });
    return opened;
  };

  const signedIn = async (email: string, locale = 'en-US', password?: string): Promise<Tab> => {
    const opened = await tab(locale);
    await signIn(opened.page, email, password);
    return opened;
  };

  const signedInOnce = async (
    email: string,
    locale = 'en-US',
    password?: string,
    watch?: (page: Page) => void,
  ): Promise<Tab> => {
    const session = sessions.get(email);
    if (reuse === 'off' || !session) {
      // The first time: a real sign-in, whose context is kept (unless off) and whose stored session is remembered.
      const context = await newContext(launched(), api.url, locale);
      const opened = await watchTab(context);
      const shared = reuse !== 'off';
      if (shared) contexts.set(`${email} ${locale}`, { context });
      tabs.push({ tab: opened, shared });
      watch?.(opened.page);
      await signIn(opened.page, email, password);
      const stored = await opened.page.evaluate((key) => localStorage.getItem(key), SESSION_KEY);
      if (!stored) throw new Error(`signedInOnce: no session stored after ${email} signed in`);
      if (shared) sessions.set(email, stored);
      return opened;
    }
    let opened: Tab;
    if (reuse === 'context') {
      opened = await watchTab(await newContext(launched(), api.url, locale));
      tabs.push({ tab: opened, shared: false });
    } else {
      const key = `${email} ${locale}`;
      let shared = contexts.get(key);
      if (!shared) {
        shared = { context: await newContext(launched(), api.url, locale) };
        contexts.set(key, shared);
      }
      opened = await watchTab(shared.context);
      tabs.push({ tab: opened, shared: true });
    }
    await resetStorage(opened.page, session);
    watch?.(opened.page);
    await opened.page.goto('/');
    await opened.page.getByTestId('welcome').waitFor({ timeout: 30000 });
    return opened;
  };

  return {
    api,
    get browser(): Browser {
      return launched();
    },
    tab,
    signedIn,
    signedInOnce,
  };
}
