// Each process keeps its authority index current by applying the change log's entries (issue #13): after writes, the
// next question moves the index forward by deltas — no full rebuild — and the moved index answers exactly as one
import 'reflect-metadata';
import http from 'node:http';
// built afresh from the database.
import { authorize, DecisionPoint, ProjectGrade, whoMayDecide } from '@iron-triangle/domain';
import type { Context } from '../src/platform/context';
import { authorityCache } from '../src/modules/authorization';
import {
  APPLY_SLICE_ENTRIES,
  AuthorityCache,
  buildSnapshot,
  loadAuthorityState,
} from '../src/modules/authorization/authority-state';
import { authorityEntriesBetween, ENTRY_PAGE_REVISIONS } from '../src/modules/authorization/incremental';
import {
  AUTHORITY_ROW,
  AuthorityChange,
  encodeRows,
  LOGGED_TYPES,
  lockRevision,
  readRevision,
  REVISION_ROW,
} from '../src/platform/change-log';
import { Person } from '../src/modules/person';
import { describeOnDatabases, TestEnv } from './support/databases';
import { Scenario, seedScenario } from './operations/scenario';
import { Delegation } from '../src/modules/delegation';

const CREATE = `mutation($src: ID, $from: ID!, $to: ID!, $limit: Money, $validFrom: DateTime!) {
  createDelegation(sourceRuleId: $src, delegatorId: $from, delegateId: $to, decisionPoints: [ATB, ATC],
    grades: [III], scopeOrgUnitId: "SCOPE", limit: $limit, currency: "CNY", validFrom: $validFrom,
    redelegableDepth: 0, reason: "Cover bids while travelling") { id version }
}`;

