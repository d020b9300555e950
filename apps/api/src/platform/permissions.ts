// Who may do what: roles for people, scopes for API tokens, one table for both.
import { MiddlewareFn } from 'type-graphql';
import { forbidden, unauthenticated } from './errors';

export const USER_ROLES = ['ADMIN', 'HR', 'LEADER', 'VIEWER'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Records are grouped by who looks after them. */
export type ResourceGroup =
  'org' | 'projects' | 'qualifications' | 'authority' | 'decisions' | 'pools' | 'users' | 'audit';
export type Action = 'read' | 'write';

export type Principal =
  | { kind: 'user'; userId: number; email: string; role: UserRole; personId: number | null }
  | { kind: 'token'; tokenId: number; name: string; scopes: readonly string[] };

const READERS: Record<ResourceGroup, readonly UserRole[]> = {
  org: USER_ROLES,
  projects: USER_ROLES,
  qualifications: USER_ROLES,
  authority: USER_ROLES,
  decisions: USER_ROLES,
  pools: USER_ROLES,
  users: ['ADMIN'],
  audit: ['ADMIN'],
};

const WRITERS: Record<ResourceGroup, readonly UserRole[]> = {
  org: ['ADMIN'],
  projects: ['ADMIN', 'LEADER'],
  qualifications: ['ADMIN', 'HR'],
  authority: ['ADMIN', 'LEADER'],
  decisions: ['ADMIN', 'LEADER'],
  pools: ['ADMIN', 'LEADER'],
  users: ['ADMIN'],
  audit: [],
};

/** API-token scopes; users and audit entries are never open to tokens. */
export const TOKEN_SCOPES = [
  'read',
  'write:org',
  'write:projects',
  'write:qualifications',
  'write:authority',
  'decide',
  'write:pools',
] as const;
const WRITE_SCOPE: Record<ResourceGroup, string | null> = {
  org: 'write:org',
  projects: 'write:projects',
  qualifications: 'write:qualifications',
  authority: 'write:authority',
  decisions: 'decide',
  pools: 'write:pools',
  users: null,
  audit: null,
};

/** Roles that see only their own org subtree (where a record has an org unit). */
export const SCOPED_ROLES: readonly UserRole[] = ['LEADER'];

export function isAllowed(principal: Principal, group: ResourceGroup, action: Action): boolean {
  if (principal.kind === 'user') return (action === 'read' ? READERS : WRITERS)[group].includes(principal.role);
  if (group === 'users' || group === 'audit') return false;
  const scope = action === 'read' ? 'read' : WRITE_SCOPE[group];
  return scope !== null && principal.scopes.includes(scope);
}

/** What the checks read of a request's context (the context holds it; this file lies below context.ts). */
export interface Caller {
  principal: Principal | null;
  authError: Error | null;
}

export function describePrincipal(principal: Principal): string {
  return principal.kind === 'user' ? `role ${principal.role}` : `API token "${principal.name}"`;
}

export function requirePrincipal(ctx: Caller): Principal {
  if (ctx.authError) throw ctx.authError;
  if (!ctx.principal) throw unauthenticated();
  return ctx.principal;
}

export function assertAllowed(ctx: Caller, group: ResourceGroup, action: Action): Principal {
  const principal = requirePrincipal(ctx);
  if (!isAllowed(principal, group, action)) {
    const what = action === 'read' ? `read ${group}` : `change ${group}`;
    const hint =
      principal.kind === 'token'
        ? `the token needs the scope "${action === 'read' ? 'read' : (WRITE_SCOPE[group] ?? 'none: sign in as an administrator')}"`
        : 'ask an administrator for a role that may';
    throw forbidden(`${describePrincipal(principal)} may not ${what}: ${hint}.`);
  }
  return principal;
}

/** A resolver middleware: the operation needs `action` on `group`. Runs before argument validation. */
export function allow(group: ResourceGroup, action: Action): MiddlewareFn<Caller> {
  return async ({ context }, next) => {
    assertAllowed(context, group, action);
    return next();
  };
}

/** A resolver middleware: any signed-in principal. */
export const signedIn: MiddlewareFn<Caller> = async ({ context }, next) => {
  requirePrincipal(context);
  return next();
};
