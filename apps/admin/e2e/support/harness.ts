// The harness every e2e file shares: the API globalSetup started, one Chromium for the file, and tabs (browser
// contexts) that are closed after each test, which fails if any of them saw an uncaught error or a CSP violation.
import { Browser } from 'playwright-core';
import { connectApi, RunningApi } from './api';
import { launchBrowser, openTab, signIn, Tab } from './browser';

export interface Portal {
  /** The API that globalSetup started (available as soon as usePortal returns). */
  readonly api: RunningApi;
  /** The file's Chromium (available from the first beforeAll on). */
  readonly browser: Browser;
  /** Opens a new tab (its own context) on the portal, closed after the test. */
  tab: (locale?: string) => Promise<Tab>;
  /** Opens a new tab and signs in as `email`. */
  signedIn: (email: string, locale?: string, password?: string) => Promise<Tab>;
}

/**
 * Registers the file's beforeAll (launch Chromium), afterEach (close the test's tabs, expect no uncaught errors) and
 * afterAll (close Chromium). Call it once at the top of an e2e file, before the file's own hooks.
 */
export function usePortal(): Portal {
  const api = connectApi();
  let browser: Browser | undefined;
  const tabs: Tab[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterEach(async () => {
    const uncaught = tabs.flatMap((t) => t.errors);
    await Promise.all(tabs.splice(0).map((t) => t.context.close()));
    expect(uncaught).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const tab = async (locale = 'en-US'): Promise<Tab> => {
    if (!browser) throw new Error('usePortal: the browser is launched in beforeAll; open tabs inside tests.');
    const opened = await openTab(browser, api.url, locale);
    tabs.push(opened);
    return opened;
  };

  const signedIn = async (email: string, locale = 'en-US', password?: string): Promise<Tab> => {
    const opened = await tab(locale);
    await signIn(opened.page, email, password);
    return opened;
  };

  return {
    api,
    get browser(): Browser {
      if (!browser) throw new Error('usePortal: the browser is launched in beforeAll.');
      return browser;
    },
    tab,
    signedIn,
  };
}
