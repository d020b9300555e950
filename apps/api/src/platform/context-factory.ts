// Makes the per-request context: resolves the caller (session or API token), and gives the request its clock, loaders,
// org tree and org scope. What it reads from feature modules comes in as ContextSources (platform imports no module).
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { OrgTree } from '@iron-triangle/domain';
import type { RuntimeConfig } from '@iron-triangle/config';
import type { EntityManager } from 'typeorm';
import type { Context, ServerServices } from './context';
import { Database } from './db';
import { Loaders } from './loaders';
import { restrictToReadable } from './scope';
import { Principal, SCOPED_ROLES, UserRole } from './permissions';
import { hashApiToken, parseApiTokenId, sameHash, SessionClaims, verifySession } from './passwords';
import { unauthenticated } from './errors';

/** An API token as the context checks it. */
export interface ApiTokenRecord {
  id: number;
  name: string;
  scopes: readonly string[];
  tokenHash: string;
  expiresAt: Date | null;
}

/**
 * What the context reads from the feature modules' records. The server passes them in (src/composition.ts): the
 * platform knows no feature module.
 */
export interface ContextSources {
  /** The API token with this id, unless revoked; null when there is none. */
  activeApiToken(em: EntityManager, id: number): Promise<ApiTokenRecord | null>;
  /** The org units a person belongs to at `now`: their own unit, then the units of their positions in force. */
  homeUnits(em: EntityManager, personId: number, now: Date): Promise<readonly number[]>;
  /**
   * The same units read as columns of the session's statement, so that a scoped caller's scope costs no statement of
   * its own: `columns` is SQL over the signed-in user's row `u` (`:now` is the request's clock), `read` takes the
   * units from the row. Without it, `homeUnits` reads them when a scope is needed.
   */
  homeUnitsWithSession?: { columns: string; read(row: Record<string, unknown>): number[] };
  /** Reads the org units through `em` and builds the tree (for work the system does itself). */
  readOrgTree(em: EntityManager): Promise<OrgTree>;
  /**
   * The org tree of a request: the one the request's authority snapshot is built on, so that it is read and built
   * once per request (the context asks at most once and keeps the answer).
   */
  requestOrgTree(ctx: Context): Promise<OrgTree>;
}

/**
 * The session's user and the authority change counter in one statement: every signed-in request checks both, and
 * a plain statement skips the query builder (built, aliased and hydrated per request otherwise).
 */
const SESSION_USER_COLUMNS =
  'SELECT u.id AS id, u.email AS email, u.role AS role, u.personId AS personId, u.archivedAt AS archivedAt, ' +
  'u.sessionVersion AS sessionVersion, ' +
  '(SELECT authority_state.changeCount FROM authority_state WHERE authority_state.id = 1) AS changeCount, ' +
  '(SELECT authority_state.changeCount FROM authority_state WHERE authority_state.id = 2) AS caseChangeCount, ' +
  '(SELECT authority_state.changeCount FROM authority_state WHERE authority_state.id = 3) AS revision';

/** The session statement, with the home units' columns when the sources give them (`:now`; the user id last). */
function sessionUserSql(sources: ContextSources): string {
  const home = sources.homeUnitsWithSession;
  return `${SESSION_USER_COLUMNS}${home ? `, ${home.columns}` : ''} FROM users u WHERE u.id = ?`;
}

interface SessionUserRow {
  id: number | string;
  email: string;
  role: string;
  personId: number | string | null;
  archivedAt: Date | string | null;
  sessionVersion: number | string;
  changeCount: number | string | bigint | null;
  caseChangeCount: number | string | bigint | null;
  revision: number | string | bigint | null;
}

interface ResolvedPrincipal {
  principal: Principal | null;
  /** The signed-in user's home units, when read with the session. */
  homeUnits?: readonly number[];
  changeCount?: string;
  caseChangeCount?: string;
  revision?: string;
}

/**
 * Session tokens whose signature this server has verified, with their claims: a token's signature never changes
 * its verdict, so it is checked once; expiry is checked on every request, and the user on every request too.
 * The cache says nothing about whether a session is still current: the user's `sessionVersion` is read from the
 * database on every request and compared with the token's (resolvePrincipal), so an ended session stays ended.
 */
class VerifiedSessions {
  private readonly claims = new Map<string, SessionClaims>();
  private static readonly MAX = 10_000;

  constructor(private readonly secret: string) {}

  verify(token: string, now: Date): SessionClaims | null {
    const known = this.claims.get(token);
    if (known) return known.exp * 1000 > now.getTime() ? known : null;
    const claims = verifySession(token, this.secret, now);
    if (claims) {
      if (this.claims.size >= VerifiedSessions.MAX) this.claims.clear();
      this.claims.set(token, claims);
    }
    return claims;
  }
}

