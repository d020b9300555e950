// Starts the real API (apps/api/dist/index.js) on a free port with a throw-away SQLite file and the demo seed.
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '../../../..');
export const API_ENTRY = process.env.E2E_API_ENTRY ?? path.join(REPO, 'apps/api/dist/index.js');
export const PORTAL_DIST = path.join(REPO, 'apps/admin/dist');
/** Where globalSetup leaves the running API's address and the operations it offers, for the test files. */
const STATE = path.join(REPO, 'apps/admin/e2e-artifacts/api-state.json');

interface ApiState {
  url: string;
  dataDir: string;
  pid: number;
  operations: string[];
}

function readState(): ApiState {
  if (!existsSync(STATE))
    throw new Error(`No running API recorded in ${STATE}: run the e2e tests through jest.e2e.config.cjs.`);
  return JSON.parse(readFileSync(STATE, 'utf8')) as ApiState;
}

/** The API that globalSetup started. */
export function connectApi(): RunningApi {
  const state = readState();
  return { url: state.url, dataDir: state.dataDir, logs: () => '', stop: async () => undefined };
}

export async function recordState(api: RunningApi, pid: number): Promise<void> {
  const data = await gql<{
    __schema: { queryType: { fields: Array<{ name: string }> }; mutationType: { fields: Array<{ name: string }> } };
  }>(api, null, '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
  const operations = [...data.__schema.queryType.fields, ...data.__schema.mutationType.fields].map((f) => f.name);
  mkdirSync(path.dirname(STATE), { recursive: true });
  writeFileSync(STATE, JSON.stringify({ url: api.url, dataDir: api.dataDir, pid, operations } satisfies ApiState));
}

export function clearState(): void {
  rmSync(STATE, { force: true });
}

export interface RunningApi {
  url: string;
  dataDir: string;
  pid?: number;
  logs: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, logs: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The API exited with code ${child.exitCode} before listening:\n${logs()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The API did not answer on ${url}/healthz within ${timeoutMs} ms:\n${logs()}`);
}

/** `logLevel`: the API's LOG_LEVEL (warn unless given; the sign-in profile reads its per-request timings at info). */
export async function startApi({ logLevel = 'warn' }: { logLevel?: string } = {}): Promise<RunningApi> {
  if (!existsSync(API_ENTRY))
    throw new Error(`No API build at ${API_ENTRY}: build apps/api first (or set E2E_API_ENTRY).`);
  if (!existsSync(path.join(PORTAL_DIST, 'index.html')))
    throw new Error(`No portal build at ${PORTAL_DIST}: run vite build in apps/admin first.`);
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'iron-triangle-e2e-'));
  const database = path.join(dataDir, 'e2e.sqlite');
  let output = '';
  const child = spawn(process.execPath, [API_ENTRY], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:${database}`,
      PORT: String(port),
      SEED_DEMO: 'true',
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      LOG_LEVEL: logLevel,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  const logs = () => output.slice(-4000);
  try {
    await waitUntilUp(url, child, logs, 90000);
  } catch (error) {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    dataDir,
    pid: child.pid,
    logs,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A GraphQL call as a signed-in demo user, for setting up data the UI then works with. */
export async function gql<T>(
  api: RunningApi,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const send = () =>
    fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  let response: Response;
  try {
    response = await send();
  } catch (error) {
    // A kept-alive socket the API closed while this process was busy (jest compiling the next file on a loaded
    // machine: the client's idle timer could not run) fails before the request is read: send it once more.
    if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
    response = await send();
  }
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as T;
}

// Each sign-in costs the API a password hash (~0.65 s of CPU): one token per user per e2e file (jest loads this module
// once per file). A sign-out in the portal ends the user's tokens, so a file that signs a user out asks for that
// user's token only afterwards (portal.e2e.test.ts); a stale one fails its call loudly, never passes silently.
const tokens = new Map<string, Promise<string>>();

export function tokenFor(api: RunningApi, email: string): Promise<string> {
  const key = `${api.url} ${email}`;
  let token = tokens.get(key);
  if (!token) {
    token = gql<{ login: { token: string } }>(
      api,
      null,
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: email, p: 'demo' },
    ).then((data) => data.login.token);
    // A failed sign-in is not kept: the next call tries again.
    token.catch(() => tokens.delete(key));
    tokens.set(key, token);
  }
  return token;
}
