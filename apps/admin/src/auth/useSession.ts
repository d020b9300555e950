// The signed-in session as React state: a component reading it renders again when someone signs in or out (a
// portal rendered while the sign-in was pending shows the role's menu once the session is in).
import { useSyncExternalStore } from 'react';
import { loadSession, onSessionChange, Session, SESSION_KEY } from './session';

let lastRaw: string | null | undefined;
let lastSession: Session | null = null;

/** The same object while the stored session is the same (useSyncExternalStore compares snapshots by identity). */
function snapshot(): Session | null {
  const raw = globalThis.localStorage?.getItem(SESSION_KEY) ?? null;
  const session = loadSession();
  const key = session ? raw : null;
  if (key !== lastRaw) {
    lastRaw = key;
    lastSession = session;
  }
  return lastSession;
}

const subscribe = (changed: () => void) => onSessionChange(() => changed());

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, snapshot);
}
