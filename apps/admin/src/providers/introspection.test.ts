// How ra-data-graphql-simple builds the portal's record queries from the API's schema (apps/api/schema.graphql):
// `history` is never selected by lists or forms, and an update sends the `change` argument of a correction.
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { buildSchema, introspectionFromSchema, print } from 'graphql';
import { introspectSchema } from 'ra-data-graphql';
import { buildQuery } from 'ra-data-graphql-simple';
import { testDataProvider } from 'react-admin';
import { withChange, withChangeArgument } from '../history/change';
import { withoutHistoryFields } from './introspection';

const sdl = readFileSync(resolve(__dirname, '../../../api/schema.graphql'), 'utf8');
const schema = introspectionFromSchema(buildSchema(sdl)).__schema;

const operationNames = {
  GET_LIST: (t: { name: string }) => (t.name === 'Person' ? 'allPeople' : `all${t.name}s`),
  GET_ONE: (t: { name: string }) => t.name,
  UPDATE: (t: { name: string }) => `update${t.name}`,
  CREATE: (t: { name: string }) => `create${t.name}`,
};

async function queries(withHistory: boolean) {
  const introspection = await introspectSchema(
    null as never,
    {
      schema: withHistory ? schema : withoutHistoryFields(schema),
      operationNames,
    } as never,
  );
  return buildQuery(introspection as unknown as Parameters<typeof buildQuery>[0]);
}

const RULE = {
  id: '4',
  version: 2,
  name: 'East director: bids and contracts up to 50M',
  holderKind: 'POSITION',
  holderTitle: 'BUSINESS_DEPT_DIRECTOR',
  holderOrgUnitId: '2',
  decisionPoints: ['ATB', 'ATC'],
  grades: ['II', 'III'],
  scopeOrgUnitId: '2',
  limit: '10000000.00',
  currency: 'CNY',
  validFrom: '2025-12-01T00:00:00.000Z',
  delegableDepth: 1,
};

describe('the records queries', () => {
  it('select history only when the schema still has it (the API schema does; the portal strips it)', async () => {
    const raw = await queries(true);
    expect(print(raw('GET_LIST', 'AuthorityRule', { filter: {} }).query)).toContain('history');
    const portal = await queries(false);
    for (const type of ['AuthorityRule', 'Person', 'Project', 'QualificationFramework', 'Delegation']) {
      expect(print(portal('GET_LIST', type, { filter: {} }).query)).not.toContain('history');
      expect(print(portal('GET_ONE', type, { id: '1' }).query)).not.toContain('history');
    }
    // Everything else is still selected.
    expect(print(portal('GET_ONE', 'AuthorityRule', { id: '1' }).query)).toMatch(/limit[\s\S]*validFrom/);
  });

  it('send a correction as the `change` argument of the update, and an ordinary change without one', async () => {
    const portal = await queries(false);
    const corrected = withChangeArgument({
      ...RULE,
      change: { correction: true, scope: 'FROM', effectiveFrom: '2026-11-11T08:00:00.000Z', reason: 'Board cut' },
    });
    const { query, variables } = portal('UPDATE', 'AuthorityRule', { id: '4', data: corrected });
    const text = print(query);
    expect(text).toContain('$change: ChangeInput');
    expect(text).toContain('change: $change');
    expect(variables?.change).toEqual({
      correction: true,
      effectiveFrom: '2026-11-11T08:00:00.000Z',
      reason: 'Board cut',
    });

    const ordinary = withChangeArgument({ ...RULE, change: { correction: false, reason: 'left over' } });
    const plain = portal('UPDATE', 'AuthorityRule', { id: '4', data: ordinary });
    expect(print(plain.query)).not.toContain('change');
    expect(plain.variables?.change).toBeUndefined();
  });

  it('sends a correction of the whole life of a record with no effective moment', () => {
    expect(
      withChangeArgument({ change: { correction: true, scope: 'WHOLE', effectiveFrom: '2026-01-01', reason: ' x ' } }),
    ).toEqual({ change: { correction: true, effectiveFrom: null, reason: 'x' } });
  });

  it('maps the form values of every update the portal makes (withChange)', async () => {
    const sent: unknown[] = [];
    const dp = withChange(
      testDataProvider({
        update: async (_resource, params) => {
          sent.push(params.data);
          return { data: params.data as never };
        },
      }),
    );
    await dp.update('AuthorityRule', {
      id: '4',
      previousData: RULE,
      data: { ...RULE, change: { correction: true, effectiveFrom: '2026-11-11T08:00:00.000Z', reason: 'Why' } },
    });
    await dp.update('AuthorityRule', { id: '4', previousData: RULE, data: { ...RULE, change: { correction: false } } });
    expect(sent).toEqual([
      { ...RULE, change: { correction: true, effectiveFrom: '2026-11-11T08:00:00.000Z', reason: 'Why' } },
      RULE,
    ]);
  });
});
