// Records the portal edits as one form but the API stores as a parent with child records:
// a framework's levels (QualificationLevel + LevelRequirement) and a role-model version's dimensions.
// getOne adds the children to the record; create/update write them after the parent, unless the API's
// mutation takes them itself.
import type { DataProvider, RaRecord } from 'react-admin';
import type { FrameworkLevel } from '../frameworks/FrameworkMatrixInput';

type Row = RaRecord & Record<string, unknown>;

async function children(dp: DataProvider, resource: string, target: string, id: RaRecord['id']): Promise<Row[]> {
  const { data } = await dp.getManyReference<Row>(resource, {
    target,
    id,
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'id', order: 'ASC' },
    filter: {},
  });
  return data;
}

/**
 * Creates, updates and deletes child rows so that they match `wanted` (matched by `key`). A correction of the past
 * (`change`, history/change.ts) made on the parent is made on its changed children too.
 */
async function sync(
  dp: DataProvider,
  resource: string,
  existing: Row[],
  wanted: Array<Record<string, unknown>>,
  key: (r: Record<string, unknown>) => string,
  change?: unknown,
): Promise<Row[]> {
  const byKey = new Map(existing.map((r) => [key(r), r]));
  const kept: Row[] = [];
  for (const row of wanted) {
    const current = byKey.get(key(row));
    if (current) {
      byKey.delete(key(row));
      const changed = Object.entries(row).some(
        ([k, v]) => JSON.stringify(current[k] ?? null) !== JSON.stringify(v ?? null),
      );
      kept.push(
        changed
          ? (
              await dp.update<Row>(resource, {
                id: current.id,
                data: { ...current, ...row, ...(change ? { change } : {}) },
                previousData: current,
              })
            ).data
          : current,
      );
    } else {
      kept.push((await dp.create<Row>(resource, { data: row })).data);
    }
  }
  for (const stale of byKey.values()) await dp.delete(resource, { id: stale.id, previousData: stale });
  return kept;
}

export interface Composite {
  field: string;
  load(dp: DataProvider, record: Row): Promise<unknown>;
  /** `change`: the parent's `change` argument (a correction of the past), if any. */
  save(dp: DataProvider, record: Row, value: unknown, change?: unknown): Promise<void>;
}

const frameworkLevels: Composite = {
  field: 'levels',
  async load(dp, record) {
    const levels = await children(dp, 'QualificationLevel', 'frameworkId', record.id);
    const result: FrameworkLevel[] = [];
    for (const level of levels.sort((a, b) => Number(a.level) - Number(b.level))) {
      const requirements = await children(dp, 'LevelRequirement', 'levelId', level.id);
      result.push({
        level: Number(level.level),
        name: String(level.name ?? ''),
        nameZh: String(level.nameZh ?? ''),
        minTenureMonths: Number(level.minTenureMonths ?? 0),
        minProjects: Number(level.minProjects ?? 0),
        gateMinimumRating: (level.gateMinimumRating as string | null) ?? null,
        gatePeriods: (level.gatePeriods as number | null) ?? null,
        minProficiency: Object.fromEntries(
          requirements.map((r) => [String(r.dimensionCode), Number(r.minProficiency)]),
        ),
      });
    }
    return result;
  },
  async save(dp, record, value, change) {
    const wanted = (value as FrameworkLevel[] | undefined) ?? [];
    const existing = await children(dp, 'QualificationLevel', 'frameworkId', record.id);
    const levels = await sync(
      dp,
      'QualificationLevel',
      existing,
      wanted.map((l) => ({
        frameworkId: record.id,
        level: l.level,
        name: l.name || `L${l.level}`,
        nameZh: l.nameZh || `${l.level} 级`,
        minTenureMonths: l.minTenureMonths,
        minProjects: l.minProjects,
        gateMinimumRating: l.gateMinimumRating || null,
        gatePeriods: l.gateMinimumRating ? (l.gatePeriods ?? 2) : null,
      })),
      (r) => String(r.level),
      change,
    );
    for (const level of levels) {
      const want = wanted.find((l) => l.level === Number(level.level));
      const requirements = await children(dp, 'LevelRequirement', 'levelId', level.id);
      await sync(
        dp,
        'LevelRequirement',
        requirements,
        Object.entries(want?.minProficiency ?? {}).map(([dimensionCode, minProficiency]) => ({
          levelId: level.id,
          dimensionCode,
          minProficiency,
        })),
        (r) => String(r.dimensionCode),
        change,
      );
    }
  },
};

