// Re-certification against the real API: two certifications end within 30 days; HR opens the Re-certification
// screen, selects both and schedules their re-assessment in one go; the list shows them scheduled, and one of the
// people finds the notification in their bell.
import { gql, tokenFor } from './support/api';
import { screenshot, Tab } from './support/browser';
import { createFixtures, Fixtures } from './support/fixtures';
import { usePortal } from './support/harness';

const portal = usePortal();
const { api } = portal;
let f: Fixtures;
const PERSON_PASSWORD = 'demo-recertify';
let personEmail: string;
const DAY = 86_400_000;

beforeAll(async () => {
  f = await createFixtures(api);
  const admin = await tokenFor(api, 'admin@demo.local');
  const one = async <T = { id: string }>(query: string, variables: Record<string, unknown> = {}) =>
    Object.values(await gql<Record<string, T>>(api, admin, query, variables))[0] as T;
  // A framework of its own (AR, one dimension, level 1 from proficiency 1, valid one month).
  // The role model of AR exists (one per role): a draft version of it of our own, not the one in use.
  const models = await one<Array<{ id: string }>>('{ r: allRoleModels(filter: { role: [AR] }) { id } }');
  const versionNo = 1000 + (Date.now() % 100_000_000);
  const version = await one(
    `mutation { r: createRoleModelVersion(roleModelId: "${models[0]!.id}", versionNo: ${versionNo},
      status: "DRAFT") { id } }`,
  );
  await one(`mutation { r: createRoleModelDimension(roleModelVersionId: "${version.id}", code: "D1", name: "D1",
    nameZh: "D1") { id } }`);
  const framework = await one(
    `mutation($v: ID!, $n: String!) { r: createQualificationFramework(role: AR, roleModelVersionId: $v, name: $n,
      validityMonths: 1, status: "ACTIVE", managerMayCertify: false) { id } }`,
    { v: version.id, n: `Recert framework ${f.suffix}` },
  );
  const level = await one(
    `mutation { r: createQualificationLevel(frameworkId: "${framework.id}", level: 1, name: "L1", nameZh: "1 级")
      { id } }`,
  );
  await one(`mutation { r: createLevelRequirement(levelId: "${level.id}", dimensionCode: "D1", minProficiency: 1)
    { id } }`);
  // Assessed ten days ago on a one-month framework: both end in about 20 days.
  for (const personId of [f.delegateId, f.fourthId])
    await one(
      `mutation($p: ID!, $fw: ID!, $at: DateTime!, $since: DateTime!) { r: createAssessment(personId: $p,
        frameworkId: $fw, kind: PANEL, assessedAt: $at, inRoleSince: $since, completedProjects: 1,
        ratings: [{ dimension: "D1", proficiency: 3 }]) { id } }`,
      {
        p: personId,
        fw: framework.id,
        at: new Date(Date.now() - 10 * DAY).toISOString(),
        since: new Date(Date.now() - 400 * DAY).toISOString(),
      },
    );
  personEmail = `recert-${f.suffix.toLowerCase()}@demo.local`;
  await one(
    `mutation($email: String!, $person: ID!, $password: String!) { createUser(email: $email, password: $password,
      role: VIEWER, personId: $person) { id } }`,
    { email: personEmail, person: f.delegateId, password: PERSON_PASSWORD },
  );
});

const tab = (email: string, password: string, locale?: string): Promise<Tab> =>
  portal.signedIn(email, locale, password);

describe('re-certification', () => {
  it('HR schedules re-assessment for two expiring certifications; the person’s bell shows it', async () => {
    const { page } = await tab('hr@demo.local', 'demo');
    // From the dashboard's certifications card to the screen.
    await page.getByTestId('dash-recertification').click();
    await page.waitForURL(/#\/recertification$/);
    const rows = page.getByTestId('recert-row');
    const delegate = rows.filter({ hasText: f.delegateName });
    const fourth = rows.filter({ hasText: f.fourthName });
    await delegate.waitFor();
    expect(await delegate.innerText()).toMatch(/Not scheduled/);
    await delegate.getByRole('checkbox').check();
    await fourth.getByRole('checkbox').check();
    await page.getByTestId('recert-schedule').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Schedule a re-assessment for 2 people').waitFor();
    await dialog.getByTestId('recert-due').fill(new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10));
    await dialog.getByLabel('Note (optional)').fill('Panel next week');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.waitFor({ state: 'detached' });
    await delegate.getByText(/Scheduled, due/).waitFor();
    await fourth.getByText(/Scheduled, due/).waitFor();
    await screenshot(page, 'recertification-en');

    const person = await tab(personEmail, PERSON_PASSWORD);
    await person.page
      .getByTestId('notification-count')
      .filter({ hasText: /^[1-9]\d*$/ })
      .waitFor();
    await person.page.getByRole('button', { name: 'Notifications' }).click();
    const item = person.page.getByTestId('notification-item').filter({ hasText: /Re-assessment as .* scheduled/ });
    await item.first().waitFor();
    expect(await item.first().innerText()).toContain('Panel next week');
  });
});
