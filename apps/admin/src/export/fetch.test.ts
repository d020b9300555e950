import type { DataProvider, GetListParams, RaRecord } from 'react-admin';
import { EXPORT_COLUMNS } from './columns';
import { EXPORT_PAGE_SIZE, fetchAllRecords, resolveNames } from './fetch';
import { exportList } from './exportList';
import { referencedIds } from './rows';

/** The API's limits: at most 500 per page, 25 records when no page size is asked (getMany). */
const API_MAX_PER_PAGE = 500;
const API_DEFAULT_PAGE = 25;

function fakeApi(count: number) {
  const people: RaRecord[] = Array.from({ length: count }, (_, i) => ({
    id: String(i + 1),
    employeeNo: `E${String(i + 1).padStart(5, '0')}`,
    name: `人员${i + 1}`,
    latinName: `Person ${i + 1}`,
    orgUnitId: String((i % 40) + 1),
  }));
  const units: RaRecord[] = Array.from({ length: 40 }, (_, i) => ({ id: String(i + 1), name: `Unit ${i + 1}` }));
  const listCalls: GetListParams[] = [];
  const manyCalls: { resource: string; ids: unknown[] }[] = [];
  const provider: Pick<DataProvider, 'getList' | 'getMany'> = {
    getList: (async (_resource: string, params: GetListParams) => {
      listCalls.push(params);
      const { page, perPage } = params.pagination!;
      if (perPage > API_MAX_PER_PAGE) throw new Error(`perPage ${perPage} above the API's limit`);
      const filtered = people.filter((p) => !params.filter?.orgUnitId || p.orgUnitId === params.filter.orgUnitId);
      return { data: filtered.slice((page - 1) * perPage, page * perPage), total: filtered.length };
    }) as DataProvider['getList'],
    getMany: (async (resource: string, { ids }: { ids: unknown[] }) => {
      manyCalls.push({ resource, ids });
      const table = resource === 'OrgUnit' ? units : people;
      // The API answers at most its default page when no page size is asked.
      const data = table.filter((r) => ids.map(String).includes(String(r.id))).slice(0, API_DEFAULT_PAGE);
      return { data };
    }) as DataProvider['getMany'],
  };
  return { provider, listCalls, manyCalls };
}

describe('fetchAllRecords', () => {
  it('reads all 1,050 rows through sequential pages within the per-page limit', async () => {
    const { provider, listCalls } = fakeApi(1050);
    const progress: number[] = [];
    const result = await fetchAllRecords(provider, 'Person', {
      filter: {},
      sort: { field: 'employeeNo', order: 'ASC' },
      onProgress: (read) => progress.push(read),
    });
    expect(result.records).toHaveLength(1050);
    expect(new Set(result.records.map((r) => r.id)).size).toBe(1050);
    expect(result.truncated).toBe(false);
    expect(listCalls.map((c) => c.pagination!.page)).toEqual([1, 2, 3, 4, 5, 6]);
    listCalls.forEach((c) => {
      expect(c.pagination!.perPage).toBe(EXPORT_PAGE_SIZE);
      expect(c.pagination!.perPage).toBeLessThanOrEqual(API_MAX_PER_PAGE);
      expect(c.sort).toEqual({ field: 'employeeNo', order: 'ASC' });
    });
    expect(progress).toEqual([200, 400, 600, 800, 1000, 1050]);
  });

  it('passes the list’s filter and stops at the total', async () => {
    const { provider, listCalls } = fakeApi(1050);
    const result = await fetchAllRecords(provider, 'Person', {
      filter: { orgUnitId: '3' },
      sort: { field: 'id', order: 'ASC' },
    });
    expect(result.records).toHaveLength(27);
    expect(listCalls).toHaveLength(1);
    expect(listCalls[0]?.filter).toEqual({ orgUnitId: '3' });
  });

  it('stops at the row cap and says the export was cut', async () => {
    const { provider, listCalls } = fakeApi(1050);
    const result = await fetchAllRecords(provider, 'Person', {
      filter: {},
      sort: { field: 'id', order: 'ASC' },
      maxRows: 500,
    });
    expect(result.records).toHaveLength(500);
    expect(result.truncated).toBe(true);
    expect(result.total).toBe(1050);
    expect(listCalls).toHaveLength(3);
  });

  it('fails loudly when a page fails', async () => {
    const provider: Pick<DataProvider, 'getList'> = {
      getList: (async () => {
        throw new Error('Query would cost 26002');
      }) as DataProvider['getList'],
    };
    await expect(
      fetchAllRecords(provider, 'Person', { filter: {}, sort: { field: 'id', order: 'ASC' } }),
    ).rejects.toThrow('Query would cost 26002');
  });
});

describe('resolveNames', () => {
  it('reads every referenced record in batches the API answers in full', async () => {
    const { provider, manyCalls } = fakeApi(1050);
    const { records } = await fetchAllRecords(provider, 'Person', { filter: {}, sort: { field: 'id', order: 'ASC' } });
    const book = await resolveNames(provider, referencedIds(records, EXPORT_COLUMNS.Person));
    expect(book.get('OrgUnit')?.size).toBe(40);
    expect(manyCalls).toHaveLength(2);
    manyCalls.forEach((c) => expect(c.ids.length).toBeLessThanOrEqual(API_DEFAULT_PAGE));
  });

  it('reads the delegator and delegate of a source delegation too (its key names them)', async () => {
    const source = { id: '4', delegatorId: '1', delegateId: '2', decisionPoints: ['ATB'], validFrom: '2026-01-05' };
    const people = [
      { id: '1', employeeNo: 'E0001' },
      { id: '2', employeeNo: 'E0002' },
    ];
    const calls: string[] = [];
    const provider: Pick<DataProvider, 'getList' | 'getMany'> = {
      getList: (async () => ({ data: [], total: 0 })) as DataProvider['getList'],
      getMany: (async (resource: string, { ids }: { ids: unknown[] }) => {
        calls.push(`${resource} ${ids.join(',')}`);
        const table: RaRecord[] = resource === 'Delegation' ? [source] : people;
        return { data: table.filter((r) => ids.includes(r.id)) };
      }) as DataProvider['getMany'],
    };
    const records = [{ id: '9', delegatorId: '2', delegateId: '3', sourceDelegationId: '4' }];
    const book = await resolveNames(provider, referencedIds(records, EXPORT_COLUMNS.Delegation));
    expect(book.get('Person')?.get('1')).toMatchObject({ employeeNo: 'E0001' });
    expect(book.get('Person')?.get('2')).toMatchObject({ employeeNo: 'E0002' });
    // Person 2 was read with the list's own references already: only the one missing is asked for.
    expect(calls).toEqual(['Person 2,3', 'Delegation 4', 'Person 1']);
  });
});

/** jsdom's Blob has no text(). */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe('exportList', () => {
  it('writes a CSV of the whole set with names instead of ids', async () => {
    const { provider } = fakeApi(1050);
    const result = await exportList({
      dataProvider: provider,
      resource: 'Person',
      columns: EXPORT_COLUMNS.Person,
      filter: {},
      sort: { field: 'id', order: 'ASC' },
      format: 'csv',
      translate: (key, options) => (key.startsWith('resources.') ? key.split('.').pop()! : String(options?._ ?? key)),
      locale: 'en',
      sheetName: 'People',
    });
    expect(result.rows).toBe(1050);
    const text = await readText(result.file);
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(1051);
    expect(lines[1]).toBe('E00001,人员1,Person 1,,,Unit 1,,');
  });
});
