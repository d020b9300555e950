// The per-request context: who is asking, the database, loaders, the request's clock and org scope.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { buildOrgTree, OrgTree } from '@iron-triangle/domain';
import type { RuntimeConfig } from '@iron-triangle/config';
import { IsNull } from 'typeorm';
import { Database } from './db';
import { Loaders } from './loaders';
import { restrictToReadable } from './scope';
import { Principal, SCOPED_ROLES, UserRole } from './permissions';
import { hashApiToken, parseApiTokenId, sameHash, SessionClaims, verifySession } from './passwords';
import { OrgUnit } from '../modules/org-unit/org-unit.entity';
import { PositionAssignment } from '../modules/position-assignment/position-assignment.entity';
import { Person } from '../modules/person/person.entity';
import { ApiToken } from '../modules/api-token/api-token.entity';
import { unauthenticated } from './errors';
import { LoginThrottle } from './throttle';
import type { Logger } from './logger';

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
}

/**
 * The session's user and the authority change counter in one statement: every signed-in request checks both, and
 * a plain statement skips the query builder (built, aliased and hydrated per request otherwise).
 */
const SESSION_USER_SQL =
  'SELECT u.id AS id, u.email AS email, u.role AS role, u.personId AS personId, u.archivedAt AS archivedAt, u.sessionVersion AS sessionVersion, ' +
  '(SELECT authority_state.changeCount FROM authority_state WHERE authority_state.id = 1) AS changeCount, ' +
  '(SELECT authority_state.changeCount FROM authority_state WHERE authority_state.id = 2) AS caseChangeCount FROM users u WHERE u.id = ?';

interface SessionUserRow {
  id: number | string;
  email: string;
  role: string;
  personId: number | string | null;
  archivedAt: Date | string | null;
  sessionVersion: number | string;
  changeCount: number | string | bigint | null;
  caseChangeCount: number | string | bigint | null;
}

interface ResolvedPrincipal {
  principal: Principal | null;
  changeCount?: string;
  caseChangeCount?: string;
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
    const record = await db.manager.findOneBy(ApiToken, { id: tokenId, revokedAt: IsNull() });
    if (!record || !sameHash(record.tokenHash, hashApiToken(token))) throw unauthenticated();
    if (record.expiresAt && record.expiresAt.getTime() <= now.getTime()) throw unauthenticated();
    return { principal: { kind: 'token', tokenId: record.id, name: record.name, scopes: record.scopes } };
  }
  const claims = sessions.verify(token, now);
  if (!claims) throw unauthenticated();
  const rows = (await db.manager.query(SESSION_USER_SQL, [claims.sub])) as SessionUserRow[];
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
    changeCount: user.changeCount === null ? '0' : String(user.changeCount),
    ...(user.caseChangeCount === null || user.caseChangeCount === undefined
      ? {}
      : { caseChangeCount: String(user.caseChangeCount) }),
  };
}

/** Long-lived helpers shared by every request of one server. */
export interface ServerServices {
  loginThrottle: LoginThrottle;
  logger: Logger;
  /** scrypt cost N for new password hashes (default PASSWORD_COST, 2^17); tests lower it for speed. */
  passwordCost?: number;
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
): Context {
  let tree: Promise<OrgTree> | null = null;
  const ctx: Context = {
    requestId: 'system-seed',
    principal: { kind: 'user', userId: admin.userId, email: admin.email, role: 'ADMIN', personId: null },
    authError: null,
    clientAddress: null,
    db,
    config,
    services,
    now,
    loaders: new Loaders(() => db.manager),
    orgTree() {
      tree = db.manager.find(OrgUnit).then((units) => {
        const built = buildOrgTree(
          units.map((u) => ({ id: String(u.id), parentId: u.parentId === null ? null : String(u.parentId) })),
        );
        if (!built.ok) throw new Error(`org tree is inconsistent: ${built.error.code}`);
        return built.value;
      });
      return tree;
    },
    scopeUnits: async () => null,
  };
  return ctx;
}

export function contextFactory(db: Database, config: RuntimeConfig, services: ServerServices) {
  const sessions = new VerifiedSessions(config.tokenSecret);
  return async ({ headers, requestId, remoteAddress }: ContextInput): Promise<Context> => {
    const now = new Date();
    let principal: Principal | null = null;
    let authorityChangeCount: string | undefined;
    let caseChangeCount: string | undefined;
    let authError: Error | null = null;
    try {
      ({
        principal,
        changeCount: authorityChangeCount,
        caseChangeCount,
      } = await resolvePrincipal(db, sessions, headers.authorization, now));
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
      db,
      config,
      services,
      now,
      loaders: new Loaders(
        () => db.manager,
        (qb, entity) => restrictToReadable(ctx, qb, 'r', entity),
      ),
      orgTree() {
        tree ??= db.manager.find(OrgUnit).then((units) => {
          const built = buildOrgTree(
            units.map((u) => ({ id: String(u.id), parentId: u.parentId === null ? null : String(u.parentId) })),
          );
          if (!built.ok) throw new Error(`org tree is inconsistent: ${built.error.code}`);
          return built.value;
        });
        return tree;
      },
      scopeUnits() {
        scope ??= (async () => {
          const p = ctx.principal;
          if (!p || p.kind !== 'user' || !SCOPED_ROLES.includes(p.role)) return null;
          const roots = new Set<number>();
          if (p.personId !== null) {
            const person = await db.manager.findOneBy(Person, { id: p.personId });
            if (person) roots.add(person.orgUnitId);
            const positions = await db.manager.findBy(PositionAssignment, { personId: p.personId });
            for (const position of positions) {
              if (
                position.validFrom.getTime() <= now.getTime() &&
                (!position.validTo || position.validTo.getTime() > now.getTime())
              ) {
                roots.add(position.orgUnitId);
              }
            }
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
