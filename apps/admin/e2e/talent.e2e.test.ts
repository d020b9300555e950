// Talent search (issue #15) against the real API and the built portal, on the demo data: the search screen from the
// menu, in English and Chinese, names linked to the person; and the team-appointment form suggesting people qualified
// at the staffing rule's minimum (the demo's default rules: AR needs level 3 on grade I, 2 on II, 1 on III).
import { gql, tokenFor } from './support/api';
import { screenshot, Tab } from './support/browser';
import { usePortal } from './support/harness';
import { pick } from './support/ui';

const portal = usePortal();
const { api } = portal;

const tab = (email: string, locale?: string): Promise<Tab> => portal.signedInOnce(email, locale);

describe('talent search', () => {
  it('finds the qualified ARs from the menu and opens a person', async () => {
    const token = await tokenFor(api, 'hr@demo.local');
    const { qualifiedPeoplePage } = await gql<{
      qualifiedPeoplePage: { totalCount: number; items: Array<{ person: { latinName: string | null; name: string } }> };
    }>(
      api,
      token,
      '{ qualifiedPeoplePage(role: AR, minLevel: 2, first: 1) { totalCount items { person { name latinName } } } }',
    );
    expect(qualifiedPeoplePage.totalCount).toBeGreaterThan(0);
    const first = qualifiedPeoplePage.items[0]!.person;

    const { page } = await tab('hr@demo.local');
    await page.getByRole('menuitem', { name: 'Talent search' }).click();
    await page.waitForURL(/#\/talent$/);
    await page.getByLabel('Minimum level').fill('2');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText(new RegExp(`${qualifiedPeoplePage.totalCount} (people|person) found`)).waitFor();
    const link = page.getByRole('row').nth(1).getByRole('link');
    expect(await link.innerText()).toBe(first.latinName || first.name);
    await screenshot(page, 'talent-search');
    await link.click();
    await page.waitForURL(/#\/Person\/\d+\/show$/);
  });

  it('speaks Chinese, with names as written', async () => {
    const { page } = await tab('hr@demo.local', 'zh-CN');
    await page.getByRole('menuitem', { name: '人才搜索' }).click();
    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByText(/找到 \d+ 人/).waitFor();
    const name = await page.getByRole('row').nth(1).getByRole('link').innerText();
    expect(name).toMatch(/\p{Script=Han}/u);
  });
});

describe('team appointment', () => {
  it("suggests people qualified at the staffing rule's minimum; picking one fills in the person", async () => {
    const token = await tokenFor(api, 'admin@demo.local');
    const { allProjects } = await gql<{ allProjects: Array<{ name: string; grade: string }> }>(
      api,
      token,
      '{ allProjects(perPage: 100, filter: { grade: II }) { name grade } }',
    );
    const project = allProjects[0]!;
    const { page } = await tab('admin@demo.local');
    await page.goto('/#/TeamAppointment/create');
    await pick(page, 'Project', project.name);
    await page.getByRole('combobox', { name: 'Triangle role' }).click();
    await page.getByRole('option', { name: 'AR · Account Responsible' }).click();
    await page.getByText('The staffing rules require level 2 or higher for this role on this project.').waitFor();
    expect(await page.getByLabel('Minimum level').inputValue()).toBe('2');
    const chip = page.getByTestId('qualified-suggestions').getByRole('button').first();
    const label = await chip.innerText();
    await chip.click();
    const personName = label.split(' · ')[0]!;
    // The picker shows the person's name once it has read the record the chip filled in.
    const person = page.getByRole('combobox', { name: 'Person', exact: true });
    await page.waitForFunction(([input, name]) => (input as HTMLInputElement).value.includes(name), [
      await person.elementHandle(),
      personName,
    ] as const);
    expect(await person.inputValue()).toContain(personName);
    await screenshot(page, 'team-appointment-suggestions');
  });
});
