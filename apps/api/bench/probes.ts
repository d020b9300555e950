// Worker threads of the API benchmark (api.bench.ts), each with its own event loop, so that what they time is not
// delayed by the load generator on the main thread: a prober (GET /healthz back to back, and the API processes'
// memory from /proc/<pid>/status) and a writer (GraphQL mutations at a fixed rate, signed in as an ADMIN).
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export interface ProbeInput {
  kind: 'probe';
  /** e.g. http://127.0.0.1:4999 */
  base: string;
  /** API processes whose memory is sampled. */
  pids: number[];
  /** Pause between two /healthz requests. */
  gapMs: number;
}

export interface MemorySample {
  /** When (Date.now()). */
  t: number;
  rssKb: number;
}

export interface ProbeResult {
  /** /healthz latencies, ms (a failed request counts as its time and in `failures`). */
  health: number[];
  failures: number;
  /** Per pid: RSS samples every 100 ms, and VmHWM at the end (the peak since the probe reset it at its start). */
  memory: Array<{ pid: number; samples: MemorySample[]; hwmKb: number; hwmReset: boolean }>;
}

/** What a writer sends: the shape is built at send time (a delegation starts "now"). */
export type WriteOp =
  | {
      kind: 'createDelegation';
      ruleId: number;
      delegatorId: number;
      delegateId: number;
      unitId: number;
      limit: string;
    }
  | { kind: 'updateDelegation'; id: number; version: number }
  | { kind: 'revokeDelegation'; id: number }
  | { kind: 'updatePerson (phone)'; id: number; version: number; phone: string }
  | { kind: 'updateOrgUnit (name)'; id: number; version: number; name: string };

export interface WriterInput {
  kind: 'writer';
  url: string;
  token: string;
  ops: WriteOp[];
  /** Writes per second, started on schedule whether or not the previous one has answered (open loop). */
  rate: number;
  /** Delay before the first write, ms. */
  startAfterMs: number;
}

export interface WriteResult {
  kind: WriteOp['kind'];
  ms: number;
  ok: boolean;
  /** extensions.revision of the answer. */
  revision: string | null;
  /** SQL statements the API ran for it (x-sql-statements; NaN when the API does not say). */
  statements: number;
  /** The API's own time for it (Server-Timing app;dur), ms; NaN when the API does not say. */
  serverMs: number;
  error?: string;
}

/** The `app` duration of a Server-Timing header, ms (NaN without one). */
export function serverMsOf(header: string | null): number {
  const match = header ? /\bapp;dur=([\d.]+)/.exec(header) : null;
  return match ? Number(match[1]) : NaN;
}

type Input = ProbeInput | WriterInput;

export function mutationOf(op: WriteOp, now: Date): { query: string; variables: Record<string, unknown> } {
  switch (op.kind) {
    case 'createDelegation':
      return {
        query:
          'mutation($rule: ID!, $from: ID!, $to: ID!, $unit: ID!, $limit: Money!, $start: DateTime!) { ' +
          'createDelegation(sourceRuleId: $rule, delegatorId: $from, delegateId: $to, scopeOrgUnitId: $unit, ' +
          'decisionPoints: [ATB, ATC], grades: [II, III], limit: $limit, currency: "CNY", validFrom: $start, ' +
          'redelegableDepth: 1, reason: "Cover while the director travels") { id version } }',
        variables: {
          rule: String(op.ruleId),
          from: String(op.delegatorId),
          to: String(op.delegateId),
          unit: String(op.unitId),
          limit: op.limit,
          start: now.toISOString(),
        },
      };
    case 'updateDelegation':
      return {
        query:
          'mutation($id: ID!, $version: Int!, $to: DateTime!) { updateDelegation(id: $id, version: $version, ' +
          'validTo: $to, reason: "Shortened to the end of the quarter") { id version } }',
        variables: {
          id: String(op.id),
          version: op.version,
          to: new Date(now.getTime() + 90 * 86_400_000).toISOString(),
        },
      };
    case 'revokeDelegation':
      return {
        query: 'mutation($id: ID!) { revokeDelegation(id: $id, reason: "Moved to another team") { id } }',
        variables: { id: String(op.id) },
      };
    case 'updatePerson (phone)':
      return {
        query:
          'mutation($id: ID!, $version: Int!, $phone: String!) { updatePerson(id: $id, version: $version, ' +
          'phone: $phone) { id version } }',
        variables: { id: String(op.id), version: op.version, phone: op.phone },
      };
    case 'updateOrgUnit (name)':
      return {
        query:
          'mutation($id: ID!, $version: Int!, $name: String!) { updateOrgUnit(id: $id, version: $version, ' +
          'name: $name) { id version } }',
        variables: { id: String(op.id), version: op.version, name: op.name },
      };
  }
}

