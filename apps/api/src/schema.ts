// Builds the GraphQL schema from the resolver classes.
import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, NonEmptyArray, PubSub } from 'type-graphql';
import './platform/enums';
import { RESOLVERS } from './modules/resolvers';
import { OPERATION_RESOLVERS } from './modules/operations';
import { DateTimeScalar } from './platform/scalars';
import { validateArgument } from './platform/quick-validation';
import { answerWithPlainArguments } from './platform/plain-arguments';

let cached: Promise<GraphQLSchema> | null = null;

/**
 * Subscriptions bring their own event streams (`@Subscription({ subscribe })`, e.g. the change feed's poller);
 * type-graphql still wants a pub/sub for topic-based ones, of which there are none.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('no subscription publishes to topics: each brings its own `subscribe`');
  },
  subscribe() {
    throw new Error('no subscription listens to topics: each brings its own `subscribe`');
  },
};

/**
 * Fields without middlewares or roles, read under their own name, resolve as graphql's default resolver does (a
 * property read) instead of through type-graphql's wrapper (a closure, an object and a middleware dispatch per field
 * of every answer: thousands in an authorizeMany of 100 or a list of 25 with nested fields). No global middleware or
 * auth checker is configured, so the value is the same. A field resolver (`@FieldResolver`) is not affected.
 */
function simpleFields(): void {
  for (const field of getMetadataStorage().fields)
    if (field.simple === undefined && !field.middlewares?.length && !field.roles && field.schemaName === field.name)
      field.simple = true;
}

/** The schema is built once per process (type-graphql's metadata is global). */
export function buildApiSchema(): Promise<GraphQLSchema> {
  if (cached === null) simpleFields();
  cached ??= buildSchema({
    resolvers: [...RESOLVERS, ...OPERATION_RESOLVERS] as unknown as NonEmptyArray<new () => object>,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validateFn: validateArgument,
    pubSub: NO_TOPICS,
  }).then((schema) => {
    answerWithPlainArguments(schema);
    return schema;
  });
  return cached;
}
