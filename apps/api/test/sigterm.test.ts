// SIGTERM drains: the built API (dist/index.js) runs as a child process on the suite's database; requests are held
// in flight (the NODE_ENV=test hold, see src/server.ts), SIGTERM arrives, and then: new connections are refused, the
// held requests still read the database and answer 200 with `Connection: close`, idle keep-alive connections are
// closed, requests arriving on open keep-alive connections are not served, WebSocket subscribers are asked to go away
// (close 1001), and the process exits with 0 (on its own within SHUTDOWN_GRACE_MS, or cutting what is left when the
// grace runs out).
import http from 'node:http';
import net from 'node:net';
import { OrgUnit } from '../src/modules/org-unit/org-unit.entity';
import { describeOnDatabases } from './support/databases';
import { Child, connect, freePort, start } from './support/built-api';
import { feedClient } from './support/feed';

describeOnDatabases('SIGTERM drains the built API', (env) => {
  let child: Child | undefined;
  afterEach(async () => {
    if (child && child.process.exitCode === null && child.process.signalCode === null) {
      child.process.kill('SIGKILL');
      await child.exited;
    }
  });

  test('the in-flight request finishes with 200, new connections are refused, the process exits 0', async () => {
    const e = env();
    const port = await freePort();
    child = start(e, port);
    await child.waitFor(/^Iron Triangle workbench on /);
    const url = `http://127.0.0.1:${port}/graphql`;
    const post = (query: string, headers: Record<string, string> = {}) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      });

    const login = await post(
      `mutation { login(email: "admin@test.local", password: "${e.fixture.password}") { token } }`,
    );
    const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;

    // Held for 1.5 s before it runs; it reads the database after SIGTERM has arrived.
    const inFlight = post('{ _allPeopleMeta { count } }', {
      authorization: `Bearer ${token}`,
      'x-test-hold-ms': '1500',
    });
    const held = await child.waitFor('test hold: request held');
    const sentAt = Date.now();
    child.process.kill('SIGTERM');
    await child.waitFor(/^stopping: no new connections/);
    expect(await connect(port)).toBe('ECONNREFUSED');
    expect(child.process.exitCode).toBeNull();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(held.requestId);
    expect(await response.json()).toEqual({ data: { _allPeopleMeta: { count: 3 } }, extensions: REVISION });
    expect(Date.now() - sentAt).toBeGreaterThan(1000);

    const answeredAt = Date.now();
    const { code, signal } = await child.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    // No keep-alive connection lingers: the process ends right after the last in-flight request.
    expect(Date.now() - answeredAt).toBeLessThan(2000);
    const messages = child.lines.map((l) => l.msg);
    expect(messages.indexOf('graphql request')).toBeGreaterThan(-1);
    expect(messages.slice(-1)).toEqual(['stopped']);
    expect(child.lines.find((l) => l.level === 'error' || l.level === 'warn')).toBeUndefined();
  });

  test(
    'under keep-alive load: in-flight requests answer with Connection: close, ' +
      'nothing more is served on the open connections, exit 0 within the grace',
    async () => {
      const e = env();
      const port = await freePort();
      // A long grace: the drain must end by itself (the process says so: nothing cut).
      child = start(e, port, { SHUTDOWN_GRACE_MS: '60000' });
      await child.waitFor(/^Iron Triangle workbench on /);
      const token = await signIn(port, e.fixture.password);

      // Five keep-alive clients, one connection each; every one is opened and used once.
      const clients = Array.from({ length: 5 }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
      const sockets: net.Socket[] = [];
      for (const agent of clients) {
        const warm = await send(agent, port, token, COUNT_PEOPLE);
        expect(warm).toMatchObject({ status: 200, reused: false, connection: 'keep-alive' });
        sockets.push(warm.socket);
      }
      // Clients 0-2 send slow requests on their open connections; 3 and 4 stay idle.
      const slow = clients
        .slice(0, 3)
        .map((agent) => send(agent, port, token, COUNT_PEOPLE, { 'x-test-hold-ms': '2000' }));
      // A raw keep-alive connection with a slow request on it too: it writes a second request after SIGTERM.
      const raw = rawConnection(port);
      await raw.connected;
      raw.socket.write(rawRequest(port, token, COUNT_PEOPLE, { 'x-test-hold-ms': '2000' }));
      await waitForCount(child, 'test hold: request held', 4);

      child.process.kill('SIGTERM');
      await child.waitFor(/^stopping: no new connections/);
      expect(await connect(port)).toBe('ECONNREFUSED');

      // A request arriving on an open keep-alive connection after SIGTERM is not processed.
      const code = `LATE-${e.kind}`;
      raw.socket.write(
        rawRequest(
          port,
          token,
          `mutation { createOrgUnit(name: "Late", code: "${code}", kind: "REGION", parentId: "${e.fixture.units.hq}") {
          id } }`,
        ),
      );
      // Idle keep-alive connections are closed by the server; a request from those clients is not served.
      await Promise.all(
        sockets
          .slice(3)
          .map((socket) => (socket.destroyed ? undefined : new Promise((resolve) => socket.once('close', resolve)))),
      );
      for (const agent of clients.slice(3)) {
        await expect(send(agent, port, token, COUNT_PEOPLE)).rejects.toMatchObject({
          code: expect.stringMatching(/^(ECONNREFUSED|ECONNRESET)$/),
        });
      }

      // Every in-flight request is answered, on the connection it came on, with `Connection: close`.
      for (const [index, pending] of slow.entries()) {
        const answer = await pending;
        expect(answer).toMatchObject({
          status: 200,
          reused: true,
          connection: 'close',
          body: { data: { _allPeopleMeta: { count: 3 } }, extensions: REVISION },
        });
        expect(answer.socket).toBe(sockets[index]);
        // After it, the client's connection is gone and nothing more is served.
        await expect(send(clients[index]!, port, token, COUNT_PEOPLE)).rejects.toMatchObject({
          code: expect.stringMatching(/^(ECONNREFUSED|ECONNRESET)$/),
        });
      }
      const rawAnswers = parseResponses(await raw.closed);
      expect(rawAnswers[0]).toMatchObject({ status: 200, connection: 'close' });
      expect(JSON.parse(rawAnswers[0]!.body)).toEqual({ data: { _allPeopleMeta: { count: 3 } }, extensions: REVISION });
      // The late request got nothing, or a 503 that closes the connection.
      expect(rawAnswers.slice(1).every((a) => a.status === 503 && a.connection === 'close')).toBe(true);

      const { code: exitCode, signal } = await child.exited;
      expect({ code: exitCode, signal }).toEqual({ code: 0, signal: null });
      expect(child.lines.find((l) => l.msg === 'stopped')).toMatchObject({ cut: 0 });
      expect(child.lines.find((l) => l.level === 'error' || l.level === 'warn')).toBeUndefined();
      // Served after SIGTERM: the four held requests, nothing else.
      const stoppingAt = child.lines.findIndex((l) => typeof l.msg === 'string' && l.msg.startsWith('stopping:'));
      expect(child.lines.slice(stoppingAt).filter((l) => l.msg === 'graphql request')).toHaveLength(4);
      expect(await e.dataSource.manager.countBy(OrgUnit, { code })).toBe(0);
      for (const agent of clients) agent.destroy();
    },
  );

  test('with WebSocket subscribers connected: they are asked to go away (1001), the process exits 0', async () => {
    const e = env();
    const port = await freePort();
    // A long grace: the drain must end by itself, nothing cut.
    child = start(e, port, { SHUTDOWN_GRACE_MS: '60000', CHANGE_FEED_POLL_MS: '50' });
    await child.waitFor(/^Iron Triangle workbench on /);
    const token = await signIn(port, e.fixture.password);
    const url = `http://127.0.0.1:${port}/graphql`;
    const head = await send(
      new http.Agent({ keepAlive: false }),
      port,
      token,
      '{ authorityChanges(recordId: "2147483647") { endCursor } }',
    );
    const after = (head.body as { data: { authorityChanges: { endCursor: string } } }).data.authorityChanges.endCursor;
    const clients = [feedClient(url, token), feedClient(url, token)];
    const subscriptions = clients.map((client) => client.subscribe({ after }));
    // Both receive a change: they are up.
    const code = `WS-${e.kind}`;
    await send(
      new http.Agent({ keepAlive: false }),
      port,
      token,
      `mutation { createOrgUnit(name: "WS", code: "${code}", kind: "REGION", parentId: "${e.fixture.units.hq}") {
        id } }`,
    );
    for (const subscription of subscriptions) await subscription.waitFor(1);

    const sentAt = Date.now();
    child.process.kill('SIGTERM');
    await Promise.all(subscriptions.map((subscription) => subscription.ended));
    expect(clients.map((client) => client.closes.map((c) => c.code))).toEqual([[1001], [1001]]);
    const exited = await child.exited;
    expect(exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - sentAt).toBeLessThan(3000);
    expect(child.lines.find((l) => l.msg === 'stopped')).toMatchObject({ cut: 0 });
    expect(child.lines.find((l) => l.level === 'error' || l.level === 'warn')).toBeUndefined();
    for (const client of clients) await client.dispose();
  });

  test(
    'when the grace runs out, the requests still in flight ' +
      'are cut, logged with their ids, and the process exits 0',
    async () => {
      const e = env();
      const port = await freePort();
      child = start(e, port, { SHUTDOWN_GRACE_MS: '200' });
      await child.waitFor(/^Iron Triangle workbench on /);
      const token = await signIn(port, e.fixture.password);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      // Held for 5 s: far longer than the grace.
      const slow = send(agent, port, token, COUNT_PEOPLE, { 'x-test-hold-ms': '5000' });
      const held = await child.waitFor('test hold: request held');
      child.process.kill('SIGTERM');

      await expect(slow).rejects.toMatchObject({ code: 'ECONNRESET' });
      const { code, signal } = await child.exited;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(child.lines.find((l) => l.msg === 'shutdown grace ran out: in-flight requests cut')).toMatchObject({
        level: 'warn',
        cut: 1,
        requestIds: [held.requestId],
      });
      expect(child.lines.find((l) => l.msg === 'stopped')).toMatchObject({ cut: 1 });
      expect(child.lines.find((l) => l.level === 'error')).toBeUndefined();
      agent.destroy();
    },
  );
});