/** Sends one mutation; the answer must carry no error. */
export async function sendWrite(url: string, token: string, op: WriteOp): Promise<WriteResult> {
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(mutationOf(op, new Date())),
    });
    const body = (await res.json()) as { errors?: Array<{ message: string }>; extensions?: { revision?: string } };
    const ms = performance.now() - started;
    const revision = body.extensions?.revision ?? null;
    const statements = Number(res.headers.get('x-sql-statements') ?? NaN);
    const serverMs = serverMsOf(res.headers.get('server-timing'));
    if (body.errors?.length)
      return { kind: op.kind, ms, ok: false, revision, statements, serverMs, error: body.errors[0]?.message };
    return { kind: op.kind, ms, ok: true, revision, statements, serverMs };
  } catch (error) {
    const ms = performance.now() - started;
    return { kind: op.kind, ms, ok: false, revision: null, statements: NaN, serverMs: NaN, error: String(error) };
  }
}

function readStatus(pid: number): { rssKb: number; hwmKb: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

/** Resets the peak RSS the kernel keeps for a process (VmHWM): writing 5 to clear_refs. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function probe(input: ProbeInput): Promise<void> {
  let stopped = false;
  parentPort!.once('message', () => {
    stopped = true;
  });
  const memory = input.pids.map((pid) => ({
    pid,
    samples: [] as MemorySample[],
    hwmKb: NaN,
    hwmReset: resetPeak(pid),
  }));
  const sampleMemory = () => {
    for (const m of memory) {
      try {
        m.samples.push({ t: Date.now(), rssKb: readStatus(m.pid).rssKb });
      } catch {
        // the process ended
      }
    }
  };
  sampleMemory();
  const timer = setInterval(sampleMemory, 100);
  const health: number[] = [];
  let failures = 0;
  while (!stopped) {
    const t0 = performance.now();
    try {
      const res = await fetch(`${input.base}/healthz`);
      await res.arrayBuffer();
      if (!res.ok) failures += 1;
    } catch {
      failures += 1;
    }
    health.push(performance.now() - t0);
    await sleep(input.gapMs);
  }
  clearInterval(timer);
  sampleMemory();
  for (const m of memory) {
    try {
      m.hwmKb = readStatus(m.pid).hwmKb;
    } catch {
      // the process ended
    }
  }
  const result: ProbeResult = { health, failures, memory };
  parentPort!.postMessage(result);
}

async function write(input: WriterInput): Promise<void> {
  await sleep(input.startAfterMs);
  const start = performance.now();
  const pending: Array<Promise<WriteResult>> = [];
  for (let i = 0; i < input.ops.length; i++) {
    const due = start + (i * 1000) / input.rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(sendWrite(input.url, input.token, input.ops[i]!));
  }
  parentPort!.postMessage(await Promise.all(pending));
}

/** Starts this file in a worker thread (through tsx, as the benchmark itself runs). */
export function startWorker<R>(input: Input): { result: Promise<R>; stop: () => void } {
  const tsx = require.resolve('tsx/cjs/api', { paths: [__dirname] });
  const worker = new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(__filename)});`, {
    eval: true,
    workerData: input,
  });
  const result = new Promise<R>((resolve, reject) => {
    worker.once('message', (m: R) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
  return { result, stop: () => worker.postMessage('stop') };
}

if (!isMainThread && parentPort) {
  const input = workerData as Input;
  void (input.kind === 'probe' ? probe(input) : write(input));
}
