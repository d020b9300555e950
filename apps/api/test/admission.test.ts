// Admission control for reads (issue #13, platform/admission.ts): at most READ_CONCURRENCY queries execute at once,
// the others wait in order; mutations and the health endpoints are served while reads wait.
import { isRead, ReadAdmission, READS_WHILE_WRITING, Release } from '../src/platform/admission';
import { describeOnDatabases } from './support/databases';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ReadAdmission', () => {
  test('admits up to the limit at once, then in arrival order as permits end', async () => {
    const admission = new ReadAdmission(2);
    const order: number[] = [];
    const releases: Release[] = [];
    const waiters = [0, 1, 2, 3, 4].map((i) =>
      admission.acquire().then((release) => {
        order.push(i);
        releases.push(release);
      }),
    );
    await tick();
    expect(order).toEqual([0, 1]);
    expect(admission.stats()).toMatchObject({ admitted: 2, queued: 3, running: 2, waiting: 3, maxWaiting: 3 });
    releases[1]!();
    releases[1]!(); // a second release of the same permit does nothing
    await tick();
    expect(order).toEqual([0, 1, 2]);
    expect(admission.stats()).toMatchObject({ running: 2, waiting: 2 });
    releases[0]!();
    releases[2]!();
    await tick();
    expect(order).toEqual([0, 1, 2, 3, 4]);
    releases[3]!();
    releases[4]!();
    await Promise.all(waiters);
    expect(admission.stats()).toMatchObject({ admitted: 2, queued: 3, running: 0, waiting: 0 });
  });

  test('a full queue refuses; no limit admits everything at once', async () => {
    const limited = new ReadAdmission(1, 2);
    const first = await limited.acquire();
    void limited.acquire();
    expect(limited.full()).toBe(false);
    void limited.acquire();
    expect(limited.full()).toBe(true);
    first();
    expect(limited.full()).toBe(false);

    const open = new ReadAdmission(0);
    const permits = await Promise.all(Array.from({ length: 50 }, () => open.acquire()));
    expect(open.stats()).toMatchObject({ admitted: 50, queued: 0, running: 50, waiting: 0 });
    expect(open.full()).toBe(false);
    for (const release of permits) release();
    expect(open.stats().running).toBe(0);
  });

  test('while a write is handled, reads are admitted one at a time; after it, up to the limit again', async () => {
    expect(READS_WHILE_WRITING).toBe(1);
    const admission = new ReadAdmission(4);
    const order: number[] = [];
    const releases = new Map<number, Release>();
    const ask = (i: number) =>
      admission.acquire().then((release) => {
        order.push(i);
        releases.set(i, release);
      });
    // Three reads running when a write arrives: they go on; no other read starts until only one runs.
    const asked = [ask(0), ask(1), ask(2)];
    await tick();
    const ended = admission.writeStarted();
    asked.push(ask(3), ask(4), ask(5));
    await tick();
    expect(order).toEqual([0, 1, 2]);
    releases.get(0)!();
    releases.get(1)!();
    await tick();
    expect(order).toEqual([0, 1, 2]);
    expect(admission.stats()).toMatchObject({ running: 1, waiting: 3 });
    // The last of them ends: the next read takes its permit over, alone.
    releases.get(2)!();
    await tick();
    expect(order).toEqual([0, 1, 2, 3]);
    expect(admission.stats()).toMatchObject({ running: 1, waiting: 2 });
    // The write is answered: the waiting reads are admitted up to the limit (a second end does nothing).
    ended();
    ended();
    await tick();
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(admission.stats()).toMatchObject({ running: 3, waiting: 0 });
    for (const i of [3, 4, 5]) releases.get(i)!();
    await Promise.all(asked);
    expect(admission.stats()).toMatchObject({ running: 0, waiting: 0 });
    // Without a limit, writes change nothing.
    const open = new ReadAdmission(0);
    const end = open.writeStarted();
    const permits = await Promise.all(Array.from({ length: 5 }, () => open.acquire()));
    expect(open.stats()).toMatchObject({ running: 5, waiting: 0 });
    end();
    for (const release of permits) release();
  });

  test('without write priority (READ_WRITE_PRIORITY=false), reads go on up to the limit during a write', async () => {
    const admission = new ReadAdmission(4, 1000, false);
    const ended = admission.writeStarted();
    const permits = await Promise.all(Array.from({ length: 4 }, () => admission.acquire()));
    expect(admission.stats()).toMatchObject({ running: 4, waiting: 0, queued: 0 });
    const fifth = admission.acquire();
    await tick();
    expect(admission.stats()).toMatchObject({ running: 4, waiting: 1 });
    permits[0]!();
    const release = await fifth;
    expect(admission.stats()).toMatchObject({ running: 4, waiting: 0 });
    ended();
    for (const r of [...permits.slice(1), release]) r();
    expect(admission.stats()).toMatchObject({ running: 0, waiting: 0 });
  });
});

test('a document with the word mutation anywhere counts as a write; anything else as a read', () => {
  expect(isRead('{ authorize(input: $i) { allowed } }')).toBe(true);
  expect(isRead('query q { people { id } } # no mutations here')).toBe(true);
  expect(isRead('query q { people { id } } # a mutation? no')).toBe(false);
  expect(isRead(undefined)).toBe(true);
  expect(isRead('mutation { updatePerson(id: 1, version: 1) { id } }')).toBe(false);
  expect(isRead('query a { x } mutation b { y }')).toBe(false);
  expect(isRead('query { x(text: "a mutation") }')).toBe(false);
});

describeOnDatabases(
  'read admission (READ_CONCURRENCY=1)',
  (env) => {
    test('a write and /healthz are served while 20 reads wait; the reads are then answered', async () => {
      const e = env();
      const admission = e.server.admission;
      expect(admission.limit).toBe(1);
      const person = e.fixture.people.east1;
      const read = await e.gql<{ Person: { version: number } }>(
        `{ Person(id: "${person}") { version } }`,
        {},
        {
          token: e.tokens.admin,
        },
      );
      const version = read.body.data!.Person.version;
      // The one permit is taken: every query waits.
      const hold = await admission.acquire();
      const before = admission.stats();
      const reads = Array.from({ length: 20 }, () =>
        e.gql<{ Person: { id: string; version: number } }>(
          `{ Person(id: "${person}") { id version } }`,
          {},
          {
            token: e.tokens.admin,
          },
        ),
      );
      let settled = 0;
      for (const r of reads) void r.then(() => (settled += 1));
      while (admission.stats().waiting < 20) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(admission.stats().queued - before.queued).toBe(20);

      const current = await e.gql<{ Person: { version: number } }>(
        `mutation { updatePerson(id: "${person}", version: ${version}, phone: "+86 21 5555 0199") { version } }`,
        {},
        { token: e.tokens.admin },
      );
      expect(current.body.errors).toBeUndefined();
      expect(current.body.data).toEqual({ updatePerson: { version: version + 1 } });
      const health = await fetch(e.url.replace(/\/graphql$/, '/healthz'));
      expect(health.status).toBe(200);
      // Still every read waiting, none answered.
      expect(admission.stats()).toMatchObject({ running: 1, waiting: 20 });
      expect(settled).toBe(0);

      hold();
      const answers = await Promise.all(reads);
      // Executed after the write: they see it.
      for (const a of answers) expect(a.body.data).toEqual({ Person: { id: String(person), version: version + 1 } });
      expect(admission.stats()).toMatchObject({ running: 0, waiting: 0 });
      expect(admission.stats().maxWaiting).toBeGreaterThanOrEqual(20);
    });
  },
  { env: { READ_CONCURRENCY: '1' } },
);
