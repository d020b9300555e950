import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DataProvider } from 'react-admin';
import { fakeDataProvider, TestAdmin } from '../components/testing';
import { hasChanges, versionDiff, type DimensionContent } from './diff';
import { PublishDialog } from './PublishDialog';
import { VersionDiff } from './VersionDiff';

const b = (code: string, en: string, zh: string) => ({ code, name: { en, 'zh-CN': zh } });

const IN_FORCE: DimensionContent[] = [
  {
    code: 'SPD',
    name: 'Driver of the sales project',
    nameZh: '销售项目的主导者',
    indicators: [b('SPD1', 'Set sales targets', '制定销售目标'), b('SPD2', 'Build the team', '组建团队')],
  },
  { code: 'ES', name: 'Customer-group planner', nameZh: '客户群规划者', indicators: [b('ES1', 'Plan', '规划')] },
];
const DRAFT: DimensionContent[] = [
  {
    code: 'SPD',
    name: 'Driver of the sales project',
    nameZh: '销售项目的主导者',
    indicators: [
      b('SPD1', 'Set sales targets', '制定销售目标'),
      b('SPD2', 'Build and lead the team', '组建并带领团队'),
      b('SPD3', 'Manage competition', '管理竞争'),
    ],
  },
  { code: 'AR', name: 'Relationship builder', nameZh: '客户关系建立者', indicators: [b('AR1', 'Expand', '拓展')] },
];

describe('versionDiff', () => {
  it('matches dimensions and behaviours by code: added, removed, changed (either language) and the same', () => {
    const diff = versionDiff(IN_FORCE, DRAFT);
    expect(diff.map((d) => [d.code, d.change])).toEqual([
      ['SPD', 'same'],
      ['AR', 'added'],
      ['ES', 'removed'],
    ]);
    expect(diff[0]!.behaviours.map((x) => [x.code, x.change])).toEqual([
      ['SPD1', 'same'],
      ['SPD2', 'changed'],
      ['SPD3', 'added'],
    ]);
    expect(diff[2]!.behaviours.map((x) => [x.code, x.change])).toEqual([['ES1', 'removed']]);
    // A Chinese name alone changing is a change; renaming a dimension is one too.
    const zhOnly = versionDiff(IN_FORCE, [
      { ...IN_FORCE[0]!, nameZh: '主导者', indicators: [b('SPD1', 'Set sales targets', '设定销售目标')] },
    ]);
    expect(zhOnly[0]!.change).toBe('changed');
    expect(zhOnly[0]!.behaviours.map((x) => [x.code, x.change])).toEqual([
      ['SPD1', 'changed'],
      ['SPD2', 'removed'],
    ]);
    expect(hasChanges(versionDiff(IN_FORCE, IN_FORCE))).toBe(false);
    expect(hasChanges(versionDiff(IN_FORCE, DRAFT))).toBe(true);
  });
});

