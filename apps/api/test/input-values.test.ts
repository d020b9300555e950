// Input that would be silently changed (issue #10, class 7) is refused: DateTime values that are not real calendar
// dates or times of day, years outside 1900–2999, and negative Money. Each refusal is BAD_USER_INPUT with
// `fieldErrors` naming the argument path, and nothing is written. A walk over the schema checks every DateTime and
// Money argument (also inside input objects) of every operation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { describeOnDatabases, TestEnv } from './support/databases';

const SDL = buildSchema(readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8'));

type Answer = Awaited<ReturnType<TestEnv['gql']>>;
const firstError = (res: Answer) => res.body.errors?.[0];
const fieldErrors = (res: Answer) => (firstError(res)?.extensions?.fieldErrors ?? {}) as Record<string, string>;

/** Every argument path of a scalar type: "amount", "input.amount", "filter.from"; input objects up to two levels. */
function pathsOf(type: GraphQLInputType, scalar: string, prefix: string, depth = 0): string[] {
  const named = getNamedType(type);
  if (named.name === scalar) return [prefix];
  if (!isInputObjectType(named) || depth > 1) return [];
  return Object.values(named.getFields()).flatMap((f) => pathsOf(f.type, scalar, `${prefix}.${f.name}`, depth + 1));
}

/** A literal that puts `value` at `path` (lists get one element). */
function literalAt(arg: GraphQLArgument, rest: string[], value: string): string {
  const build = (type: GraphQLInputType, keys: string[]): string => {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) return `[${build(inner.ofType, keys)}]`;
    if (keys.length === 0) return JSON.stringify(value);
    const named = getNamedType(inner);
    if (!isInputObjectType(named)) throw new Error(`no field ${keys[0]} in ${String(inner)}`);
    const field = named.getFields()[keys[0] as string]!;
    return `{ ${field.name}: ${build(field.type, keys.slice(1))} }`;
  };
  return `${arg.name}: ${build(arg.type, rest)}`;
}

function operationsWith(scalar: string) {
  const ops: Array<{
    kind: 'query' | 'mutation';
    field: GraphQLField<unknown, unknown>;
    arg: GraphQLArgument;
    path: string;
  }> = [];
  for (const [kind, root] of [
    ['query', SDL.getQueryType()!],
    ['mutation', SDL.getMutationType()!],
  ] as const) {
    for (const field of Object.values(root.getFields())) {
      for (const arg of field.args)
        for (const p of pathsOf(arg.type, scalar, arg.name)) ops.push({ kind, field, arg, path: p });
    }
  }
  return ops;
}

const walkText = (op: ReturnType<typeof operationsWith>[number], value: string) => {
  const selection = isObjectType(getNamedType(op.field.type)) ? ' { __typename }' : '';
  return `${op.kind} { ${op.field.name}(${literalAt(op.arg, op.path.split('.').slice(1), value)})${selection} }`;
};

