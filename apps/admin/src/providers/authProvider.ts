// react-admin's view of the session: sign-in happens on the plain SignIn screen; this checks, signs out and authorizes.
import type { AuthProvider } from 'react-admin';
import { canAccess } from '../auth/canAccess';
import { mayOpenAsOwner } from '../sales/access';
import { clearSession, loadSession, saveSession, Session, sessionReady } from '../auth/session';
import { gqlRequest } from '../graphql/client';

const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { token expiresAt user { id email role personId } }
}`;

const LOGOUT = 'mutation Logout { logout }';

/** The GraphQL error code carried by an error from either data path (HttpError body or GraphQLRequestError). */
export function errorCode(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as { code?: string; status?: number; body?: { code?: string } };
  return e.body?.code ?? e.code ?? (e.status === 401 ? 'UNAUTHENTICATED' : undefined);
}

export const authProvider: AuthProvider = {
  async login({ username, email, password }: { username?: string; email?: string; password: string }) {
    const data = await gqlRequest<{ login: Session }>(
      LOGIN,
      { email: email ?? username, password },
      { signingIn: true },
    );
    saveSession(data.login);
  },
  /** Ends the session on the server too (best effort: offline or an already ended token still signs out here). */
  async logout() {
    if (!loadSession()) return;
    try {
      await gqlRequest<{ logout: boolean }>(LOGOUT);
    } catch {
      // The local session is cleared below either way.
    }
    clearSession();
  },
  // While a sign-in is pending (the portal rendered out of sight meanwhile, main.tsx), these wait for its session.
  async checkAuth() {
    if (!(await sessionReady())) {
      clearSession();
      throw new Error('ra.auth.auth_check_error');
    }
  },
  async checkError(error: unknown) {
    if (errorCode(error) === 'UNAUTHENTICATED') {
      clearSession();
      throw new Error('ra.notification.logged_out');
    }
  },
  async getIdentity() {
    const session = await sessionReady();
    if (!session) throw new Error('ra.auth.auth_check_error');
    return {
      id: session.user.id,
      fullName: session.user.email,
      role: session.user.role,
      personId: session.user.personId,
    };
  },
  async getPermissions() {
    return (await sessionReady())?.user.role ?? null;
  },
  async canAccess({ resource, action, record }) {
    // By role; or by the owner rule on the sales records a person owns (sales/access.ts).
    const role = (await sessionReady())?.user.role;
    return canAccess(role, resource, action) || mayOpenAsOwner(resource, action, record);
  },
};
