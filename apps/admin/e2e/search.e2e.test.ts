// Issue #16 items 8–9 against the real API: the app bar's search (either script, employee number), the glossary page
// and the first-run tour.
import { signIn } from './support/browser';
import { usePortal } from './support/harness';

const { tab } = usePortal();

describe('global search', () => {
  it('finds a person by Chinese name, pinyin or employee number and opens their page', async () => {
    const { page } = await tab();
    await signIn(page, 'viewer@demo.local');
    const search = page.getByRole('combobox', { name: 'Find a person, project or customer' });
    for (const text of ['王伟', 'wang wei', 'E1001']) {
      await search.fill(text);
      const people = page.getByRole('listbox').locator('li', { hasText: 'People' });
      // Found by either script; offered in the reader's (English: the pinyin).
      await people.getByRole('option', { name: /^Wang Wei\s*E1001/ }).waitFor();
    }
    await search.press('Enter');
    await page.waitForURL(/#\/Person\/\d+\/show$/);
    await page.getByText('E1001').first().waitFor();
  });
});

describe('glossary and tour', () => {
  it('opens the glossary from the menu, and the tour stays dismissed after a reload', async () => {
    const { page } = await tab('zh-CN');
    await signIn(page, 'leader@demo.local');
    const tour = page.getByTestId('first-run-tour');
    await tour.getByText('入门').waitFor();
    await page.getByRole('menuitem', { name: '术语表' }).click();
    await page.getByTestId('term-ATTAINMENT_GATE').getByText('达成门槛').waitFor();
    await page.goto('/');
    await tour.getByRole('button', { name: '知道了，不再显示' }).click();
    await tour.waitFor({ state: 'detached' });
    await page.reload();
    // The tour renders with the welcome line (the same render, its state read from storage then).
    await page.getByTestId('welcome').waitFor();
    expect(await tour.count()).toBe(0);
  });
});
