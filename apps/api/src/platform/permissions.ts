// Who may do what: roles for people, scopes for API tokens; the table is the domain's (access/access.ts).
import { MiddlewareFn } from 'type-graphql';
import { forbidden, unauthenticated } from './errors';
import {
  AccessAction,
  CHANGE_FEED_ACCESS,
  RecordGroup,
  UserRole,
  WRITE_SCOPES,
  WriteOperation,
  groupOf,
  roleMay,
  roleMayOnOwnRecord,
  roleMayReadChanges,
  scopesMay,
  scopesMayReadChanges,
} from '@iron-triangle/domain';

export { USER_ROLES, TOKEN_SCOPES, SCOPED_ROLES } from '@iron-triangle/domain';
export type { UserRole } from '@iron-triangle/domain';
/** Records are grouped by who looks after them (the domain's access table). */
export type ResourceGroup = RecordGroup;
export type Action = AccessAction;

export type Principal =
  | { kind: 'user'; userId: number; email: string; role: UserRole; personId: number | null }
  | { kind: 'token'; tokenId: number; name: string; scopes: readonly string[] };

export function isAllowed(principal: Principal, group: ResourceGroup, action: Action): boolean {
  return principal.kind === 'user'
    ? roleMay(principal.role, group, action)
    : scopesMay(principal.scopes, group, action);
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

const NO_SCOPE = 'none: sign in as an administrator';

export function assertAllowed(ctx: Caller, group: ResourceGroup, action: Action): Principal {
  const principal = requirePrincipal(ctx);
  if (!isAllowed(principal, group, action)) {
    const what = action === 'read' ? `read ${group}` : `change ${group}`;
    const hint =
      principal.kind === 'token'
        ? `the token needs the scope "${action === 'read' ? 'read' : (WRITE_SCOPES[group] ?? NO_SCOPE)}"`
        : 'ask an administrator for a role that may';
    throw forbidden(`${describePrincipal(principal)} may not ${what}: ${hint}.`);
  }
  return principal;
}

/** The change feed (query and subscription): administrators, and API tokens with the feed's scope. */
export function assertMayReadChanges(ctx: Caller): Principal {
  const principal = requirePrincipal(ctx);
  const may = principal.kind === 'user' ? roleMayReadChanges(principal.role) : scopesMayReadChanges(principal.scopes);
  if (!may) {
    const hint =
      principal.kind === 'token'
        ? `the token needs the scope "${CHANGE_FEED_ACCESS.scope}"`
        : `only ${CHANGE_FEED_ACCESS.roles.join(', ')} users may`;
    throw forbidden(`${describePrincipal(principal)} may not read the change feed: ${hint}.`);
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

/**
 * A resolver middleware for a write operation on a record type: the caller may write its group, or the owner rule
 * gives it to them (a user account linked to a person, on a type the rule covers). Which rows an owner may then
 * change is the scope's check (platform/scope.ts: assertWritable), run by every write path.
 */
export function allowWrite(recordType: string, operation: WriteOperation): MiddlewareFn<Caller> {
  const group = groupOf(recordType);
  if (group === null) throw new Error(`${recordType} has no group in the domain's access table`);
  return async ({ context }, next) => {
    const principal = requirePrincipal(context);
    const byOwner =
      principal.kind === 'user' &&
      principal.personId !== null &&
      roleMayOnOwnRecord(principal.role, recordType, operation);
    if (!byOwner) assertAllowed(context, group, 'write');
    return next();
  };
}

/** A resolver middleware: any signed-in principal. */
export const signedIn: MiddlewareFn<Caller> = async ({ context }, next) => {
  requirePrincipal(context);
  return next();
};
