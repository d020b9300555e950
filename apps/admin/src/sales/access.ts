// Who may press the sales buttons: the domain's access table through canAccess, and the owner rule (the API enforces
// the same): a signed-in person whose role alone may not write a sales record may still change the ones they own.
import { roleMayOnOwnRecord, type WriteOperation } from '@iron-triangle/domain';
import { canAccess } from '../auth/canAccess';
import { loadSession } from '../auth/session';

/** The fields that name a record's owner (the API's owner declarations, platform/scope.ts). */
const OWNER_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Lead: ['ownerId', 'foundById'],
  LeadNurtureAction: ['ownerId'],
  Opportunity: ['ownerId'],
  Stakeholder: ['relationshipOwnerId'],
  RelationshipPlanAction: ['ownerId'],
};

/** Whether the signed-in person owns `record` of `resource`: one of its owner fields names them. */
export function ownsRecord(resource: string, record: object | null | undefined): boolean {
  const me = loadSession()?.user.personId;
  if (!record || me === null || me === undefined) return false;
  const values = record as Readonly<Record<string, unknown>>;
  return (OWNER_FIELDS[resource] ?? []).some((field) => values[field] != null && String(values[field]) === String(me));
}

/**
 * May the signed-in user press a write button on `resource`? By their role; or, given the `record` (or the values a
 * new one would have), by the owner rule when they own it.
 */
export function mayWrite(
  resource: string,
  action: 'create' | 'edit' | 'delete' | 'record' = 'edit',
  record?: object | null,
): boolean {
  const role = loadSession()?.user.role;
  if (canAccess(role, resource, action)) return true;
  return !!role && roleMayOnOwnRecord(role, resource, action as WriteOperation) && ownsRecord(resource, record);
}

/**
 * The portal's page access under the owner rule (authProvider.canAccess): a person may open the edit and create pages
 * of the sales record types their role alone may not write; with a record, only one they own. The API checks the
 * record itself on every write.
 */
export function mayOpenAsOwner(resource: string, action: string, record?: object | null): boolean {
  const user = loadSession()?.user;
  if (!user?.personId || !['create', 'edit', 'delete', 'record'].includes(action)) return false;
  if (!roleMayOnOwnRecord(user.role, resource, action as WriteOperation)) return false;
  return record ? ownsRecord(resource, record) : true;
}
