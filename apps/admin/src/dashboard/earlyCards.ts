// The dashboard's two cards with requests of their own (the sales funnel, the key-account warnings), asked for with
// the dashboard's own request right after sign-in rather than once the dashboard has rendered (which, on a loaded
// machine, came a second or more later and was the last wait before the dashboard was filled). Loaded with the
// portal's code while the sign-in screen shows (preload.ts); the cards take the answers once (takeEarlyCard).
import { canAccess } from '../auth/canAccess';
import { loadSession, type UserRole } from '../auth/session';
import { currentLocale } from '../i18n/locale';
import { fetchKeyAccountWarnings, fetchSalesFunnel } from '../sales/salesApi';
import { EARLY_FRESH_MS } from './dashboardQuery';

type Card = 'salesFunnel' | 'keyAccountWarnings';

interface EarlyAnswer {
  token: string;
  locale: string;
  askedAt: number;
  answer: Promise<unknown>;
}

const early = new Map<Card, EarlyAnswer>();

/** Whether the reader sees the card at all (as the dashboard decides). */
export function showsCard(role: UserRole | null | undefined, card: Card): boolean {
  if (!canAccess(role, 'Opportunity', 'list')) return false;
  return card === 'salesFunnel' || canAccess(role, 'Customer', 'list');
}

/** Asks for the answers of the cards the signed-in reader sees. */
export function askCardsEarly(now: number = Date.now()): void {
  const session = loadSession(new Date(now));
  if (!session) return;
  const ask = (card: Card, fetch: () => Promise<unknown>) => {
    if (!showsCard(session.user.role, card)) return;
    const answer = fetch();
    // A failure is the card's to show when it takes the answer.
    answer.catch(() => undefined);
    early.set(card, { token: session.token, locale: currentLocale(), askedAt: now, answer });
  };
  ask('salesFunnel', () => fetchSalesFunnel({}));
  ask('keyAccountWarnings', fetchKeyAccountWarnings);
}

/** The card's early answer, once: null when there is none, it is stale, or it was for another session or language. */
export function takeEarlyCard<T>(card: Card, now: number = Date.now()): Promise<T> | null {
  const taken = early.get(card);
  early.delete(card);
  if (!taken) return null;
  const session = loadSession(new Date(now));
  const fresh = now - taken.askedAt <= EARLY_FRESH_MS;
  if (!session || session.token !== taken.token || taken.locale !== currentLocale() || !fresh) return null;
  return taken.answer as Promise<T>;
}
