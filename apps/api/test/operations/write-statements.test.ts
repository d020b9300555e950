// A write's round trips (issue #13): each statement of a write waits its turn behind the reads the process serves, so
// a write takes no statement it can spare. createDelegation reads nothing back it already has; revoking a delegation
// with the ones derived from it reads, revokes, logs, audits and notifies them together (one statement each, whatever
// their number), so that every further delegation costs no statement at all.
import 'reflect-metadata';
import { AuthorityChange } from '../../src/platform/change-log';
import { AuditEntry } from '../../src/platform/audit-entry.entity';
import { describeOnDatabases, TestEnv } from '../support/databases';
import { Scenario, seedScenario } from './scenario';

const CREATE = `mutation($src: ID, $srcD: ID, $from: ID!, $to: ID!, $scope: ID!, $validFrom: DateTime!, $depth: Int) {
  createDelegation(sourceRuleId: $src, sourceDelegationId: $srcD, delegatorId: $from, delegateId: $to,
    decisionPoints: [ATB], grades: [III], scopeOrgUnitId: $scope, limit: "1000.00", currency: "CNY",
    validFrom: $validFrom, redelegableDepth: $depth, reason: "Cover bids while travelling") { id version }
}`;
const REVOKE = 'mutation($id: ID!) { revokeDelegation(id: $id, reason: "Office reorganised") { id version } }';

