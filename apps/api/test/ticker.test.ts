// The periodic runner: its jobs in order with the tick's moment, a failing job logged without stopping the others,
// ticks that never overlap, ticking by itself every interval once started, and a stop that waits for the tick.
import { Ticker, TickerJob } from '../src/platform/ticker';
import { createLogger } from '../src/platform/logger';

function recorder() {
  const lines: Array<Record<string, unknown>> = [];
  return { lines, logger: createLogger('debug', (line) => lines.push(JSON.parse(line))) };
}

test('runs every job in order with the same moment; a failure is logged and the next job still runs', async () => {
  const { lines, logger } = recorder();
  const seen: Array<[string, string]> = [];
  const job = (name: string, fail = false): TickerJob => ({
    name,
    run: async (at) => {
      seen.push([name, at.toISOString()]);
      if (fail) throw new Error(`${name} broke`);
    },
  });
  const ticker = new Ticker({ intervalMs: 0, jobs: [job('a'), job('b', true), job('c')], logger });
  const at = new Date('2030-01-01T00:00:00Z');
  expect(await ticker.tick(at)).toEqual(['b']);
  expect(seen).toEqual([
    ['a', at.toISOString()],
    ['b', at.toISOString()],
    ['c', at.toISOString()],
  ]);
  expect(lines.filter((l) => l.msg === 'tick job failed')).toEqual([
    expect.objectContaining({ job: 'b', error: 'b broke', at: at.toISOString() }),
  ]);
  expect(ticker.jobNames).toEqual(['a', 'b', 'c']);
});

test('two ticks asked at once run one after the other, never overlapping', async () => {
  let running = 0;
  let most = 0;
  const ticker = new Ticker({
    intervalMs: 0,
    logger: recorder().logger,
    jobs: [
      {
        name: 'slow',
        run: async () => {
          running += 1;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, 20));
          running -= 1;
        },
      },
    ],
  });
  await Promise.all([ticker.tick(), ticker.tick(), ticker.tick()]);
  expect(most).toBe(1);
});

test('started, it ticks by itself; stopped, it waits for the tick in progress and ticks no more', async () => {
  const moments: Date[] = [];
  let release: () => void = () => undefined;
  let entered: () => void = () => undefined;
  const inTick = new Promise<void>((resolve) => (entered = resolve));
  const clock = () => new Date(Date.UTC(2030, 0, 1, 0, 0, moments.length));
  const ticker = new Ticker({
    intervalMs: 5,
    clock,
    logger: recorder().logger,
    jobs: [
      {
        name: 'held',
        run: async (at) => {
          moments.push(at);
          entered();
          await new Promise<void>((resolve) => (release = resolve));
        },
      },
    ],
  });
  ticker.start();
  await inTick;
  let stopped = false;
  const stopping = ticker.stop().then(() => (stopped = true));
  await new Promise((resolve) => setImmediate(resolve));
  expect(stopped).toBe(false);
  release();
  await stopping;
  expect(moments).toEqual([new Date('2030-01-01T00:00:00.000Z')]);
  // No tick after the stop.
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(moments.length).toBe(1);
});

test('an interval of 0 never ticks by itself', async () => {
  let ran = 0;
  const ticker = new Ticker({
    intervalMs: 0,
    logger: recorder().logger,
    jobs: [{ name: 'x', run: async () => void (ran += 1) }],
  });
  ticker.start();
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(ran).toBe(0);
  await ticker.stop();
});
