import { clearSession, saveSession } from '../auth/session';
import { mayOpenAsOwner, mayWrite, ownsRecord } from './access';

const signIn = (role: 'ADMIN' | 'LEADER' | 'VIEWER', personId: string | null) =>
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: { id: '1', email: 'a@b.c', role, personId },
  });

describe('sales buttons and the owner rule', () => {
  afterEach(() => clearSession());

  it('lets a VIEWER linked to a person change the sales records they own, and nothing else', () => {
    signIn('VIEWER', '7');
    expect(mayWrite('Lead', 'edit', { ownerId: '7', foundById: '3' })).toBe(true);
    expect(mayWrite('Lead', 'edit', { ownerId: '3', foundById: '7' })).toBe(true);
    expect(mayWrite('Lead', 'edit', { ownerId: '3', foundById: '3' })).toBe(false);
    expect(mayWrite('Lead')).toBe(false);
    expect(mayWrite('Stakeholder', 'edit', { relationshipOwnerId: 7 })).toBe(true);
    expect(mayWrite('Project', 'edit', { ownerId: '7' })).toBe(false);
  });

  it('owns nothing without a person; roles that may write need no ownership', () => {
    signIn('VIEWER', null);
    expect(ownsRecord('Lead', { ownerId: '7' })).toBe(false);
    expect(mayWrite('Lead', 'edit', { ownerId: '7' })).toBe(false);
    signIn('LEADER', '1');
    expect(mayWrite('Lead')).toBe(true);
  });

  it('opens the edit pages of owned sales records to their owner', () => {
    signIn('VIEWER', '7');
    expect(mayOpenAsOwner('Lead', 'edit')).toBe(true);
    expect(mayOpenAsOwner('Lead', 'edit', { ownerId: '3', foundById: '3' })).toBe(false);
    expect(mayOpenAsOwner('Project', 'edit')).toBe(false);
    expect(mayOpenAsOwner('Lead', 'list')).toBe(false);
    signIn('VIEWER', null);
    expect(mayOpenAsOwner('Lead', 'edit')).toBe(false);
  });
});
