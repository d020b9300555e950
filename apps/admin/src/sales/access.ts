// Who may press the sales buttons: the domain's access table through canAccess (the API enforces the same, and the
// owning AR's own leads besides).
import { canAccess } from '../auth/canAccess';
import { loadSession } from '../auth/session';

export function mayWrite(resource: string, action: 'create' | 'edit' | 'delete' = 'edit'): boolean {
  return canAccess(loadSession()?.user.role, resource, action);
}
