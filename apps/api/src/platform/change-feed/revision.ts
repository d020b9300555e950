// Read-your-writes across processes: every answer reports the change-log revision it reflects
// (`extensions.revision`), and a request may ask not to be answered from anything older (`X-At-Least-Revision`):
// it waits briefly for the database to reach that revision, or is answered SERVICE_UNAVAILABLE with a retry hint.
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import type { Context } from '../context';
import { AppError } from '../errors';
import { readRevision } from '../change-log/record';
import { parseRevision } from './cursor';

export const AT_LEAST_REVISION_HEADER = 'x-at-least-revision';
/** How often a waiting request reads the revision again. */
const WAIT_STEP_MS = 50;

export const revisionNotReached = (target: string, current: string, waitedMs: number) =>
  new AppError(
    'SERVICE_UNAVAILABLE',
    `The data has not reached revision ${target} yet (it is at revision ${current} after ${
      Math.round(waitedMs / 100) / 10
    } s): retry in a moment. A revision comes from \`extensions.revision\` of an earlier answer; one the ` +
      `database never committed is never reached.`,
    { retryAfterSeconds: 1, atLeastRevision: target, revision: current },
  );

/** Keeps the highest revision the request asked for (the engine's index must reflect it too). */
function noteTarget(ctx: Context, target: string): void {
  if (ctx.atLeastRevision === undefined || BigInt(target) > BigInt(ctx.atLeastRevision)) ctx.atLeastRevision = target;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the database's revision is at least `target` (reading it every 50 ms, for at most `waitMs`), starting
 * from `known` when the request already read it; resolves with the revision reached, or throws SERVICE_UNAVAILABLE.
 */
export async function awaitRevision(
  manager: () => EntityManager,
  target: string,
  known: string | undefined,
  waitMs: number,
): Promise<string> {
  const goal = BigInt(target);
  const started = Date.now();
  let current = known ?? (await readRevision(manager()));
  while (BigInt(current) < goal) {
    const left = waitMs - (Date.now() - started);
    if (left <= 0) throw revisionNotReached(target, current, Date.now() - started);
    await sleep(Math.min(WAIT_STEP_MS, left));
    current = await readRevision(manager());
  }
  return current;
}

/** The same error with an HTTP status for Apollo (formatError drops `http` from what the client sees). */
function withStatus(error: GraphQLError, status: number): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status } } });
}

/**
 * Before the operation runs: honours `X-At-Least-Revision` (BAD_USER_INPUT, HTTP 400, when it is not a revision;
 * SERVICE_UNAVAILABLE, HTTP 503 with Retry-After, when the database does not reach it within `waitMs`).
 */
export async function awaitRequestedRevision(ctx: Context, raw: string | undefined, waitMs: number): Promise<void> {
  if (raw === undefined) return;
  let target: string;
  try {
    target = parseRevision(raw, 'X-At-Least-Revision');
  } catch (error) {
    throw withStatus(error as GraphQLError, 400);
  }
  const seen = ctx.revision;
  noteTarget(ctx, target);
  try {
    ctx.revision = await awaitRevision(() => ctx.db.manager, target, seen, waitMs);
  } catch (error) {
    throw error instanceof AppError ? withStatus(error, 503) : error;
  }
  if (ctx.revision !== seen) {
    // The counters read with the session are older than the revision waited for: the engine reads them again.
    delete ctx.authorityChangeCount;
    delete ctx.caseChangeCount;
  }
}

/**
 * An operation's own `atLeastRevision` argument (the contract's, on authority questions): waits as the header does,
 * answering BAD_USER_INPUT for a value that is not a revision and SERVICE_UNAVAILABLE when it is not reached.
 */
export async function awaitArgumentRevision(
  ctx: Context,
  raw: string | null | undefined,
  field: string,
  waitMs: number,
): Promise<void> {
  if (raw === undefined || raw === null) return;
  const target = parseRevision(raw, field);
  noteTarget(ctx, target);
  const seen = ctx.revision;
  ctx.revision = await awaitRevision(() => ctx.db.manager, target, seen, waitMs);
  if (ctx.revision !== seen) {
    delete ctx.authorityChangeCount;
    delete ctx.caseChangeCount;
  }
}

function codesOf(errors: readonly GraphQLError[] | undefined): string[] {
  return (errors ?? []).map((e) => String(e.extensions?.code ?? ''));
}

/**
 * The revision an answer reflects: the one its writes committed (when it had no error), else the one an engine
 * answer was read from, else the latest committed revision as the request saw it (read with the session, or now:
 * one cheap statement). Null when the database is not answering.
 */
export async function answerRevision(
  ctx: Context,
  errors: readonly GraphQLError[] | undefined,
): Promise<string | null> {
  if (ctx.revisions.committed !== null && !errors?.length) return ctx.revisions.committed;
  if (ctx.revisions.read !== null) return ctx.revisions.read;
  if (ctx.revision !== undefined) return ctx.revision;
  // Busy or down: asking the database again would only wait.
  if (codesOf(errors).includes('SERVICE_UNAVAILABLE')) return null;
  try {
    ctx.revision = await readRevision(ctx.db.manager);
    return ctx.revision;
  } catch {
    return null;
  }
}

/** Puts `extensions.revision` on a single answer, and `Retry-After` on one refused for a revision not reached. */
export async function attachRevision(
  ctx: Context,
  response: GraphQLResponse,
  errors: readonly GraphQLError[] | undefined,
): Promise<void> {
  const revision = await answerRevision(ctx, errors);
  if (response.body.kind === 'single' && revision !== null) {
    const result = response.body.singleResult;
    result.extensions = { ...result.extensions, revision };
  }
  const retry = (errors ?? []).find((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')?.extensions?.retryAfterSeconds;
  if (typeof retry === 'number' && !response.http.headers.has('retry-after'))
    response.http.headers.set('retry-after', String(retry));
}

/** The Apollo plugin: waits for `X-At-Least-Revision` once the operation is known (see attachRevision for answers). */
export function revisionWaitPlugin(waitMs: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, contextValue }) {
          await awaitRequestedRevision(contextValue, request.http?.headers.get(AT_LEAST_REVISION_HEADER), waitMs);
        },
      };
    },
  };
}
