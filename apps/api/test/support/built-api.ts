// The built API (dist/index.js, what `npm start` runs) as a child process on a suite's database, with its log lines.
import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { TestEnv } from './databases';

const API_DIR = path.join(__dirname, '..', '..');
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
export function builtEntry(): string {
  if (!existsSync(ENTRY)) throw new Error(`apps/api/dist/index.js does not exist: build the API first (${BUILD}).`);
  const src = newestMtime(path.join(API_DIR, 'src'));
  const dist = newestMtime(path.join(API_DIR, 'dist'));
  if (src > dist)
    throw new Error(
      `apps/api/dist is older than apps/api/src (built ${new Date(dist).toISOString()}, changed ` +
        `${new Date(src).toISOString()}): rebuild it (${BUILD}).`,
    );
  return ENTRY;
}

export async function freePort(): Promise<number> {
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
export function connect(port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve('CONNECTED');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

export interface Child {
  process: ChildProcess;
  lines: Array<Record<string, unknown>>;
  output: () => string;
  /** Resolves with the first log line matching, or rejects after `ms`. */
  waitFor(msg: string | RegExp, ms?: number): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the built API on `env`'s database (NODE_ENV=test, HOST=127.0.0.1, no demo seed); `overrides` replace
 * variables, and an undefined value removes one (e.g. HOST, to see the default).
 */
export function start(env: TestEnv, port: number, overrides: Record<string, string | undefined> = {}): Child {
  const db = env.config.database;
  const variables: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: db.kind === 'sqlite' ? `sqlite:${db.file}` : db.url,
    DATA_DIR: env.config.dataDir,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
    TOKEN_SECRET: env.config.tokenSecret,
    ...overrides,
  };
  const child = spawn(process.execPath, [builtEntry()], {
    cwd: API_DIR,
    env: Object.fromEntries(
      Object.entries(variables).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  let raw = '';
  const waiters: Array<{
    match: (l: Record<string, unknown>) => boolean;
    resolve: (l: Record<string, unknown>) => void;
  }> = [];
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
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    process: child,
    lines,
    output: () => raw,
    exited,
    // Generous: a loaded two-core machine (CI runs two lanes) has taken over 15 s to start the built API.
    waitFor(msg, ms = 60_000) {
      const match = (l: Record<string, unknown>) => (typeof msg === 'string' ? l.msg === msg : msg.test(String(l.msg)));
      const seen = lines.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no log line ${String(msg)} within ${ms} ms; output so far:\n${raw}`)),
          ms,
        );
        waiters.push({
          match,
          resolve: (l) => {
            clearTimeout(timer);
            resolve(l);
          },
        });
        void exited.then(({ code }) =>
          reject(new Error(`the API exited (${code}) before logging ${String(msg)}; output:\n${raw}`)),
        );
      });
    },
  };
}
