// Role-model versions (issue #15), against the real API and the built portal: on the FR model's page the
// administrator starts a draft (a copy of the version in force), changes one key behaviour and adds another as rows,
// sees the draft beside the version in force in the publish dialog and publishes it with one call: the draft is in
// force, the version before it retired, and the version in force keeps its own behaviours.
import { gql, tokenFor } from './support/api';
import { screenshot, signIn } from './support/browser';
import { usePortal } from './support/harness';

const portal = usePortal();
const { api } = portal;

interface Version {
  id: string;
  versionNo: number;
  status: string;
  publishedAt: string | null;
  notes: string | null;
  dimensions: Array<{ code: string; indicators: Array<{ code: string; name: Record<string, string> }> }>;
}

it('an administrator drafts a new FR model version, changes a behaviour, sees the diff and publishes it', async () => {
  const token = await tokenFor(api, 'admin@demo.local');
  const versionsOf = async (modelId: string) =>
    (
      await gql<{ allRoleModelVersions: Version[] }>(
        api,
        token,
        `query($m: ID) { allRoleModelVersions(filter: { roleModelId: $m }, perPage: 100) { id versionNo status
          publishedAt notes dimensions { code indicators } } }`,
        { m: modelId },
      )
    ).allRoleModelVersions;
  const model = (
    await gql<{ allRoleModels: Array<{ id: string }> }>(api, token, '{ allRoleModels(filter: { role: [FR] }) { id } }')
  ).allRoleModels[0];
  expect(model).toBeDefined();
  const modelId = model!.id;
  const before = await versionsOf(modelId);
  const inForce = before.find((v) => v.status === 'PUBLISHED')!;
  expect(before.filter((v) => v.status === 'DRAFT')).toEqual([]);
  const first = inForce.dimensions[0]!;
  const oldBehaviour = first.indicators[0]!;
  const suffix = Math.random().toString(36).slice(2, 7).toUpperCase();
  const renamed = `Lead a high-performance delivery team ${suffix}`;

  const tab = await portal.tab();
  const { page } = tab;
  await signIn(page, 'admin@demo.local');
  await page.goto(`/#/RoleModel/${modelId}/show`);
  await page.getByRole('button', { name: 'New draft' }).click();
  await page.waitForURL(/RoleModelVersion\/\d+$/);
  const draftId = /RoleModelVersion\/(\d+)$/.exec(page.url())![1]!;

  // The copy's behaviours are rows: change the first one's English name and add one to the first dimension.
  await page.getByRole('textbox', { name: 'What changed' }).fill(`versions e2e ${suffix}`);
  const english = page.getByLabel('Behaviour (English) *');
  await english.first().waitFor();
  expect(await english.first().inputValue()).toBe(oldBehaviour.name.en);
  await english.first().fill(renamed);
  const dimensionCount = inForce.dimensions.length;
  expect(await page.getByRole('button', { name: 'Add a key behaviour' }).count()).toBe(dimensionCount);
  await page.getByRole('button', { name: 'Add a key behaviour' }).first().click();
  const firstBehaviourCount = first.indicators.length;
  // The new row is the last of the first dimension's rows.
  await page.getByLabel('Behaviour code *').nth(firstBehaviourCount).fill(`NEW${suffix}`);
  await page.getByLabel('Behaviour (English) *').nth(firstBehaviourCount).fill(`Close the loop ${suffix}`);
  await page.getByLabel('Behaviour (Chinese) *').nth(firstBehaviourCount).fill(`闭环管理 ${suffix}`);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(new RegExp(`RoleModel/${modelId}/show`));

  // The draft's row offers Publish; the dialog shows the draft beside the version in force.
  const row = page.getByRole('row', { name: new RegExp(`versions e2e ${suffix}`) });
  await row.getByRole('button', { name: 'Publish' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(`In force (version ${inForce.versionNo})`).waitFor();
  const changed = dialog.getByRole('row', { name: new RegExp(renamed) });
  await changed.getByText(oldBehaviour.name.en!, { exact: true }).waitFor();
  await changed.getByText('Changed').waitFor();
  await dialog
    .getByRole('row', { name: new RegExp(`Close the loop ${suffix}`) })
    .getByText('Added')
    .waitFor();
  await screenshot(page, 'role-model-publish-diff');
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await page.getByText(/Version \d+ is now in force/).waitFor();
  await dialog.waitFor({ state: 'detached' });

  const after = await versionsOf(modelId);
  const published = after.find((v) => v.id === draftId)!;
  expect(published.status).toBe('PUBLISHED');
  expect(published.publishedAt).not.toBeNull();
  expect(after.filter((v) => v.status === 'PUBLISHED').map((v) => v.id)).toEqual([draftId]);
  expect(after.find((v) => v.id === inForce.id)!.status).toBe('RETIRED');
  const newFirst = published.dimensions.find((d) => d.code === first.code)!;
  expect(newFirst.indicators[0]!.name.en).toBe(renamed);
  expect(newFirst.indicators.at(-1)).toEqual({
    code: `NEW${suffix}`,
    name: { en: `Close the loop ${suffix}`, 'zh-CN': `闭环管理 ${suffix}` },
  });
  // The version that was in force keeps its behaviours.
  expect(after.find((v) => v.id === inForce.id)!.dimensions).toEqual(inForce.dimensions);
  // The page shows the new version in force and the old one retired, with the date it stopped being in force.
  await row.getByText('Published').waitFor();
  await page
    .getByRole('row', { name: /Retired/ })
    .first()
    .waitFor();
  await screenshot(page, 'role-model-versions');
});