async function resolvePrincipal(
  db: Database,
  sources: ContextSources,
  sessionSql: string,
  sessions: VerifiedSessions,
  header: string | undefined,
  now: Date,
): Promise<ResolvedPrincipal> {
  if (!header) return { principal: null };
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated();
  const token = match[1] as string;
  const tokenId = parseApiTokenId(token);
  if (tokenId !== null) {
    const record = await sources.activeApiToken(db.manager, tokenId);
    if (!record || !sameHash(record.tokenHash, hashApiToken(token))) throw unauthenticated();
    if (record.expiresAt && record.expiresAt.getTime() <= now.getTime()) throw unauthenticated();
    return { principal: { kind: 'token', tokenId: record.id, name: record.name, scopes: record.scopes } };
  }
  const claims = sessions.verify(token, now);
  if (!claims) throw unauthenticated();
  const em = db.manager;
  // The driver writes the clock as each database compares it (SQLite keeps UTC text, MySQL a DATETIME).
  const [sql, params] = em.connection.driver.escapeQueryWithParameters(sessionSql, { now });
  const rows = (await em.query(sql, [...params, claims.sub])) as SessionUserRow[];
  const user = rows[0];
  // A password or role change, or logout, bumps the user's session version: older tokens end here.
  if (!user || user.archivedAt || Number(user.sessionVersion) !== claims.sv) throw unauthenticated();
  return {
    principal: {
      kind: 'user',
      userId: Number(user.id),
      email: user.email,
      role: user.role as UserRole,
      personId: user.personId === null ? null : Number(user.personId),
    },
    ...(sources.homeUnitsWithSession
      ? { homeUnits: sources.homeUnitsWithSession.read(user as unknown as Record<string, unknown>) }
      : {}),
    changeCount: user.changeCount === null ? '0' : String(user.changeCount),
    ...(user.caseChangeCount === null || user.caseChangeCount === undefined
      ? {}
      : { caseChangeCount: String(user.caseChangeCount) }),
    ...(user.revision === null || user.revision === undefined ? {} : { revision: String(user.revision) }),
  };
}

export interface ContextInput {
  headers: IncomingHttpHeaders;
  /** The socket's remote address. */
  remoteAddress?: string | null;
  requestId?: string;
}

/** A context for work the system does itself (seeding), acting as the given admin user. */
export function systemContext(
  db: Database,
  config: RuntimeConfig,
  services: ServerServices,
  now: Date,
  admin: { userId: number; email: string },
  sources: ContextSources,
): Context {
  const ctx: Context = {
    requestId: 'system-seed',
    principal: { kind: 'user', userId: admin.userId, email: admin.email, role: 'ADMIN', personId: null },
    authError: null,
    clientAddress: null,
    db,
    config,
    services,
    now,
    revisions: { committed: null, read: null },
    loaders: new Loaders(() => db.manager),
    // Read afresh each time: the system's own work changes the tree as it goes.
    orgTree: () => sources.readOrgTree(db.manager),
    scopeUnits: async () => null,
  };
  return ctx;
}

export function contextFactory(db: Database, config: RuntimeConfig, services: ServerServices, sources: ContextSources) {
  const sessions = new VerifiedSessions(config.tokenSecret);
  const sessionSql = sessionUserSql(sources);
  return async ({ headers, requestId, remoteAddress }: ContextInput): Promise<Context> => {
    const now = new Date();
    let principal: Principal | null = null;
    let homeUnits: readonly number[] | undefined;
    let authorityChangeCount: string | undefined;
    let caseChangeCount: string | undefined;
    let revision: string | undefined;
    let authError: Error | null = null;
    try {
      ({
        principal,
        homeUnits,
        changeCount: authorityChangeCount,
        caseChangeCount,
        revision,
      } = await resolvePrincipal(db, sources, sessionSql, sessions, headers.authorization, now));
    } catch (error) {
      authError = error as Error;
    }
    let tree: Promise<OrgTree> | null = null;
    let scope: Promise<ReadonlySet<number> | null> | null = null;
    const ctx: Context = {
      requestId: requestId ?? randomUUID(),
      principal,
      authError,
      clientAddress: remoteAddress ?? null,
      ...(authorityChangeCount !== undefined ? { authorityChangeCount } : {}),
      ...(caseChangeCount !== undefined ? { caseChangeCount } : {}),
      ...(revision !== undefined ? { revision } : {}),
      db,
      config,
      services,
      now,
      revisions: { committed: null, read: null },
      loaders: new Loaders(
        () => db.manager,
        (qb, entity) => restrictToReadable(ctx, qb, 'r', entity),
      ),
      orgTree() {
        tree ??= sources.requestOrgTree(ctx);
        return tree;
      },
      scopeUnits() {
        scope ??= (async () => {
          const p = ctx.principal;
          if (!p || p.kind !== 'user' || !SCOPED_ROLES.includes(p.role)) return null;
          const roots = new Set<number>();
          if (p.personId !== null) {
            for (const unit of homeUnits ?? (await sources.homeUnits(db.manager, p.personId, now))) roots.add(unit);
          }
          const orgTree = await ctx.orgTree();
          const units = new Set<number>();
          for (const root of roots) for (const id of orgTree.subtree(String(root))) units.add(Number(id));
          return units;
        })();
        return scope;
      },
    };
    return ctx;
  };
}
