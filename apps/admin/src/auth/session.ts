// The signed-in session, kept in localStorage so a reload stays signed in; no react-admin here (entry chunk).
// Types only from the domain: the entry chunk stays free of its code.
import type { UserRole } from '@iron-triangle/domain';
export type { UserRole } from '@iron-triangle/domain';

export interface SessionUser {
  id: string;
  email: string;
  role: UserRole;
  personId?: string | null;
}

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

const KEY = 'ironTriangle.session';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

export function isExpired(session: Session, now: Date): boolean {
  const expires = Date.parse(session.expiresAt);
  return Number.isNaN(expires) || expires <= now.getTime();
}

export function loadSession(now: Date = new Date()): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (!session?.token || !session.user || isExpired(session, now)) return null;
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  globalThis.localStorage?.setItem(KEY, JSON.stringify(session));
  listeners.forEach((listener) => listener(session));
}

export function clearSession(): void {
  globalThis.localStorage?.removeItem(KEY);
  listeners.forEach((listener) => listener(null));
}

let pendingSignIn: Promise<Session | null> | null = null;
const NEVER = new Promise<never>(() => undefined);

/**
 * A sign-in whose password the API is checking: the session is saved once the answer is in. Meanwhile the portal is
 * rendered out of sight (main.tsx) and whatever needs the session waits for it (sessionReady).
 */
export function signIn(login: Promise<Session>): Promise<Session> {
  const saved = login.then((session) => {
    saveSession(session);
    return session;
  });
  const pending = saved.then(
    (session) => session,
    () => null,
  );
  pendingSignIn = pending;
  void pending.then(() => {
    if (pendingSignIn === pending) pendingSignIn = null;
  });
  return saved;
}

/**
 * The session; while a sign-in is pending, the session it brings. A sign-in that fails never answers here: the
 * portal rendered for it is discarded, and nothing it asked for is sent.
 */
export async function sessionReady(): Promise<Session | null> {
  return signInPending() ?? loadSession();
}

/** sessionReady while a sign-in is pending and no session is saved; otherwise null (the caller need not wait). */
export function signInPending(): Promise<Session> | null {
  if (!pendingSignIn || loadSession()) return null;
  return pendingSignIn.then((session) => session ?? NEVER);
}

let lastText: string | null | undefined;
let lastSession: Session | null = null;

/**
 * loadSession, the same object while the stored session is unchanged (React's useSyncExternalStore compares snapshots
 * by identity); parsed again only when what is stored changes.
 */
export function sessionSnapshot(now: Date = new Date()): Session | null {
  const text = globalThis.localStorage?.getItem(KEY) ?? null;
  if (text !== lastText) {
    lastText = text;
    lastSession = loadSession(now);
  } else if (lastSession && isExpired(lastSession, now)) lastSession = null;
  return lastSession;
}

/** Called when the user signs in or out (or the token is found expired); returns an unsubscribe function. */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
