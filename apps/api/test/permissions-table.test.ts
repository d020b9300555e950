// The API's permission check is the domain's access table, for every role × record group × read/write and for
// every token scope. The portal's canAccess is tested against the same table (apps/admin/src/auth/canAccess.test.ts),
// so the two apps decide alike.
import {
  ACCESS_TABLE,
  RECORD_GROUPS,
  TOKEN_SCOPES,
  USER_ROLES,
  WRITE_SCOPES,
  roleMay,
  scopesMay,
} from '@iron-triangle/domain';
import { isAllowed, type Principal } from '../src/platform/permissions';

const ACTIONS = ['read', 'write'] as const;
const cases = RECORD_GROUPS.flatMap((group) => ACTIONS.map((action) => [group, action] as const));

describe('API permissions come from the domain access table', () => {
  it.each(cases)('%s, %s: each role as the table says', (group, action) => {
    for (const role of USER_ROLES) {
      const principal: Principal = { kind: 'user', userId: 1, email: 'x@example.com', role, personId: null };
      expect([role, isAllowed(principal, group, action)]).toEqual([role, ACCESS_TABLE[group][action].includes(role)]);
      expect(isAllowed(principal, group, action)).toBe(roleMay(role, group, action));
    }
  });

  it.each(cases)('%s, %s: each token scope as the table says', (group, action) => {
    for (const scope of TOKEN_SCOPES) {
      const token: Principal = { kind: 'token', tokenId: 1, name: 't', scopes: [scope] };
      const expected = WRITE_SCOPES[group] !== null && scope === (action === 'read' ? 'read' : WRITE_SCOPES[group]);
      expect([scope, isAllowed(token, group, action)]).toEqual([scope, expected]);
      expect(isAllowed(token, group, action)).toBe(scopesMay([scope], group, action));
    }
  });
});
