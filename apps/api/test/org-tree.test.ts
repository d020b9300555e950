// A request's org tree is read and built once: the context's tree (org scope, subtree filters) is the tree of the
// request's authority snapshot, which every request that read the same change counter shares.
import { describeOnDatabases, TestEnv } from './support/databases';
import { contextFactory } from '../src/platform/context-factory';
import type { Context } from '../src/platform/context';
import { LoginThrottle } from '../src/platform/throttle';
import { createLogger } from '../src/platform/logger';
import { CONTEXT_SOURCES } from '../src/composition';
import { authoritySnapshot } from '../src/modules/authorization';

describeOnDatabases('the org tree of a request', (env: () => TestEnv) => {
  const contextOf = (token: string): Promise<Context> => {
    const { server, config } = env();
    const services = { loginThrottle: new LoginThrottle(), logger: createLogger('silent') };
    return contextFactory(
      server.db,
      config,
      services,
      CONTEXT_SOURCES,
    )({ headers: { authorization: `Bearer ${token}` } });
  };

  test("is the authority snapshot's tree, shared by the requests that read the same counter", async () => {
    const { tokens, fixture } = env();
    const first = await contextOf(tokens.leader);
    const tree = await first.orgTree();
    expect(tree).toBe((await authoritySnapshot(first)).index.tree);
    expect(await first.orgTree()).toBe(tree);
    const second = await contextOf(tokens.leader);
    expect(await second.orgTree()).toBe(tree);
    // The LEADER's scope is built on it: their unit and the units below it.
    const units = await second.scopeUnits();
    expect(units && [...units].sort((a, b) => a - b)).toEqual(
      [fixture.units.east, fixture.units.eastOffice].sort((a, b) => a - b),
    );
  });

  test('asked first inside a transaction, it is read through the transaction (no second connection)', async () => {
    const { tokens, server } = env();
    const ctx = await contextOf(tokens.leader);
    const inside = await server.db.transaction(() => ctx.orgTree());
    const outside = (await authoritySnapshot(await contextOf(tokens.leader))).index.tree;
    expect(inside.size).toBe(outside.size);
    expect([...inside.roots()]).toEqual([...outside.roots()]);
    for (const root of outside.roots()) expect([...inside.subtree(root)]).toEqual([...outside.subtree(root)]);
  });
});