const versionDimensions: Composite = {
  field: 'dimensions',
  async load(dp, record) {
    const rows = await children(dp, 'RoleModelDimension', 'roleModelVersionId', record.id);
    return rows
      .sort((a, b) => Number(a.sortOrder ?? 0) - Number(b.sortOrder ?? 0))
      .map(({ code, name, nameZh, indicators, sortOrder }) => ({ code, name, nameZh, indicators, sortOrder }));
  },
  async save(dp, record, value) {
    const wanted = ((value as Array<Record<string, unknown>> | undefined) ?? []).map((d, i) => ({
      roleModelVersionId: record.id,
      code: d.code,
      name: d.name,
      nameZh: d.nameZh,
      indicators: d.indicators ?? [],
      sortOrder: i + 1,
    }));
    const existing = await children(dp, 'RoleModelDimension', 'roleModelVersionId', record.id);
    await sync(dp, 'RoleModelDimension', existing, wanted, (r) => String(r.code));
  },
};

/** Children the API's mutation takes itself (as input lists): only read here. */
function readOnlyChildren(
  field: string,
  resource: string,
  target: string,
  pick: (row: Row) => Record<string, unknown>,
): Composite {
  return {
    field,
    async load(dp, record) {
      return (await children(dp, resource, target, record.id)).map(pick);
    },
    async save() {
      // the create/update mutation took them
    },
  };
}

export const COMPOSITES: Record<string, Composite[]> = {
  QualificationFramework: [frameworkLevels],
  RoleModelVersion: [versionDimensions],
  Assessment: [
    readOnlyChildren('ratings', 'AssessmentRating', 'assessmentId', (r) => ({
      dimensionCode: r.dimensionCode,
      score: r.score,
      evidence: r.evidence,
    })),
  ],
  DecisionBody: [
    readOnlyChildren('seats', 'DecisionBodySeat', 'decisionBodyId', (r) => ({
      title: r.title,
      alternativeTitles: r.alternativeTitles ?? [],
      fixed: r.fixed,
      sortOrder: r.sortOrder,
    })),
  ],
  IncentivePool: [
    readOnlyChildren('members', 'PoolMember', 'poolId', (r) => r),
    readOnlyChildren('metrics', 'PoolMetric', 'poolId', (r) => r),
  ],
};

/**
 * Wraps a data provider so composite records read and write their children.
 * `accepts(resource, 'create' | 'update', field)` says whether the API's mutation takes the field itself.
 */
export function withComposites(
  dp: DataProvider,
  accepts: (resource: string, method: 'create' | 'update', field: string) => Promise<boolean>,
): DataProvider {
  async function saveChildren<R extends { data: RaRecord }>(
    resource: string,
    method: 'create' | 'update',
    sent: Record<string, unknown>,
    result: R,
  ): Promise<R> {
    const data = { ...result.data } as Row;
    for (const composite of COMPOSITES[resource] ?? []) {
      const value = sent[composite.field];
      if (value === undefined) continue;
      if (!(await accepts(resource, method, composite.field)))
        await composite.save(dp, result.data as Row, value, sent.change);
      data[composite.field] = await composite.load(dp, result.data as Row);
    }
    return { ...result, data };
  }

  return {
    ...dp,
    async getOne(resource, params) {
      const result = await dp.getOne(resource, params);
      // Always loaded here: when the API's type has the field too, ra-data-graphql-simple selects only the ids.
      const data = { ...result.data } as Row;
      for (const composite of COMPOSITES[resource] ?? [])
        data[composite.field] = await composite.load(dp, result.data as Row);
      return { data } as typeof result;
    },
    async create(resource, params) {
      return saveChildren(
        resource,
        'create',
        params.data as Record<string, unknown>,
        await dp.create(resource, params),
      );
    },
    async update(resource, params) {
      return saveChildren(
        resource,
        'update',
        params.data as Record<string, unknown>,
        await dp.update(resource, params),
      );
    },
  };
}
