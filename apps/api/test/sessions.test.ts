// Sign-in and sessions (issue #10, class 6): attempts counted atomically in the database per account and per
// client address, logout, sessions ended by a password or role change, strict token parsing, the password policy
// and the scrypt cost with its rehash at sign-in. Requests come over real HTTP, each burst from its own loopback
// address (127.0.x.y; the server counts the socket's remote address).
import { createHash } from 'node:crypto';
import http from 'node:http';
import { hashPassword, PASSWORD_COST, signSession } from '../src/platform/passwords';
import { User } from '../src/modules/user/user.entity';
import { describeOnDatabases, TestEnv } from './support/databases';

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** POST /graphql from a chosen local address (a fresh connection per request). */
function post(
  e: TestEnv,
  query: string,
  variables: Record<string, unknown>,
  options: { from?: string; token?: string } = {},
): Promise<Answer> {
  const url = new URL(e.url);
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent: false,
        localAddress: options.from ?? '127.0.0.1',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, ...(JSON.parse(text) as object) });
          } catch (error) {
            reject(new Error(`not JSON (${res.statusCode}): ${text.slice(0, 200)} ${String(error)}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const code = (a: Answer) => (a.errors ? a.errors[0]?.extensions?.code : 'OK');
const tokenOf = (a: Answer) => (a.data?.login as { token?: string } | undefined)?.token;

let seq = 0;
/** A fresh loopback address for one burst, so bursts do not share an address budget. */
const nextAddress = () => {
  seq += 1;
  return `127.0.${1 + Math.floor(seq / 250)}.${1 + (seq % 250)}`;
};

const GOOD_PASSWORD = 'correct horse battery staple 7';

async function makeUser(
  e: TestEnv,
  email: string,
  password = GOOD_PASSWORD,
  cost = 1024,
  role = 'VIEWER',
): Promise<number> {
  const now = new Date();
  const inserted = await e.dataSource.manager.insert(User, {
    email,
    passwordHash: await hashPassword(password, cost),
    role,
    personId: null,
    lastLoginAt: null,
    archivedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
  return Number(inserted.identifiers[0]?.id);
}

async function attemptsOf(e: TestEnv, kind: 'account' | 'address', key: string): Promise<number> {
  const bucket = createHash('sha256').update(`${kind}:${key}`).digest('hex');
  const rows = (await e.dataSource.query('SELECT attempts FROM login_throttle WHERE bucket = ?', [bucket])) as Array<{
    attempts: number | string;
  }>;
  return rows[0] ? Number(rows[0].attempts) : 0;
}

async function storedHash(e: TestEnv, id: number): Promise<string> {
  return (await e.dataSource.manager.findOneByOrFail(User, { id })).passwordHash;
}

describeOnDatabases('sign-in throttle and sessions', (env) => {
  test(
    '50 parallel wrong passwords for one account: at most 5 are ' +
      'checked, the rest RATE_LIMITED (rounds on each database)',
    async () => {
      const e = env();
      const rounds = e.kind === 'mariadb' ? 40 : 10;
      let violations = 0;
      for (let round = 0; round < rounds; round++) {
        const email = `burst-${round}@test.local`;
        await makeUser(e, email);
        const from = nextAddress();
        const answers = await Promise.all(
          Array.from({ length: 50 }, () => post(e, LOGIN, { e: email, p: 'wrong password!' }, { from })),
        );
        const checked = answers.filter((a) => code(a) === 'UNAUTHENTICATED').length;
        const limited = answers.filter((a) => code(a) === 'RATE_LIMITED');
        const recorded = await attemptsOf(e, 'account', email);
        if (checked > 5 || checked + limited.length !== 50 || recorded !== checked) violations++;
        for (const a of limited) expect(a.errors?.[0]?.extensions?.retryAfterSeconds).toEqual(expect.any(Number));
      }
      expect({ rounds, violations }).toEqual({ rounds, violations: 0 });
    },
    // 40 rounds of 50 parallel sign-ins on MariaDB: 2,000 requests, each a locking read; a loaded machine needs more
    // than the default minute.
    240_000,
  );

  test('once the account is locked, a burst of 50 that contains the right password gets no token', async () => {
    const e = env();
    for (let round = 0; round < 3; round++) {
      const email = `locked-${round}@test.local`;
      await makeUser(e, email);
      const from = nextAddress();
      for (let i = 0; i < 5; i++)
        expect(code(await post(e, LOGIN, { e: email, p: `wrong ${i}` }, { from }))).toBe('UNAUTHENTICATED');
      const burst = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          post(e, LOGIN, { e: email, p: i % 10 === 3 ? GOOD_PASSWORD : `wrong ${i}` }, { from: nextAddress() }),
        ),
      );
      expect(burst.filter(tokenOf)).toHaveLength(0);
      expect(new Set(burst.map(code))).toEqual(new Set(['RATE_LIMITED']));
      const retry = burst[0]!.errors?.[0]?.extensions?.retryAfterSeconds as number;
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(15 * 60);
      expect(await attemptsOf(e, 'account', email)).toBe(5);
    }
  });

  test('a successful sign-in resets the account count', async () => {
    const e = env();
    const email = 'reset@test.local';
    await makeUser(e, email);
    const from = nextAddress();
    for (let i = 0; i < 4; i++)
      expect(code(await post(e, LOGIN, { e: email, p: 'wrong' }, { from }))).toBe('UNAUTHENTICATED');
    expect(tokenOf(await post(e, LOGIN, { e: email, p: GOOD_PASSWORD }, { from }))).toEqual(expect.any(String));
    expect(await attemptsOf(e, 'account', email)).toBe(0);
    for (let i = 0; i < 4; i++)
      expect(code(await post(e, LOGIN, { e: email, p: 'wrong' }, { from }))).toBe('UNAUTHENTICATED');
    expect(tokenOf(await post(e, LOGIN, { e: email, p: GOOD_PASSWORD }, { from }))).toEqual(expect.any(String));
  });

  test('spraying 30 accounts from one address is throttled by address', async () => {
    const e = env();
    const emails = Array.from({ length: 30 }, (_, i) => `spray-${i}@test.local`);
    for (const email of emails) await makeUser(e, email);
    const from = nextAddress();
    const answers = await Promise.all(emails.map((email) => post(e, LOGIN, { e: email, p: 'Summer2026!!' }, { from })));
    const checked = answers.filter((a) => code(a) === 'UNAUTHENTICATED').length;
    const limited = answers.filter((a) => code(a) === 'RATE_LIMITED');
    expect(checked).toBe(20);
    expect(limited).toHaveLength(10);
    expect(limited[0]!.errors?.[0]?.message).toMatch(/network address/);
    expect(await attemptsOf(e, 'address', from)).toBe(20);
    // That address is now refused even with a right password; another address signs the same account in, and
    // no account was locked by the spray.
    expect(code(await post(e, LOGIN, { e: emails[0], p: GOOD_PASSWORD }, { from }))).toBe('RATE_LIMITED');
    expect(tokenOf(await post(e, LOGIN, { e: emails[0], p: GOOD_PASSWORD }, { from: nextAddress() }))).toEqual(
      expect.any(String),
    );
    // Unknown accounts count too (the spray cannot probe for free).
    const other = nextAddress();
    const unknown = await Promise.all(
      Array.from({ length: 30 }, (_, i) => post(e, LOGIN, { e: `nobody-${i}@test.local`, p: 'x' }, { from: other })),
    );
    expect(unknown.filter((a) => code(a) === 'UNAUTHENTICATED')).toHaveLength(20);
  });

  test(
    'logout ends the session (every session of the ' + 'user); anonymous callers and API tokens are refused',
    async () => {
      const e = env();
      const email = 'logout@test.local';
      await makeUser(e, email);
      const first = tokenOf(await post(e, LOGIN, { e: email, p: GOOD_PASSWORD }, { from: nextAddress() }))!;
      const second = tokenOf(await post(e, LOGIN, { e: email, p: GOOD_PASSWORD }, { from: nextAddress() }))!;
      expect(code(await post(e, '{ me { email } }', {}, { token: first }))).toBe('OK');
      const out = await post(e, 'mutation { logout }', {}, { token: first });
      expect(out.data).toEqual({ logout: true });
      expect(code(await post(e, '{ me { email } }', {}, { token: first }))).toBe('UNAUTHENTICATED');
      expect(code(await post(e, '{ me { email } }', {}, { token: second }))).toBe('UNAUTHENTICATED');
      expect(code(await post(e, 'mutation { logout }', {}, { token: first }))).toBe('UNAUTHENTICATED');
      // Signing in again works.
      const again = tokenOf(await post(e, LOGIN, { e: email, p: GOOD_PASSWORD }, { from: nextAddress() }))!;
      expect(code(await post(e, '{ me { email } }', {}, { token: again }))).toBe('OK');

      expect(code(await post(e, 'mutation { logout }', {}))).toBe('UNAUTHENTICATED');
      const created = await e.gql<{ createApiToken: { secret: string } }>(
        'mutation { createApiToken(name: "logout-test", scopes: ["read"]) { secret } }',
        {},
        { token: e.tokens.admin },
      );
      const secret = created.body.data!.createApiToken.secret;
      expect(code(await post(e, 'mutation { logout }', {}, { token: secret }))).toBe('FORBIDDEN');
      expect(code(await post(e, '{ _allPeopleMeta { count } }', {}, { token: secret }))).toBe('OK');
    },
  );

  test('a password change and a role change end the user’s existing sessions; an e-mail change does not', async () => {
    const e = env();
    const email = 'changes@test.local';
    const id = await makeUser(e, email);
    const signIn = async (password = GOOD_PASSWORD) =>
      tokenOf(await post(e, LOGIN, { e: email, p: password }, { from: nextAddress() }))!;
    const me = async (token: string) => code(await post(e, '{ me { email } }', {}, { token }));
    const update = async (version: number, fields: string) =>
      e.gql<{ updateUser: { version: number } }>(
        `mutation { updateUser(id: "${id}", version: ${version}, ${fields}) { version } }`,
        {},
        { token: e.tokens.admin },
      );

    const before = await signIn();
    expect(await me(before)).toBe('OK');
    const newPassword = 'a much longer new passphrase';
    const changed = await update(1, `password: "${newPassword}"`);
    expect(changed.body.errors).toBeUndefined();
    expect(await me(before)).toBe('UNAUTHENTICATED');
    expect(code(await post(e, LOGIN, { e: email, p: GOOD_PASSWORD }, { from: nextAddress() }))).toBe('UNAUTHENTICATED');
    const afterPassword = await signIn(newPassword);
    expect(await me(afterPassword)).toBe('OK');

    const renamed = await update(2, `email: "${email}"`);
    expect(renamed.body.errors).toBeUndefined();
    expect(await me(afterPassword)).toBe('OK');

    const promoted = await update(3, 'role: HR');
    expect(promoted.body.errors).toBeUndefined();
    expect(await me(afterPassword)).toBe('UNAUTHENTICATED');
    const asHr = await signIn(newPassword);
    expect((await post(e, '{ me { role } }', {}, { token: asHr })).data).toEqual({ me: { role: 'HR' } });
  });

  test('session tokens are parsed strictly', async () => {
    const e = env();
    const email = 'strict@test.local';
    const id = await makeUser(e, email);
    const token = tokenOf(await post(e, LOGIN, { e: email, p: GOOD_PASSWORD }, { from: nextAddress() }))!;
    expect(token).toMatch(/^its1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const me = async (t: string) => code(await post(e, '{ me { email } }', {}, { token: t }));
    expect(await me(token)).toBe('OK');
    const [, payload, sig] = token.split('.');
    for (const bad of [
      `${token}.extra`,
      `${token}.`,
      `its1.${payload}.${sig}.${sig}`,
      `its1.${payload}=.${sig}`,
      `its1.${payload}.${sig}=`,
      `its1.${payload}!.${sig}`,
      `ITS1.${payload}.${sig}`,
      `its1..${sig}`,
      `its1.${payload}`,
    ]) {
      expect({ bad, code: await me(bad) }).toEqual({ bad, code: 'UNAUTHENTICATED' });
    }
    // Well signed but without a session version (as issued before sessions could end): refused.
    const now = Math.floor(Date.now() / 1000);
    const legacy = signSession({ sub: id, iat: now, exp: now + 600 } as never, e.config.tokenSecret);
    expect(await me(legacy)).toBe('UNAUTHENTICATED');
  });

  test(
    'short, common and weak passwords are refused on every ' +
      'path that sets one, naming the field; nothing is written',
    async () => {
      const e = env();
      const count = async () => e.dataSource.manager.count(User);
      const users = await count();
      const create = (password: string) =>
        e.gql(
          'mutation($p: String!) { createUser(email: "weak@test.local", password: $p, role: VIEWER) { id } }',
          { p: password },
          { token: e.tokens.admin },
        );
      for (const weak of ['short', 'elevenchars', '123qweasdzxc', 'QazWsxEdcRfv', '1Q2W3E4R5T6Y', '            ']) {
        const res = await create(weak);
        expect({ weak, code: res.body.errors?.[0]?.extensions?.code }).toEqual({ weak, code: 'BAD_USER_INPUT' });
        expect(Object.keys((res.body.errors?.[0]?.extensions?.fieldErrors as Record<string, string>) ?? {})).toEqual([
          'password',
        ]);
      }
      expect(await count()).toBe(users);
      const id = await makeUser(e, 'keeps@test.local');
      const hash = await storedHash(e, id);
      for (const weak of ['tooshort', 'qwerty123456', 'LeaveMeAlone']) {
        const res = await e.gql(
          `mutation($p: String!) { updateUser(id: "${id}", version: 1, password: $p) { id } }`,
          { p: weak },
          { token: e.tokens.admin },
        );
        expect({
          weak,
          code: res.body.errors?.[0]?.extensions?.code,
          fields: Object.keys((res.body.errors?.[0]?.extensions?.fieldErrors as object) ?? {}),
        }).toEqual({
          weak,
          code: 'BAD_USER_INPUT',
          fields: ['password'],
        });
      }
      expect(await storedHash(e, id)).toBe(hash);
      const ok = await create('a sensible long passphrase');
      expect(ok.body.errors).toBeUndefined();
    },
  );

  test('a hash made with a lower cost is replaced at the next sign-in', async () => {
    const e = env();
    const id = await makeUser(e, 'old-cost@test.local', GOOD_PASSWORD, 256);
    expect(await storedHash(e, id)).toMatch(/^scrypt\$256\$/);
    expect(code(await post(e, LOGIN, { e: 'old-cost@test.local', p: 'wrong' }, { from: nextAddress() }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await storedHash(e, id)).toMatch(/^scrypt\$256\$/);
    expect(
      tokenOf(await post(e, LOGIN, { e: 'old-cost@test.local', p: GOOD_PASSWORD }, { from: nextAddress() })),
    ).toEqual(expect.any(String));
    const rehashed = await storedHash(e, id);
    expect(rehashed).toMatch(/^scrypt\$1024\$/);
    expect(
      tokenOf(await post(e, LOGIN, { e: 'old-cost@test.local', p: GOOD_PASSWORD }, { from: nextAddress() })),
    ).toEqual(expect.any(String));
    expect(await storedHash(e, id)).toBe(rehashed);
  });
});

describeOnDatabases(
  'password cost in production (scrypt N = 2^17)',
  (env) => {
    test('sign-in rehashes an old-cost hash to N = 2^17, and new passwords are hashed with it', async () => {
      const e = env();
      expect(PASSWORD_COST).toBe(131072);
      const id = await makeUser(e, 'upgrade@test.local', GOOD_PASSWORD, 16384);
      expect(
        tokenOf(await post(e, LOGIN, { e: 'upgrade@test.local', p: GOOD_PASSWORD }, { from: nextAddress() })),
      ).toEqual(expect.any(String));
      expect(await storedHash(e, id)).toMatch(/^scrypt\$131072\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
      expect(
        tokenOf(await post(e, LOGIN, { e: 'upgrade@test.local', p: GOOD_PASSWORD }, { from: nextAddress() })),
      ).toEqual(expect.any(String));
      const created = await e.gql<{ createUser: { id: string } }>(
        'mutation { createUser(email: "new-cost@test.local", password: "another long passphrase", role: ' +
          'VIEWER) { id } }',
        {},
        { token: e.tokens.admin },
      );
      expect(await storedHash(e, Number(created.body.data!.createUser.id))).toMatch(/^scrypt\$131072\$/);
    });
  },
  { passwordCost: PASSWORD_COST },
);
