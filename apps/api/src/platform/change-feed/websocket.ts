// GraphQL subscriptions over WebSocket (the graphql-ws protocol, "graphql-transport-ws") on the HTTP server's own
// port and path (/graphql). Only subscriptions run here: queries and mutations stay on HTTP POST, where the cost
// limits, idempotency keys and request logging apply. A connection authenticates like an HTTP request, with the
// connection parameter `authorization: "Bearer <token>"` (made into a context by the same factory); each subscription
// makes a fresh context, so an ended session or a revoked token starts nothing new. `atLeastRevision` among the
// connection parameters waits like the `X-At-Least-Revision` header.
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import {
  DocumentNode,
  getOperationAST,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  parse,
  specifiedRules,
  validate,
  ValidationRule,
} from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Context } from '../context';
import type { ContextInput } from '../context-factory';
import { formatError, toClientError } from '../errors';
import type { Logger } from '../logger';
import { awaitRequestedRevision } from './revision';

/** The path the WebSocket endpoint shares with HTTP GraphQL. */
export const GRAPHQL_PATH = '/graphql';
/** Largest message accepted from a client (the HTTP body limit). */
const MAX_PAYLOAD = 256 * 1024;
/** How long a client has to send `connection_init` after it connects. */
const INIT_TIMEOUT_MS = 10_000;
/** 1001 "going away": graphql-ws clients reconnect (to another process, behind a load balancer). */
const GOING_AWAY = 1001;

export interface GraphqlWebSocketOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  makeContext: (input: ContextInput) => Promise<Context>;
  /** Rules beyond graphql-js's own (the depth, alias and input rules HTTP requests meet). */
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  revisionWaitMs: number;
  /** Whether the server is draining: upgrades are then refused. */
  isDraining: () => boolean;
  /** Whether the database is known to be up: upgrades are refused (503) while it is down. */
  isUp: () => boolean;
  /** Tells the HTTP drain that a socket is now a WebSocket (see platform/drain.ts). */
  markUpgraded: (socket: Socket) => void;
  logger: Logger;
  production: boolean;
}

export interface GraphqlWebSocket {
  /** Open WebSocket connections. */
  readonly connections: number;
  /** Asks every client to go away (close 1001): a drain's first step. */
  closeAll(): void;
  /** Closes every connection and the WebSocket server. */
  stop(): Promise<void>;
}

/** What a client sends in `connection_init`: `authorization` ("Bearer <token>") and `atLeastRevision`. */
type ConnectionParams = Record<string, unknown>;

/** What the server keeps per connection, beside the socket and its upgrade request. */
type Extra = { requestId?: string } & Record<string, unknown>;

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

const coded = (error: GraphQLError, code: string) =>
  error.extensions?.code
    ? error
    : new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code } });

function stringParam(params: Readonly<ConnectionParams> | undefined, name: string): string | undefined {
  const value = params?.[name];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : String(value);
}

export function attachGraphqlWebSocket(options: GraphqlWebSocketOptions): GraphqlWebSocket {
  const { httpServer, schema, makeContext, logger } = options;
  const rules = [...specifiedRules, ...options.validationRules];
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD });

  const format = (error: GraphQLError): GraphQLFormattedError => {
    if (toClientError(error) === null && !(error.extensions?.code && error.originalError === undefined)) {
      const original = error.originalError ?? error;
      logger.error('unexpected error in a subscription', {
        error: original.message,
        stack: original.stack,
      });
    }
    return formatError(error.toJSON(), error);
  };

  /** A context as for an HTTP request with the connection's parameters as headers. */
  const contextOf = (
    params: Readonly<ConnectionParams> | undefined,
    request: http.IncomingMessage,
  ): Promise<Context> => {
    const authorization = stringParam(params, 'authorization');
    return makeContext({
      headers: authorization === undefined ? {} : { authorization },
      remoteAddress: request.socket.remoteAddress ?? null,
      requestId: randomUUID(),
    });
  };

  const server = useServer<ConnectionParams, Extra>(
    {
      schema,
      connectionInitWaitTimeout: INIT_TIMEOUT_MS,
      isProd: options.production,
      // Only signed-in callers keep a connection (4403 Forbidden otherwise); what they may subscribe to is checked
      // per subscription.
      async onConnect(ctx) {
        try {
          const context = await contextOf(ctx.connectionParams, ctx.extra.request);
          if (context.authError || !context.principal) return false;
          ctx.extra.requestId = context.requestId;
          logger.debug('websocket connected', { requestId: context.requestId });
          return true;
        } catch (error) {
          logger.warn('websocket connection refused: its context could not be made', {
            error: error instanceof Error ? error.message : String(error),
          });
          return false;
        }
      },
      async onSubscribe(ctx, _id, payload) {
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: options.maxTokens });
        } catch (error) {
          return [coded(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const errors = validate(schema, document, rules);
        if (errors.length) return errors.map((e) => coded(e, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation)
          return [new GraphQLError('Name the operation to run.', { extensions: { code: 'BAD_REQUEST' } })];
        if (operation.operation !== 'subscription') {
          const kind = operation.operation === 'query' ? 'queries' : 'mutations';
          return [
            new GraphQLError(`Only subscriptions run over WebSocket: send ${kind} as HTTP POST to ${GRAPHQL_PATH}.`, {
              extensions: { code: 'BAD_REQUEST' },
            }),
          ];
        }
        let contextValue: Context;
        try {
          contextValue = await contextOf(ctx.connectionParams, ctx.extra.request);
          await awaitRequestedRevision(
            contextValue,
            stringParam(ctx.connectionParams, 'atLeastRevision'),
            options.revisionWaitMs,
          );
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          return [new GraphQLError('Internal server error.', { originalError: error as Error })];
        }
        logger.info('graphql subscription', {
          requestId: contextValue.requestId,
          operation: payload.operationName ?? operation.name?.value ?? null,
          principal: contextValue.principal
            ? contextValue.principal.kind === 'user'
              ? `user:${contextValue.principal.userId}`
              : `token:${contextValue.principal.tokenId}`
            : null,
        });
        return {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue,
        };
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map(format);
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors?.length) return undefined;
        const { errors, ...rest } = result;
        return { ...rest, errors: errors.map(format) };
      },
    },
    wss,
  );

  httpServer.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = (request.url ?? '').split('?')[0];
    if (pathname !== GRAPHQL_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (options.isDraining() || !options.isUp()) return refuseUpgrade(socket, 503, 'Service Unavailable');
    options.markUpgraded(socket as Socket);
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  return {
    get connections() {
      return wss.clients.size;
    },
    closeAll() {
      for (const client of wss.clients) client.close(GOING_AWAY, 'The server is shutting down: reconnect.');
    },
    async stop() {
      await server.dispose();
    },
  };
}
