// Builds the HTTP app (GraphQL, health, portal) without listening; index.ts listens, tests call this.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { DataSource } from 'typeorm';
import { GraphQLError, OperationDefinitionNode } from 'graphql';
import type { RuntimeConfig } from '@iron-triangle/config';
import { buildApiSchema } from './schema';
import { portalAssets } from './platform/portal-assets';
import { Database, requestStats, RequestStats } from './platform/db';
import type { Context, ServerServices } from './platform/context';
import { ContextInput, contextFactory } from './platform/context-factory';
import { CONTEXT_SOURCES, startBackground, warmUp } from './composition';
import { Ticker } from './platform/ticker';
import {
  busy,
  DatabaseBusyError,
  formatError,
  isBusyError,
  isConnectionError,
  toClientError,
  unavailable,
} from './platform/errors';
import { createLogger, Logger } from './platform/logger';
import { cachedOperationCost, costError, DEFAULT_LIMITS, limitRules, QueryLimits } from './platform/limits';
import { LoginThrottle } from './platform/throttle';
import { inputPathRule } from './platform/scalars';
import { DatabaseHealth } from './platform/health';
import { ReadAdmission, readAdmission } from './platform/admission';
import { DrainResult, HttpDrain } from './platform/drain';
import { securityHeaders } from './platform/security-headers';
import { bornExpressClasses } from './platform/born-express';
import { withLocale } from './platform/locale';
import { bodySizeGuard, IMPORT_BODY_LIMIT, rememberBodySize } from './platform/import';
import { callerKey, idempotency } from './platform/idempotency';
import { ensureChangeLogBaseline } from './platform/change-log';
import { attachRevision, ChangeFeed, revisionWaitPlugin } from './platform/change-feed';
import { attachGraphqlWebSocket, GRAPHQL_PATH } from './platform/change-feed/websocket';
import { answeredByPlan, CompiledQueries, compiledExecutionPlugin } from './platform/compiled-execution';

export interface ServerDeps {
  dataSource: DataSource;
  config: RuntimeConfig;
  /** Built portal to serve at / (SPA fallback to index.html); omitted: no portal. */
  portalDir?: string;
  limits?: Partial<QueryLimits>;
  logger?: Logger;
  /** scrypt cost N for new password hashes; default 2^17. Only tests lower it (their fixtures hash with a low N). */
  passwordCost?: number;
  /** Queries waiting for admission beyond which a query is refused (default 1000; see platform/admission.ts). */
  maxWaitingReads?: number;
}

export interface ApiServer {
  app: express.Express;
  httpServer: http.Server;
  db: Database;
  /** The context a request gets (its caller from `headers.authorization`): for checks run in process. */
  makeContext(input: ContextInput): Promise<Context>;
  health: DatabaseHealth;
  /** Admission of queries (config.readConcurrency at once; the others wait in order): its counts. */
  admission: ReadAdmission;
  logger: Logger;
  /** This process's change feed (subscriptions to the change log). */
  changeFeed: ChangeFeed;
  /** The periodic jobs (reminders, the mail outbox), every TICK_SECONDS; `tick(at)` runs them once now. */
  ticker: Ticker;
  /**
   * Graceful stop of the HTTP side (see platform/drain.ts): refuses new connections, answers the in-flight requests
   * with `Connection: close`, closes idle keep-alive connections, refuses requests that still arrive on open ones, asks
   * WebSocket clients to go away (close 1001), and resolves when every connection is closed, or after `graceMs` with
   * the remaining ones cut.
   */
  drain(graceMs: number): Promise<DrainResult>;
  /** Ends a drain's grace period now. */
  cutNow(): void;
  stop(): Promise<void>;
}

interface RequestLocals {
  requestId: string;
  stats: RequestStats;
  startedAt: number;
}

/**
 * Adds `Server-Timing: app;dur=<ms>` to the answer: from the request's first middleware to its headers being written
 * (what a benchmark's client cannot tell apart from its own waiting: its load generator shares the machine).
 */
