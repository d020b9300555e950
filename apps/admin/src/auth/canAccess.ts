// What each user role may do in the portal, read from the domain's access table (the same table the API
// enforces): the portal's actions map onto reading a record or one of the write operations the record offers.
// Shared by the menu, the buttons and the pages.
import { roleMay, roleMayOnRecord, WRITE_OPERATIONS, type WriteOperation } from '@iron-triangle/domain';
import type { UserRole } from './session';

export type Action =
  | 'list'
  | 'show'
  | 'create'
  | 'edit'
  | 'delete'
  | 'export'
  | 'clone'
  | 'revoke'
  | 'fund'
  | 'allocate'
  | 'approve'
  | 'lock'
  | 'adjust'
  | 'check'
  | 'record';

const READ_ACTIONS: readonly string[] = ['list', 'show', 'export'];

/**
 * Resources, plus the portal's own pages: 'authorization' (the decision check), 'decisionRights' (what a person may
 * decide, on their page) and 'dashboard'.
 */
export function canAccess(role: UserRole | null | undefined, resource: string, action: string): boolean {
  if (!role) return false;
  if (resource === 'dashboard') return READ_ACTIONS.includes(action);
  if (resource === 'authorization') return action === 'check' && roleMay(role, 'authority', 'read');
  if (resource === 'decisionRights') return action === 'show' && roleMay(role, 'authority', 'read');
  if (READ_ACTIONS.includes(action)) return roleMayOnRecord(role, resource, 'read');
  // A clone is a new record filled in from another: it needs both creating and editing.
  if (action === 'clone') return roleMayOnRecord(role, resource, 'create') && roleMayOnRecord(role, resource, 'edit');
  return (
    (WRITE_OPERATIONS as readonly string[]).includes(action) &&
    roleMayOnRecord(role, resource, action as WriteOperation)
  );
}
