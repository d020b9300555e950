// The dashboard's one request, and its answer asked for early: right after sign-in (or at page load, when a kept
// session opens on the dashboard), while the portal's code still loads, so that the dashboard need not wait for its
// own code before asking. No react-query or react-admin here: the entry chunk imports this.
import { loadSession } from '../auth/session';
import { gqlRequest } from '../graphql/client';
import { currentLocale } from '../i18n/locale';
import type { DashboardData } from './dashboardApi';

const PERSON = '{ id name latinName }';

export const DASHBOARD_QUERY = `query Dashboard {
  dashboard {
    at
    qualificationLevels { role level people }
    triangleCoverage { grade projects complete missing }
    poolsByStatus { status currency pools amount }
    decisionsByWeek { weekStart weekEnd decisions byPoint { decisionPoint decisions } }
    expiringCertifications { id role validUntil person ${PERSON} }
    endingDelegations { id validTo decisionPoints delegator ${PERSON} delegate ${PERSON} }
    poolsAwaitingApproval { id name fundedAmount currency }
    decisionsThisWeek { id decisionPoint outcome decidedAt project { id name } }
  }
}`;

export async function fetchDashboard(): Promise<DashboardData> {
  return (await gqlRequest<{ dashboard: DashboardData }>(DASHBOARD_QUERY)).dashboard;
}

/** An early answer is taken only this soon after it was asked for (else the dashboard asks again). */
export const EARLY_FRESH_MS = 15_000;

interface EarlyAnswer {
  token: string;
  locale: string;
  askedAt: number;
  answer: Promise<DashboardData>;
  /** The answer, once it is in. */
  data?: DashboardData;
}

let early: EarlyAnswer | null = null;

/** Whether the page about to show is the dashboard (the portal's hash route `#/`, or none yet). */
export function opensOnDashboard(hash: string): boolean {
  return hash === '' || hash === '#' || hash === '#/' || hash.startsWith('#/login');
}

let cardsModule: typeof import('./earlyCards') | null = null;

/**
 * Loads the early cards' chunk (preload.ts, while the sign-in screen shows); once in, they are asked for in the same
 * turn as the dashboard (a dynamic import resolves a turn later, after whatever long task the sign-in started).
 */
export function loadEarlyCards(): Promise<typeof import('./earlyCards')> {
  return import('./earlyCards').then((cards) => (cardsModule = cards));
}

/** Asks for the dashboard now, for the signed-in session; the dashboard takes the answer (takeEarlyDashboard). */
export function askDashboardEarly(now: number = Date.now()): void {
  const session = loadSession(new Date(now));
  if (!session) return;
  const answer = fetchDashboard();
  // A failure is the dashboard's to show when it takes the answer; unhandled until then, it would be reported.
  answer.catch(() => undefined);
  const entry: EarlyAnswer = { token: session.token, locale: currentLocale(), askedAt: now, answer };
  answer.then(
    (data) => {
      entry.data = data;
    },
    () => undefined,
  );
  early = entry;
  // The cards' own requests beside it (their chunk is loaded with the portal's code; a failure to load is no answer).
  if (cardsModule) cardsModule.askCardsEarly(now);
  else
    loadEarlyCards().then(
      (cards) => cards.askCardsEarly(now),
      () => undefined,
    );
}

/**
 * The answer askDashboardEarly asked for, once: null when there is none, it is older than EARLY_FRESH_MS, or it was
 * asked for another session or language than the current ones.
 */
export function takeEarlyDashboard(now: number = Date.now()): Promise<DashboardData> | null {
  const taken = early;
  early = null;
  return taken && usable(taken, now) ? taken.answer : null;
}

function usable(entry: EarlyAnswer, now: number): boolean {
  const session = loadSession(new Date(now));
  const fresh = now - entry.askedAt <= EARLY_FRESH_MS;
  return Boolean(session && session.token === entry.token && entry.locale === currentLocale() && fresh);
}

/**
 * The early answer when it is in already (without taking it): the dashboard's first render then shows the cards,
 * not a progress bar and a second render. Null under the same conditions as takeEarlyDashboard, or while in flight.
 */
export function earlyDashboardIn(now: number = Date.now()): { data: DashboardData; askedAt: number } | null {
  return early?.data && usable(early, now) ? { data: early.data, askedAt: early.askedAt } : null;
}