function serverTiming(res: express.Response): void {
  const started = process.hrtime.bigint();
  const writeHead = res.writeHead;
  res.writeHead = function (this: express.Response, ...args: unknown[]) {
    if (!this.headersSent) {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      this.setHeader('server-timing', `app;dur=${ms.toFixed(1)}`);
    }
    return (writeHead as (...a: unknown[]) => express.Response).apply(this, args);
  } as typeof res.writeHead;
}

const labels = new WeakMap<OperationDefinitionNode, string>();

/**
 * "query authorize", "mutation login": an unnamed operation's kind and root fields (remembered per parsed operation).
 */
function operationLabel(op: OperationDefinitionNode): string {
  let label = labels.get(op);
  if (label === undefined) {
    label =
      `${op.operation} ` +
      `${op.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : [])).join(',')}`;
    labels.set(op, label);
  }
  return label;
}

function loggingPlugin(
  logger: Logger,
  limits: QueryLimits,
  exposeStats: boolean,
  health: DatabaseHealth,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      let operation: string | null = null;
      let unknownErrors = 0;
      return {
        async didResolveOperation({ operation: op, operationName, document, request }) {
          // The operation's name, or its kind and root fields ("mutation login").
          operation = operationName ?? op?.name?.value ?? (op ? operationLabel(op) : null);
          if (op?.operation === 'subscription')
            throw new GraphQLError(
              `Subscriptions run over WebSocket (the graphql-ws protocol) at ${GRAPHQL_PATH}, not over HTTP POST.`,
              { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
            );
          if (op) {
            const cost = cachedOperationCost(op, document, request.variables ?? {});
            if (cost > limits.maxCost) throw costError(cost, limits);
          }
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const original = error.originalError ?? error;
            if (isConnectionError(original)) health.reportFailure(original);
            if (toClientError(error) === null && !(error.extensions?.code && error.originalError === undefined)) {
              unknownErrors += 1;

              logger.error('unexpected error', {
                requestId: contextValue.requestId,
                operation,
                error: original instanceof Error ? original.message : String(original),
                stack: original instanceof Error ? original.stack : undefined,
              });
            }
          }
        },
        async willSendResponse({ response, errors }) {
          // `extensions.revision` first: reading it may take a statement, which the count below includes.
          await attachRevision(contextValue, response, errors);
          // What Apollo's cache-control plugin sent for a schema without cache hints (it is disabled: it wraps every
          // field resolver to collect hints this schema never gives).
          if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
          const stats = requestStats.getStore();
          if (exposeStats && stats) {
            response.http.headers.set('x-sql-statements', String(stats.statements));
            response.http.headers.set('x-sql-round-trips', String(stats.roundTrips ?? 0));
          }
          const codes = (errors ?? []).map(
            (e) => (e.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR',
          );
          logger.info('graphql request', {
            requestId: contextValue.requestId,
            operation,
            durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
            outcome: codes.length === 0 ? 'ok' : unknownErrors > 0 ? 'error' : 'rejected',
            // 'compiled': answered by the query's compiled plan (platform/compiled-execution.ts).
            execution: answeredByPlan(contextValue) ? 'compiled' : 'graphql-js',
            errorCodes: codes.length ? [...new Set(codes)] : undefined,
            statements: stats?.statements,
            principal: contextValue.principal
              ? contextValue.principal.kind === 'user'
                ? `user:${contextValue.principal.userId}`
                : `token:${contextValue.principal.tokenId}`
              : null,
          });
        },
      };
    },
  };
}

/** The longest a test may hold a request (below the default 10 s shutdown grace, SHUTDOWN_GRACE_MS). */
const MAX_TEST_HOLD_MS = 5_000;

/**
 * Test-only, mounted only when NODE_ENV=test: a request with `x-test-hold-ms: n` waits n ms before it is handled,
 * so a test can keep a GraphQL request in flight while it stops the process (test/sigterm.test.ts checks that
 * SIGTERM lets it finish). Nothing reaches the API this way that a client could not send anyway; development and
 * production never mount it.
 */
function testHold(logger: Logger): express.RequestHandler {
  return (req, res, next) => {
    const ms = Number(req.get('x-test-hold-ms'));
    if (!Number.isFinite(ms) || ms <= 0) {
      next();
      return;
    }
    const held = Math.min(ms, MAX_TEST_HOLD_MS);
    logger.info('test hold: request held', { requestId: (res.locals.request as RequestLocals).requestId, ms: held });
    setTimeout(next, held);
  };
}

