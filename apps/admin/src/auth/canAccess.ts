// What each user role may do in the portal. Shared by the menu, the buttons and the pages; the API still enforces
// the same table (apps/api/src/platform/permissions.ts): org records are the admin's, HR writes qualifications,
// leaders write projects, authority, decisions and pools, only admins see users and the audit log.
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

/** Resources, plus the portal's own pages ('authorization' for the decision check, 'dashboard'). */
export type PortalResource =
  | 'OrgUnit'
  | 'Person'
  | 'PositionAssignment'
  | 'Customer'
  | 'Project'
  | 'TeamAppointment'
  | 'RoleModel'
  | 'QualificationFramework'
  | 'Assessment'
  | 'StaffingRule'
  | 'AuthorityRule'
  | 'DecisionBody'
  | 'Delegation'
  | 'Decision'
  | 'IncentivePool'
  | 'AuditEntry'
  | 'User'
  | 'ApiToken'
  | 'authorization'
  | 'dashboard';

const READ: readonly Action[] = ['list', 'show', 'export'];
const WRITE: readonly Action[] = [...READ, 'create', 'edit', 'delete', 'clone'];

type Grants = Partial<Record<PortalResource, readonly Action[]>>;

const everyoneReads: Grants = {
  dashboard: READ,
  OrgUnit: READ,
  Person: READ,
  PositionAssignment: READ,
  Customer: READ,
  Project: READ,
  TeamAppointment: READ,
  RoleModel: READ,
  QualificationFramework: READ,
  Assessment: READ,
  StaffingRule: READ,
  AuthorityRule: READ,
  DecisionBody: READ,
  Delegation: READ,
  Decision: READ,
  IncentivePool: READ,
  authorization: ['check'],
};

const GRANTS: Record<Exclude<UserRole, 'ADMIN'>, Grants> = {
  HR: {
    ...everyoneReads,
    RoleModel: WRITE,
    QualificationFramework: WRITE,
    Assessment: WRITE,
    StaffingRule: WRITE,
  },
  LEADER: {
    ...everyoneReads,
    Project: WRITE,
    TeamAppointment: WRITE,
    AuthorityRule: WRITE,
    DecisionBody: WRITE,
    Delegation: [...READ, 'create', 'revoke'],
    Decision: [...READ, 'create', 'record'],
    IncentivePool: [...WRITE, 'fund', 'allocate', 'approve', 'lock', 'adjust'],
  },
  VIEWER: everyoneReads,
};

/** Records that are append-only: nobody edits or deletes them, not even an admin. */
const APPEND_ONLY: Partial<Record<PortalResource, readonly Action[]>> = {
  AuditEntry: READ,
  Decision: [...READ, 'create', 'record'],
  Delegation: [...READ, 'create', 'revoke'],
};

/** Records edited on their parent's page: they follow the parent's grants for the plain record actions. */
const CHILD_OF: Record<string, PortalResource> = {
  PoolMetric: 'IncentivePool',
  PoolMember: 'IncentivePool',
  DecisionBodySeat: 'DecisionBody',
  RoleModelVersion: 'RoleModel',
  RoleModelDimension: 'RoleModel',
  QualificationLevel: 'QualificationFramework',
  LevelRequirement: 'QualificationFramework',
  AssessmentRating: 'Assessment',
};

export function canAccess(role: UserRole | null | undefined, resource: string, action: string): boolean {
  if (!role) return false;
  const parent = CHILD_OF[resource];
  if (parent) return WRITE.includes(action as Action) && canAccess(role, parent, action);
  const appendOnly = APPEND_ONLY[resource as PortalResource];
  if (appendOnly && !appendOnly.includes(action as Action)) return false;
  if (role === 'ADMIN') return true;
  const grants = GRANTS[role];
  if (!grants) return false;
  return grants[resource as PortalResource]?.includes(action as Action) ?? false;
}
