// Builds the GraphQL schema from the resolver classes.
import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import './platform/enums';
import { RESOLVERS } from './modules/resolvers';
import { OPERATION_RESOLVERS } from './modules/operations';
import { DateTimeScalar } from './platform/scalars';

let cached: Promise<GraphQLSchema> | null = null;

/** The schema is built once per process (type-graphql's metadata is global). */
export function buildApiSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [...RESOLVERS, ...OPERATION_RESOLVERS] as unknown as NonEmptyArray<new () => object>,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: { forbidUnknownValues: false },
  });
  return cached;
}
