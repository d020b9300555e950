// Issue #12 on the demo company: the rule 4 scenario (an edit leaves the past alone, a correction changes it and is
// marked, asKnownAt reproduces what was answered before it), and the write rules of the change log (who may correct,
// with what, effective moments, revisions in commit order without gaps, the guard against unlogged writes).
import { describeOnDatabases, TestEnv } from './support/databases';
import { args } from './support/graphql';
import { AuthorityChange, UnloggedWriteError } from '../src/platform/change-log';
import { Database } from '../src/platform/db';
import { AuthorityRule } from '../src/modules/authority-rule/authority-rule.entity';
import { OrgUnit } from '../src/modules/org-unit/org-unit.entity';
import { Person } from '../src/modules/person/person.entity';
import { PositionAssignment } from '../src/modules/position-assignment/position-assignment.entity';
import { Assessment } from '../src/modules/assessment/assessment.entity';

const DAY = 86_400_000;

const AUTHORIZE = `query($input: AuthorizeInput!) { authorize(input: $input) {
  allowed at asKnownAt revision
  chains { links { kind id limit } }
  reasons { code linkId chain data }
  corrections { revision recordType recordId correction reason effectiveFrom }
} }`;

interface Answer {
  allowed: boolean;
  at: string;
  asKnownAt: string;
  revision: string;
  chains: Array<{ links: Array<{ kind: string; id: string; limit: string | null }> }>;
  reasons: Array<{ code: string; linkId: string | null; chain: string[]; data: Record<string, unknown> }>;
  corrections: Array<{
    revision: string;
    recordType: string;
    recordId: string;
    correction: boolean;
    reason: string | null;
    effectiveFrom: string | null;
    holdsSinceRecordBegan?: boolean;
    version?: number;
  }>;
}

const HISTORY = `query($id: ID!) { AuthorityRule(id: $id) { version limit history {
  revision recordType recordId recordVersion version operation effectiveFrom holdsSinceRecordBegan recordedAt actorKind
  actorLabel correction reason
  before after } } }`;

interface HistoryEntry {
  revision: string;
  recordType: string;
  recordId: string;
  recordVersion: number;
  operation: string;
  effectiveFrom: string | null;
  holdsSinceRecordBegan?: boolean;
  version?: number;
  recordedAt: string;
  actorKind: string;
  actorLabel: string | null;
  correction: boolean;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function codesOf(res: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }): unknown[] {
  return (res.body.errors ?? []).map((e) => e.extensions?.code);
}

async function lastRevision(e: TestEnv): Promise<string> {
  const row = (await e.dataSource.manager
    .getRepository(AuthorityChange)
    .createQueryBuilder('c')
    .select('MAX(c.revision)', 'revision')
    .getRawOne()) as { revision: string | number | null };
  return String(row.revision ?? '0');
}

