// Every GraphQL request of the records' Apollo client carries the session and the portal's current language
// (Accept-Language), so that what the API phrases itself comes in the reader's language.
import { ApolloLink } from '@apollo/client';
import { authHeaders } from './client';

export const withSessionHeaders = new ApolloLink((operation, forward) => {
  operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
    headers: { ...headers, ...authHeaders() },
  }));
  return forward(operation);
});
