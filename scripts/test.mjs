#!/usr/bin/env node
// `npm test`: lint, the format check, type checks, every test suite and the end-to-end tests, on two lanes (the
// machines this runs on have two cores). Tasks start longest-path first: the API's integration suites (the longest
// task) start as soon as the domain is built, and the builds the end-to-end tests need go first on the other lane;
// the short tasks fill the gaps. Each line of output is prefixed with its task; a table of the tasks' times closes
// the run. The exit status is non-zero when any task failed (the others still run, so one run shows every failure).
//
// TEST_LANES sets the number of lanes (default 2); TEST_ONLY=a,b runs only the named tasks (and what they need).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const lanes = Math.max(1, Number(process.env.TEST_LANES ?? 2));
const ws = (pkg, script) => `npm run --silent ${script} -w @iron-triangle/${pkg}`;

/**
 * Every task: its command, what must be done before it, and the seconds it took on a quiet two-core machine
 * (rounded; they only order the work).
 */
const TASKS = {
  'config:build': { run: ws('config', 'build'), needs: [], secs: 5 },
  'domain:build': { run: ws('domain', 'build'), needs: [], secs: 10 },
  'api:build': { run: ws('api', 'build'), needs: ['domain:build', 'config:build'], secs: 40 },
  'admin:build': { run: ws('admin', 'build'), needs: ['domain:build', 'config:build'], secs: 60 },
  format: { run: 'npm run --silent check:format', needs: [], secs: 20 },
  'config:lint': { run: ws('config', 'lint'), needs: [], secs: 5 },
  'domain:lint': { run: ws('domain', 'lint'), needs: [], secs: 20 },
  'api:lint': { run: ws('api', 'lint'), needs: ['domain:build', 'config:build'], secs: 60 },
  'admin:lint': { run: ws('admin', 'lint'), needs: ['domain:build', 'config:build'], secs: 60 },
  'config:typecheck': { run: ws('config', 'typecheck'), needs: [], secs: 5 },
  'domain:typecheck': { run: ws('domain', 'typecheck'), needs: [], secs: 15 },
  'api:typecheck': { run: ws('api', 'typecheck'), needs: ['domain:build', 'config:build'], secs: 40 },
  'admin:typecheck': { run: ws('admin', 'typecheck'), needs: ['domain:build', 'config:build'], secs: 40 },
  'config:test': { run: ws('config', 'test'), needs: [], secs: 5 },
  'domain:test': { run: ws('domain', 'test'), needs: [], secs: 120 },
  // The API's suites start the built API too (what `npm start` runs): they need its build. They are the longest
  // work: three shards of about equal time (apps/api/jest.sequencer.cjs), so that both lanes end together.
  ...Object.fromEntries(
    [1, 2, 3].map((i) => [
      `api:test:${i}`,
      { run: `${ws('api', 'test')} -- --shard=${i}/3`, needs: ['api:build'], secs: 240 },
    ]),
  ),
  'admin:test': { run: ws('admin', 'test'), needs: ['domain:build', 'config:build'], secs: 120 },
  'admin:e2e': { run: ws('admin', 'test:e2e'), needs: ['admin:build', 'api:build'], secs: 450 },
};

function selected() {
  const only = (process.env.TEST_ONLY ?? '').split(',').filter(Boolean);
  if (only.length === 0) return Object.keys(TASKS);
  const out = new Set();
  const add = (name) => {
    // A group's name (api:test) stands for its tasks (api:test:1, …).
    const group = Object.keys(TASKS).filter((task) => task.startsWith(`${name}:`) && !TASKS[name]);
    if (group.length > 0) return group.forEach(add);
    if (!TASKS[name]) throw new Error(`TEST_ONLY: no task ${name} (tasks: ${Object.keys(TASKS).join(', ')})`);
    if (out.has(name)) return;
    out.add(name);
    TASKS[name].needs.forEach(add);
  };
  only.forEach(add);
  return [...out];
}