describeOnDatabases('input is refused, never silently changed', (env) => {
  const count = async (e: TestEnv, table: string): Promise<number> => {
    const rows = (await e.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{ n: number | string }>;
    return Number(rows[0]!.n);
  };

  const BAD_DATES = [
    ['2026-02-30', /no day 30/],
    ['2026-02-29', /no day 29/],
    ['2026-04-31T10:00:00Z', /no day 31/],
    ['2026-03-01T24:00:00Z', /time of day/],
    ['2026-03-01T23:60:00Z', /time of day/],
    ['2026-03-01T23:59:60Z', /time of day/],
    ['2026-13-01', /month 13/],
    ['2026-00-10', /month 00/],
    ['0000-01-01', /outside 1900/],
    ['1899-12-31T23:59:59Z', /outside 1900/],
    ['3000-01-01', /outside 1900/],
    ['2999-12-31T23:00:00-05:00', /outside 1900.*UTC/],
    ['2026-03-01T10:00:00+24:00', /offset/],
    ['2026-3-1', /ISO 8601/],
  ] as const;

  test(
    'invalid calendar dates and years outside 1900–2999 ' + 'are refused, naming the argument; nothing is written',
    async () => {
      const e = env();
      const before = await count(e, 'position_assignments');
      const create = (validFrom: string, asVariable: boolean) =>
        asVariable
          ? e.gql(
              'mutation($validFrom: DateTime!) { createPositionAssignment(personId: "' +
                e.fixture.people.east1 +
                '", title: "ENGINEER", orgUnitId: "' +
                e.fixture.units.eastOffice +
                '", validFrom: $validFrom) { id validFrom } }',
              { validFrom },
              { token: e.tokens.admin },
            )
          : e.gql(
              `mutation { createPositionAssignment(personId: "${e.fixture.people.east1}", title: "ENGINEER", orgUnitId:
              "${e.fixture.units.eastOffice}", validFrom: ${JSON.stringify(validFrom)}) { id validFrom } }`,
              {},
              { token: e.tokens.admin },
            );
      for (const [value, why] of BAD_DATES) {
        for (const asVariable of [false, true]) {
          const res = await create(value, asVariable);
          expect({
            value,
            asVariable,
            code: firstError(res)?.extensions?.code,
            fields: Object.keys(fieldErrors(res)),
          }).toEqual({ value, asVariable, code: 'BAD_USER_INPUT', fields: ['validFrom'] });
          expect(fieldErrors(res).validFrom).toMatch(why);
        }
      }
      expect(await count(e, 'position_assignments')).toBe(before);
      // Real dates pass unchanged, leap days included; an offset is converted, not dropped.
      const leap = await create('2028-02-29', true);
      expect(leap.body.data).toEqual({
        createPositionAssignment: { id: expect.any(String), validFrom: '2028-02-29T00:00:00.000Z' },
      });
      const shifted = await create('2026-03-01T07:30:00+08:00', false);
      expect((shifted.body.data?.createPositionAssignment as { validFrom: string }).validFrom).toBe(
        '2026-02-28T23:30:00.000Z',
      );
      const edge = await create('1900-01-01T00:00:00Z', false);
      expect(edge.body.errors).toBeUndefined();
    },
  );

  test('a bad date inside an input object or filter names its path', async () => {
    const e = env();
    const literal = await e.gql('{ allPeople(filter: { from: "2026-02-30" }) { id } }', {}, { token: e.tokens.admin });
    expect(firstError(literal)?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(fieldErrors(literal))).toEqual(['filter.from']);
    const variable = await e.gql(
      'query($filter: PersonFilter) { allPeople(filter: $filter) { id } }',
      { filter: { to: '2026-06-31' } },
      { token: e.tokens.admin },
    );
    expect(firstError(variable)?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(fieldErrors(variable))).toEqual(['filter.to']);
  });

  test(
    'negative project amounts are refused (literal and ' + 'variable, create and update); nothing is written',
    async () => {
      const e = env();
      const before = await count(e, 'projects');
      for (const amount of ['-1.00', '-0.01', '-0', '-5000000']) {
        const literal = await e.gql(
          `mutation { createProject(name: "Neg", orgUnitId: "${e.fixture.units.east}", stage: "LEAD", amount:
          "${amount}", currency: "CNY") { id } }`,
          {},
          { token: e.tokens.admin },
        );
        expect({
          amount,
          code: firstError(literal)?.extensions?.code,
          fields: Object.keys(fieldErrors(literal)),
        }).toEqual({ amount, code: 'BAD_USER_INPUT', fields: ['amount'] });
        const variable = await e.gql(
          `mutation($amount: Money!) { createProject(name: "Neg", orgUnitId: "${e.fixture.units.east}", stage: "LEAD",
          amount: $amount, currency: "CNY") { id } }`,
          { amount },
          { token: e.tokens.admin },
        );
        expect({
          amount,
          code: firstError(variable)?.extensions?.code,
          fields: Object.keys(fieldErrors(variable)),
        }).toEqual({ amount, code: 'BAD_USER_INPUT', fields: ['amount'] });
      }
      expect(await count(e, 'projects')).toBe(before);
      const created = await e.gql<{ createProject: { id: string; amount: string; version: number } }>(
        `mutation { createProject(name: "Zero", orgUnitId: "${e.fixture.units.east}", stage: "LEAD", amount: "0",
        currency: "CNY") { id amount version } }`,
        {},
        { token: e.tokens.admin },
      );
      expect(created.body.errors).toBeUndefined();
      const { id, version } = created.body.data!.createProject;
      const update = await e.gql(
        `mutation { updateProject(id: "${id}", version: ${version}, amount: "-10.00") { amount } }`,
        {},
        { token: e.tokens.admin },
      );
      expect(firstError(update)?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldErrors(update))).toEqual(['amount']);
      const after = await e.gql<{ Project: { amount: string; version: number } }>(
        `{ Project(id: "${id}") { amount version } }`,
        {},
        { token: e.tokens.admin },
      );
      expect(after.body.data!.Project).toEqual({ amount: '0.00', version });
    },
  );

  test(
    'negative pool amounts, metric targets and actuals, rule ' +
      'limits and case amounts are refused; nothing is written',
    async () => {
      const e = env();
      const tables = ['incentive_pools', 'pool_metrics', 'authority_rules'];
      const before = await Promise.all(tables.map((t) => count(e, t)));
      const pool = await e.gql(
        `mutation { createIncentivePool(name: "P", currency: "CNY", teamKind: "SYSTEM_DEPT", orgUnitId:
        "${e.fixture.units.east}", periodFrom: "2026-01-01", periodTo: "2026-07-01", baseAmount: "-100.00") { id } }`,
        {},
        { token: e.tokens.admin },
      );
      expect([firstError(pool)?.extensions?.code, Object.keys(fieldErrors(pool))]).toEqual([
        'BAD_USER_INPUT',
        ['baseAmount'],
      ]);
      const metric = await e.gql(
        'mutation($t: Money!, $a: Money!) { createPoolMetric(poolId: "1", metric: REVENUE, target: $t, ' +
          'actual: $a, weight: "1") { id } }',
        { t: '100', a: '-1' },
        { token: e.tokens.admin },
      );
      expect([firstError(metric)?.extensions?.code, Object.keys(fieldErrors(metric))]).toEqual([
        'BAD_USER_INPUT',
        ['a'],
      ]);
      const rule = await e.gql(
        `mutation { createAuthorityRule(name: "R", holderKind: POSITION, holderTitle: "BUSINESS_DEPT_DIRECTOR",
        scopeOrgUnitId: "${e.fixture.units.east}", decisionPoints: [ATB], grades: [I], currency: "CNY", limit: "-1",
        validFrom: "2026-01-01") { id } }`,
        {},
        { token: e.tokens.admin },
      );
      expect([firstError(rule)?.extensions?.code, Object.keys(fieldErrors(rule))]).toEqual([
        'BAD_USER_INPUT',
        ['limit'],
      ]);
      const asked = await e.gql(
        `{ authorize(input: { personId: "${e.fixture.people.leader}", decisionPoint: ATB, amount: "-1", currency: "CNY",
        grade: I }) { allowed } }`,
        {},
        { token: e.tokens.admin },
      );
      expect([firstError(asked)?.extensions?.code, Object.keys(fieldErrors(asked))]).toEqual([
        'BAD_USER_INPUT',
        ['input.amount'],
      ]);
      expect(await Promise.all(tables.map((t) => count(e, t)))).toEqual(before);
    },
  );

  const moneyOps = operationsWith('Money');
  const dateOps = operationsWith('DateTime');

  test('every Money argument of the schema refuses a negative amount, naming its path', async () => {
    const e = env();
    expect(moneyOps.length).toBeGreaterThan(5);
    const misses: string[] = [];
    for (const op of moneyOps) {
      const res = await e.gql(walkText(op, '-1.00'), {}, { token: e.tokens.admin });
      const hit = (res.body.errors ?? []).find(
        (err) =>
          err.extensions?.code === 'BAD_USER_INPUT' &&
          Object.keys((err.extensions?.fieldErrors as object) ?? {})
            .map((k) => k.replace(/\[\d+\]/g, ''))
            .includes(op.path),
      );
      if (!hit || res.body.data) misses.push(`${op.field.name} ${op.path}`);
    }
    expect(misses).toEqual([]);
  });

  test('every DateTime argument of the schema refuses 30 February, naming its path', async () => {
    const e = env();
    expect(dateOps.length).toBeGreaterThan(10);
    const misses: string[] = [];
    for (const op of dateOps) {
      const res = await e.gql(walkText(op, '2026-02-30'), {}, { token: e.tokens.admin });
      const hit = (res.body.errors ?? []).find(
        (err) =>
          err.extensions?.code === 'BAD_USER_INPUT' &&
          Object.keys((err.extensions?.fieldErrors as object) ?? {})
            .map((k) => k.replace(/\[\d+\]/g, ''))
            .includes(op.path),
      );
      if (!hit || res.body.data) misses.push(`${op.field.name} ${op.path}`);
    }
    expect(misses).toEqual([]);
  });
});
