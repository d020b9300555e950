// The per-request context: who is asking, the database, loaders, the request's clock and org scope.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { buildOrgTree, OrgTree } from '@iron-triangle/domain';
import type { RuntimeConfig } from '@iron-triangle/config';
import { IsNull } from 'typeorm';
import { Database } from './db';
import { Loaders } from './loaders';
import { Principal, SCOPED_ROLES, UserRole } from './permissions';
import { hashApiToken, parseApiTokenId, sameHash, verifySession } from './passwords';
import { OrgUnit } from '../modules/org-unit/org-unit.entity';
import { PositionAssignment } from '../modules/position-assignment/position-assignment.entity';
import { Person } from '../modules/person/person.entity';
import { User } from '../modules/user/user.entity';
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
  /** The org tree, loaded once per request. */
  orgTree(): Promise<OrgTree>;
  /** The org units the principal is limited to (their subtrees), or null when unrestricted. */
  scopeUnits(): Promise<ReadonlySet<number> | null>;
  services: ServerServices;
  /** Records an auth failure to report once the operation runs (a bad token is UNAUTHENTICATED, not anonymous). */
  authError: Error | null;
}

async function resolvePrincipal(db: Database, config: RuntimeConfig, header: string | undefined, now: Date): Promise<Principal | null> {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated();
  const token = match[1] as string;
  const tokenId = parseApiTokenId(token);
  if (tokenId !== null) {
    const record = await db.manager.findOneBy(ApiToken, { id: tokenId, revokedAt: IsNull() });
    if (!record || !sameHash(record.tokenHash, hashApiToken(token))) throw unauthenticated();
    if (record.expiresAt && record.expiresAt.getTime() <= now.getTime()) throw unauthenticated();
    return { kind: 'token', tokenId: record.id, name: record.name, scopes: record.scopes };
  }
  const claims = verifySession(token, config.tokenSecret, now);
  if (!claims) throw unauthenticated();
  const user = await db.manager.findOneBy(User, { id: claims.sub });
  if (!user || user.archivedAt) throw unauthenticated();
  return { kind: 'user', userId: user.id, email: user.email, role: user.role as UserRole, personId: user.personId ?? null };
}

/** Long-lived helpers shared by every request of one server. */
export interface ServerServices {
  loginThrottle: LoginThrottle;
  logger: Logger;
}

export interface ContextInput {
  headers: IncomingHttpHeaders;
  requestId?: string;
}

/** A context for work the system does itself (seeding), acting as the given admin user. */
export function systemContext(db: Database, config: RuntimeConfig, services: ServerServices, now: Date, admin: { userId: number; email: string }): Context {
  let tree: Promise<OrgTree> | null = null;
  const ctx: Context = {
    requestId: 'system-seed',
    principal: { kind: 'user', userId: admin.userId, email: admin.email, role: 'ADMIN', personId: null },
    authError: null,
    db,
    config,
    services,
    now,
    loaders: new Loaders(() => db.manager),
    orgTree() {
      tree = db.manager.find(OrgUnit).then((units) => {
        const built = buildOrgTree(units.map((u) => ({ id: String(u.id), parentId: u.parentId === null ? null : String(u.parentId) })));
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
  return async ({ headers, requestId }: ContextInput): Promise<Context> => {
    const now = new Date();
    let principal: Principal | null = null;
    let authError: Error | null = null;
    try {
      principal = await resolvePrincipal(db, config, headers.authorization, now);
    } catch (error) {
      authError = error as Error;
    }
    let tree: Promise<OrgTree> | null = null;
    let scope: Promise<ReadonlySet<number> | null> | null = null;
    const ctx: Context = {
      requestId: requestId ?? randomUUID(),
      principal,
      authError,
      db,
      config,
      services,
      now,
      loaders: new Loaders(
        () => db.manager,
        () => ctx.scopeUnits(),
      ),
      orgTree() {
        tree ??= db.manager.find(OrgUnit).then((units) => {
          const built = buildOrgTree(units.map((u) => ({ id: String(u.id), parentId: u.parentId === null ? null : String(u.parentId) })));
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
              if (position.validFrom.getTime() <= now.getTime() && (!position.validTo || position.validTo.getTime() > now.getTime())) {
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
