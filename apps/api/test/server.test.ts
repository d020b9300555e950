import { AddressInfo } from 'node:net';
import { loadConfig } from '@iron-triangle/config';
import { createServer } from '../src/server';

test('answers { __typename } over HTTP', async () => {
  const config = loadConfig({ NODE_ENV: 'test', TOKEN_SECRET: 'x'.repeat(40) });
  const server = await createServer({ config });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  server.httpServer.close();
  await server.stop();
});
