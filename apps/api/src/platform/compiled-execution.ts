// Queries answered by a compiled plan (graphql-jit) instead of graphql-js's interpreter. graphql-js walks the selection
// for every object it completes (resolve info, field look-ups, abstract checks); for a list of 100 authorize answers
// that walk cost as much as the questions themselves. graphql-jit turns each query into a function once, then runs it.
//
// Only queries, and only answers without errors: an answer with errors (a refused input, a missing record) is asked
// again through Apollo's own execution, so that every error is logged, counted and formatted by one path. Queries read
// only, so asking again changes nothing. Mutations and subscriptions always take Apollo's own execution.
import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';

/** The contexts of requests answered by a compiled plan (the request log says so). */
const answered = new WeakSet<object>();

/** Was this request answered by its compiled plan? */
export const answeredByPlan = (context: object): boolean => answered.has(context);

/** Distinct query texts kept (least recently used dropped first). */
export const COMPILED_QUERIES_KEPT = 500;

/**
 * A query text is compiled when it is asked this many times: a text asked once (literals written into it, say) is
 * answered by graphql-js rather than paying a compilation it would use once.
 */
export const COMPILE_ON_REQUEST = 2;

/** A compiled plan; `null`: graphql-jit could not compile it; a number: asked that many times, not compiled yet. */
type Entry = CompiledQuery | null | number;

/** A compiled plan per query text and operation name, for the texts asked again. */
export class CompiledQueries {
  private readonly plans = new Map<string, Entry>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly kept = COMPILED_QUERIES_KEPT,
  ) {}

  /** The plan for this request (compiled on its COMPILE_ON_REQUEST-th request); null: use graphql-js. */
  planFor<T extends object>(rc: GraphQLRequestContext<T>): CompiledQuery | null {
    const { document, operation } = rc;
    if (!document || operation?.operation !== 'query') return null;
    const operationName = rc.request.operationName ?? null;
    const key = `${rc.queryHash ?? ''}\u0000${operationName ?? ''}`;
    const known = this.plans.get(key);
    // Most recently used last.
    if (known !== undefined) this.plans.delete(key);
    let entry: Entry;
    if (known === undefined || typeof known === 'number') {
      const asked = (known ?? 0) + 1;
      entry = asked >= COMPILE_ON_REQUEST ? this.compile(document, operationName) : asked;
    } else entry = known;
    this.plans.set(key, entry);
    if (this.plans.size > this.kept) this.plans.delete(this.plans.keys().next().value as string);
    return typeof entry === 'number' ? null : entry;
  }

  private compile(document: NonNullable<GraphQLRequestContext<object>['document']>, operationName: string | null) {
    try {
      const compiled = compileQuery(this.schema, document, operationName ?? undefined);
      return isCompiledQuery(compiled) ? compiled : null;
    } catch {
      return null;
    }
  }
}

/** The Apollo plugin: answers a query from its compiled plan when the answer has no errors. */
export function compiledExecutionPlugin<T extends object>(plans: CompiledQueries): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation(rc): Promise<GraphQLResponse | null> {
          const plan = plans.planFor(rc);
          if (!plan) return null;
          const result = await plan.query(undefined, rc.contextValue, rc.request.variables ?? {});
          if (result.errors?.length) return null;
          answered.add(rc.contextValue);
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: result.data as Record<string, unknown> } },
          };
        },
      };
    },
  };
}
