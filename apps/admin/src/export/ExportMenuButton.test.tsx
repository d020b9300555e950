import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  ListContextProvider,
  Notification,
  ResourceContextProvider,
  type DataProvider,
  type GetListParams,
  type ListControllerResult,
} from 'react-admin';
import { fakeDataProvider, TestAdmin } from '../components/testing';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { ExportMenuButton } from './ExportMenuButton';

const people = Array.from({ length: 450 }, (_, i) => ({
  id: String(i + 1),
  employeeNo: `E${i + 1}`,
  name: `人员${i + 1}`,
  latinName: `Person ${i + 1}`,
  orgUnitId: 'o1',
}));

function renderButton(dataProvider: DataProvider, locale: 'en' | 'zh-CN' = 'en') {
  const list = {
    filterValues: { orgUnitId: 'o1' },
    sort: { field: 'employeeNo', order: 'ASC' },
    total: people.length,
  } as unknown as ListControllerResult;
  return render(
    <TestAdmin dataProvider={dataProvider} locale={locale}>
      <ResourceContextProvider value="Person">
        <ListContextProvider value={list}>
          <ExportMenuButton />
        </ListContextProvider>
      </ResourceContextProvider>
      <Notification />
    </TestAdmin>,
  );
}

describe('ExportMenuButton', () => {
  const created: Blob[] = [];
  beforeEach(() => {
    created.length = 0;
    URL.createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:export';
    });
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('offers CSV or Excel and downloads the whole filtered set in pages the API accepts', async () => {
    const calls: GetListParams[] = [];
    const dataProvider = fakeDataProvider({
      getList: (async (_resource: string, params: GetListParams) => {
        calls.push(params);
        const { page, perPage } = params.pagination!;
        return { data: people.slice((page - 1) * perPage, page * perPage), total: people.length };
      }) as DataProvider['getList'],
    });
    renderButton(dataProvider);
    fireEvent.click(screen.getByRole('button', { name: en.export.button }));
    expect(screen.getByRole('menuitem', { name: en.export.xlsx })).toBeTruthy();
    fireEvent.click(screen.getByRole('menuitem', { name: en.export.csv }));
    await screen.findByText('Exported 450 rows.');
    expect(calls.map((c) => c.pagination)).toEqual([
      { page: 1, perPage: 200 },
      { page: 2, perPage: 200 },
      { page: 3, perPage: 200 },
    ]);
    calls.forEach((c) => expect(c.filter).toEqual({ orgUnitId: 'o1' }));
    expect(created).toHaveLength(1);
    expect(created[0]?.type).toBe('text/csv;charset=utf-8');
  });

  it('says so, in the reader’s language, when the export fails', async () => {
    const dataProvider = fakeDataProvider({
      getList: (async () => {
        throw new Error('Query would cost 26002');
      }) as DataProvider['getList'],
    });
    renderButton(dataProvider, 'zh-CN');
    fireEvent.click(screen.getByRole('button', { name: zhCN.export.button }));
    fireEvent.click(screen.getByRole('menuitem', { name: zhCN.export.csv }));
    await waitFor(() => expect(screen.getByText(/导出失败，未生成文件/)).toBeTruthy());
    expect(created).toHaveLength(0);
  });
});
