// Keys compare exactly on both databases (issue #10, class 3): MariaDB's utf8mb4_unicode_ci (the test databases
// are created with it, as a customer's would be) must not make "IDEM-x", "idem-x " and "ídem-x" one key.
import { MIGRATIONS } from '../src/migrations';
import { describeOnDatabases, TestEnv } from './support/databases';
import { KEY_COLLATIONS, KEY_COLUMNS } from '../src/platform/columns';
import { Decision } from '../src/modules/decision/decision.entity';
import { Project } from '../src/modules/project/project.entity';
import { OrgUnit } from '../src/modules/org-unit/org-unit.entity';
import { Person } from '../src/modules/person/person.entity';
import { User } from '../src/modules/user/user.entity';
import { ENTITIES } from '../src/modules/entities';
import { seedScenario, Scenario } from './operations/scenario';

const RECORD = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id comment } }`;
const UPSERT = `mutation($ref: String!, $input: ProjectInput!) { upsertProject(externalRef: $ref, input: $input) { id
  externalRef name } }`;

describeOnDatabases('exact keys', (env) => {
  let e: TestEnv;
  let s: Scenario;
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
  });

  // First, while no key differs from another only in case: the migration is reverted and applied again.
  test('the migration lower-cases existing e-mail addresses and refuses two that differ only in case', async () => {
    const ds = e.dataSource;
    // Back to the schema before the exact-keys migration (undoing every migration after it too).
    const later = MIGRATIONS.filter((m) => Number(/(\d{13})$/.exec(m.name)![1]) >= 1764820000000).length;
    for (let i = 0; i < later; i++) await ds.undoLastMigration({ transaction: 'each' });
    // Plain SQL with the columns of that older schema (the entity has gained columns since, e.g. sessionVersion).
    const now = e.kind === 'sqlite' ? new Date().toISOString().replace('T', ' ').replace('Z', '') : new Date();
    const insertUser = (email: string) =>
      ds.query(
        'INSERT INTO users (version, createdAt, updatedAt, passwordHash, role, personId, lastLoginAt, ' +
          'archivedAt, email) VALUES (1, ?, ?, ?, ?, NULL, NULL, NULL, ?)',
        [now, now, 'x', 'VIEWER', email],
      );
    await insertUser('Upper.Case@Test.Local');
    if (e.kind === 'sqlite') {
      // SQLite's old unique index compared exactly: two addresses differing in case could both exist. Refused, named.
      await insertUser('upper.case@test.local');
      await expect(ds.runMigrations({ transaction: 'each' })).rejects.toThrow(
        /upper\.case@test\.local: users \d+ \("Upper\.Case@Test\.Local"\), \d+ \("upper\.case@test\.local"\)/,
      );
      await ds
        .createQueryBuilder()
        .delete()
        .from('users')
        .where('email = :e', { e: 'upper.case@test.local' })
        .execute();
    } else {
      // MariaDB's old case-insensitive index never let such a pair exist.
      await expect(insertUser('upper.case@test.local')).rejects.toThrow(/Duplicate/);
    }
    await ds.runMigrations({ transaction: 'each' });
    expect(await ds.showMigrations()).toBe(false);
    expect(await ds.manager.countBy(User, { email: 'upper.case@test.local' })).toBe(1);
    expect(await ds.manager.countBy(User, { email: 'Upper.Case@Test.Local' })).toBe(0);
  });

  test('IDEM-x, "idem-x " and ídem-x are three idempotency keys: three decisions', async () => {
    const ids: string[] = [];
    for (const key of ['IDEM-x', 'idem-x ', 'ídem-x']) {
      const input = {
        projectId: String(s.projects.small),
        decisionPoint: 'ATC',
        outcome: 'APPROVED',
        deciderId: String(s.people.east1),
        comment: `key ${JSON.stringify(key)}`,
        idempotencyKey: key,
      };
      const res = await e.gql<{ recordDecision: { id: string; comment: string } }>(
        RECORD,
        { input },
        { token: s.tokens.admin },
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.recordDecision.comment).toBe(`key ${JSON.stringify(key)}`);
      ids.push(res.body.data!.recordDecision.id);
    }
    expect(new Set(ids).size).toBe(3);
    const stored = await e.dataSource.manager.find(Decision, { where: ids.map((id) => ({ id: Number(id) })) });
    expect(stored.map((d) => d.idempotencyKey).sort()).toEqual(['IDEM-x', 'idem-x ', 'ídem-x'].sort());
    // Each key still replays its own decision exactly.
    const again = await e.gql<{ recordDecision: { id: string } }>(
      RECORD,
      {
        input: {
          projectId: String(s.projects.small),
          decisionPoint: 'ATC',
          outcome: 'APPROVED',
          deciderId: String(s.people.east1),
          comment: 'key "idem-x "',
          idempotencyKey: 'idem-x ',
        },
      },
      { token: s.tokens.admin },
    );
    expect(again.body.data!.recordDecision.id).toBe(ids[1]);
  });

  test(
    'upsertProject: references that differ in case, a ' + 'trailing space or an accent are different projects',
    async () => {
      const input = (name: string) => ({
        name,
        orgUnitId: String(e.fixture.units.east),
        stage: 'LEAD',
        amount: '1000.00',
        currency: 'CNY',
      });
      const refs = ['crm-2024012', 'CRM-2024012', 'crm-2024012 ', 'crm-2024012-é', 'crm-2024012-e'];
      const ids: string[] = [];
      for (const ref of refs) {
        const res = await e.gql<{ upsertProject: { id: string; externalRef: string; name: string } }>(
          UPSERT,
          { ref, input: input(`for ${ref}`) },
          { token: e.tokens.admin },
        );
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data!.upsertProject.externalRef).toBe(ref);
        ids.push(res.body.data!.upsertProject.id);
      }
      expect(new Set(ids).size).toBe(refs.length);
      // Each project kept its own name; upserting one reference again updates that one only.
      const updated = await e.gql<{ upsertProject: { id: string; name: string } }>(
        UPSERT,
        { ref: 'CRM-2024012', input: input('renamed') },
        { token: e.tokens.admin },
      );
      expect(updated.body.data!.upsertProject.id).toBe(ids[1]);
      const projects = await e.dataSource.manager.find(Project, {
        where: ids.map((id) => ({ id: Number(id) })),
        order: { id: 'ASC' },
      });
      expect(projects.map((p) => p.name)).toEqual([
        'for crm-2024012',
        'renamed',
        'for crm-2024012 ',
        'for crm-2024012-é',
        'for crm-2024012-e',
      ]);
    },
  );

  test('codes: org unit codes, employee numbers and customer codes that differ only in case are distinct', async () => {
    const admin = { token: e.tokens.admin };
    const unit = (code: string) =>
      e.gql<{ createOrgUnit: { id: string; code: string } }>(
        `mutation($c: String!) { createOrgUnit(code: $c, name: "Unit", kind: "OTHER", parentId:
          "${e.fixture.units.hq}") { id code } }`,
        { c: code },
        admin,
      );
    const a = await unit('R-North');
    const b = await unit('R-NORTH');
    expect(a.body.errors).toBeUndefined();
    expect(b.body.errors).toBeUndefined();
    expect(a.body.data!.createOrgUnit.id).not.toBe(b.body.data!.createOrgUnit.id);
    // The same code again is still refused.
    expect((await unit('R-North')).body.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await e.dataSource.manager.countBy(OrgUnit, { code: 'R-NORTH' })).toBe(1);

    const person = (employeeNo: string) =>
      e.gql<{ createPerson: { id: string } }>(
        `mutation($n: String!) { createPerson(employeeNo: $n, name: "Someone", orgUnitId: "${e.fixture.units.east}") {
          id } }`,
        { n: employeeNo },
        admin,
      );
    expect((await person('e0100')).body.errors).toBeUndefined();
    expect((await person('E0100')).body.errors).toBeUndefined();
    expect(await e.dataSource.manager.countBy(Person, { employeeNo: 'E0100' })).toBe(1);

    const customer = (code: string) =>
      e.gql<{ createCustomer: { id: string } }>(
        `mutation($c: String!) { createCustomer(code: $c, name: "Customer", tier: B, orgUnitId:
          "${e.fixture.units.east}") { id } }`,
        { c: code },
        admin,
      );
    const c1 = await customer('cust-1');
    const c2 = await customer('CUST-1');
    expect(c1.body.errors).toBeUndefined();
    expect(c2.body.errors).toBeUndefined();
  });

  test('e-mail addresses are stored lower-cased on every write path and signed in with any case', async () => {
    const admin = { token: e.tokens.admin };
    const created = await e.gql<{ createUser: { id: string; email: string } }>(
      `mutation { createUser(email: "Mixed.Case@Test.Local", password: "a-long-password-1", role: VIEWER) { id email }
        }`,
      {},
      admin,
    );
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data!.createUser.email).toBe('mixed.case@test.local');
    // The same address in another case is the same address.
    const twice = await e.gql(
      `mutation { createUser(email: "MIXED.case@test.local", password: "a-long-password-1", role: VIEWER) { id } }`,
      {},
      admin,
    );
    expect(twice.body.errors![0]!.extensions!.code).toBe('CONFLICT');
    const login = await e.gql<{ login: { user: { email: string } } }>(
      `mutation { login(email: "MIXED.CASE@TEST.LOCAL", password: "a-long-password-1") { user { email } } }`,
    );
    expect(login.body.data!.login.user.email).toBe('mixed.case@test.local');
    const id = created.body.data!.createUser.id;
    const updated = await e.gql<{ updateUser: { email: string } }>(
      `mutation { updateUser(id: "${id}", version: 1, email: "Other.Case@Test.Local") { email } }`,
      {},
      admin,
    );
    expect(updated.body.data!.updateUser.email).toBe('other.case@test.local');
    expect((await e.dataSource.manager.findOneByOrFail(User, { id: Number(id) })).email).toBe('other.case@test.local');
  });

  test(
    'every key column of the entities has the binary ' + 'collation in the database (MariaDB; SQLite compares bytes)',
    async () => {
      const declared = KEY_COLUMNS.map(({ target, propertyName }) => {
        const metadata = e.dataSource.getMetadata(target as (typeof ENTITIES)[number]);
        const column = metadata.findColumnWithPropertyName(propertyName);
        if (!column) throw new Error(`${metadata.name}.${propertyName} is not a column`);
        return `${metadata.tableName}.${column.databaseName}`;
      });
      expect(declared).toEqual(
        expect.arrayContaining([
          'decisions.idempotencyKey',
          'decisions.idempotencyOwner',
          'projects.externalRef',
          'org_units.code',
          'people.employeeNo',
          'customers.code',
          'users.email',
          'api_tokens.tokenHash',
        ]),
      );
      if (e.kind === 'mariadb') {
        const rows: Array<{ name: string; collation: string }> = await e.dataSource.query(
          "SELECT CONCAT(table_name, '.', column_name) AS name, collation_name AS collation FROM " +
            'information_schema.columns WHERE table_schema = DATABASE()',
        );
        const collations = new Map(rows.map((r) => [r.name, r.collation]));
        expect(declared.filter((c) => !KEY_COLLATIONS.includes(collations.get(c) ?? ''))).toEqual([]);
        expect(collations.get('decisions.idempotencyKey')).toBe('utf8mb4_nopad_bin');
        // Compared in SQL, not only in the index: the variants are three values.
        const [row] = await e.dataSource.query(
          "SELECT COUNT(DISTINCT idempotencyKey) AS n FROM decisions WHERE idempotencyKey IN ('IDEM-x', " +
            "'idem-x ', 'ídem-x')",
        );
        expect(Number(row.n)).toBe(3);
      } else {
        const [row] = await e.dataSource.query(
          "SELECT COUNT(DISTINCT idempotencyKey) AS n FROM decisions WHERE idempotencyKey IN ('IDEM-x', " +
            "'idem-x ', 'ídem-x')",
        );
        expect(Number(row.n)).toBe(3);
      }
    },
  );
});