describeOnDatabases(
  'history on the demo company',
  (env) => {
    let e: TestEnv;
    let director: number;
    let east: number;
    let rule4: AuthorityRule;
    const ask = (input: Record<string, unknown>) =>
      e.gql<{ authorize: Answer }>(AUTHORIZE, { input }, { token: e.tokens.viewer });
    const ruleVersion = async (id: number) =>
      (await e.dataSource.manager.findOneByOrFail(AuthorityRule, { id })).version;
    const updateRule = (id: number, version: number, fields: Record<string, unknown>, token = e.tokens.admin) =>
      e.gql<{ updateAuthorityRule: { id: string; version: number; limit: string | null } }>(
        `mutation { updateAuthorityRule(${args({ id: String(id), version, ...fields })}) { id version limit } }`,
        {},
        { token },
      );

    beforeAll(async () => {
      e = env();
      const em = e.dataSource.manager;
      // The issue's numbers: person 3 is the East business-department director, rule 4 the East director's rule.
      const position = await em.findOneByOrFail(PositionAssignment, { title: 'BUSINESS_DEPT_DIRECTOR' });
      director = position.personId;
      east = (await em.findOneByOrFail(OrgUnit, { code: 'R-EAST' })).id;
      rule4 = await em.findOneByOrFail(AuthorityRule, { id: 4 });
    });

    test('the demo data is the issue’s: person 3 directs the East region, rule 4 is theirs, up to 50M', () => {
      expect(director).toBe(3);
      expect(rule4).toMatchObject({
        holderKind: 'POSITION',
        holderTitle: 'BUSINESS_DEPT_DIRECTOR',
        holderOrgUnitId: east,
        limitMinor: 5_000_000_000n,
        currency: 'CNY',
      });
    });

    test('rule 4: an edit leaves the past alone; a correction changes it, marked; asKnownAt undoes it', async () => {
      const now = Date.now();
      const tenDaysAgo = new Date(now - 10 * DAY).toISOString();
      const question = {
        personId: String(director),
        decisionPoint: 'ATB',
        grade: 'III',
        orgUnitId: String(east),
        amount: '40000000.00',
        currency: 'CNY',
      };
      const before = await ask({ ...question, at: tenDaysAgo });
      expect(before.body.errors).toBeUndefined();
      expect(before.body.data!.authorize).toMatchObject({ allowed: true, corrections: [] });
      expect(before.body.data!.authorize.chains[0]!.links).toEqual([{ kind: 'RULE', id: '4', limit: '50000000.00' }]);
      await sleep(5);

      // An ordinary edit: from now on.
      const cut = await updateRule(4, await ruleVersion(4), { limit: '10000000.00' });
      expect(cut.body.errors).toBeUndefined();
      await sleep(5);
      const past = await ask({ ...question, at: tenDaysAgo });
      expect(past.body.data!.authorize).toMatchObject({ allowed: true, corrections: [] });
      expect(past.body.data!.authorize.chains[0]!.links[0]!.limit).toBe('50000000.00');
      const current = await ask(question);
      expect(current.body.data!.authorize).toMatchObject({ allowed: false, corrections: [] });
      // (Person 3 also sits on the grade I and II teams, whose rules cover initiation only.)
      expect(current.body.data!.authorize.reasons.filter((r) => r.linkId === '4')).toEqual([
        {
          code: 'AMOUNT_OVER_LIMIT',
          linkId: '4',
          chain: ['4'],
          data: expect.objectContaining({ limit: '10000000.00', amount: '40000000.00' }),
        },
      ]);
      const knownBeforeCorrection = past.body.data!.authorize.asKnownAt;
      expect(BigInt(past.body.data!.authorize.revision)).toBeGreaterThan(BigInt(before.body.data!.authorize.revision));
      await sleep(5);

      // The correction: the cut held from twenty days ago.
      const reason = 'The board cut the limit on the 1st; entered late.';
      const corrected = await updateRule(4, await ruleVersion(4), {
        limit: '10000000.00',
        change: { correction: true, effectiveFrom: new Date(now - 20 * DAY), reason },
      });
      expect(corrected.body.errors).toBeUndefined();
      await sleep(5);
      const afterCorrection = await ask({ ...question, at: tenDaysAgo });
      const refused = afterCorrection.body.data!.authorize;
      expect(refused.allowed).toBe(false);
      expect(refused.reasons.filter((r) => r.linkId === '4').map((r) => r.code)).toEqual(['AMOUNT_OVER_LIMIT']);
      expect(refused.corrections).toEqual([
        expect.objectContaining({ recordType: 'AuthorityRule', recordId: '4', correction: true, reason }),
      ]);
      expect(new Date(refused.corrections[0]!.effectiveFrom!).getTime()).toBe(now - 20 * DAY);
      expect(BigInt(refused.revision)).toBeGreaterThan(BigInt(past.body.data!.authorize.revision));
      // Twenty-one days ago, before the corrected moment, it was still allowed.
      const older = await ask({ ...question, at: new Date(now - 21 * DAY).toISOString() });
      expect(older.body.data!.authorize.allowed).toBe(true);

      // As known before the correction: exactly the answer given then.
      const asKnown = await ask({ ...question, at: tenDaysAgo, asKnownAt: knownBeforeCorrection });
      expect(asKnown.body.errors).toBeUndefined();
      const { asKnownAt, ...reproduced } = asKnown.body.data!.authorize;
      const { asKnownAt: then, ...given } = past.body.data!.authorize;
      expect(reproduced).toEqual(given);
      expect(asKnownAt).toBe(then);

      // The rule's history: created, cut, corrected, each with before and after.
      const history = await e.gql<{ AuthorityRule: { history: HistoryEntry[] } }>(
        HISTORY,
        { id: '4' },
        { token: e.tokens.viewer },
      );
      expect(history.body.errors).toBeUndefined();
      const entries = history.body.data!.AuthorityRule.history;
      expect(entries.map((h) => [h.operation, h.correction, h.reason])).toEqual([
        ['CREATE', false, null],
        ['UPDATE', false, null],
        ['UPDATE', true, reason],
      ]);
      const [created, update, correction] = entries as [HistoryEntry, HistoryEntry, HistoryEntry];
      expect(created.before).toBeNull();
      // The contract's effectiveFrom is non-null: the beginning of time, flagged, for a new record.
      expect(created.effectiveFrom).toBe('1970-01-01T00:00:00.000Z');
      expect(created.holdsSinceRecordBegan).toBe(true);
      expect(update.holdsSinceRecordBegan).toBe(false);
      expect(update.version).toBe(update.recordVersion);
      expect(created.after).toMatchObject({ id: 4, limitMinor: '5000000000' });
      expect(update.before).toEqual(created.after);
      expect(update.after).toMatchObject({ limitMinor: '1000000000', version: created.recordVersion + 1 });
      expect(update.effectiveFrom).toBe(update.recordedAt);
      expect(update.actorLabel).toBe('admin@demo.local');
      expect(correction.before).toEqual(update.after);
      expect(correction.after).toMatchObject({ limitMinor: '1000000000' });
      expect(new Date(correction.effectiveFrom!).getTime()).toBe(now - 20 * DAY);
      expect(BigInt(correction.revision)).toBeGreaterThan(BigInt(update.revision));
      expect(BigInt(update.revision)).toBeGreaterThan(BigInt(created.revision));

      const audit = await e.gql<{ allAuditEntries: Array<{ action: string; note: string | null }> }>(
        '{ allAuditEntries(filter: { entityType: "AuthorityRule", entityId: "4" }, sortField: "id") { action note } }',
        {},
        { token: e.tokens.admin },
      );
      expect(audit.body.data!.allAuditEntries.slice(-2)).toEqual([
        { action: 'update', note: null },
        { action: 'correct-update', note: `correction: ${reason}` },
      ]);
    });

    test('a correction by a LEADER or HR is refused, and nothing is written', async () => {
      const em = e.dataSource.manager;
      const revision = await lastRevision(e);
      const rule = await em.findOneByOrFail(AuthorityRule, { id: 4 });
      const correction = { correction: true, effectiveFrom: new Date(Date.now() - 5 * DAY), reason: 'wrong limit' };
      const leader = await updateRule(4, rule.version, { limit: '1.00', change: correction }, e.tokens.leader);
      expect(codesOf(leader)).toEqual(['CORRECTION_NOT_ALLOWED']);
      const assessment = await em.findOneOrFail(Assessment, { where: {}, order: { id: 'ASC' } });
      const hr = await e.gql(
        `mutation { updateAssessment(${args({
          id: String(assessment.id),
          version: assessment.version,
          comment: 'corrected',
          change: correction,
        })}) { id } }`,
        {},
        { token: e.tokens.hr },
      );
      expect(codesOf(hr)).toEqual(['CORRECTION_NOT_ALLOWED']);
      expect(await lastRevision(e)).toBe(revision);
      expect(await em.findOneByOrFail(AuthorityRule, { id: 4 })).toEqual(rule);
      expect(await em.findOneByOrFail(Assessment, { id: assessment.id })).toEqual(assessment);
    });

    test('a correction needs a reason; a past moment needs a correction; a future one is refused', async () => {
      const em = e.dataSource.manager;
      const revision = await lastRevision(e);
      const rule = await em.findOneByOrFail(AuthorityRule, { id: 4 });
      const past = new Date(Date.now() - 3 * DAY);
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ correction: true, effectiveFrom: past }, 'CORRECTION_REASON_REQUIRED', 'change.reason'],
        [{ correction: true, effectiveFrom: past, reason: '   ' }, 'CORRECTION_REASON_REQUIRED', 'change.reason'],
        [{ effectiveFrom: past, reason: 'late' }, 'CORRECTION_REQUIRED', 'change.effectiveFrom'],
        [{ effectiveFrom: new Date(Date.now() + DAY) }, 'EFFECTIVE_FROM_IN_FUTURE', 'change.effectiveFrom'],
        [
          { correction: true, effectiveFrom: new Date(Date.now() + DAY), reason: 'x' },
          'EFFECTIVE_FROM_IN_FUTURE',
          'change.effectiveFrom',
        ],
      ];
      for (const [change, code, field] of cases) {
        const res = await updateRule(4, rule.version, { limit: '2.00', change });
        expect(codesOf(res)).toEqual([code]);
        expect(res.body.errors![0]!.extensions).toMatchObject({ field });
      }
      // revokeDelegation with a past moment is a correction: an administrator's only.
      const revoke = await e.gql(
        `mutation { revokeDelegation(${args({ id: '1', reason: 'left early', at: past })}) { id } }`,
        {},
        { token: e.tokens.leader },
      );
      expect(codesOf(revoke)).toEqual(['CORRECTION_NOT_ALLOWED']);
      expect(await lastRevision(e)).toBe(revision);
      expect(await em.findOneByOrFail(AuthorityRule, { id: 4 })).toEqual(rule);
    });

    test('an ordinary update takes effect when recorded; a moment within a minute of now counts as now', async () => {
      const em = e.dataSource.manager;
      for (const change of [undefined, { effectiveFrom: new Date(Date.now() - 30_000) }]) {
        const res = await updateRule(4, await ruleVersion(4), { name: `East director ${Math.random()}`, change });
        expect(res.body.errors).toBeUndefined();
        const entry = await em.findOneOrFail(AuthorityChange, {
          where: { recordType: 'AuthorityRule', recordId: 4 },
          order: { revision: 'DESC' },
        });
        expect(entry).toMatchObject({ operation: 'UPDATE', correction: false, reason: null });
        expect(entry.effectiveFrom?.getTime()).toBe(entry.recordedAt.getTime());
        expect(Math.abs(entry.recordedAt.getTime() - Date.now())).toBeLessThan(10_000);
      }
    });

    test('a correction from a moment within a minute after now holds from now: answers stay reproducible', async () => {
      const em = e.dataSource.manager;
      const question = {
        personId: String(director),
        decisionPoint: 'ATB',
        grade: 'III',
        orgUnitId: String(east),
        amount: '40000000.00',
        currency: 'CNY',
      };
      const res = await updateRule(4, await ruleVersion(4), {
        limit: '45000000.00',
        change: { correction: true, effectiveFrom: new Date(Date.now() + 30_000), reason: 'a clock running ahead' },
      });
      expect(res.body.errors).toBeUndefined();
      const entry = await em.findOneOrFail(AuthorityChange, {
        where: { recordType: 'AuthorityRule', recordId: 4 },
        order: { revision: 'DESC' },
      });
      expect(entry.correction).toBe(true);
      expect(entry.effectiveFrom!.getTime()).toBeLessThanOrEqual(entry.recordedAt.getTime());
      await sleep(5);
      const now = await ask(question);
      expect(now.body.data!.authorize.allowed).toBe(true);
      const { at, asKnownAt } = now.body.data!.authorize;
      const again = await ask({ ...question, at, asKnownAt });
      expect(again.body.data!.authorize).toEqual(now.body.data!.authorize);
    });

    test('40 parallel updates: 40 consecutive revisions, in commit order, and no gap in the whole log', async () => {
      const em = e.dataSource.manager;
      const people = await em.find(Person, { order: { id: 'ASC' }, take: 40 });
      expect(people).toHaveLength(40);
      const from = BigInt(await lastRevision(e));
      const results = await Promise.all(
        people.map((p) =>
          e.gql(
            `mutation { updatePerson(${args({ id: String(p.id), version: p.version, name: `${p.name} (${p.id})` })})
            { id } }`,
            {},
            { token: e.tokens.admin },
          ),
        ),
      );
      for (const res of results) expect(res.body.errors).toBeUndefined();
      const entries = await em.find(AuthorityChange, { order: { revision: 'ASC' } });
      const revisions = entries.map((x) => BigInt(x.revision));
      revisions.forEach((r, i) => expect(r).toBe(BigInt(i + 1)));
      const burst = entries.filter((x) => BigInt(x.revision) > from);
      expect(burst).toHaveLength(40);
      expect(burst.map((x) => x.recordType)).toEqual(Array(40).fill('Person'));
      expect(new Set(burst.map((x) => x.recordId)).size).toBe(40);
      // Each revision was taken under the revision row's lock, held to commit: recorded in the same order.
      for (let i = 1; i < burst.length; i++)
        expect(burst[i]!.recordedAt.getTime()).toBeGreaterThanOrEqual(burst[i - 1]!.recordedAt.getTime());
      const counter = (await em.query('SELECT changeCount FROM authority_state WHERE id = 3')) as Array<{
        changeCount: string | number;
      }>;
      expect(String(counter[0]!.changeCount)).toBe(String(revisions[revisions.length - 1]));
    });

    test('the guard refuses to commit an API transaction that writes a logged table without its entry', async () => {
      // The API's transactions (Database.transaction) must log their own writes; a fixture's or script's own
      // transaction is logged for it as it commits (see the guard), so the refusal is checked on the API's kind.
      const db = new Database(e.dataSource);
      const em = e.dataSource.manager;
      const revision = await lastRevision(e);
      const rule = await em.findOneByOrFail(AuthorityRule, { id: 4 });
      const people = await em.count(Person);
      await expect(
        db.transaction(async (tx) => {
          await tx.update(AuthorityRule, { id: 4 }, { name: 'written behind the log' });
        }),
      ).rejects.toThrow(UnloggedWriteError);
      await expect(
        db.transaction(async (tx) => {
          await tx.insert(Person, {
            employeeNo: 'X-UNLOGGED',
            name: 'Not In The Log',
            orgUnitId: rule.scopeOrgUnitId,
            email: null,
            phone: null,
            hiredAt: null,
            archivedAt: null,
            version: 1,
            createdAt: new Date(),
            updatedAt: new Date(),
          } as never);
        }),
      ).rejects.toThrow(/Person without appending to the change log/);
      expect(await em.findOneByOrFail(AuthorityRule, { id: 4 })).toEqual(rule);
      expect(await em.count(Person)).toBe(people);
      expect(await lastRevision(e)).toBe(revision);
    });
  },
  { demo: true },
);
