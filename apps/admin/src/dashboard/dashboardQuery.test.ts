import { clearSession, saveSession } from '../auth/session';
import { rememberLocale } from '../i18n/locale';
import {
  askDashboardEarly,
  EARLY_FRESH_MS,
  earlyDashboardIn,
  opensOnDashboard,
  takeEarlyDashboard,
} from './dashboardQuery';

const NOW = Date.parse('2026-12-02T08:00:00Z');

function signIn(token: string) {
  saveSession({
    token,
    expiresAt: '2099-01-01T00:00:00Z',
    user: { id: '1', email: 'admin@demo.local', role: 'ADMIN', personId: null },
  });
}

describe("the dashboard's answer asked for at sign-in", () => {
  let sent: Array<{ authorization?: string; body: string }>;

  beforeEach(() => {
    sent = [];
    globalThis.fetch = (async (_url: string, init: { headers: Record<string, string>; body: string }) => {
      sent.push({ authorization: init.headers.Authorization, body: init.body });
      // Numbered as sent (the cards' own requests may follow in the same turn, once their chunk is in).
      const at = `answer ${sent.length}`;
      return { status: 200, json: async () => ({ data: { dashboard: { at } } }) };
    }) as unknown as typeof fetch;
    rememberLocale('zh-CN');
    takeEarlyDashboard(NOW);
  });
  afterEach(() => {
    clearSession();
    localStorage.clear();
  });

  it('is asked once, with the session, and taken once', async () => {
    signIn('token-a');
    askDashboardEarly(NOW);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.authorization).toBe('Bearer token-a');
    expect(JSON.parse(sent[0]?.body ?? '{}').query).toMatch(/^query Dashboard/);
    await expect(takeEarlyDashboard(NOW + 500)).resolves.toEqual({ at: 'answer 1' });
    // Taken: the next dashboard asks for itself.
    expect(takeEarlyDashboard(NOW + 600)).toBeNull();
  });

  it('is not asked without a session', () => {
    askDashboardEarly(NOW);
    expect(sent).toHaveLength(0);
    expect(takeEarlyDashboard(NOW)).toBeNull();
  });

  it('is not taken for another session, another language, or once stale', () => {
    signIn('token-a');
    askDashboardEarly(NOW);
    signIn('token-b');
    expect(takeEarlyDashboard(NOW + 100)).toBeNull();

    askDashboardEarly(NOW);
    rememberLocale('en');
    expect(takeEarlyDashboard(NOW + 100)).toBeNull();

    askDashboardEarly(NOW);
    expect(takeEarlyDashboard(NOW + EARLY_FRESH_MS + 1)).toBeNull();

    askDashboardEarly(NOW);
    expect(takeEarlyDashboard(NOW + EARLY_FRESH_MS)).not.toBeNull();
  });

  it('hands over a failure for the dashboard to show, and none is left unhandled before that', async () => {
    globalThis.fetch = (async () => ({
      status: 200,
      json: async () => ({ errors: [{ message: 'Database busy', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }),
    })) as unknown as typeof fetch;
    signIn('token-a');
    askDashboardEarly(NOW);
    await new Promise((r) => setTimeout(r, 0));
    await expect(takeEarlyDashboard(NOW + 100)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('is offered as data once it is in (not while in flight), without being taken, for this session only', async () => {
    signIn('token-a');
    askDashboardEarly(NOW);
    expect(earlyDashboardIn(NOW + 10)).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    expect(earlyDashboardIn(NOW + 100)).toEqual({ data: { at: 'answer 1' }, askedAt: NOW });
    // Looking does not take it; another session or a stale answer is not offered.
    expect(earlyDashboardIn(NOW + 200)).not.toBeNull();
    expect(earlyDashboardIn(NOW + EARLY_FRESH_MS + 1)).toBeNull();
    signIn('token-b');
    expect(earlyDashboardIn(NOW + 200)).toBeNull();
    signIn('token-a');
    await expect(takeEarlyDashboard(NOW + 300)).resolves.toEqual({ at: 'answer 1' });
    expect(earlyDashboardIn(NOW + 300)).toBeNull();
    expect(sent.filter((s) => s.body.includes('query Dashboard'))).toHaveLength(1);
  });

  it('is not offered as data when it failed', async () => {
    globalThis.fetch = (async () => ({
      status: 200,
      json: async () => ({ errors: [{ message: 'Database busy', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }),
    })) as unknown as typeof fetch;
    signIn('token-a');
    askDashboardEarly(NOW);
    await new Promise((r) => setTimeout(r, 0));
    expect(earlyDashboardIn(NOW + 100)).toBeNull();
    await expect(takeEarlyDashboard(NOW + 100)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('is asked only when the page to show is the dashboard', () => {
    expect(['', '#', '#/', '#/login'].map(opensOnDashboard)).toEqual([true, true, true, true]);
    expect(['#/Person', '#/Person/1/show', '#/check'].map(opensOnDashboard)).toEqual([false, false, false]);
  });
});
