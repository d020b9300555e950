// Query fields that take their arguments as graphql-js coerced them, made into their input classes here, instead of
// through type-graphql's conversion. For each field of each input object that conversion searches the metadata of every
// input type of the schema (type-graphql 2.0.0-rc.4, resolvers/convert-args.js): for the 100 inputs of an
// authorizeMany, about a tenth of the request. The resolver class still declares the field (its description, arguments
// and type); the function registered here answers it, and must do what the class method's middlewares and argument
// validation do (the method itself answers through the same function, for tests that call it).
import type { GraphQLSchema } from 'graphql';
import type { Context } from './context';

/** Answers the field from its arguments (graphql-js's coerced values) and the request's context. */
export type PlainResolver = (args: Record<string, unknown>, ctx: Context) => unknown;

const registered = new Map<string, PlainResolver>();

/** `Query.<field>` is answered by `resolve`, with its arguments as graphql-js coerced them. */
export function plainArguments(field: string, resolve: PlainResolver): void {
  registered.set(field, resolve);
}

/** Installs the registered resolvers into the built schema. */
export function answerWithPlainArguments(schema: GraphQLSchema): void {
  const fields = schema.getQueryType()?.getFields() ?? {};
  for (const [name, resolve] of registered) {
    const field = fields[name];
    if (!field) throw new Error(`plainArguments: Query.${name} is not in the schema`);
    field.resolve = (_root, args, ctx) => resolve(args, ctx as Context);
  }
}

/**
 * Input objects as instances of their input class, as type-graphql makes them for a class without nested input
 * objects: the given properties only, on the class's prototype (so that quick checks and class-validator find it).
 */
export function asInstances<T extends object>(cls: new () => T, values: readonly object[]): T[] {
  return values.map((value) => Object.assign(Object.create(cls.prototype) as T, value));
}
