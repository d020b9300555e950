import { loadSession, saveSession } from '../auth/session';
import { authProvider } from './authProvider';

const session = {
  token: 'its1.abc.def',
  expiresAt: '2999-01-01T00:00:00.000Z',
  user: { id: '1', email: 'hr@demo.local', role: 'HR' as const, personId: null },
};

describe('authProvider.logout', () => {
  beforeEach(() => localStorage.clear());

  it('ends the session on the server with the token, then forgets it', async () => {
    saveSession(session);
    global.fetch = jest
      .fn()
      .mockResolvedValue({ status: 200, json: async () => ({ data: { logout: true } }) }) as never;
    await authProvider.logout({});
    const [, init] = (global.fetch as jest.Mock).mock.calls[0];
    expect(JSON.parse(init.body).query).toMatch(/logout/);
    expect(init.headers.Authorization).toBe('Bearer its1.abc.def');
    expect(loadSession()).toBeNull();
  });

  it('signs out locally even when the server cannot be reached', async () => {
    saveSession(session);
    global.fetch = jest.fn().mockRejectedValue(new Error('offline')) as never;
    await authProvider.logout({});
    expect(loadSession()).toBeNull();
  });

  it('calls nothing without a session', async () => {
    global.fetch = jest.fn() as never;
    await authProvider.logout({});
    expect(global.fetch).not.toHaveBeenCalled();
  });
});