export async function createServer({
  dataSource,
  config,
  portalDir,
  limits: limitOverrides,
  logger: givenLogger,
  passwordCost,
  maxWaitingReads,
}: ServerDeps): Promise<ApiServer> {
  const logger = givenLogger ?? createLogger(config.logLevel);
  // Records written before their history was kept (or by the demo seed) get their first entry.
  const baseline = await ensureChangeLogBaseline(dataSource);
  if (baseline) logger.info('change log baseline recorded', { entries: baseline });
  await warmUp(dataSource);
  const limits: QueryLimits = { ...DEFAULT_LIMITS, ...limitOverrides };
  const db = new Database(dataSource, { acquireTimeoutMs: config.databaseAcquireTimeoutMs });
  const health = new DatabaseHealth(db, logger);
  const admission = new ReadAdmission(config.readConcurrency, maxWaitingReads, config.readWritePriority);
  const changeFeed = new ChangeFeed(dataSource, { pollMs: config.changeFeedPollMs, logger });
  const background = startBackground({ dataSource, db, config, logger });
  const ticker = new Ticker({ intervalMs: config.tickSeconds * 1000, jobs: background.jobs, logger });
  const services: ServerServices = {
    loginThrottle: new LoginThrottle(),
    logger,
    changeFeed,
    ...(passwordCost ? { passwordCost } : {}),
  };
  const schema = await buildApiSchema();
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // index.ts drains HTTP first and then stops Apollo; Apollo's own signal handler would exit mid-request.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.nodeEnv === 'production',
    formatError,
    validationRules: [...limitRules(limits), inputPathRule],
    parseOptions: { maxTokens: limits.maxTokens },
    // No landing page: it loads Apollo Sandbox from a CDN; the portal and any GraphQL client work without it.
    plugins: [
      loggingPlugin(logger, limits, config.requestStats, health),
      revisionWaitPlugin(config.revisionWaitMs),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(config.compiledQueries ? [compiledExecutionPlugin<Context>(new CompiledQueries(schema))] : []),
    ],
    // Compact JSON (Apollo pretty-prints by default): less CPU and fewer bytes, same values.
    stringifyResult: (value) => JSON.stringify(value),
  });
  await apollo.start();
  const makeContext = contextFactory(db, config, services, CONTEXT_SOURCES);
  /** The request's context, made once: the idempotency check and Apollo both ask for it. */
  const requestContext = (req: express.Request, res: express.Response): Promise<Context> => {
    const locals = res.locals as { context?: Promise<Context> };
    locals.context ??= makeContext({
      headers: req.headers,
      remoteAddress: req.socket.remoteAddress ?? null,
      requestId: (res.locals.request as RequestLocals).requestId,
    });
    return locals.context;
  };

  // Answers say how long the API took (Server-Timing), as they say their SQL statements (REQUEST_STATS).
  const exposeTiming = config.requestStats;
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.set('trust proxy', false);
  app.use((req, res, next) => {
    const given = req.get('x-request-id');
    const requestId = given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    const locals: RequestLocals = { requestId, stats: { statements: 0 }, startedAt: Date.now() };
    res.locals.request = locals;
    if (exposeTiming) serverTiming(res);
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await health.check();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unavailable' });
  });
  if (config.nodeEnv === 'test') app.use('/graphql', testHold(logger));
  app.use(
    '/graphql',
    (req, res, next) => {
      // Fail fast while the database is known to be down (a background probe brings it back).
      if (!health.isUp()) {
        const error = unavailable();
        res.status(503).json({ errors: [{ message: error.message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
        return;
      }
      next();
    },
    // 256 kB, but 8 MB for importRecords (platform/import/body-size.ts).
    express.json({ limit: IMPORT_BODY_LIMIT, verify: rememberBodySize }),
    bodySizeGuard,
    // Reads wait their turn here, before any of their work (platform/admission.ts); mutations go ahead.
    readAdmission(admission),
    // Count SQL statements per request: everything below runs inside this async context.
    (_req, res, next) => requestStats.run((res.locals.request as RequestLocals).stats, () => next()),
    // Mutations with an Idempotency-Key header run once per caller and key; their answers are kept 24 h.
    idempotency({
      db,
      logger,
      caller: async (req, res) => {
        const principal = (await requestContext(req, res)).principal;
        return principal ? callerKey(principal) : null;
      },
    }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        try {
          return withLocale(await requestContext(req, res), req.get('accept-language'));
        } catch (error) {
          if (isBusyError(error)) {
            const answer = busy(error instanceof DatabaseBusyError ? error.waitedMs : 0);
            throw new GraphQLError(answer.message, { extensions: { ...answer.extensions, http: { status: 503 } } });
          }
          if (isConnectionError(error)) {
            health.reportFailure(error);
            throw new GraphQLError(unavailable().message, {
              extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
            });
          }
          throw error;
        }
      },
    }),
  );
  app.use('/graphql', ((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    const status = (error as { status?: number }).status;
    if (status === 413) {
      res.status(413).json({
        errors: [
          {
            message: 'Request body is too large (limit 256 kB; 8 MB for importRecords).',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
      return;
    }
    if (status === 400) {
      res
        .status(400)
        .json({ errors: [{ message: 'Request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    next(error);
  }) as express.ErrorRequestHandler);

  if (portalDir && existsSync(path.join(portalDir, 'index.html'))) {
    // Hashed assets: compressed, cached as immutable; index.html: revalidated on each load (platform/portal-assets).
    app.use('/assets', portalAssets(path.join(portalDir, 'assets')));
    // A missing asset (an old page asking for a chunk of an earlier build) is a 404, not the portal's HTML.
    app.use('/assets', (_req, res) => {
      res.status(404).type('text/plain').send('Not found');
    });
    app.use(
      express.static(portalDir, {
        index: 'index.html',
        maxAge: '1h',
        setHeaders: (res, file) => {
          if (path.basename(file) === 'index.html') res.setHeader('Cache-Control', 'no-cache');
        },
      }),
    );
    app.get(/^\/(?!graphql|healthz|readyz).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(portalDir, 'index.html'));
    });
  }
  app.use(((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const requestId = (res.locals.request as RequestLocals | undefined)?.requestId;
    logger.error('unhandled HTTP error', {
      requestId,
      path: req.path,
      error: error instanceof Error ? error.message : String(error),
    });
    if (isConnectionError(error)) {
      health.reportFailure(error);
      res
        .status(503)
        .json({ errors: [{ message: unavailable().message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      return;
    }
    res
      .status(500)
      .json({ errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  }) as express.ErrorRequestHandler);

  // Requests and responses made with the app's prototypes (platform/born-express: what Express's per-request
  // setPrototypeOf costs the garbage collector).
  const httpServer = http.createServer(bornExpressClasses(app));
  const drain = new HttpDrain(httpServer);
  httpServer.on('request', drain.listener(app));
  httpServer.keepAliveTimeout = 5_000;
  httpServer.requestTimeout = 30_000;
  // Subscriptions: the graphql-ws protocol on the same port and path.
  const webSocket = attachGraphqlWebSocket({
    httpServer,
    schema,
    makeContext,
    validationRules: [...limitRules(limits), inputPathRule],
    maxTokens: limits.maxTokens,
    revisionWaitMs: config.revisionWaitMs,
    isDraining: () => drain.isDraining,
    isUp: () => health.isUp(),
    markUpgraded: (socket) => drain.markUpgraded(socket),
    logger,
    production: config.nodeEnv === 'production',
  });
  ticker.start();
  return {
    app,
    httpServer,
    db,
    makeContext,
    health,
    admission,
    logger,
    changeFeed,
    ticker,
    drain(graceMs) {
      // No new tick once draining; a tick in progress finishes (stop() waits for it).
      void ticker.stop();
      const drained = drain.drain(graceMs);
      webSocket.closeAll();
      return drained;
    },
    cutNow: () => drain.cutNow(),
    async stop() {
      await ticker.stop();
      await background.stop();
      await webSocket.stop();
      await changeFeed.stop();
      health.stop();
      await apollo.stop();
    },
  };
}
