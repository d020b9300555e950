import { clearSession, saveSession } from '../auth/session';
import { rememberLocale } from '../i18n/locale';
import { askCardsEarly, showsCard, takeEarlyCard } from './earlyCards';
import { askDashboardEarly, takeEarlyDashboard } from './dashboardQuery';

const NOW = Date.parse('2026-12-02T08:00:00Z');

function signIn(token: string, role: 'ADMIN' | 'HR' | 'LEADER' | 'VIEWER' = 'ADMIN') {
  saveSession({
    token,
    expiresAt: '2099-01-01T00:00:00Z',
    user: { id: '1', email: 'a@demo.local', role, personId: null },
  });
}

describe("the dashboard's cards asked for with the dashboard", () => {
  let sent: string[];

  beforeEach(() => {
    sent = [];
    globalThis.fetch = (async (_url: string, init: { body: string }) => {
      const query = String(JSON.parse(init.body).query);
      sent.push(query);
      const data = query.includes('salesFunnel')
        ? { salesFunnel: { at: 'funnel' } }
        : query.includes('keyAccountWarnings')
          ? { keyAccountWarnings: [] }
          : { dashboard: { at: 'dashboard' } };
      return { status: 200, json: async () => ({ data }) };
    }) as unknown as typeof fetch;
    rememberLocale('zh-CN');
    takeEarlyCard('salesFunnel', NOW);
    takeEarlyCard('keyAccountWarnings', NOW);
  });
  afterEach(() => {
    clearSession();
    localStorage.clear();
  });

  it('asks the funnel and the warnings beside the dashboard, each taken once', async () => {
    signIn('token-a');
    askDashboardEarly(NOW);
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toHaveLength(3);
    await expect(takeEarlyDashboard(NOW + 100)).resolves.toEqual({ at: 'dashboard' });
    await expect(takeEarlyCard('salesFunnel', NOW + 100)).resolves.toEqual({ at: 'funnel' });
    await expect(takeEarlyCard('keyAccountWarnings', NOW + 100)).resolves.toEqual([]);
    expect(takeEarlyCard('salesFunnel', NOW + 200)).toBeNull();
  });

  it('asks only for the cards the reader sees, and hands them to no other session', () => {
    signIn('token-a', 'HR');
    askCardsEarly(NOW);
    expect(sent).toHaveLength(['salesFunnel', 'keyAccountWarnings'].filter((c) => showsCard('HR', c as never)).length);
    signIn('token-b');
    expect(takeEarlyCard('salesFunnel', NOW + 100)).toBeNull();
    expect(takeEarlyCard('keyAccountWarnings', NOW + 100)).toBeNull();
  });
});
