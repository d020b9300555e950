// SIGTERM drains: the built API (dist/index.js) runs as a child process on the suite's database; a request is held
// in flight (the NODE_ENV=test hold, see src/server.ts), SIGTERM arrives, and then: new connections are refused, the
// held request still reads the database and answers 200, and the process exits with 0.
import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describeOnDatabases, TestEnv } from './support/databases';

const API_DIR = path.join(__dirname, '..');
const ENTRY = path.join(API_DIR, 'dist', 'index.js');
const BUILD = 'npx turbo run build --filter=@iron-triangle/api';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** The built entry point; a missing or stale build fails the test (it tests what `npm start` runs). */
function builtEntry(): string {
  if (!existsSync(ENTRY)) throw new Error(`apps/api/dist/index.js does not exist: build the API first (${BUILD}).`);
  const src = newestMtime(path.join(API_DIR, 'src'));
  const dist = newestMtime(path.join(API_DIR, 'dist'));
  if (src > dist) throw new Error(`apps/api/dist is older than apps/api/src (built ${new Date(dist).toISOString()}, changed ${new Date(src).toISOString()}): rebuild it (${BUILD}).`);
  return ENTRY;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves with the error code of a TCP connection attempt, or 'CONNECTED'. */
function connect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('CONNECTED');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

interface Child {
  process: ChildProcess;
  lines: Array<Record<string, unknown>>;
  output: () => string;
  /** Resolves with the first log line matching, or rejects after `ms`. */
  waitFor(msg: string | RegExp, ms?: number): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(env: TestEnv, port: number): Child {
  const db = env.config.database;
  const child = spawn(process.execPath, [builtEntry()], {
    cwd: API_DIR,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: db.kind === 'sqlite' ? `sqlite:${db.file}` : db.url,
      DATA_DIR: env.config.dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      TOKEN_SECRET: env.config.tokenSecret,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  let raw = '';
  const waiters: Array<{ match: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }> = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    raw += chunk.toString();
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const text = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        line = { msg: text };
      }
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.match(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    raw += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    process: child,
    lines,
    output: () => raw,
    exited,
    waitFor(msg, ms = 15_000) {
      const match = (l: Record<string, unknown>) => (typeof msg === 'string' ? l.msg === msg : msg.test(String(l.msg)));
      const seen = lines.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no log line ${String(msg)} within ${ms} ms; output so far:\n${raw}`)), ms);
        waiters.push({
          match,
          resolve: (l) => {
            clearTimeout(timer);
            resolve(l);
          },
        });
        void exited.then(({ code }) => reject(new Error(`the API exited (${code}) before logging ${String(msg)}; output:\n${raw}`)));
      });
    },
  };
}

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
    const post = (query: string, headers: Record<string, string> = {}) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

    const login = await post(`mutation { login(email: "admin@test.local", password: "${e.fixture.password}") { token } }`);
    const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;

    // Held for 1.5 s before it runs; it reads the database after SIGTERM has arrived.
    const inFlight = post('{ _allPeopleMeta { count } }', { authorization: `Bearer ${token}`, 'x-test-hold-ms': '1500' });
    const held = await child.waitFor('test hold: request held');
    const sentAt = Date.now();
    child.process.kill('SIGTERM');
    await child.waitFor(/^stopping: no new connections/);
    expect(await connect(port)).toBe('ECONNREFUSED');
    expect(child.process.exitCode).toBeNull();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(held.requestId);
    expect(await response.json()).toEqual({ data: { _allPeopleMeta: { count: 3 } } });
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
});
