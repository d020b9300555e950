import {
  ACCESS_ACTIONS,
  RECORD_GROUPS,
  RECORD_PARTS,
  RECORD_TYPES,
  TOKEN_SCOPES,
  USER_ROLES,
  groupOf,
  isTokenScope,
  roleMay,
  roleMayOnRecord,
  roleMayOnOwnRecord,
  isOwnedRecordType,
  roleMayReadChanges,
  scopeNeeded,
  scopesMay,
  scopesMayReadChanges,
} from './access';

describe('access table', () => {
  it('lets every role read the work records and only admins read users and the audit log', () => {
    for (const role of USER_ROLES) {
      for (const group of ['org', 'projects', 'qualifications', 'authority', 'decisions', 'pools'] as const) {
        expect(roleMay(role, group, 'read')).toBe(true);
      }
      expect(roleMay(role, 'users', 'read')).toBe(role === 'ADMIN');
      expect(roleMay(role, 'audit', 'read')).toBe(role === 'ADMIN');
      expect(roleMay(role, 'settings', 'read')).toBe(true);
    }
  });

  it('gives each group its writers', () => {
    const writers = (group: (typeof RECORD_GROUPS)[number]) => USER_ROLES.filter((r) => roleMay(r, group, 'write'));
    expect(writers('org')).toEqual(['ADMIN']);
    expect(writers('projects')).toEqual(['ADMIN', 'LEADER']);
    expect(writers('qualifications')).toEqual(['ADMIN', 'HR']);
    expect(writers('authority')).toEqual(['ADMIN', 'LEADER']);
    expect(writers('decisions')).toEqual(['ADMIN', 'LEADER']);
    expect(writers('pools')).toEqual(['ADMIN', 'LEADER']);
    expect(writers('users')).toEqual(['ADMIN']);
    expect(writers('audit')).toEqual([]);
    expect(writers('settings')).toEqual(['ADMIN']);
  });

  it('opens every group but users, audit and settings to tokens, read with "read" and write with its own scope', () => {
    expect(scopeNeeded('pools', 'write')).toBe('write:pools');
    expect(scopeNeeded('decisions', 'write')).toBe('decide');
    expect(scopeNeeded('org', 'read')).toBe('read');
    for (const action of ACCESS_ACTIONS) {
      expect(scopeNeeded('users', action)).toBeNull();
      expect(scopeNeeded('audit', action)).toBeNull();
      expect(scopeNeeded('settings', action)).toBeNull();
      expect(scopesMay([...TOKEN_SCOPES], 'users', action)).toBe(false);
    }
    expect(scopesMay(['read'], 'projects', 'read')).toBe(true);
    expect(scopesMay(['read'], 'projects', 'write')).toBe(false);
    expect(scopesMay(['write:projects'], 'projects', 'write')).toBe(true);
    expect(scopesMay(['write:projects'], 'pools', 'write')).toBe(false);
    expect(isTokenScope('decide')).toBe(true);
    expect(isTokenScope('write:users')).toBe(false);
  });

  it('opens the change feed to admins and to tokens with "read:changes" only', () => {
    expect(USER_ROLES.filter(roleMayReadChanges)).toEqual(['ADMIN']);
    expect(TOKEN_SCOPES.filter((scope) => scopesMayReadChanges([scope]))).toEqual(['read:changes']);
    expect(scopesMayReadChanges([...TOKEN_SCOPES].filter((s) => s !== 'read:changes'))).toBe(false);
    // The feed's scope opens no record group.
    for (const group of RECORD_GROUPS)
      for (const action of ACCESS_ACTIONS) expect(scopesMay(['read:changes'], group, action)).toBe(false);
  });

  it('places every record type and part in a group', () => {
    for (const name of Object.keys(RECORD_TYPES)) expect(RECORD_GROUPS).toContain(groupOf(name));
    for (const name of Object.keys(RECORD_PARTS)) expect(RECORD_GROUPS).toContain(groupOf(name));
    expect(groupOf('PoolMember')).toBe('pools');
    expect(groupOf('Nonexistent')).toBeNull();
  });

  it('offers each record its operations, and refuses operations a record does not offer', () => {
    expect(roleMayOnRecord('LEADER', 'IncentivePool', 'approve')).toBe(true);
    expect(roleMayOnRecord('HR', 'IncentivePool', 'approve')).toBe(false);
    expect(roleMayOnRecord('ADMIN', 'Project', 'approve')).toBe(false);
    expect(roleMayOnRecord('ADMIN', 'Decision', 'edit')).toBe(false);
    expect(roleMayOnRecord('ADMIN', 'Decision', 'record')).toBe(true);
    expect(roleMayOnRecord('ADMIN', 'CompanySettings', 'edit')).toBe(true);
    expect(roleMayOnRecord('LEADER', 'CompanySettings', 'edit')).toBe(false);
    expect(roleMayOnRecord('VIEWER', 'CompanySettings', 'read')).toBe(true);
    expect(roleMayOnRecord('ADMIN', 'CompanySettings', 'create')).toBe(false);
    expect(roleMayOnRecord('ADMIN', 'Delegation', 'revoke')).toBe(true);
    expect(roleMayOnRecord('ADMIN', 'AuditEntry', 'create')).toBe(false);
    expect(roleMayOnRecord('ADMIN', 'AuditEntry', 'read')).toBe(true);
    expect(roleMayOnRecord('HR', 'RoleModelDimension', 'edit')).toBe(true);
    expect(roleMayOnRecord('LEADER', 'PoolMetric', 'approve')).toBe(false);
    expect(roleMayOnRecord('VIEWER', 'PoolMember', 'read')).toBe(true);
    expect(roleMayOnRecord('ADMIN', 'Nonexistent', 'read')).toBe(false);
  });

  it('adds the owner rule to sales records only: owners write what their role alone may not', () => {
    expect(roleMayOnRecord('VIEWER', 'Lead', 'edit')).toBe(false);
    expect(roleMayOnOwnRecord('VIEWER', 'Lead', 'edit')).toBe(true);
    expect(roleMayOnOwnRecord('HR', 'Stakeholder', 'record')).toBe(true);
    expect(roleMayOnOwnRecord('VIEWER', 'LeadNurtureAction', 'create')).toBe(true);
    expect(isOwnedRecordType('LeadNurtureAction')).toBe(true);
    // Not offered, not covered, or a record outside the sales records: nothing added.
    expect(roleMayOnOwnRecord('VIEWER', 'Lead', 'record')).toBe(false);
    expect(roleMayOnOwnRecord('VIEWER', 'Project', 'edit')).toBe(false);
    expect(roleMayOnOwnRecord('VIEWER', 'User', 'read')).toBe(false);
    expect(roleMayOnOwnRecord('LEADER', 'Opportunity', 'delete')).toBe(true);
  });
});
