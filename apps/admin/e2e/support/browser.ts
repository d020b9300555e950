// Headless Chromium through playwright-core, with the system browser (never a downloaded one).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

export const ARTIFACTS = path.resolve(__dirname, '../../e2e-artifacts');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** JavaScript files the page requested, in order. */
  scripts: string[];
  /** Uncaught page errors and Content-Security-Policy violations (a broken screen shows up here). */
  errors: string[];
}

export function newContext(browser: Browser, baseURL: string, locale = 'en-US'): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale, viewport: { width: 1400, height: 900 } });
}

export async function openTab(browser: Browser, baseURL: string, locale = 'en-US'): Promise<Tab> {
  return watchTab(await newContext(browser, baseURL, locale));
}

/** A new page in `context`, watched for uncaught errors and CSP violations from its first request on. */
export async function watchTab(context: BrowserContext): Promise<Tab> {
  const page = await context.newPage();
  const scripts: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  // The API sends a Content-Security-Policy (apps/api/src/platform/security-headers.ts): anything it blocks is a
  // broken screen waiting to happen, so a violation counts as an error (Chromium reports each one on the console).
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      errors.push(`CSP: ${message.text()}`);
  });
  return { context, page, scripts, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Signs in on the plain sign-in screen and waits for the portal's dashboard. */
export async function signIn(page: Page, email: string, password = 'demo'): Promise<void> {
  await page.goto('/');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('welcome').waitFor({ timeout: 30000 });
}
