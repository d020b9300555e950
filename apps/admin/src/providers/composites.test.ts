import type { DataProvider } from 'react-admin';
import { testDataProvider } from 'react-admin';
import { withComposites } from './composites';

/** An in-memory store behind the DataProvider methods the composites use. */
function memory(tables: Record<string, Array<Record<string, unknown>>>) {
  let next = 100;
  const calls: string[] = [];
  const dp: DataProvider = testDataProvider({
    getOne: async (resource, { id }) => ({ data: tables[resource]!.find((r) => r.id === id) as never }),
    getManyReference: async (resource, { target, id }) => {
      const rows = (tables[resource] ?? []).filter((r) => String(r[target]) === String(id));
      return { data: rows as never, total: rows.length };
    },
    create: async (resource, { data }) => {
      const row = { ...data, id: String(next++) };
      (tables[resource] ??= []).push(row);
      calls.push(`create ${resource}`);
      return { data: row as never };
    },
    update: async (resource, { id, data }) => {
      const rows = tables[resource]!;
      const index = rows.findIndex((r) => r.id === id);
      rows[index] = { ...rows[index], ...data };
      calls.push(`update ${resource} ${id}`);
      return { data: rows[index] as never };
    },
    delete: async (resource, { id }) => {
      tables[resource] = tables[resource]!.filter((r) => r.id !== id);
      calls.push(`delete ${resource} ${id}`);
      return { data: { id } as never };
    },
  });
  return { dp, calls, tables };
}

describe('framework levels as one record', () => {
  const tables = () => ({
    QualificationFramework: [{ id: 'f1', name: 'FR', levels: [{ id: 'l1' }] }],
    QualificationLevel: [
      {
        id: 'l1',
        frameworkId: 'f1',
        level: 1,
        name: 'Beginner',
        nameZh: '初做者',
        minTenureMonths: 0,
        minProjects: 0,
        gateMinimumRating: null,
        gatePeriods: null,
      },
    ],
    LevelRequirement: [
      { id: 'r1', levelId: 'l1', dimensionCode: 'H', minProficiency: 1 },
      { id: 'r2', levelId: 'l1', dimensionCode: 'E', minProficiency: 2 },
    ],
  });

  it('reads levels with their requirements as a matrix, even when the API lists level ids itself', async () => {
    const { dp } = memory(tables());
    const { data } = await withComposites(dp, async () => false).getOne('QualificationFramework', { id: 'f1' });
    expect(data.levels).toEqual([
      {
        level: 1,
        name: 'Beginner',
        nameZh: '初做者',
        minTenureMonths: 0,
        minProjects: 0,
        gateMinimumRating: null,
        gatePeriods: null,
        minProficiency: { H: 1, E: 2 },
      },
    ]);
  });

  it('writes only what changed: a new level, a changed requirement, a removed dimension', async () => {
    const { dp, calls, tables: t } = memory(tables());
    const composite = withComposites(dp, async () => false);
    await composite.update('QualificationFramework', {
      id: 'f1',
      previousData: { id: 'f1' },
      data: {
        id: 'f1',
        name: 'FR',
        levels: [
          {
            level: 1,
            name: 'Beginner',
            nameZh: '初做者',
            minTenureMonths: 0,
            minProjects: 0,
            gateMinimumRating: null,
            gatePeriods: null,
            minProficiency: { H: 2 },
          },
          {
            level: 2,
            name: 'Experienced',
            nameZh: '有经验者',
            minTenureMonths: 12,
            minProjects: 2,
            gateMinimumRating: 'B',
            gatePeriods: 2,
            minProficiency: { H: 3 },
          },
        ],
      },
    });
    expect(calls).toEqual([
      'update QualificationFramework f1',
      'create QualificationLevel',
      'update LevelRequirement r1',
      'delete LevelRequirement r2',
      'create LevelRequirement',
    ]);
    expect(t.LevelRequirement!.map((r) => `${r.levelId}:${r.dimensionCode}=${r.minProficiency}`).sort()).toEqual([
      '100:H=3',
      'l1:H=2',
    ]);
  });

  it('leaves the children to the API when its mutation takes them', async () => {
    const { dp, calls } = memory(tables());
    await withComposites(dp, async () => true).update('QualificationFramework', {
      id: 'f1',
      previousData: { id: 'f1' },
      data: { id: 'f1', levels: [] },
    });
    expect(calls).toEqual(['update QualificationFramework f1']);
  });
});

describe('role-model version dimensions', () => {
  it('are created with the version, in order', async () => {
    const { dp, tables: t } = memory({ RoleModelVersion: [], RoleModelDimension: [] });
    await withComposites(dp, async () => false).create('RoleModelVersion', {
      data: {
        roleModelId: 'm1',
        versionNo: 2,
        status: 'DRAFT',
        dimensions: [
          { code: 'H', name: 'Head', nameZh: '领导者', indicators: [] },
          { code: 'E', name: 'Environment', nameZh: '环境', indicators: [] },
        ],
      },
    });
    expect(t.RoleModelDimension!.map((d) => `${d.roleModelVersionId}:${d.code}:${d.sortOrder}`)).toEqual([
      '100:H:1',
      '100:E:2',
    ]);
  });
});