const COUNT_PEOPLE = '{ _allPeopleMeta { count } }';
/** Every answer says which change-log revision it reflects. */
const REVISION = { revision: expect.stringMatching(/^\d+$/) };

async function signIn(port: number, password: string): Promise<string> {
  const agent = new http.Agent({ keepAlive: false });
  const answer = await send(
    agent,
    port,
    null,
    `mutation { login(email: "admin@test.local", password: "${password}") { token } }`,
  );
  return (answer.body as { data: { login: { token: string } } }).data.login.token;
}

interface Answer {
  status: number;
  connection: string | undefined;
  body: unknown;
  /** Whether the request went out on a connection the agent had kept alive. */
  reused: boolean;
  socket: net.Socket;
}

/** A GraphQL POST through `agent` (keep-alive); rejects with the socket error when the request is not answered. */
function send(
  agent: http.Agent,
  port: number,
  token: string | null,
  query: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify({ query });
    const request = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        const socket = response.socket;
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            connection: response.headers.connection,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
            reused: request.reusedSocket,
            socket,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

function rawRequest(port: number, token: string, query: string, headers: Record<string, string> = {}): string {
  const payload = JSON.stringify({ query });
  const lines = [
    'POST /graphql HTTP/1.1',
    `host: 127.0.0.1:${port}`,
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(payload)}`,
    `authorization: Bearer ${token}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n${payload}`;
}

/** A plain TCP connection: everything it receives until it closes. */
function rawConnection(port: number): { socket: net.Socket; connected: Promise<void>; closed: Promise<string> } {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('utf8');
  });
  socket.on('error', () => undefined);
  return {
    socket,
    connected: new Promise((resolve) => socket.once('connect', () => resolve())),
    closed: new Promise((resolve) => socket.once('close', () => resolve(received))),
  };
}

/** HTTP/1.1 responses in a byte stream (bodies with content-length). */
function parseResponses(text: string): Array<{ status: number; connection: string | undefined; body: string }> {
  const answers: Array<{ status: number; connection: string | undefined; body: string }> = [];
  let rest = text;
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) break;
    const [statusLine = '', ...headerLines] = rest.slice(0, end).split('\r\n');
    const headers = new Map(
      headerLines.map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
    );
    const length = Number(headers.get('content-length') ?? 0);
    answers.push({
      status: Number(statusLine.split(' ')[1]),
      connection: headers.get('connection'),
      body: rest.slice(end + 4, end + 4 + length),
    });
    rest = rest.slice(end + 4 + length);
  }
  return answers;
}

/** Waits until `count` log lines with message `msg` were written. */
async function waitForCount(child: Child, msg: string, count: number): Promise<void> {
  while (child.lines.filter((l) => l.msg === msg).length < count) {
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 20)), child.exited]);
    if (child.process.exitCode !== null) throw new Error(`the API exited before ${count} × ${msg}:\n${child.output()}`);
  }
}
