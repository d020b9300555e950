import { describeOnDatabases } from './support/databases';

describeOnDatabases('HTTP basics', (env) => {
  test('answers { __typename } over HTTP, with health and readiness', async () => {
    const { gql, url } = env();
    const res = await gql('{ __typename }');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { __typename: 'Query' } });
    const base = url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
