import { describeOnDatabases } from './support/databases';

const lines: string[] = [];

describeOnDatabases(
  'HTTP basics and logs',
  (env) => {
    test('answers { __typename } over HTTP, with health and readiness', async () => {
      const { gql, url } = env();
      const res = await gql('{ __typename }');
      expect(res.status).toBe(200);
      // Every answer says which change-log revision it reflects (read-your-writes, see test/change-feed.test.ts).
      expect(res.body).toEqual({
        data: { __typename: 'Query' },
        extensions: { revision: expect.stringMatching(/^\d+$/) },
      });
      const base = url.replace(/\/graphql$/, '');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
    });

    test('logs one JSON line per request; unknown errors with the request id, masked for the client', async () => {
      const { gql, tokens, dataSource } = env();
      lines.length = 0;
      const ok = await gql('{ _allPeopleMeta { count } }', {}, { token: tokens.viewer });
      const requests = lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.msg === 'graphql request');
      expect(requests).toHaveLength(1);
      expect(requests[0]).toMatchObject({
        level: 'info',
        requestId: ok.headers.get('x-request-id'),
        operation: 'query _allPeopleMeta',
        outcome: 'ok',
        durationMs: expect.any(Number),
      });
      lines.length = 0;
      await dataSource.query('ALTER TABLE role_model_dimensions RENAME TO role_model_dimensions_gone');
      try {
        const broken = await gql('{ allRoleModelDimensions { id } }', {}, { token: tokens.viewer });
        expect(broken.body.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
        const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
        const error = logged.find((l) => l.level === 'error');
        expect(error).toMatchObject({
          msg: 'unexpected error',
          requestId: broken.headers.get('x-request-id'),
          error: expect.stringMatching(/role_model_dimensions/),
        });
        expect(logged.find((l) => l.msg === 'graphql request')).toMatchObject({
          outcome: 'error',
          errorCodes: ['INTERNAL_SERVER_ERROR'],
        });
      } finally {
        await dataSource.query('ALTER TABLE role_model_dimensions_gone RENAME TO role_model_dimensions');
      }
    });
  },
  { logLines: lines },
);