describe('VersionDiff', () => {
  const renderDiff = (locale: 'en' | 'zh-CN') =>
    render(
      <TestAdmin locale={locale}>
        <VersionDiff diff={versionDiff(IN_FORCE, DRAFT)} inForceLabel="LEFT" draftLabel="RIGHT" />
      </TestAdmin>,
    );

  it('shows the version in force beside the draft, each change in words, in English', async () => {
    renderDiff('en');
    const table = await screen.findByTestId('version-diff');
    const row = (text: string) => within(table).getAllByText(text)[0]!.closest('tr')!;
    const changed = row('Build and lead the team');
    expect(within(changed).getByText('Build the team')).toBeTruthy();
    expect(within(changed).getByText('Changed')).toBeTruthy();
    expect(within(row('Manage competition')).getByText('Added')).toBeTruthy();
    expect(within(row('Manage competition')).getByText('—')).toBeTruthy();
    expect(within(row('Plan')).getByText('Removed')).toBeTruthy();
    expect(within(row('AR · Relationship builder')).getByText('Added')).toBeTruthy();
    const same = row('Set sales targets');
    expect(within(same).getAllByText('Set sales targets')).toHaveLength(2);
    expect(within(same).queryByText(/Added|Removed|Changed/)).toBeNull();
    expect(screen.queryByTestId('version-diff-none')).toBeNull();
  });

  it('reads in Chinese for a Chinese reader', async () => {
    renderDiff('zh-CN');
    const table = await screen.findByTestId('version-diff');
    const changed = within(table).getByText('组建并带领团队').closest('tr')!;
    expect(within(changed).getByText('组建团队')).toBeTruthy();
    expect(within(changed).getByText('修改')).toBeTruthy();
    expect(within(table).getAllByText('SPD · 销售项目的主导者')).toHaveLength(2);
    expect(within(table).getAllByText('新增')).toHaveLength(3);
    expect(within(table).getAllByText('删除')).toHaveLength(2);
    expect(screen.getByText('变化')).toBeTruthy();
  });

  it('says so when the draft changes nothing', async () => {
    render(
      <TestAdmin>
        <VersionDiff diff={versionDiff(IN_FORCE, IN_FORCE)} inForceLabel="L" draftLabel="R" />
      </TestAdmin>,
    );
    expect((await screen.findByTestId('version-diff-none')).textContent).toBe(
      'The draft is the same as the version in force.',
    );
  });
});

describe('PublishDialog', () => {
  const dimensions = (versionId: string) => (versionId === '1' ? IN_FORCE : DRAFT);
  const provider = (publishRoleModelVersion: jest.Mock) =>
    ({
      ...fakeDataProvider({
        getManyReference: async (_resource, { id }) => {
          const data = dimensions(String(id)).map((d, i) => ({ ...d, id: `${String(id)}-${i}` }));
          return { data: data as never, total: data.length };
        },
      }),
      publishRoleModelVersion,
    }) as unknown as DataProvider;
  const renderDialog = (publish: jest.Mock, locale: 'en' | 'zh-CN' = 'en') =>
    render(
      <TestAdmin locale={locale} dataProvider={provider(publish)}>
        <PublishDialog
          draft={{ id: '2', version: 4, versionNo: 2, status: 'DRAFT' }}
          inForce={{ id: '1', version: 2, versionNo: 1, status: 'PUBLISHED' }}
          onClose={() => undefined}
        />
      </TestAdmin>,
    );

  it('shows the diff and publishes with one call at the version it read', async () => {
    const publish = jest.fn(async () => ({ id: '2', versionNo: 2, version: 5, status: 'PUBLISHED' }));
    renderDialog(publish);
    await screen.findByText('Manage competition');
    expect(screen.getByText('In force (version 1)')).toBeTruthy();
    expect(screen.getByText('Draft (version 2)')).toBeTruthy();
    fireEvent.click(screen.getByTestId('publish-confirm'));
    await waitFor(() => expect(publish).toHaveBeenCalledTimes(1));
    expect(publish).toHaveBeenCalledWith('2', 4);
  });

  it('shows a refusal in words, in the reader’s language', async () => {
    const refusal = Object.assign(new Error('Role model version 2 … is PUBLISHED'), {
      code: 'ROLE_MODEL_VERSION.NOT_DRAFT',
      extensions: {
        code: 'ROLE_MODEL_VERSION.NOT_DRAFT',
        reasons: [
          {
            code: 'ROLE_MODEL_VERSION.NOT_DRAFT',
            message: 'x',
            data: { versionNo: 2, modelName: 'AR model', modelNameZh: '客户经理模型' },
            field: null,
          },
        ],
      },
    });
    const publish = jest.fn(async () => {
      throw refusal;
    });
    renderDialog(publish, 'zh-CN');
    await screen.findByText('管理竞争');
    fireEvent.click(screen.getByTestId('publish-confirm'));
    expect((await screen.findByTestId('publish-error')).textContent).toBe(
      '只有草稿可以发布，“客户经理模型”第 2 版不是草稿。如需修改生效版本，请新建草稿。',
    );
  });
});
