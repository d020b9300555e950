// Safe retries for integrations: a mutation sent with an `Idempotency-Key` header runs once per caller and key;
// its answer (HTTP status and GraphQL body) is kept 24 h in the database (table idempotency_requests, shared by
// every API process) and returned again for the same request. See apps/api/README.md, "Retrying safely".
//
// How a request goes:
// 1. A claim row (caller, key, fingerprint of the operation and variables, state RUNNING, a lease) is inserted;
//    the unique index on (caller, key) lets exactly one of several simultaneous requests win it.
// 2. The winner runs the mutation. Every transaction it commits also stamps `committedAt` on the claim, inside that
//    same transaction (a TypeORM subscriber): the claim knows whether anything was written even when the answer
//    never got back (the database went away during COMMIT, the process died).
// 3. The answer is kept (state DONE) when something was written or a root field succeeded. When nothing was written
//    (every root field failed: validation, NOT_FOUND, SERVICE_UNAVAILABLE, …) the claim is released, so a retry
//    runs again: a failed mutation writes nothing, and a transient failure must be retryable.
// 4. The losers answer from the row: the kept answer (same key and payload), IDEMPOTENCY_KEY_REUSED (another
//    payload), or CONFLICT with Retry-After while the first is still running. A RUNNING claim whose lease has passed
//    was abandoned: it is taken over when it committed nothing, and answered with CONFLICT ("carried out, answer
//    lost") when it did, never run twice.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import type express from 'express';
import { DocumentNode, OperationDefinitionNode, parse, print } from 'graphql';
import type { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import type { Database } from './db';
import type { Logger } from './logger';
import type { Principal } from './permissions';
import { idempotencyKeyReused } from './errors';

export const IDEMPOTENCY_TABLE = 'idempotency_requests';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** How long an answer is kept (and a key stays bound to its request). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a running request holds its key before a retry may consider it abandoned. */
export const IDEMPOTENCY_LEASE_MS = 60_000;
/** 1–200 visible ASCII characters (no spaces): UUIDs, ULIDs, "crm-sync-2024-0012" and the like. */
export const IDEMPOTENCY_KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;
const PURGE_EVERY_MS = 10 * 60 * 1000;

/** Whose keys these are: every user and every API token has keys of its own. */
export function callerKey(principal: Principal | null): string {
  if (!principal) return 'anonymous';
  return principal.kind === 'user' ? `user:${principal.userId}` : `token:${principal.tokenId}`;
}

interface Claim {
  id: number;
  attempt: string;
  /** Set once a transaction of this request has committed (its stamp on the claim committed with it). */
  committed: boolean;
}

const running = new AsyncLocalStorage<Claim>();

/** Stamps the request's claim inside every transaction it commits, so "written" and "claimed as written" agree. */
class IdempotencyCommitStamp implements EntitySubscriberInterface {
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const claim = running.getStore();
    if (!claim) return;
    await event.manager
      .createQueryBuilder()
      .update(IDEMPOTENCY_TABLE)
      .set({ committedAt: Date.now() })
      .where('id = :id AND attempt = :attempt', { id: claim.id, attempt: claim.attempt })
      .execute();
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const claim = running.getStore();
    // Only the outermost commit counts (a nested transaction's release of its savepoint commits nothing yet).
    if (claim && !event.queryRunner.isTransactionActive) claim.committed = true;
  }
}

function installCommitStamp(dataSource: DataSource): void {
  if (!dataSource.subscribers.some((s) => s instanceof IdempotencyCommitStamp))
    dataSource.subscribers.push(new IdempotencyCommitStamp());
}

interface Row {
  id: number | string;
  fingerprint: string;
  attempt: string;
  state: string;
  leaseUntil: number | string;
  committedAt: number | string | null;
  status: number | string | null;
  body: string | null;
  createdAt: number | string;
  expiresAt: number | string;
}

type ClaimResult =
  | { kind: 'run'; claim: Claim }
  | { kind: 'replay'; row: Row }
  | { kind: 'reused'; row: Row }
  | { kind: 'running' }
  | { kind: 'lost'; row: Row };

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.code ?? e?.driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** JSON with object keys sorted: variables that differ only in key order are the same request. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

