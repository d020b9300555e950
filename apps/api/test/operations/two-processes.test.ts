// Two API servers (separate data sources, as two processes would have) on one database: a revocation through
// one is seen by the other at its next request, through the change counter, without any shared memory.
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/composition';
import { createServer, ApiServer } from '../../src/server';
import { describeOnDatabases, TestEnv } from '../support/databases';
import { Scenario, seedScenario } from './scenario';

describeOnDatabases('two API servers on one database', (env) => {
  let s: Scenario;
  let e: TestEnv;
  let other: { server: ApiServer; dataSource: DataSource; url: string };
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
    const dataSource = new DataSource(dataSourceOptions(e.config));
    await dataSource.initialize();
    if (dataSource.options.type === 'mysql') await dataSource.query("SET time_zone = '+00:00'");
    const server = await createServer({ dataSource, config: e.config });
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
    other = {
      server,
      dataSource,
      url: `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/graphql`,
    };
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => other.server.httpServer.close(() => resolve()));
    other.server.httpServer.closeAllConnections();
    await other.server.stop();
    await other.dataSource.destroy();
  });

  test('revoked on one, denied on the other at the next request', async () => {
    const askOther = async () => {
      const res = await fetch(other.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${e.tokens.viewer}` },
        body: JSON.stringify({
          query: 'query($input: AuthorizeInput!) { authorize(input: $input) { allowed reasons { code } } }',
          variables: {
            input: {
              personId: String(s.people.east1),
              decisionPoint: 'ATC',
              grade: 'III',
              orgUnitId: String(e.fixture.units.eastOffice),
              amount: '100.00',
              currency: 'CNY',
            },
          },
        }),
      });
      return ((await res.json()) as { data: { authorize: { allowed: boolean; reasons: Array<{ code: string }> } } })
        .data.authorize;
    };
    expect(await askOther()).toEqual({ allowed: true, reasons: [] });
    const revoked = await e.gql(
      'mutation($id: ID!) { revokeDelegation(id: $id, reason: "moved to another office") { id } }',
      { id: String(s.delegation) },
      { token: e.tokens.admin },
    );
    expect(revoked.body.errors).toBeUndefined();
    expect(await askOther()).toEqual({ allowed: false, reasons: [{ code: 'REVOKED' }] });
  });
});