const names = selected();
// Priority: the task's own time plus the longest chain of tasks waiting for it.
const priority = new Map();
function rank(name) {
  if (priority.has(name)) return priority.get(name);
  const after = names.filter((n) => TASKS[n].needs.includes(name)).map(rank);
  const value = TASKS[name].secs + Math.max(0, ...after);
  priority.set(name, value);
  return value;
}
names.forEach(rank);

const state = new Map(names.map((n) => [n, 'waiting']));
const results = [];
const started = performance.now();
const clock = () => ((performance.now() - started) / 1000).toFixed(0).padStart(5);

function prefixLines(name, stream, out) {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) out.write(`${name}: ${line}\n`);
  });
  stream.on('end', () => {
    if (rest) out.write(`${name}: ${rest}\n`);
  });
}

function runTask(name) {
  state.set(name, 'running');
  const t0 = performance.now();
  console.log(`[test] ${clock()} s  start ${name}`);
  return new Promise((resolve) => {
    const child = spawn(TASKS[name].run, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    prefixLines(name, child.stdout, process.stdout);
    prefixLines(name, child.stderr, process.stderr);
    child.on('close', (code, signal) => {
      const secs = (performance.now() - t0) / 1000;
      const ok = code === 0;
      state.set(name, ok ? 'done' : 'failed');
      results.push({ name, ok, secs, start: (t0 - started) / 1000 });
      console.log(
        `[test] ${clock()} s  ${ok ? 'done' : 'FAILED'} ${name} (${secs.toFixed(0)} s${signal ? `, ${signal}` : ''})`,
      );
      resolve();
    });
  });
}

function nextReady() {
  const ready = names.filter(
    (n) => state.get(n) === 'waiting' && TASKS[n].needs.every((d) => !state.has(d) || state.get(d) === 'done'),
  );
  ready.sort((a, b) => priority.get(b) - priority.get(a));
  // A task that only waits for work already running, and matters more than anything ready, is worth waiting for
  // (e.g. the portal's build, and after it the end-to-end tests, while the domain builds): the lane stays free.
  const soon = names.filter(
    (n) =>
      state.get(n) === 'waiting' &&
      TASKS[n].needs.every((d) => !state.has(d) || state.get(d) === 'done' || state.get(d) === 'running') &&
      !ready.includes(n),
  );
  const best = ready[0];
  if (best && soon.some((n) => priority.get(n) > priority.get(best))) return undefined;
  return best;
}

function blocked() {
  // A task whose prerequisite failed cannot run: mark it so, and what waits on it.
  let changed = true;
  while (changed) {
    changed = false;
    for (const n of names) {
      if (state.get(n) !== 'waiting') continue;
      if (TASKS[n].needs.some((d) => state.get(d) === 'failed' || state.get(d) === 'skipped')) {
        state.set(n, 'skipped');
        results.push({ name: n, ok: false, secs: 0, start: null });
        console.log(`[test] ${clock()} s  not run ${n}: a task it needs failed`);
        changed = true;
      }
    }
  }
}

async function lane() {
  for (;;) {
    blocked();
    const name = nextReady();
    if (name) {
      await runTask(name);
      continue;
    }
    if (![...state.values()].some((s) => s === 'waiting' || s === 'running')) return;
    // Something is still running that the rest needs: look again shortly.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

await Promise.all(Array.from({ length: lanes }, lane));

const total = (performance.now() - started) / 1000;
console.log(`\n[test] ${results.length} tasks on ${lanes} lanes in ${total.toFixed(0)} s:`);
for (const r of [...results].sort((a, b) => (a.start ?? 1e9) - (b.start ?? 1e9))) {
  const when = r.start === null ? '    -' : r.start.toFixed(0).padStart(5);
  const status = r.ok ? 'ok    ' : r.start === null ? 'not run' : 'FAILED';
  console.log(`[test] ${status} ${when} s + ${r.secs.toFixed(0).padStart(4)} s  ${r.name}`);
}
const failed = results.filter((r) => !r.ok);
if (failed.length > 0) {
  console.log(`[test] failed: ${failed.map((r) => r.name).join(', ')}`);
  process.exit(1);
}
