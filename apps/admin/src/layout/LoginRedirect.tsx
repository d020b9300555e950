// react-admin's login route: the session is gone, so the entry's plain sign-in screen takes over.
import { useEffect } from 'react';
import { clearSession } from '../auth/session';

export function LoginRedirect() {
  useEffect(() => clearSession(), []);
  return null;
}