interface GraphQLBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/** The mutation the body asks to run, or null (a query, or a document Apollo will refuse on its own). */
function mutationOf(
  body: GraphQLBody | undefined,
): { document: DocumentNode; operation: OperationDefinitionNode } | null {
  if (!body || typeof body.query !== 'string') return null;
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch {
    return null;
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const name = typeof body.operationName === 'string' ? body.operationName : null;
  const operation = name
    ? operations.find((o) => o.name?.value === name)
    : operations.length === 1
      ? operations[0]
      : undefined;
  return operation && operation.operation === 'mutation' ? { document, operation } : null;
}

function fingerprintOf(body: GraphQLBody, document: DocumentNode): string {
  const request = {
    document: print(document),
    operationName: typeof body.operationName === 'string' ? body.operationName : null,
    variables: canonical(body.variables ?? {}),
  };
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/**
 * Keep the answer when something was written (a transaction committed) or a root field succeeded; release the key
 * when every root field failed without writing: a retry must be able to run (SERVICE_UNAVAILABLE, a fixed input).
 */
function definitive(text: string, committed: boolean): boolean {
  if (committed) return true;
  try {
    const parsed = JSON.parse(text) as { data?: Record<string, unknown> | null };
    return !!parsed.data && Object.values(parsed.data).some((v) => v !== null && v !== undefined);
  } catch {
    return false;
  }
}

function sendError(res: express.Response, status: number, message: string, extensions: Record<string, unknown>): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions }] }));
}

export interface IdempotencyOptions {
  db: Database;
  logger: Logger;
  /** The caller's key (callerKey of the request's principal), or null when the request is not signed in. */
  caller: (req: express.Request, res: express.Response) => Promise<string | null>;
}

