// Small helpers for driving react-admin forms.
import { Locator, Page } from 'playwright-core';

/** Chooses an option in a react-admin AutocompleteInput by typing part of its text (within `scope`, e.g. one form). */
export async function pick(page: Page, label: string, text: string, scope: Page | Locator = page): Promise<void> {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: text }).first().click();
}

/** Opens an AutocompleteInput without typing and chooses the option containing `text`. */
export async function choose(page: Page, label: string, text: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: text }).first().click();
}

/** The text of the snackbar notification react-admin shows last. */
export async function notification(page: Page): Promise<string> {
  const snackbar = page.locator('.MuiSnackbarContent-message').last();
  await snackbar.waitFor({ timeout: 15000 });
  return snackbar.innerText();
}
