// Where a click on a list row goes: to the edit form for those who may edit the record, else to its show page (or
// nowhere when the resource has none) — never to a form the reader would be refused.
import { canAccess } from './canAccess';
import { loadSession, type UserRole } from './session';

export function rowClickFor(
  resource: string,
  { hasShow = true, role = loadSession()?.user.role }: { hasShow?: boolean; role?: UserRole | null } = {},
): 'edit' | 'show' | false {
  if (canAccess(role, resource, 'edit')) return 'edit';
  return hasShow && canAccess(role, resource, 'show') ? 'show' : false;
}
