// The signed-in session as React state: a component reading it renders again when someone signs in or out (a
// portal rendered while the sign-in was pending shows the role's menu once the session is in).
import { useSyncExternalStore } from 'react';
import { onSessionChange, Session, sessionSnapshot } from './session';

const subscribe = (changed: () => void) => onSessionChange(() => changed());
const snapshot = () => sessionSnapshot();

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, snapshot);
}
