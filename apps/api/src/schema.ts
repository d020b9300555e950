// Builds the GraphQL schema from the resolver classes.
import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { ArgumentValidationError, buildSchema, NonEmptyArray, PubSub } from 'type-graphql';
import { validateOrReject, ValidationError, ValidatorOptions } from 'class-validator';
import './platform/enums';
import { RESOLVERS } from './modules/resolvers';
import { OPERATION_RESOLVERS } from './modules/operations';
import { DateTimeScalar } from './platform/scalars';

let cached: Promise<GraphQLSchema> | null = null;

/**
 * type-graphql's own argument validation with its defaults, minus the `require('class-validator')` it does per
 * argument.
 */
const VALIDATOR_OPTIONS: ValidatorOptions = { forbidUnknownValues: false, skipMissingProperties: true };
const validatable = (value: unknown): value is object => value !== null && typeof value === 'object';

async function validateArgument(value: unknown): Promise<void> {
  if (!validatable(value)) return;
  try {
    if (Array.isArray(value))
      await Promise.all(value.filter(validatable).map((item) => validateOrReject(item, VALIDATOR_OPTIONS)));
    else await validateOrReject(value, VALIDATOR_OPTIONS);
  } catch (error) {
    throw new ArgumentValidationError(error as ValidationError[]);
  }
}

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

/** The schema is built once per process (type-graphql's metadata is global). */
export function buildApiSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [...RESOLVERS, ...OPERATION_RESOLVERS] as unknown as NonEmptyArray<new () => object>,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validateFn: validateArgument,
    pubSub: NO_TOPICS,
  });
  return cached;
}
