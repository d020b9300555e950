// A graphql-ws client for the change feed (subscriptions over WebSocket on /graphql), collecting what it receives.
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface FeedEntry {
  revision: string;
  cursor: string;
  recordType: string;
  recordId: string;
  operation: string;
}

export const ENTRY_FIELDS = 'revision cursor recordType recordId operation';

export const SUBSCRIBE = `subscription($after: String, $recordType: String) {
  authorityChanged(after: $after, recordType: $recordType) { ${ENTRY_FIELDS} } }`;

export interface Collected {
  entries: FeedEntry[];
  errors: Array<{ message: string; extensions?: Record<string, unknown> }>;
  /** Resolves when the subscription ends (completed, failed, or the socket closed). */
  ended: Promise<void>;
  unsubscribe(): void;
  /** Waits until `count` entries arrived (rejects after `timeoutMs` with what arrived). */
  waitFor(count: number, timeoutMs?: number): Promise<FeedEntry[]>;
}

export interface FeedClient {
  client: Client;
  /** Close events of the socket (code, reason). */
  closes: Array<{ code: number; reason: string }>;
  subscribe(variables?: Record<string, unknown>, query?: string): Collected;
  dispose(): Promise<void>;
}

/** A client on the API at `httpUrl` (…/graphql), authenticated with `token` (none: anonymous). */
export function feedClient(httpUrl: string, token: string | null, params: Record<string, unknown> = {}): FeedClient {
  const closes: FeedClient['closes'] = [];
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...params },
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        const e = event as { code: number; reason: string };
        closes.push({ code: e.code, reason: String(e.reason) });
      },
    },
  });
  return {
    client,
    closes,
    subscribe(variables = {}, query = SUBSCRIBE) {
      const entries: FeedEntry[] = [];
      const errors: Collected['errors'] = [];
      let end: () => void = () => undefined;
      const ended = new Promise<void>((resolve) => {
        end = resolve;
      });
      const unsubscribe = client.subscribe<{ authorityChanged: FeedEntry }>(
        { query, variables },
        {
          next: (result) => {
            if (result.errors) errors.push(...(result.errors as Collected['errors']));
            if (result.data?.authorityChanged) entries.push(result.data.authorityChanged);
          },
          error: (error) => {
            if (Array.isArray(error)) errors.push(...(error as Collected['errors']));
            else if (error && typeof error === 'object' && 'code' in error)
              errors.push({ message: 'socket closed', extensions: { closeCode: (error as { code: number }).code } });
            else errors.push({ message: String(error) });
            end();
          },
          complete: () => end(),
        },
      );
      return {
        entries,
        errors,
        ended,
        unsubscribe,
        async waitFor(count, timeoutMs = 20_000) {
          const started = Date.now();
          while (entries.length < count) {
            if (Date.now() - started > timeoutMs || errors.length)
              throw new Error(
                `waited ${timeoutMs} ms for ${count} entries, got ${entries.length}; errors: ${JSON.stringify(errors)}`,
              );
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          return entries;
        },
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

/** The cursor the feed gives for a revision (tests build one to start a subscription from a known point). */
export const cursorOf = (revision: string | number | bigint) =>
  Buffer.from(`rev:${revision}`, 'utf8').toString('base64url');
