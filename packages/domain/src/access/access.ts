// Who may do what, for both apps: user roles × record groups × read/write, the API-token scopes, and the record
// types with the write operations each offers. The API enforces this table; the portal draws its menu and buttons
// from it. Changing who may write a group is one edit here.

export const USER_ROLES = ['ADMIN', 'HR', 'LEADER', 'VIEWER'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Records are grouped by who looks after them. */
export const RECORD_GROUPS = [
  'org',
  'projects',
  'qualifications',
  'authority',
  'decisions',
  'pools',
  'users',
  'audit',
  'settings',
] as const;
export type RecordGroup = (typeof RECORD_GROUPS)[number];

export const ACCESS_ACTIONS = ['read', 'write'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/**
 * The roles that may read and write each group: everyone reads the work records, only admins see users and the
 * audit log; org records are the admin's, HR writes qualifications, leaders write projects, authority, decisions
 * and pools; nobody writes the audit log. The company settings (policy the rules read) are read by every signed-in
 * user and changed by admins alone.
 */
export const ACCESS_TABLE: Readonly<Record<RecordGroup, Readonly<Record<AccessAction, readonly UserRole[]>>>> = {
  org: { read: USER_ROLES, write: ['ADMIN'] },
  projects: { read: USER_ROLES, write: ['ADMIN', 'LEADER'] },
  qualifications: { read: USER_ROLES, write: ['ADMIN', 'HR'] },
  authority: { read: USER_ROLES, write: ['ADMIN', 'LEADER'] },
  decisions: { read: USER_ROLES, write: ['ADMIN', 'LEADER'] },
  pools: { read: USER_ROLES, write: ['ADMIN', 'LEADER'] },
  users: { read: ['ADMIN'], write: ['ADMIN'] },
  audit: { read: ['ADMIN'], write: [] },
  settings: { read: USER_ROLES, write: ['ADMIN'] },
};

/** Roles that see only their own org subtree (where a record has an org unit). */
export const SCOPED_ROLES: readonly UserRole[] = ['LEADER'];

export function roleMay(role: UserRole, group: RecordGroup, action: AccessAction): boolean {
  return ACCESS_TABLE[group][action].includes(role);
}

/**
 * API-token scopes: "read" reads every group open to tokens; each write scope writes one group; "read:changes" reads
 * the change feed (below).
 */
export const TOKEN_SCOPES = [
  'read',
  'write:org',
  'write:projects',
  'write:qualifications',
  'write:authority',
  'decide',
  'write:pools',
  'read:changes',
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * The change feed (every change to a record that keeps a history, with its before and after, across all org units):
 * not a record group, so it has its own line. Administrators read it, and API tokens with its scope (integrations
 * that follow the log, e.g. to keep a copy of the authority state); no other role, and no other scope.
 */
export const CHANGE_FEED_ACCESS: Readonly<{ roles: readonly UserRole[]; scope: TokenScope }> = {
  roles: ['ADMIN'],
  scope: 'read:changes',
};

export function roleMayReadChanges(role: UserRole): boolean {
  return CHANGE_FEED_ACCESS.roles.includes(role);
}

export function scopesMayReadChanges(scopes: readonly string[]): boolean {
  return scopes.includes(CHANGE_FEED_ACCESS.scope);
}

/** The scope that writes each group; users, audit entries and the company settings are never open to tokens (null). */
export const WRITE_SCOPES: Readonly<Record<RecordGroup, TokenScope | null>> = {
  org: 'write:org',
  projects: 'write:projects',
  qualifications: 'write:qualifications',
  authority: 'write:authority',
  decisions: 'decide',
  pools: 'write:pools',
  users: null,
  audit: null,
  settings: null,
};

/** The scope a token needs for `action` on `group`, or null when no token may. */
export function scopeNeeded(group: RecordGroup, action: AccessAction): TokenScope | null {
  if (WRITE_SCOPES[group] === null) return null;
  return action === 'read' ? 'read' : WRITE_SCOPES[group];
}

export function scopesMay(scopes: readonly string[], group: RecordGroup, action: AccessAction): boolean {
  const scope = scopeNeeded(group, action);
  return scope !== null && scopes.includes(scope);
}

export function isTokenScope(value: string): value is TokenScope {
  return (TOKEN_SCOPES as readonly string[]).includes(value);
}

/** Write operations on records: the plain ones, and the steps some records offer instead or besides. */
export const WRITE_OPERATIONS = [
  'create',
  'edit',
  'delete',
  'revoke',
  'record',
  'fund',
  'allocate',
  'approve',
  'lock',
  'adjust',
] as const;
export type WriteOperation = (typeof WRITE_OPERATIONS)[number];

const PLAIN: readonly WriteOperation[] = ['create', 'edit', 'delete'];

/**
 * The record types (GraphQL type names), each in its group with the write operations it offers. Decisions,
 * delegations and audit entries are append-only: nobody edits or deletes them, not even an admin.
 */
export const RECORD_TYPES = {
  OrgUnit: { group: 'org', writes: PLAIN },
  Person: { group: 'org', writes: PLAIN },
  PositionAssignment: { group: 'org', writes: PLAIN },
  Customer: { group: 'org', writes: PLAIN },
  Project: { group: 'projects', writes: PLAIN },
  Lead: { group: 'projects', writes: PLAIN },
  Opportunity: { group: 'projects', writes: PLAIN },
  TeamAppointment: { group: 'projects', writes: PLAIN },
  Stakeholder: { group: 'projects', writes: [...PLAIN, 'record'] },
  RelationshipPlanAction: { group: 'projects', writes: PLAIN },
  RoleModel: { group: 'qualifications', writes: PLAIN },
  QualificationFramework: { group: 'qualifications', writes: PLAIN },
  Assessment: { group: 'qualifications', writes: PLAIN },
  StaffingRule: { group: 'qualifications', writes: PLAIN },
  AuthorityRule: { group: 'authority', writes: PLAIN },
  DecisionBody: { group: 'authority', writes: PLAIN },
  Delegation: { group: 'authority', writes: ['create', 'revoke'] },
  Decision: { group: 'decisions', writes: ['create', 'record'] },
  DecisionRequest: { group: 'decisions', writes: ['create'] },
  IncentivePool: { group: 'pools', writes: [...PLAIN, 'fund', 'allocate', 'approve', 'lock', 'adjust'] },
  AuditEntry: { group: 'audit', writes: [] },
  User: { group: 'users', writes: PLAIN },
  ApiToken: { group: 'users', writes: PLAIN },
  CompanySettings: { group: 'settings', writes: ['edit'] },
} as const satisfies Record<string, { group: RecordGroup; writes: readonly WriteOperation[] }>;
export type RecordType = keyof typeof RECORD_TYPES;

/** Records edited as parts of another record: they take the parent's group and plain writes. */
export const RECORD_PARTS = {
  PoolMetric: 'IncentivePool',
  PoolMember: 'IncentivePool',
  DecisionBodySeat: 'DecisionBody',
  RoleModelVersion: 'RoleModel',
  RoleModelDimension: 'RoleModel',
  QualificationLevel: 'QualificationFramework',
  LevelRequirement: 'QualificationFramework',
  AssessmentRating: 'Assessment',
  LeadNurtureAction: 'Lead',
} as const satisfies Record<string, RecordType>;
export type RecordPart = keyof typeof RECORD_PARTS;

export function isRecordType(name: string): name is RecordType {
  return Object.prototype.hasOwnProperty.call(RECORD_TYPES, name);
}

export function isRecordPart(name: string): name is RecordPart {
  return Object.prototype.hasOwnProperty.call(RECORD_PARTS, name);
}

/** The group a record type or record part belongs to, or null for an unknown name. */
export function groupOf(recordType: string): RecordGroup | null {
  if (isRecordPart(recordType)) return RECORD_TYPES[RECORD_PARTS[recordType]].group;
  return isRecordType(recordType) ? RECORD_TYPES[recordType].group : null;
}

/**
 * May `role` read a record type, or run one of its write operations? Unknown record types and operations a
 * record does not offer are refused; parts offer the plain writes when their parent does.
 */
export function roleMayOnRecord(role: UserRole, recordType: string, operation: 'read' | WriteOperation): boolean {
  const group = groupOf(recordType);
  if (group === null) return false;
  if (operation === 'read') return roleMay(role, group, 'read');
  return recordOffers(recordType, operation) && roleMay(role, group, 'write');
}

/** Whether a record type (or part) offers a write operation at all; unknown names offer none. */
export function recordOffers(recordType: string, operation: WriteOperation): boolean {
  if (groupOf(recordType) === null) return false;
  const owner = isRecordPart(recordType) ? RECORD_PARTS[recordType] : (recordType as RecordType);
  const offered: readonly WriteOperation[] = isRecordPart(recordType)
    ? PLAIN.filter((op) => (RECORD_TYPES[owner].writes as readonly WriteOperation[]).includes(op))
    : RECORD_TYPES[owner].writes;
  return offered.includes(operation);
}

/**
 * The owner rule: a user account linked to a person sees and changes the records that person owns (a lead they own
 * or found, an opportunity they own, a stakeholder relationship they own, a plan action they do — and the parts and
 * maps of those), even where their role alone would not let them: a LEADER outside their org subtree, an HR or
 * VIEWER account (which reads every sales record but writes none) on the records it owns. It never reaches other
 * people's records, never adds a record group, and gives nothing to API tokens or to accounts without a person;
 * ADMINs reach everything anyway. The API declares which columns name the owner (platform/scope.ts).
 */
export const OWNED_RECORD_TYPES: readonly RecordType[] = [
  'Lead',
  'Opportunity',
  'Stakeholder',
  'RelationshipPlanAction',
];

/** The roles the owner rule serves (every role that does not reach everything by itself). */
export const OWNER_RULE_ROLES: readonly UserRole[] = ['LEADER', 'HR', 'VIEWER'];

/** Whether the owner rule covers a record type or record part (a part follows its parent). */
export function isOwnedRecordType(recordType: string): boolean {
  const owner = isRecordPart(recordType) ? RECORD_PARTS[recordType] : recordType;
  return (OWNED_RECORD_TYPES as readonly string[]).includes(owner);
}

/**
 * May `role` run `operation` on a record of `recordType` that the signed-in person owns? True where the role may
 * anyway, and where the owner rule adds it (an operation the record offers, on a type the rule covers).
 */
export function roleMayOnOwnRecord(role: UserRole, recordType: string, operation: 'read' | WriteOperation): boolean {
  if (roleMayOnRecord(role, recordType, operation)) return true;
  if (!OWNER_RULE_ROLES.includes(role) || !isOwnedRecordType(recordType)) return false;
  if (operation === 'read') return true;
  return recordOffers(recordType, operation);
}
