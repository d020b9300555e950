import {
  ACCESS_ACTIONS,
  RECORD_GROUPS,
  RECORD_TYPES,
  USER_ROLES,
  groupOf,
  roleMay,
  type RecordGroup,
} from '@iron-triangle/domain';
import { canAccess } from './canAccess';

describe('canAccess', () => {
  it('lets an admin do everything except rewrite append-only records', () => {
    expect(canAccess('ADMIN', 'User', 'create')).toBe(true);
    expect(canAccess('ADMIN', 'ApiToken', 'delete')).toBe(true);
    expect(canAccess('ADMIN', 'IncentivePool', 'lock')).toBe(true);
    expect(canAccess('ADMIN', 'AuditEntry', 'list')).toBe(true);
    expect(canAccess('ADMIN', 'AuditEntry', 'edit')).toBe(false);
    expect(canAccess('ADMIN', 'Decision', 'delete')).toBe(false);
    expect(canAccess('ADMIN', 'Delegation', 'edit')).toBe(false);
    expect(canAccess('ADMIN', 'Delegation', 'revoke')).toBe(true);
  });

  it('lets HR edit role profiles but not org records, authorizations or pools', () => {
    expect(canAccess('HR', 'RoleModel', 'edit')).toBe(true);
    expect(canAccess('HR', 'QualificationFramework', 'create')).toBe(true);
    expect(canAccess('HR', 'Assessment', 'create')).toBe(true);
    expect(canAccess('HR', 'Person', 'list')).toBe(true);
    expect(canAccess('HR', 'Person', 'edit')).toBe(false);
    expect(canAccess('HR', 'AuditEntry', 'list')).toBe(false);
    expect(canAccess('HR', 'AuthorityRule', 'list')).toBe(true);
    expect(canAccess('HR', 'AuthorityRule', 'edit')).toBe(false);
    expect(canAccess('HR', 'Delegation', 'create')).toBe(false);
    expect(canAccess('HR', 'IncentivePool', 'approve')).toBe(false);
    expect(canAccess('HR', 'User', 'list')).toBe(false);
  });

  it('lets leaders authorize, delegate and run pools, but not manage users or role profiles', () => {
    expect(canAccess('LEADER', 'Delegation', 'create')).toBe(true);
    expect(canAccess('LEADER', 'Delegation', 'revoke')).toBe(true);
    expect(canAccess('LEADER', 'AuthorityRule', 'edit')).toBe(true);
    expect(canAccess('LEADER', 'IncentivePool', 'approve')).toBe(true);
    expect(canAccess('LEADER', 'Decision', 'record')).toBe(true);
    expect(canAccess('LEADER', 'RoleModel', 'edit')).toBe(false);
    expect(canAccess('LEADER', 'ApiToken', 'list')).toBe(false);
    expect(canAccess('LEADER', 'Customer', 'edit')).toBe(false);
    expect(canAccess('LEADER', 'Project', 'create')).toBe(true);
  });

  it('gives viewers read access and the decision check only', () => {
    expect(canAccess('VIEWER', 'Project', 'list')).toBe(true);
    expect(canAccess('VIEWER', 'Project', 'show')).toBe(true);
    expect(canAccess('VIEWER', 'authorization', 'check')).toBe(true);
    expect(canAccess('VIEWER', 'Project', 'edit')).toBe(false);
    expect(canAccess('VIEWER', 'Delegation', 'revoke')).toBe(false);
    expect(canAccess('VIEWER', 'AuditEntry', 'list')).toBe(false);
    expect(canAccess('VIEWER', 'User', 'list')).toBe(false);
  });

  it('treats records edited on a parent page like the parent', () => {
    expect(canAccess('LEADER', 'PoolMember', 'create')).toBe(true);
    expect(canAccess('HR', 'PoolMember', 'create')).toBe(false);
    expect(canAccess('HR', 'RoleModelDimension', 'edit')).toBe(true);
    expect(canAccess('LEADER', 'PoolMetric', 'approve')).toBe(false);
  });

  it("shows a person's decision rights to every role that may read authority, as the API answers them", () => {
    for (const role of USER_ROLES) {
      expect(canAccess(role, 'decisionRights', 'show')).toBe(roleMay(role, 'authority', 'read'));
      expect(canAccess(role, 'decisionRights', 'edit')).toBe(false);
    }
    expect(canAccess(null, 'decisionRights', 'show')).toBe(false);
  });

  it('refuses everything without a role, and unknown resources or actions', () => {
    expect(canAccess(null, 'Project', 'list')).toBe(false);
    expect(canAccess(undefined, 'dashboard', 'list')).toBe(false);
    expect(canAccess('HR', 'Nonexistent', 'list')).toBe(false);
    expect(canAccess('LEADER', 'Project', 'fly')).toBe(false);
  });
});

describe('canAccess and the API', () => {
  // The API allows an operation when isAllowed(principal, group, read | write) (apps/api/src/platform/permissions.ts,
  // which reads the same domain table); the portal must show exactly what the API would then let the role do.
  const portalActions = { read: ['list', 'show', 'export'], write: ['create', 'edit', 'delete'] } as const;
  const recordOf: Record<RecordGroup, string[]> = Object.fromEntries(
    RECORD_GROUPS.map((group) => [group, Object.keys(RECORD_TYPES).filter((type) => groupOf(type) === group)]),
  ) as Record<RecordGroup, string[]>;

  it.each(USER_ROLES.flatMap((role) => RECORD_GROUPS.map((group) => [role, group] as const)))(
    '%s on %s: every record of the group follows the access table',
    (role, group) => {
      expect(recordOf[group].length).toBeGreaterThan(0);
      for (const resource of recordOf[group]) {
        for (const action of portalActions.read)
          expect(canAccess(role, resource, action)).toBe(roleMay(role, group, 'read'));
        const writes = RECORD_TYPES[resource as keyof typeof RECORD_TYPES].writes as readonly string[];
        for (const action of [
          ...portalActions.write,
          'revoke',
          'record',
          'fund',
          'allocate',
          'approve',
          'lock',
          'adjust',
        ]) {
          const apiAllows = writes.includes(action) && roleMay(role, group, 'write');
          expect(canAccess(role, resource, action)).toBe(apiAllows);
        }
      }
    },
  );

  it('knows every record group the API checks, and nothing beyond them', () => {
    expect(new Set(Object.keys(RECORD_TYPES).map(groupOf))).toEqual(new Set(RECORD_GROUPS));
    expect(ACCESS_ACTIONS).toEqual(['read', 'write']);
  });
});
