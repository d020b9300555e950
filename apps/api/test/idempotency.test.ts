// The Idempotency-Key header (issue #10, class 4b), over HTTP on both databases: a mutation runs once per caller
// and key, its answer is replayed byte for byte, another payload is refused, callers are independent, and
// simultaneous duplicates run once.
import { describeOnDatabases, TestEnv } from './support/databases';
import { Customer } from '../src/modules/customer/customer.entity';
import { IDEMPOTENCY_TABLE } from '../src/platform/idempotency';

const CREATE = `mutation($name: String!) { createCustomer(name: $name, tier: B, orgUnitId: "ORG") { id name version }
  }`;

interface Raw {
  status: number;
  headers: Headers;
  text: string;
  json: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}

describeOnDatabases('Idempotency-Key header', (env) => {
  let e: TestEnv;
  let apiToken: string;
  let create: string;
  beforeAll(async () => {
    e = env();
    create = CREATE.replace('ORG', String(e.fixture.units.east));
    const made = await e.gql<{ createApiToken: { secret: string } }>(
      `mutation { createApiToken(name: "CRM", scopes: ["read", "write:org"]) { secret } }`,
      {},
      { token: e.tokens.admin },
    );
    apiToken = made.body.data!.createApiToken.secret;
  });

  /** A raw POST: the exact body text, status and headers. */
  const post = async (
    body: Record<string, unknown>,
    key: string | null,
    token: string | null = e.tokens.admin,
  ): Promise<Raw> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (key !== null) headers['idempotency-key'] = key;
    const res = await fetch(e.url, { method: 'POST', headers, body: JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: JSON.parse(text) };
  };
  const customers = (name: string) => e.dataSource.manager.countBy(Customer, { name });
  const code = (r: Raw) => r.json.errors?.[0]?.extensions?.code;

  test('a repeat returns the identical answer without running again', async () => {
    const first = await post({ query: create, variables: { name: 'Replay Ltd' } }, 'replay-1');
    expect(first.status).toBe(200);
    expect(first.json.errors).toBeUndefined();
    const again = await post({ query: create, variables: { name: 'Replay Ltd' } }, 'replay-1');
    expect(again.status).toBe(first.status);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    // Variables in another key order are the same request.
    const reordered = await post({ variables: { name: 'Replay Ltd' }, query: create }, 'replay-1');
    expect(reordered.text).toBe(first.text);
    expect(await customers('Replay Ltd')).toBe(1);
    // Committed together with the mutation: the claim knows it was carried out.
    const [row] = await e.dataSource
      .createQueryBuilder()
      .select('r.committedAt', 'committedAt')
      .addSelect('r.state', 'state')
      .from(IDEMPOTENCY_TABLE, 'r')
      .where('r.idempotencyKey = :k', { k: 'replay-1' })
      .getRawMany();
    expect(row.state).toBe('DONE');
    expect(row.committedAt).not.toBeNull();
    // Without the header, the same mutation runs again.
    await post({ query: create, variables: { name: 'Replay Ltd' } }, null);
    expect(await customers('Replay Ltd')).toBe(2);
  });

  test('the same key with another payload is refused with IDEMPOTENCY_KEY_REUSED, nothing runs', async () => {
    await post({ query: create, variables: { name: 'Payload A' } }, 'payload-1');
    const other = await post({ query: create, variables: { name: 'Payload B' } }, 'payload-1');
    expect(other.status).toBe(422);
    expect(other.json.errors![0]!.extensions).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      recordType: 'Request',
      recordId: 'payload-1',
    });
    expect(await customers('Payload B')).toBe(0);
    // Another operation under the key is another payload too.
    const otherOperation = await post(
      { query: `mutation { createOrgUnit(code: "X-1", name: "X", kind: "OTHER") { id } }` },
      'payload-1',
    );
    expect(code(otherOperation)).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  test('callers are independent: the same key from another caller runs for that caller', async () => {
    const byAdmin = await post({ query: create, variables: { name: 'Two Callers' } }, 'callers-1');
    const byToken = await post({ query: create, variables: { name: 'Two Callers' } }, 'callers-1', apiToken);
    expect(byToken.json.errors).toBeUndefined();
    expect(byToken.headers.get('idempotent-replayed')).toBeNull();
    expect(byToken.text).not.toBe(byAdmin.text);
    expect(await customers('Two Callers')).toBe(2);
    // And each replays its own answer.
    expect((await post({ query: create, variables: { name: 'Two Callers' } }, 'callers-1', apiToken)).text).toBe(
      byToken.text,
    );
    expect((await post({ query: create, variables: { name: 'Two Callers' } }, 'callers-1')).text).toBe(byAdmin.text);
    expect(await customers('Two Callers')).toBe(2);
  });

  test('key format: 1–200 visible ASCII characters, else BAD_USER_INPUT; queries ignore the header', async () => {
    for (const bad of ['has space', 'x'.repeat(201), 'caf\u00e9']) {
      const res = await fetch(e.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${e.tokens.admin}`,
          'idempotency-key': bad,
        },
        body: JSON.stringify({ query: create, variables: { name: 'Bad Key' } }),
      });
      const json = (await res.json()) as Raw['json'];
      expect([bad, res.status]).toEqual([bad, 400]);
      expect(json.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: { 'Idempotency-Key': expect.any(String) },
      });
    }
    expect(await customers('Bad Key')).toBe(0);
    expect(
      (await post({ query: create, variables: { name: 'Max Key' } }, 'k'.repeat(200))).json.errors,
    ).toBeUndefined();
    const query = await post({ query: '{ allCustomers(perPage: 1) { id } }' }, 'has space');
    expect(query.status).toBe(200);
    expect(query.json.errors).toBeUndefined();
  });

  test('a failed mutation is not kept: a retry with the key runs again', async () => {
    const failing = `mutation { createCustomer(name: "Late Parent", tier: B, orgUnitId: "999999") { id } }`;
    const failed = await post({ query: failing }, 'retry-1');
    expect(failed.json.errors).toBeDefined();
    // Nothing was written, so the key is free: the corrected request runs.
    const corrected = await post({ query: create, variables: { name: 'Late Parent' } }, 'retry-1');
    expect(corrected.json.errors).toBeUndefined();
    expect(await customers('Late Parent')).toBe(1);
  });

  test('expired keys may be used again; an abandoned claim is taken over only when it wrote nothing', async () => {
    const first = await post({ query: create, variables: { name: 'Expiring' } }, 'expire-1');
    expect(first.json.errors).toBeUndefined();
    const table = () =>
      e.dataSource.createQueryBuilder().update(IDEMPOTENCY_TABLE).where('idempotencyKey = :k', { k: 'expire-1' });
    await table()
      .set({ expiresAt: Date.now() - 1 })
      .execute();
    const reused = await post({ query: create, variables: { name: 'Expiring 2' } }, 'expire-1');
    expect(reused.json.errors).toBeUndefined();
    expect(await customers('Expiring 2')).toBe(1);
    // Its process died after COMMIT, before the answer was stored: never run again.
    await table()
      .set({ state: 'RUNNING', body: null, status: null, leaseUntil: Date.now() - 1 })
      .execute();
    const lost = await post({ query: create, variables: { name: 'Expiring 2' } }, 'expire-1');
    expect(lost.status).toBe(409);
    expect(lost.json.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', executed: true });
    expect(await customers('Expiring 2')).toBe(1);
    // Its process died before anything committed: a retry takes over and runs it.
    await table().set({ committedAt: null }).execute();
    const takenOver = await post({ query: create, variables: { name: 'Expiring 2' } }, 'expire-1');
    expect(takenOver.json.errors).toBeUndefined();
    expect(await customers('Expiring 2')).toBe(2);
    // Still running (lease not passed): CONFLICT, retry later.
    await table()
      .set({ state: 'RUNNING', leaseUntil: Date.now() + 60_000 })
      .execute();
    const running = await post({ query: create, variables: { name: 'Expiring 2' } }, 'expire-1');
    expect(running.status).toBe(409);
    expect(running.headers.get('retry-after')).toBe('1');
    expect(running.json.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', inProgress: true });
    expect(await customers('Expiring 2')).toBe(2);
  });

  test('simultaneous duplicates run once (40 rounds on MariaDB)', async () => {
    const rounds = e.kind === 'mariadb' ? 40 : 10;
    let violations = 0;
    let replays = 0;
    let inProgress = 0;
    for (let round = 0; round < rounds; round++) {
      const name = `Concurrent ${round}`;
      const answers = await Promise.all(
        [0, 1, 2].map(() => post({ query: create, variables: { name } }, `concurrent-${round}`)),
      );
      const ran = answers.filter(
        (a) => a.status === 200 && a.json.errors === undefined && a.headers.get('idempotent-replayed') === null,
      );
      const replayed = answers.filter((a) => a.headers.get('idempotent-replayed') === 'true');
      const busy = answers.filter((a) => a.status === 409 && a.json.errors?.[0]?.extensions?.inProgress === true);
      replays += replayed.length;
      inProgress += busy.length;
      const sameAnswer = replayed.every((a) => a.text === ran[0]?.text);
      if (
        (await customers(name)) !== 1 ||
        ran.length !== 1 ||
        ran.length + replayed.length + busy.length !== 3 ||
        !sameAnswer
      )
        violations += 1;
    }
    expect(violations).toBe(0);
    expect(replays + inProgress).toBe(rounds * 2);
  });
});
