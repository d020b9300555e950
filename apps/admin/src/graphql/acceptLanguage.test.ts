import { ApolloLink, execute, gql, Observable } from '@apollo/client';
import { rememberLocale } from '../i18n/locale';
import { gqlRequest } from './client';
import { withSessionHeaders } from './sessionLink';

describe('Accept-Language on every GraphQL request', () => {
  afterEach(() => localStorage.clear());

  it('is sent by the operations client with the current locale', async () => {
    const fetchMock = jest.fn(async () => ({ json: async () => ({ data: { ok: true } }), status: 200 }));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    rememberLocale('zh-CN');
    await gqlRequest('{ ok }');
    rememberLocale('en');
    await gqlRequest('{ ok }');
    const sent = fetchMock.mock.calls.map(
      (call) => ((call as unknown[])[1] as { headers: Record<string, string> }).headers['Accept-Language'],
    );
    expect(sent).toEqual(['zh-CN', 'en']);
  });

  it("is set by the records' Apollo link with the current locale", async () => {
    let headers: Record<string, string> = {};
    const capture = new ApolloLink((operation) => {
      headers = operation.getContext().headers as Record<string, string>;
      return Observable.of({ data: { ok: true } });
    });
    rememberLocale('zh-CN');
    await new Promise((done) =>
      execute(ApolloLink.from([withSessionHeaders, capture]), {
        query: gql`
          {
            ok
          }
        `,
      }).subscribe({ complete: () => done(undefined) }),
    );
    expect(headers['Accept-Language']).toBe('zh-CN');
  });
});
