// The committed schema.graphql is the schema the code builds (the portal reads it). Regenerate with
// `UPDATE_SCHEMA=1 npx jest test/schema.test.ts`.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { isObjectType, isInputObjectType, printSchema, lexicographicSortSchema } from 'graphql';
import { buildApiSchema } from '../src/schema';

const FILE = path.join(__dirname, '..', 'schema.graphql');

test('schema.graphql is current', async () => {
  const printed =
    `# Generated from the resolvers by test/schema.test.ts; do not edit.\n\n` +
    `${printSchema(lexicographicSortSchema(await buildApiSchema()))}\n`;
  if (process.env.UPDATE_SCHEMA === '1' || !existsSync(FILE)) writeFileSync(FILE, printed);
  expect(readFileSync(FILE, 'utf8')).toBe(printed);
});

test('every type, field, argument and enum value has a description', async () => {
  const schema = await buildApiSchema();
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    // The root types cannot carry a description through type-graphql; their fields do.
    if (!type.description && !['Query', 'Mutation', 'Subscription'].includes(type.name)) missing.push(type.name);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        if ('args' in field)
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
  }
  expect(missing).toEqual([]);
});

test('the contract names are present', async () => {
  const schema = await buildApiSchema();
  const query = schema.getQueryType()!.getFields();
  const mutation = schema.getMutationType()!.getFields();
  for (const name of ['OrgUnit', 'allOrgUnits', '_allOrgUnitsMeta', 'qualificationStatus', 'delegationImpact'])
    expect(query[name]).toBeDefined();
  for (const name of ['login', 'createOrgUnit', 'updateOrgUnit', 'deleteOrgUnit', 'revokeDelegation', 'upsertProject'])
    expect(mutation[name]).toBeDefined();
  const orgUnit = schema.getType('OrgUnit');
  expect(isObjectType(orgUnit) && Object.keys(orgUnit.getFields())).toEqual(
    expect.arrayContaining(['id', 'name', 'code', 'parentId', 'kind', 'version']),
  );
});
