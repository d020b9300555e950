// The per-request context: who is asking, the database, loaders, the request's clock and org scope. Made by
// context-factory.ts; this file holds only the types every layer reads.
import type { OrgTree } from '@iron-triangle/domain';
import type { RuntimeConfig } from '@iron-triangle/config';
import type { Database } from './db';
import type { Loaders } from './loaders';
import type { Principal } from './permissions';
import type { LoginThrottle } from './throttle';
import type { Logger } from './logger';
import type { ChangeFeed } from './change-feed/feed';

export interface Context {
  requestId: string;
  principal: Principal | null;
  db: Database;
  config: RuntimeConfig;
  loaders: Loaders;
  /** The request's clock: one instant for the whole operation. */
  now: Date;
  /** The client's network address (the socket's remote address; proxies are not trusted); null when unknown. */
  clientAddress: string | null;
  /** The org tree, loaded once per request. */
  orgTree(): Promise<OrgTree>;
  /** The org units the principal is limited to (their subtrees), or null when unrestricted. */
  scopeUnits(): Promise<ReadonlySet<number> | null>;
  services: ServerServices;
  /** Records an auth failure to report once the operation runs (a bad token is UNAUTHENTICATED, not anonymous). */
  authError: Error | null;
  /**
   * The authority change counter, when it was read with the caller's session (one statement for both); the
   * request's authority snapshot then follows it instead of reading the counter again.
   */
  authorityChangeCount?: string;
  /** The case counter (projects and team appointments), read in the same statement; absent when not read. */
  caseChangeCount?: string;
  /**
   * The change log's latest committed revision (row 3 of authority_state) as this request saw it: read with the
   * session in the same statement, or by the wait for `X-At-Least-Revision`; absent when not read. Everything the
   * request reads afterwards is at least this new.
   */
  revision?: string;
  /** The highest revision this request asked to see at least (X-At-Least-Revision, or an `atLeastRevision`). */
  atLeastRevision?: string;
  /**
   * Revisions of the change log this request touched (a holder shared by Apollo's per-operation copies of the
   * context): the last one its writes committed, and the one its answers were read from. Reported to the client as
   * `extensions.revision`.
   */
  revisions: RequestRevisions;
}

export interface RequestRevisions {
  committed: string | null;
  read: string | null;
}

/** Long-lived helpers shared by every request of one server. */
export interface ServerServices {
  loginThrottle: LoginThrottle;
  logger: Logger;
  /** scrypt cost N for new password hashes (default PASSWORD_COST, 2^17); tests lower it for speed. */
  passwordCost?: number;
  /** The change feed of this process (subscriptions to the change log); absent outside a server (seeding). */
  changeFeed?: ChangeFeed;
}
