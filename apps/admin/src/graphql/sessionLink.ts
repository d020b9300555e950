// Every GraphQL request of the records' Apollo client carries the session and the portal's current language
// (Accept-Language), so that what the API phrases itself comes in the reader's language. While a sign-in is pending,
// a request waits for its session (auth/session.ts).
import { setContext } from '@apollo/client/link/context';
import { sessionReady } from '../auth/session';
import { authHeaders } from './client';

export const withSessionHeaders = setContext(async (_, { headers = {} }: { headers?: Record<string, string> }) => ({
  headers: { ...headers, ...authHeaders(await sessionReady()) },
}));
