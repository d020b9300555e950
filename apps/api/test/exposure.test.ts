// Defaults that expose nothing: security headers on every answer (API, health checks, portal), the built API binds
// to 127.0.0.1 unless HOST says otherwise, and with NODE_ENV=production it refuses to start while an active user can
// still sign in with the demo password.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createServer, ApiServer } from '../src/server';
import { hashPassword } from '../src/platform/passwords';
import { User } from '../src/modules/user/user.entity';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { describeOnDatabases } from './support/databases';
import { Child, connect, freePort, start } from './support/built-api';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join(';');

/** A hashed portal asset big enough to be compressed (about 60 KB of repetitive script). */
const BIG_ASSET = Array.from({ length: 1500 }, (_, i) => `export const value${i} = "portal asset line ${i}";`).join(
  '\n',
);

describeOnDatabases('defaults that expose nothing', (env) => {
  describe('security headers', () => {
    let portalDir: string;
    let server: ApiServer;
    let base: string;
    beforeAll(async () => {
      // A stand-in portal build: index.html and one asset.
      portalDir = mkdtempSync(path.join(os.tmpdir(), 'it-portal-'));
      mkdirSync(path.join(portalDir, 'assets'));
      writeFileSync(
        path.join(portalDir, 'index.html'),
        '<!doctype html><html><head><script type="module" ' +
          'src="/assets/index.js"></script></head><body><div id="root"></div></body></html>',
      );
      writeFileSync(path.join(portalDir, 'assets', 'index.js'), 'console.log("portal");');
      writeFileSync(path.join(portalDir, 'assets', 'big-3f9a1c.js'), BIG_ASSET);
      // An asset whose compressed bodies the build wrote beside it (marked, to tell them from ones made on the fly).
      writeFileSync(path.join(portalDir, 'assets', 'pre-5b2e.js'), BIG_ASSET);
      writeFileSync(path.join(portalDir, 'assets', 'pre-5b2e.js.br'), zlib.brotliCompressSync(`/*br*/${BIG_ASSET}`));
      writeFileSync(path.join(portalDir, 'assets', 'pre-5b2e.js.gz'), zlib.gzipSync(`/*gz*/${BIG_ASSET}`));
      const e = env();
      server = await createServer({ dataSource: e.dataSource, config: e.config, portalDir });
      await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      server.httpServer.closeAllConnections();
      await server.stop();
      rmSync(portalDir, { recursive: true, force: true });
    });

    const graphql = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });

    test.each([
      ['the portal', '/', 200, 'text/html'],
      ['a portal route (SPA fallback)', '/some/screen', 200, 'text/html'],
      ['a portal asset', '/assets/index.js', 200, 'javascript'],
      ['GraphQL', '/graphql', 200, 'application/json'],
      ['the liveness check', '/healthz', 200, 'application/json'],
    ])(
      '%s answers with CSP, frame-ancestors, nosniff and a strict referrer policy',
      async (_what, route, status, type) => {
        const response = route === '/graphql' ? await graphql(base + route) : await fetch(base + route);
        expect(response.status).toBe(status);
        expect(response.headers.get('content-type')).toContain(type);
        expect(response.headers.get('content-security-policy')).toBe(CSP);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
        expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
        expect(response.headers.get('x-powered-by')).toBeNull();
      },
    );

    /** A raw GET (no automatic decompression), with the body as sent. */
    const rawGet = (route: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          // The path as written: a URL would resolve "%2e%2e" segments before sending.
          .get({ host: '127.0.0.1', port: new URL(base).port, path: route, headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
            );
          })
          .on('error', reject);
      });

    test.each([
      ['br', 'gzip, deflate, br', (b: Buffer) => zlib.brotliDecompressSync(b)],
      ['gzip', 'gzip, deflate', (b: Buffer) => zlib.gunzipSync(b)],
      [undefined, 'identity', (b: Buffer) => b],
      ['gzip', 'br;q=0, gzip', (b: Buffer) => zlib.gunzipSync(b)],
    ])('a hashed asset is sent %s-encoded for "%s", cached a year as immutable', async (encoding, accept, decode) => {
      const res = await rawGet('/assets/big-3f9a1c.js', { 'accept-encoding': accept });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('javascript');
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toContain('Accept-Encoding');
      expect(res.headers['content-security-policy']).toBe(CSP);
      if (encoding) expect(res.body.length).toBeLessThan(BIG_ASSET.length / 4);
      expect(decode(res.body).toString()).toBe(BIG_ASSET);
    });

    test('compressed bodies the build wrote are sent as they are; identity is the asset itself', async () => {
      const br = await rawGet('/assets/pre-5b2e.js', { 'accept-encoding': 'gzip, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(zlib.brotliDecompressSync(br.body).toString()).toBe(`/*br*/${BIG_ASSET}`);
      const gz = await rawGet('/assets/pre-5b2e.js', { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(gz.body).toString()).toBe(`/*gz*/${BIG_ASSET}`);
      const plain = await rawGet('/assets/pre-5b2e.js', { 'accept-encoding': 'identity' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(BIG_ASSET);
    });

    test('index.html is revalidated on each load; a small asset goes as it is; a missing one is a 404', async () => {
      for (const route of ['/', '/index.html', '/some/screen']) {
        const page = await rawGet(route, { 'accept-encoding': 'br' });
        expect({ route, status: page.status, cache: page.headers['cache-control'] }).toEqual({
          route,
          status: 200,
          cache: 'no-cache',
        });
      }
      const small = await rawGet('/assets/index.js', { 'accept-encoding': 'br' });
      expect(small.headers['content-encoding']).toBeUndefined();
      expect(small.body.toString()).toBe('console.log("portal");');
      const missing = await rawGet('/assets/gone-123.js');
      expect(missing.status).toBe(404);
      expect(missing.headers['content-type']).toContain('text/plain');
      // No way out of the folder.
      expect((await rawGet('/assets/..%2findex.html')).status).toBe(404);
      expect((await rawGet('/assets/%2e%2e/%2e%2e/package.json')).status).toBe(404);
    });

    test('the suite server (no portal) sends them on GraphQL errors too', async () => {
      const response = await fetch(env().url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{not json',
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-security-policy')).toBe(CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });

  describe('the built API', () => {
    let child: Child | undefined;
    afterEach(async () => {
      if (child && child.process.exitCode === null && child.process.signalCode === null) {
        child.process.kill('SIGKILL');
        await child.exited;
      }
      child = undefined;
    });

    async function stop(running: Child): Promise<void> {
      running.process.kill('SIGTERM');
      expect(await running.exited).toEqual({ code: 0, signal: null });
    }

    test('binds to 127.0.0.1 when HOST is not set, and says so', async () => {
      const port = await freePort();
      child = start(env(), port, { HOST: undefined });
      const listening = await child.waitFor('listening');
      expect(listening).toMatchObject({ address: '127.0.0.1', port, allInterfaces: false });
      await child.waitFor(
        `Iron Triangle workbench on http://127.0.0.1:${port}/ (GraphQL at http://127.0.0.1:${port}/graphql)`,
      );
      expect(await connect(port, '127.0.0.1')).toBe('CONNECTED');
      // Not reachable on this machine's other addresses.
      const others = Object.values(os.networkInterfaces())
        .flat()
        .filter((a) => a && a.family === 'IPv4' && !a.internal)
        .map((a) => a!.address);
      for (const address of others) expect(await connect(port, address)).toBe('ECONNREFUSED');
      await stop(child);
    });

    test('binds where HOST says, and says when that is every interface', async () => {
      const port = await freePort();
      child = start(env(), port, { HOST: '0.0.0.0' });
      expect(await child.waitFor('listening')).toMatchObject({ address: '0.0.0.0', port, allInterfaces: true });
      await child.waitFor(/listening on every interface$/);
      await stop(child);
    });

    test(
      'production refuses to start while an active user has the demo ' +
        'password, naming the accounts; starts once they are changed',
      async () => {
        const e = env();
        const em = e.dataSource.manager;
        const now = new Date();
        const demoHash = await hashPassword(DEMO_PASSWORD);
        const stamp = { version: 1, createdAt: now, updatedAt: now };
        const demoUser = Number(
          (
            await em.insert(User, {
              email: 'admin@demo.local',
              passwordHash: demoHash,
              role: 'ADMIN',
              personId: null,
              lastLoginAt: null,
              archivedAt: null,
              ...stamp,
            })
          ).identifiers[0]?.id,
        );
        // Disabled: it cannot sign in, so it does not stop the start.
        await em.insert(User, {
          email: 'old@demo.local',
          passwordHash: demoHash,
          role: 'ADMIN',
          personId: null,
          lastLoginAt: null,
          archivedAt: now,
          ...stamp,
        });
        // Outside the demo's domain, with its own salt.
        await em.update(User, { id: e.fixture.users.viewer }, { passwordHash: await hashPassword(DEMO_PASSWORD) });
        const production = { NODE_ENV: 'production', SEED_DEMO: 'false' };

        child = start(e, await freePort(), production);
        const refused = await child.exited;
        expect(refused.code).not.toBe(0);
        expect(refused.code).not.toBeNull();
        expect(child.output()).toContain(
          'Refusing to start with NODE_ENV=production: 2 active account(s) still have the demo password ' +
            '"demo": admin@demo.local, viewer@test.local.',
        );
        expect(child.output()).not.toContain('old@demo.local');
        expect(child.lines.find((l) => l.msg === 'listening')).toBeUndefined();

        // The admin changes both passwords through the API.
        for (const id of [demoUser, e.fixture.users.viewer]) {
          const changed = await e.gql<{ updateUser: { id: string } }>(
            'mutation($id: ID!, $v: Int!, $p: String!) { updateUser(id: $id, version: $v, password: $p) { id } }',
            { id: String(id), v: (await em.findOneByOrFail(User, { id })).version, p: `a-fresh-password-${id}` },
            { token: e.tokens.admin },
          );
          expect(changed.body.errors).toBeUndefined();
        }
        const port = await freePort();
        child = start(e, port, production);
        expect(await child.waitFor('listening')).toMatchObject({ address: '127.0.0.1', port });
        await stop(child);

        // Archiving is the other way out: a demo-password user that is disabled does not stop the start either.
        await em.update(User, { id: demoUser }, { passwordHash: demoHash, archivedAt: now });
        child = start(e, await freePort(), production);
        await child.waitFor('listening');
        await stop(child);
      },
    );
  });
});
