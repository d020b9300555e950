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

/** Called when the user signs in or out (or the token is found expired); returns an unsubscribe function. */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