describeOnDatabases('incremental authority index', (env) => {
  let s: Scenario;
  let e: TestEnv;
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
  });

  const cache = () => authorityCache({ db: { dataSource: e.dataSource } } as unknown as Context);
  const ask = () =>
    e.gql<{ authorize: { allowed: boolean } }>(
      `query($p: ID!, $u: ID!) { authorize(input: { personId: $p, decisionPoint: ATB, grade: III, orgUnitId: $u,
        amount: "500000.00", currency: "CNY" }) { allowed } }`,
      { p: String(s.people.west1), u: String(e.fixture.units.eastOffice) },
      { token: e.tokens.viewer },
    );

  test('writes move the index by deltas; it answers as a fresh build', async () => {
    expect((await ask()).body.errors).toBeUndefined();
    const before = { ...cache().stats };
    const create = CREATE.replace('"SCOPE"', `"${e.fixture.units.eastOffice}"`);
    for (let i = 0; i < 6; i++) {
      const res = await e.gql<{ createDelegation: { id: string } }>(
        create,
        {
          src: String(s.rules.director),
          from: String(s.people.leader),
          to: String(i % 2 ? s.people.west1 : s.people.east1),
          limit: `${(i + 1) * 100000}.00`,
          validFrom: e.fixture.now.toISOString(),
        },
        { token: s.tokens.leader },
      );
      expect(res.body.errors).toBeUndefined();
      const person = await e.gql<{ Person: { version: number } }>(
        `{ Person(id: "${s.people.west1}") { version } }`,
        {},
        { token: e.tokens.admin },
      );
      const rename = await e.gql(
        `mutation { updatePerson(id: "${s.people.west1}", version: ${person.body.data!.Person.version},
          name: "West One ${i}") { id } }`,
        {},
        { token: e.tokens.admin },
      );
      expect(rename.body.errors).toBeUndefined();
      expect((await ask()).body.errors).toBeUndefined();
    }
    const after = cache().stats;
    expect(after.fullBuilds).toBe(before.fullBuilds);
    expect(after.deltas).toBeGreaterThan(before.deltas);
    expect(after.entriesApplied).toBeGreaterThanOrEqual(before.entriesApplied + 12);

    const moved = await cache().snapshot();
    const fresh = buildSnapshot(moved.changeCount, await loadAuthorityState(e.dataSource.manager));
    expect(moved.personNames.get(String(s.people.west1))).toBe('West One 5');
    expect(new Map(moved.personNames)).toEqual(new Map(fresh.personNames));
    const at = new Date();
    const units = [e.fixture.units.eastOffice, e.fixture.units.westOffice, e.fixture.units.hq].map(String);
    const people = [s.people.leader, s.people.east1, s.people.west1, s.people.boss].map(String);
    let compared = 0;
    for (const point of ['ATI', 'ATB', 'ATC'] as DecisionPoint[]) {
      for (const grade of ['I', 'II', 'III'] as ProjectGrade[]) {
        for (const orgUnitId of units) {
          for (const minor of [10_000_000n, 60_000_000n, 2_000_000_000n]) {
            const c = { decisionPoint: point, grade, orgUnitId, amount: { minor, currency: 'CNY' }, team: [] };
            for (const person of people) {
              expect(authorize(person, c, at, moved.index)).toEqual(authorize(person, c, at, fresh.index));
              compared += 1;
            }
            expect(whoMayDecide(c, at, moved.index)).toEqual(whoMayDecide(c, at, fresh.index));
          }
        }
      }
    }
    expect(compared).toBe(3 * 3 * 3 * 3 * 4);
  });

  test('two requests moving one version by the same entries share the move: the index does not fork', async () => {
    const own = new AuthorityCache(e.dataSource);
    const start = await own.snapshot();
    const create = CREATE.replace('"SCOPE"', `"${e.fixture.units.eastOffice}"`);
    for (const limit of ['110000.00', '120000.00']) {
      const res = await e.gql(
        create,
        {
          src: String(s.rules.director),
          from: String(s.people.leader),
          to: String(s.people.east1),
          limit,
          validFrom: e.fixture.now.toISOString(),
        },
        { token: s.tokens.leader },
      );
      expect(res.body.errors).toBeUndefined();
    }
    const to = await own.readChangeCount();
    const entries = (await authorityEntriesBetween(e.dataSource.manager, start.changeCount, to))!;
    expect(entries.length).toBe(2);
    const middle = entries[0]!.revision;
    const before = { ...own.stats };
    // A write's transaction moves the version to the first entry; a read then asks for both, another for the first.
    const first = own.applyEntries(start, entries.slice(0, 1), middle).snapshot;
    const both = own.applyEntries(start, entries, to).snapshot;
    expect(own.applyEntries(start, entries.slice(0, 1), middle).snapshot).toBe(first);
    expect(own.applyEntries(start, entries, to).snapshot).toBe(both);
    expect(own.stats.deltas - before.deltas).toBe(2);
    expect(own.stats.entriesApplied - before.entriesApplied).toBe(2);
    expect(own.stats.deltasShared - before.deltasShared).toBe(3);
    // The chain answers as a fresh build.
    const fresh = buildSnapshot(to, await loadAuthorityState(e.dataSource.manager));
    const c = {
      decisionPoint: 'ATB' as DecisionPoint,
      grade: 'III' as ProjectGrade,
      orgUnitId: String(e.fixture.units.eastOffice),
      amount: { minor: 11_500_000n, currency: 'CNY' },
      team: [],
    };
    const at = new Date();
    expect(whoMayDecide(c, at, both.index)).toEqual(whoMayDecide(c, at, fresh.index));
    expect(authorize(String(s.people.east1), c, at, both.index)).toEqual(
      authorize(String(s.people.east1), c, at, fresh.index),
    );
  });

  test('renaming a unit moves only its label; moving it is applied to the index', async () => {
    expect((await ask()).body.errors).toBeUndefined();
    const unit = e.fixture.units.eastOffice;
    const read = async () =>
      (
        await e.gql<{ OrgUnit: { version: number; code: string; parentId: string } }>(
          `{ OrgUnit(id: "${unit}") { version code parentId } }`,
          {},
          { token: e.tokens.admin },
        )
      ).body.data!.OrgUnit;
    const first = await read();
    const held = await cache().snapshot();
    const renamed = await e.gql(
      `mutation { updateOrgUnit(id: "${unit}", version: ${first.version}, code: "EAST-OFFICE-RENAMED") { id } }`,
      {},
      { token: e.tokens.admin },
    );
    expect(renamed.body.errors).toBeUndefined();
    expect((await ask()).body.errors).toBeUndefined();
    const after = await cache().snapshot();
    expect(BigInt(after.changeCount)).toBeGreaterThan(BigInt(held.changeCount));
    expect(after.index).toBe(held.index);
    expect(after.unitLabels.get(String(unit))).toBe('EAST-OFFICE-RENAMED');
    // Moved under the west region: the tree changes, and the moved index answers as a fresh build.
    const moved = await e.gql(
      `mutation { updateOrgUnit(id: "${unit}", version: ${first.version + 1},
        parentId: "${e.fixture.units.west}") { id } }`,
      {},
      { token: e.tokens.admin },
    );
    expect(moved.body.errors).toBeUndefined();
    expect((await ask()).body.errors).toBeUndefined();
    const reshaped = await cache().snapshot();
    expect(reshaped.index).not.toBe(held.index);
    expect(reshaped.index.tree.isWithin(String(unit), String(e.fixture.units.west))).toBe(true);
    const fresh = buildSnapshot(reshaped.changeCount, await loadAuthorityState(e.dataSource.manager));
    expect(new Map(reshaped.unitLabels)).toEqual(new Map(fresh.unitLabels));
    const c = {
      decisionPoint: 'ATB' as DecisionPoint,
      grade: 'III' as ProjectGrade,
      orgUnitId: String(unit),
      amount: { minor: 50_000_000n, currency: 'CNY' },
      team: [],
    };
    const at = new Date();
    for (const person of [s.people.leader, s.people.east1, s.people.west1, s.people.boss].map(String))
      expect(authorize(person, c, at, reshaped.index)).toEqual(authorize(person, c, at, fresh.index));
    expect(whoMayDecide(c, at, reshaped.index)).toEqual(whoMayDecide(c, at, fresh.index));
    // Back where it was, with its code, for the tests after this one.
    const back = await e.gql(
      `mutation { updateOrgUnit(id: "${unit}", version: ${first.version + 2}, parentId: "${first.parentId}",
        code: "${first.code}") { id } }`,
      {},
      { token: e.tokens.admin },
    );
    expect(back.body.errors).toBeUndefined();
  });

  test('an index far behind is rebuilt: answers report the revision they reflect; atLeastRevision waits', async () => {
    const question = (headers: Record<string, string> = {}) =>
      e.gql<{ authorize: { allowed: boolean; revision: string } }>(
        `query($p: ID!, $u: ID!) { authorize(input: { personId: $p, decisionPoint: ATC, grade: III, orgUnitId: $u,
          amount: "7000000.00", currency: "CNY" }) { allowed revision } }`,
        { p: String(s.people.east1), u: String(e.fixture.units.eastOffice) },
        { token: e.tokens.viewer, headers },
      );
    const before = await question();
    expect(before.body.data!.authorize.allowed).toBe(false);
    const c = cache();
    const kept = c.maxDeltaEntries;
    c.maxDeltaEntries = 2;
    try {
      // Three delegations written around the API in one transaction (logged as they commit): three entries at once.
      const template = await e.dataSource.manager.findOneOrFail(Delegation, {
        where: { delegateId: s.people.east1 },
        order: { id: 'DESC' },
      });
      await e.dataSource.transaction(async (em) => {
        for (let i = 0; i < 3; i++) {
          const copy = { ...template, limitMinor: 800_000_000n + BigInt(i) } as Partial<Delegation>;
          delete copy.id;
          delete copy.version;
          copy.createdAt = copy.updatedAt = new Date();
          await em.save(em.create(Delegation, copy));
        }
      });
      const target = await c.readChangeCount();
      const racing = await question();
      const seen = racing.body.data!.authorize;
      // Whichever index answered, the answer and the revision it reports agree.
      expect(seen.allowed).toBe(BigInt(seen.revision) >= BigInt(target));
      const waited = await question({ 'x-at-least-revision': target });
      expect(waited.body.errors).toBeUndefined();
      expect(waited.body.data!.authorize.allowed).toBe(true);
      expect(BigInt(waited.body.data!.authorize.revision)).toBeGreaterThanOrEqual(BigInt(target));
      expect(c.stats.backgroundRebuilds).toBeGreaterThan(0);
    } finally {
      c.maxDeltaEntries = kept;
    }
  });

  test('a write further behind than a read would go moves the index entry by entry, without a full build', async () => {
    const c = cache();
    expect((await ask()).body.errors).toBeUndefined();
    const kept = c.maxDeltaEntries;
    c.maxDeltaEntries = 2;
    try {
      // Five delegations written around the API in one transaction: five entries, past a read's limit of two, within
      // a write's (ten times it).
      const template = await e.dataSource.manager.findOneOrFail(Delegation, {
        where: { delegateId: s.people.east1 },
        order: { id: 'DESC' },
      });
      await e.dataSource.transaction(async (em) => {
        for (let i = 0; i < 5; i++) {
          const copy = { ...template, limitMinor: 700_000_000n + BigInt(i) } as Partial<Delegation>;
          delete copy.id;
          delete copy.version;
          copy.createdAt = copy.updatedAt = new Date();
          await em.save(em.create(Delegation, copy));
        }
      });
      const before = { ...c.stats };
      const res = await e.gql<{ createDelegation: { id: string } }>(
        CREATE.replace('"SCOPE"', `"${e.fixture.units.eastOffice}"`),
        {
          src: String(s.rules.director),
          from: String(s.people.leader),
          to: String(s.people.west1),
          limit: '1000.00',
          validFrom: e.fixture.now.toISOString(),
        },
        { token: s.tokens.leader },
      );
      expect(res.body.errors).toBeUndefined();
      expect(c.stats.fullBuilds).toBe(before.fullBuilds);
      expect(c.stats.entriesApplied).toBeGreaterThanOrEqual(before.entriesApplied + 5);
      // The index the write moved answers as one built afresh.
      const moved = await c.snapshot();
      const fresh = buildSnapshot(moved.changeCount, await loadAuthorityState(e.dataSource.manager));
      const at = new Date();
      for (const minor of [699_999_999n, 700_000_004n, 700_000_005n]) {
        const kase = {
          decisionPoint: 'ATC' as DecisionPoint,
          grade: 'III' as ProjectGrade,
          orgUnitId: String(e.fixture.units.eastOffice),
          amount: { minor, currency: 'CNY' },
          team: [],
        };
        for (const person of [s.people.east1, s.people.west1, s.people.leader].map(String))
          expect(authorize(person, kase, at, moved.index)).toEqual(authorize(person, kase, at, fresh.index));
      }
    } finally {
      c.maxDeltaEntries = kept;
    }
  });

  test('a rebuild works in slices: health checks and questions are answered while it runs', async () => {
    // Twelve thousand more delegations, written around the API (no change-log entries: the rebuild reads the tables).
    const template = await e.dataSource.manager.findOneOrFail(Delegation, { where: {}, order: { id: 'DESC' } });
    const copy = { ...template } as Partial<Delegation>;
    delete copy.id;
    for (let i = 0; i < 12_000; i += 500) {
      await e.dataSource
        .createQueryBuilder()
        .insert()
        .into(Delegation)
        .values(Array.from({ length: 500 }, () => ({ ...copy })))
        .callListeners(false)
        .execute();
    }
    const base = e.url.replace(/\/graphql$/, '');
    const before = { ...cache().stats };
    const order: string[] = [];
    const rebuilt = cache()
      .rebuild()
      .then(() => order.push('rebuilt'));
    // On a connection of its own (a kept-alive one may have been closed by the server meanwhile).
    const health = new Promise<number>((resolve, reject) =>
      http.get(`${base}/healthz`, { agent: false }, (r) => resolve(r.resume().statusCode ?? 0)).on('error', reject),
    ).then((status) => order.push(`healthz ${status}`));
    // Fresh connections: in-process SQLite blocks the loop while rows are written, so kept-alive ones may be reset.
    const body = JSON.stringify({
      query: `query($p: ID!, $u: ID!) { authorize(input: { personId: $p, decisionPoint: ATB, grade: III, orgUnitId: $u,
        amount: "500000.00", currency: "CNY" }) { allowed } }`,
      variables: { p: String(s.people.west1), u: String(e.fixture.units.eastOffice) },
    });
    const question = new Promise<string>((resolve, reject) => {
      const req = http.request(
        e.url,
        {
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${e.tokens.viewer}` },
        },
        (r) => {
          let text = '';
          r.setEncoding('utf8');
          r.on('data', (chunk: string) => (text += chunk));
          r.on('end', () => resolve(text));
        },
      );
      req.on('error', reject);
      req.end(body);
    }).then((text) => order.push((JSON.parse(text) as { errors?: unknown }).errors ? 'authorize failed' : 'authorize'));
    // And /healthz again and again, one after the other, until the rebuild is in: each is answered meanwhile.
    let answeredDuring = 0;
    const healthLoop = (async () => {
      await health;
      while (!order.includes('rebuilt')) {
        const status = await new Promise<number>((resolve, reject) =>
          http.get(`${base}/healthz`, { agent: false }, (r) => resolve(r.resume().statusCode ?? 0)).on('error', reject),
        );
        expect(status).toBe(200);
        if (!order.includes('rebuilt')) answeredDuring += 1;
      }
    })();
    await Promise.all([rebuilt, health, question, healthLoop]);
    // Counted, not timed: more than one health check came and went while one rebuild ran.
    expect(answeredDuring).toBeGreaterThanOrEqual(3);
    expect(order.indexOf('healthz 200')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('healthz 200')).toBeLessThan(order.indexOf('rebuilt'));
    expect(order.indexOf('authorize')).toBeLessThan(order.indexOf('rebuilt'));
    const after = cache().stats;
    expect(after.backgroundRebuilds).toBe(before.backgroundRebuilds + 1);
    // Pages of the delegations, and slices of the index: at least one pause per 5,000 rows read.
    expect(after.rebuildPauses - before.rebuildPauses).toBeGreaterThanOrEqual(4);
    const swapped = await cache().snapshot();
    expect(swapped.index.delegationsById.size).toBeGreaterThanOrEqual(12_000);
    // The index read in pages and built in slices is the index built at once.
    const fresh = buildSnapshot(swapped.changeCount, await loadAuthorityState(e.dataSource.manager));
    expect(swapped.index.state.delegations.length).toBe(fresh.index.state.delegations.length);
    expect(new Map(swapped.personNames)).toEqual(new Map(fresh.personNames));
    const at = new Date();
    for (const point of ['ATB', 'ATC'] as DecisionPoint[]) {
      const c = {
        decisionPoint: point,
        grade: 'III' as ProjectGrade,
        orgUnitId: String(e.fixture.units.eastOffice),
        amount: { minor: 30_000_000n, currency: 'CNY' },
        team: [],
      };
      for (const person of [s.people.leader, s.people.east1, s.people.west1, s.people.boss].map(String))
        expect(authorize(person, c, at, swapped.index)).toEqual(authorize(person, c, at, fresh.index));
      expect(whoMayDecide(c, at, swapped.index)).toEqual(whoMayDecide(c, at, fresh.index));
    }
  });

  test('a large delta is read in pages, letting requests run between them; it answers as a fresh build', async () => {
    const own = new AuthorityCache(e.dataSource);
    const start = await own.snapshot();
    // Out of band, in one transaction (as an import would): every person renamed in rounds, 2.5 pages of entries.
    const people = await e.dataSource.manager.find(Person, { order: { id: 'ASC' } });
    const rounds = Math.ceil((2.5 * ENTRY_PAGE_REVISIONS) / people.length);
    const to = await e.dataSource.transaction(async (em) => {
      await lockRevision(em);
      let revision = BigInt(await readRevision(em));
      const now = new Date();
      const entries: Array<Partial<AuthorityChange>> = [];
      for (let round = 1; round <= rounds; round++)
        for (const p of people) {
          revision += 1n;
          entries.push({
            revision: revision.toString(),
            recordType: 'Person',
            recordId: p.id,
            recordVersion: p.version + round,
            operation: 'UPDATE',
            effectiveFrom: now,
            recordedAt: now,
            actorKind: 'SYSTEM',
            actorId: null,
            actorLabel: 'test: bulk rename',
            correction: false,
            reason: 'bulk rename',
            before: null,
            after: { id: p.id, name: `${p.name} (${round})` },
            requestId: null,
          });
        }
      for (let i = 0; i < entries.length; i += 500)
        await em.getRepository(AuthorityChange).insert(entries.slice(i, i + 500) as never);
      for (const p of people)
        await em.update(Person, { id: p.id }, { name: `${p.name} (${rounds})`, version: p.version + rounds });
      await em.query('UPDATE authority_state SET changeCount = ? WHERE id IN (?, ?)', [
        revision.toString(),
        REVISION_ROW,
        AUTHORITY_ROW,
      ]);
      return revision.toString();
    });
    const count = BigInt(to) - BigInt(start.changeCount);
    expect(count).toBeGreaterThan(2n * BigInt(ENTRY_PAGE_REVISIONS));
    // Read in pages, a pause between two of them: the same entries as read at once, in order.
    let pauses = 0;
    const paged = (await authorityEntriesBetween(e.dataSource.manager, start.changeCount, to, 10_000, async () => {
      pauses += 1;
    }))!;
    expect(pauses).toBe(Math.ceil(Number(count) / ENTRY_PAGE_REVISIONS) - 1);
    expect(paged.map((x) => x.revision)).toEqual(
      Array.from({ length: Number(count) }, (_x, i) => (BigInt(start.changeCount) + 1n + BigInt(i)).toString()),
    );
    // Fewer revisions than a read moves by: the cache moves entry by entry, pausing between the pages.
    const before = { ...own.stats };
    const moved = await own.snapshot();
    expect(moved.changeCount).toBe(to);
    expect(own.stats.fullBuilds).toBe(before.fullBuilds);
    expect(own.stats.entriesApplied - before.entriesApplied).toBe(Number(count));
    expect(own.stats.entryPauses - before.entryPauses).toBe(pauses);
    // The names (read from the entries as they are) are those a fresh build reads from the table.
    const fresh = buildSnapshot(to, await loadAuthorityState(e.dataSource.manager));
    expect(new Map(moved.personNames)).toEqual(new Map(fresh.personNames));
    expect(moved.personNames.get(String(people[0]!.id))).toBe(`${people[0]!.name} (${rounds})`);
  });

  test('a delta of many delegations is applied in slices, pausing between them; answers as a fresh build', async () => {
    const own = new AuthorityCache(e.dataSource);
    const start = await own.snapshot();
    // Delegations logged again (as a re-import would), their limits narrowed, in rounds if there are few of them.
    const delegations = await e.dataSource.manager.find(Delegation, {
      order: { id: 'ASC' },
      take: Math.ceil(3.5 * APPLY_SLICE_ENTRIES),
    });
    const rounds = Math.ceil((3.5 * APPLY_SLICE_ENTRIES) / delegations.length);
    const type = LOGGED_TYPES.find((t) => t.table === 'delegations')!;
    const to = await e.dataSource.transaction(async (em) => {
      await lockRevision(em);
      let revision = BigInt(await readRevision(em));
      const now = new Date();
      for (const d of delegations) if (d.limitMinor !== null) d.limitMinor = d.limitMinor - 1n;
      const finals = await encodeRows(em, type, delegations);
      const entries: Array<Partial<AuthorityChange>> = [];
      for (let round = 1; round <= rounds; round++)
        delegations.forEach((d, i) => {
          revision += 1n;
          entries.push({
            revision: revision.toString(),
            recordType: 'Delegation',
            recordId: d.id,
            recordVersion: d.version,
            operation: 'UPDATE',
            effectiveFrom: now,
            recordedAt: now,
            actorKind: 'SYSTEM',
            actorId: null,
            actorLabel: 'test: re-import',
            correction: false,
            reason: 're-import',
            before: null,
            after: finals[i]!,
            requestId: null,
          });
        });
      for (let i = 0; i < entries.length; i += 500)
        await em.getRepository(AuthorityChange).insert(entries.slice(i, i + 500) as never);
      for (const d of delegations) await em.update(Delegation, { id: d.id }, { limitMinor: d.limitMinor });
      await em.query('UPDATE authority_state SET changeCount = ? WHERE id IN (?, ?)', [
        revision.toString(),
        REVISION_ROW,
        AUTHORITY_ROW,
      ]);
      return revision.toString();
    });
    const count = Number(BigInt(to) - BigInt(start.changeCount));
    expect(count).toBeGreaterThan(3 * APPLY_SLICE_ENTRIES);
    const before = { ...own.stats };
    const moved = await own.snapshot();
    expect(moved.changeCount).toBe(to);
    expect(own.stats.entriesApplied - before.entriesApplied).toBe(count);
    // A version per slice, a pause between two slices (none between pages: fewer revisions than a page).
    expect(own.stats.deltas - before.deltas).toBe(Math.ceil(count / APPLY_SLICE_ENTRIES));
    expect(own.stats.entryPauses - before.entryPauses).toBe(Math.ceil(count / APPLY_SLICE_ENTRIES) - 1);
    const fresh = buildSnapshot(to, await loadAuthorityState(e.dataSource.manager));
    expect(moved.index.state.delegations).toEqual(fresh.index.state.delegations);
    const at = new Date();
    for (const minor of [1_000_000n, 699_999_999n, 700_000_000n])
      for (const point of ['ATB', 'ATC'] as DecisionPoint[]) {
        const kase = {
          decisionPoint: point,
          grade: 'III' as ProjectGrade,
          orgUnitId: String(e.fixture.units.eastOffice),
          amount: { minor, currency: 'CNY' },
          team: [],
        };
        for (const person of [s.people.east1, s.people.west1, s.people.leader, s.people.boss].map(String))
          expect(authorize(person, kase, at, moved.index)).toEqual(authorize(person, kase, at, fresh.index));
      }
  });
});