describeOnDatabases('statements per write', (env) => {
  let s: Scenario;
  let e: TestEnv;
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
  });
  const statements = (r: { headers: Headers }) => Number(r.headers.get('x-sql-statements'));
  const create = async (over: Record<string, unknown>, token: string) => {
    const res = await e.gql<{ createDelegation: { id: string } }>(
      CREATE,
      {
        src: String(s.rules.director),
        from: String(s.people.leader),
        to: String(s.people.east1),
        scope: String(e.fixture.units.eastOffice),
        validFrom: e.fixture.now.toISOString(),
        depth: 0,
        ...over,
      },
      { token },
    );
    expect(res.body.errors).toBeUndefined();
    return { id: res.body.data!.createDelegation.id, statements: statements(res) };
  };
  const revoke = async (id: string) => {
    const res = await e.gql<{ revokeDelegation: Array<{ id: string; version: number }> }>(
      REVOKE,
      { id },
      { token: e.tokens.admin },
    );
    expect(res.body.errors).toBeUndefined();
    return { ids: res.body.data!.revokeDelegation.map((d) => d.id), statements: statements(res) };
  };

  test('createDelegation by a LEADER: at most 18 statements (17 on MariaDB), all included', async () => {
    await create({}, s.tokens.leader);
    const made = await create({ to: String(s.people.west1) }, s.tokens.leader);
    expect(made.statements).toBeGreaterThan(0);
    // Before: 22–24 (the row read again after the notification, the notification read back, a previous entry looked
    // for a record just made, the delegator and the scope read apart); 19–20 before the new delegation's notification
    // stopped looking for an earlier one under its key (none can exist); 18–19 before the delegate's users and the
    // delegate were read in one statement.
    expect(made.statements).toBeLessThanOrEqual(e.kind === 'mariadb' ? 17 : 18);
    const entry = await e.dataSource.manager.findOneByOrFail(AuthorityChange, {
      recordType: 'Delegation',
      recordId: Number(made.id),
    });
    expect(entry.operation).toBe('CREATE');
    expect(entry.before).toBeNull();
  });

  test('revoking with a cascade: the change log and the audit in a constant number of statements', async () => {
    const lone = await create({ depth: 1 }, s.tokens.leader);
    const alone = await revoke(lone.id);
    expect(alone.ids).toEqual([lone.id]);

    const root = await create({ depth: 1 }, s.tokens.leader);
    const sub = await create(
      { src: null, srcD: root.id, from: String(s.people.east1), to: String(s.people.outsider) },
      e.tokens.admin,
    );
    const auditBefore = await e.dataSource.manager.count(AuditEntry);
    const both = await revoke(root.id);
    expect(both.ids).toEqual([root.id, sub.id]);
    // One more delegation costs no statement: the rows are read, revoked, logged, audited and their delegates notified
    // together (before: 5–7 more for its update and its delegate's notification; 11–12 more before that).
    expect(both.statements).toBe(alone.statements);
    // Each is logged with its own revision, the one before it, and audited.
    expect(await e.dataSource.manager.count(AuditEntry)).toBe(auditBefore + 2);
    const entries = await e.dataSource.manager.find(AuthorityChange, {
      where: [
        { recordType: 'Delegation', recordId: Number(root.id), operation: 'UPDATE' },
        { recordType: 'Delegation', recordId: Number(sub.id), operation: 'UPDATE' },
      ],
      order: { revision: 'ASC' },
    });
    expect(entries.map((x) => String(x.recordId))).toEqual([root.id, sub.id]);
    expect(BigInt(entries[1]!.revision)).toBe(BigInt(entries[0]!.revision) + 1n);
    for (const x of entries) {
      expect(x.before).toMatchObject({ revokedAt: null, version: 1 });
      expect(x.after).toMatchObject({ version: 2, revokeReason: expect.stringContaining('Office reorganised') });
    }
  });

  // Round trips (x-sql-round-trips, MariaDB; the caller's session read is one): a statement asked for after an answer
  // came back starts one, statements sent together (platform/together.ts) share it. Before: createDelegation 11,
  // updateDelegation 11, revokeDelegation 13, updatePerson 10 (the record read after the counter's lock, the row read
  // back after its update, the record's latest entry read after it, the entry inserted after the counters' update, a
  // notification's recipients read after its names).
  test('round trips per write (MariaDB): locks and record, a row and its update, counters and entry', async () => {
    if (e.kind !== 'mariadb') return;
    const trips = (r: { headers: Headers }) => Number(r.headers.get('x-sql-round-trips'));
    const made = await e.gql<{ createDelegation: { id: string; version: number } }>(
      CREATE,
      {
        src: String(s.rules.director),
        from: String(s.people.leader),
        to: String(s.people.west1),
        scope: String(e.fixture.units.eastOffice),
        validFrom: e.fixture.now.toISOString(),
        depth: 0,
      },
      { token: e.tokens.admin },
    );
    expect(made.body.errors).toBeUndefined();
    const id = made.body.data!.createDelegation.id;
    const shortened = await e.gql<{ updateDelegation: { version: number } }>(
      'mutation($id: ID!, $to: DateTime!) { updateDelegation(id: $id, version: 1, validTo: $to) { version } }',
      { id, to: new Date(e.fixture.now.getTime() + 30 * 86_400_000).toISOString() },
      { token: e.tokens.admin },
    );
    expect(shortened.body.errors).toBeUndefined();
    expect(shortened.body.data!.updateDelegation.version).toBe(2);
    const revoked = await e.gql(
      'mutation($id: ID!) { revokeDelegation(id: $id, reason: "Office reorganised") { id } }',
      { id },
      { token: e.tokens.admin },
    );
    expect(revoked.body.errors).toBeUndefined();
    const person = await e.gql<{ Person: { version: number } }>(
      'query($id: ID!) { Person(id: $id) { version } }',
      { id: String(s.people.outsider) },
      { token: e.tokens.admin },
    );
    const phone = await e.gql<{ updatePerson: { phone: string; version: number } }>(
      'mutation($id: ID!, $v: Int!) { ' +
        'updatePerson(id: $id, version: $v, phone: "+86 10 5555 0101") { phone version } }',
      { id: String(s.people.outsider), v: person.body.data!.Person.version },
      { token: e.tokens.admin },
    );
    expect(phone.body.errors).toBeUndefined();
    // The answer is the row as updated (read back with the update, not before it).
    expect(phone.body.data!.updatePerson).toEqual({
      phone: '+86 10 5555 0101',
      version: person.body.data!.Person.version + 1,
    });
    // Now 9, 7, 11 and 6. A judged write first reads the log entries its process has not applied yet, if there are
    // any (one more); a revocation's pieces run in parallel, and two answers read at once count once.
    expect(trips(made)).toBeLessThanOrEqual(10);
    expect(trips(shortened)).toBeLessThanOrEqual(8);
    expect(trips(revoked)).toBeLessThanOrEqual(12);
    expect(trips(phone)).toBe(6);
  });
});