/** The `Idempotency-Key` middleware; mount it before the GraphQL handler, after the JSON body parser. */
export function idempotency({ db, logger, caller }: IdempotencyOptions): express.RequestHandler {
  installCommitStamp(db.dataSource);
  const table = () => db.manager.createQueryBuilder();
  let lastPurge = 0;

  const purge = (now: number) => {
    if (now - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = now;
    table()
      .delete()
      .from(IDEMPOTENCY_TABLE)
      .where('expiresAt <= :now', { now })
      .execute()
      .catch((error: unknown) =>
        logger.warn('idempotency purge failed', { error: error instanceof Error ? error.message : String(error) }),
      );
  };

  async function claimKey(owner: string, key: string, fingerprint: string): Promise<ClaimResult> {
    for (let round = 0; round < 5; round++) {
      const now = Date.now();
      const attempt = randomUUID();
      try {
        await table()
          .insert()
          .into(IDEMPOTENCY_TABLE)
          .values({
            owner,
            idempotencyKey: key,
            fingerprint,
            attempt,
            state: 'RUNNING',
            leaseUntil: now + IDEMPOTENCY_LEASE_MS,
            committedAt: null,
            status: null,
            body: null,
            createdAt: now,
            expiresAt: now + IDEMPOTENCY_TTL_MS,
          })
          .execute();
        const mine = (await table()
          .select('r.id', 'id')
          .from(IDEMPOTENCY_TABLE, 'r')
          .where('r.owner = :owner AND r.idempotencyKey = :key AND r.attempt = :attempt', { owner, key, attempt })
          .getRawOne()) as { id: number | string } | undefined;
        if (!mine) throw new Error('idempotency: the claim just inserted is not there');
        return { kind: 'run', claim: { id: Number(mine.id), attempt, committed: false } };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const row = (await table()
        .select('r.*')
        .from(IDEMPOTENCY_TABLE, 'r')
        .where('r.owner = :owner AND r.idempotencyKey = :key', { owner, key })
        .getRawOne()) as Row | undefined;
      if (!row) continue; // released in between: claim again
      if (Number(row.expiresAt) <= now) {
        // Kept answers expire: the key may be used again.
        await table()
          .delete()
          .from(IDEMPOTENCY_TABLE)
          .where('id = :id AND expiresAt <= :now', { id: row.id, now })
          .execute();
        continue;
      }
      if (row.fingerprint !== fingerprint) return { kind: 'reused', row };
      if (row.state === 'DONE') return { kind: 'replay', row };
      if (Number(row.leaseUntil) > now) return { kind: 'running' };
      if (row.committedAt !== null) return { kind: 'lost', row };
      // Abandoned before it wrote anything (its process died): take it over, unless another retry just did.
      const taken = await table()
        .update(IDEMPOTENCY_TABLE)
        .set({ attempt, leaseUntil: now + IDEMPOTENCY_LEASE_MS })
        .where('id = :id AND attempt = :old AND state = :state AND committedAt IS NULL', {
          id: row.id,
          old: row.attempt,
          state: 'RUNNING',
        })
        .execute();
      if (taken.affected === 1) return { kind: 'run', claim: { id: Number(row.id), attempt, committed: false } };
    }
    return { kind: 'running' };
  }

  return async (req, res, next) => {
    const key = req.get(IDEMPOTENCY_HEADER);
    if (key === undefined) return next();
    const body = req.body as GraphQLBody | undefined;
    const mutation = mutationOf(body);
    if (!mutation) return next(); // queries ignore the header
    try {
      if (!IDEMPOTENCY_KEY_FORMAT.test(key)) {
        const problem =
          'must be 1–200 visible ASCII characters (letters, digits and punctuation; no spaces), e.g. a UUID';
        sendError(res, 400, `Idempotency-Key header: ${problem}.`, {
          code: 'BAD_USER_INPUT',
          fieldErrors: { [IDEMPOTENCY_HEADER]: problem },
        });
        return;
      }
      const owner = await caller(req, res);
      if (!owner) return next(); // not signed in: nothing to keep; the API answers (UNAUTHENTICATED, or login)
      const fingerprint = fingerprintOf(body as GraphQLBody, mutation.document);
      purge(Date.now());
      const claimed = await claimKey(owner, key, fingerprint);
      switch (claimed.kind) {
        case 'replay':
          res.setHeader('idempotent-replayed', 'true');
          res
            .status(Number(claimed.row.status ?? 200))
            .type('application/json')
            .send(claimed.row.body ?? '');
          return;
        case 'reused': {
          const error = idempotencyKeyReused(
            'Request',
            key,
            `first sent at ${new Date(Number(claimed.row.createdAt)).toISOString()} with another operation ` +
              `or other variables`,
          );
          sendError(res, 422, error.message, {
            ...error.extensions,
            firstSentAt: new Date(Number(claimed.row.createdAt)).toISOString(),
          });
          return;
        }
        case 'running':
          res.setHeader('retry-after', '1');
          sendError(
            res,
            409,
            'A request with this Idempotency-Key is still in progress; retry in a moment to get its answer.',
            { code: 'CONFLICT', idempotencyKey: key, inProgress: true },
          );
          return;
        case 'lost':
          sendError(
            res,
            409,
            'The request with this Idempotency-Key was carried out, but its answer was lost (the ' +
              'connection or the server failed before it was sent). It is not run again: read the records it ' +
              'changed to see the result.',
            { code: 'CONFLICT', idempotencyKey: key, executed: true },
          );
          return;
        case 'run':
          break;
      }
      const claim = claimed.claim;
      const release = () =>
        table()
          .delete()
          .from(IDEMPOTENCY_TABLE)
          .where('id = :id AND attempt = :attempt AND committedAt IS NULL', { id: claim.id, attempt: claim.attempt })
          .execute();
      const keep = (status: number, text: string) =>
        table()
          .update(IDEMPOTENCY_TABLE)
          .set({ state: 'DONE', status, body: text })
          .where('id = :id AND attempt = :attempt', { id: claim.id, attempt: claim.attempt })
          .execute();
      const send = res.send.bind(res);
      // The answer is stored before it leaves: a retry that follows it at once finds it kept. (A client that went
      // away does not release the key: the mutation goes on, and its answer is stored when it is sent.)
      res.send = ((payload: unknown) => {
        const text =
          typeof payload === 'string'
            ? payload
            : Buffer.isBuffer(payload)
              ? payload.toString('utf8')
              : JSON.stringify(payload);
        const status = res.statusCode;
        (definitive(text, claim.committed) ? keep(status, text) : release())
          .catch((error: unknown) =>
            logger.warn('idempotency: could not store the outcome', {
              key,
              error: error instanceof Error ? error.message : String(error),
            }),
          )
          .finally(() => send(payload as never));
        return res;
      }) as typeof res.send;
      running.run(claim, () => next());
    } catch (error) {
      next(error);
    }
  };
}
