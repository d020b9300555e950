// Talent search read by pages over HTTP against the whole evaluation: for random people and assessments (names that
// tie and differ only past the Basic Multilingual Plane, superseding, expired, non-certifying, levels missing, left
// the company), every page of every size equals the slice of the answer the domain's qualificationAt gives person by
// person, sorted by level, name (code points) and id; with and without the total.
import { compareIds, qualificationAt, TriangleRole } from '@iron-triangle/domain';
import { Assessment } from '../src/modules/assessment/assessment.entity';
import { toCertification } from '../src/modules/assessment/assessment.mapper';
import { Person } from '../src/modules/person/person.entity';
import { describeOnDatabases, TestEnv } from './support/databases';

const DAY = 86_400_000;
const ROLE = 'FR';

interface Item {
  personId: string;
  level: number;
  assessmentId: string;
  validUntil: string | null;
}
interface Page {
  totalCount?: number;
  endCursor: string | null;
  hasNextPage: boolean;
  items: Item[];
}

const page = (total: boolean) => `query($min: Int!, $at: DateTime, $first: Int, $after: String) {
  qualifiedPeoplePage(role: FR, minLevel: $min, at: $at, first: $first, after: $after) {
    ${total ? 'totalCount' : ''} endCursor hasNextPage items { personId level assessmentId validUntil } } }`;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function byCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0) as number);
  const y = [...b].map((c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}

describeOnDatabases('qualifiedPeople pages against the whole evaluation (random data)', (env) => {
  let e: TestEnv;
  let now: Date;

  beforeAll(async () => {
    e = env();
    now = e.fixture.now;
    const mutate = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const res = await e.gql<Record<string, T>>(query, variables, { token: e.tokens.hr });
      if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
      return Object.values(res.body.data!)[0] as T;
    };
    const model = await mutate<{ id: string }>(
      'mutation { createRoleModel(role: FR, name: "FR", nameZh: "交付") { id } }',
    );
    const version = await mutate<{ id: string }>(
      'mutation($m: ID!) { createRoleModelVersion(roleModelId: $m, versionNo: 1, status: "PUBLISHED") { id } }',
      { m: model.id },
    );
    const framework = await mutate<{ id: string }>(
      'mutation($v: ID!) { createQualificationFramework(role: FR, roleModelVersionId: $v, name: "FR q", ' +
        'validityMonths: 24, status: "ACTIVE") { id } }',
      { v: version.id },
    );
    const em = e.dataSource.manager;
    const stamp = { version: 1, createdAt: now, updatedAt: now };
    const random = rng(20261202);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    // Few names, so that people tie on level and name; U+E000 sorts before U+20000 by code points (not UTF-16).
    const NAMES = ['Li Wei', 'Li Wei', 'li wei', 'Åsa', 'Zoë', '王伟', '\u{20000}x', '\uE000y', 'Ann', 'Ann '];
    const day = (n: number) => new Date(now.getTime() + n * DAY);
    for (let i = 0; i < 60; i++) {
      const archivedAt = random() < 0.1 ? day(pick([-5, 10, 40])) : null;
      const personId = Number(
        (
          await em.insert(Person, {
            employeeNo: `P-${i}`,
            name: pick(NAMES),
            orgUnitId: e.fixture.units.eastOffice,
            email: null,
            phone: null,
            hiredAt: null,
            archivedAt,
            ...stamp,
          })
        ).identifiers[0]?.id,
      );
      const count = Math.floor(random() * 4);
      for (let k = 0; k < count; k++) {
        // Days on a coarse grid, so that assessments tie on the instant and validity ends exactly at a question.
        const assessedAt = day(pick([-400, -100, -30, -30, -1, 0, 10, 40]));
        const certifies = random() >= 0.15;
        await em.insert(Assessment, {
          personId,
          role: ROLE,
          frameworkId: Number(framework.id),
          roleModelVersionId: Number(version.id),
          kind: certifies ? 'PANEL' : 'SELF',
          assessorId: null,
          assessedAt,
          inRoleSince: null,
          completedProjects: 0,
          performance: null,
          tenureMonths: 12,
          certifies,
          levelReached: random() < 0.1 ? null : 1 + Math.floor(random() * 5),
          validUntil: random() < 0.2 ? null : new Date(assessedAt.getTime() + pick([30, 40, 70, 700]) * DAY),
          gap: null,
          evaluation: null,
          comment: null,
          ...stamp,
        } as never);
      }
    }
  });

  /** The whole answer: every person's certifying assessments evaluated by the domain, in the answer's order. */
  async function wholeAnswer(minLevel: number, at: Date): Promise<Item[]> {
    const people = await e.dataSource.manager.find(Person);
    const assessments = await e.dataSource.manager.findBy(Assessment, { role: ROLE });
    const held: Array<Item & { name: string }> = [];
    for (const p of people) {
      if (p.archivedAt !== null && p.archivedAt.getTime() <= at.getTime()) continue;
      const records = assessments.filter((a) => a.personId === p.id).map(toCertification);
      const answer = qualificationAt(records, String(p.id), ROLE as TriangleRole, at);
      if (!answer.held || answer.level < minLevel) continue;
      held.push({
        personId: String(p.id),
        level: answer.level,
        assessmentId: String(Number(answer.assessmentId)),
        validUntil: answer.validUntil?.toISOString() ?? null,
        name: p.name,
      });
    }
    held.sort((a, b) => b.level - a.level || byCodePoints(a.name, b.name) || compareIds(a.personId, b.personId));
    return held.map(({ name: _name, ...item }) => item);
  }

  const ask = async (total: boolean, variables: Record<string, unknown>): Promise<Page> => {
    const res = await e.gql<{ qualifiedPeoplePage: Page }>(page(total), variables, { token: e.tokens.hr });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.qualifiedPeoplePage;
  };

  // Moments after the requests' clock (the fixture's `now` is when it was seeded): the answer from the assessments
  // as they are, read page by page.
  test('every page of every size is the slice of the whole answer, at moments to come', async () => {
    let nonEmpty = 0;
    for (const offset of [1, 40, 70]) {
      const at = new Date(now.getTime() + offset * DAY);
      for (const min of [1, 3]) {
        const whole = await wholeAnswer(min, at);
        if (whole.length > 1) nonEmpty++;
        const question = { min, at: at.toISOString() };
        const all = await ask(true, question);
        expect({ at: offset, min, items: all.items }).toEqual({ at: offset, min, items: whole });
        expect(all).toMatchObject({ totalCount: whole.length, hasNextPage: false });
        for (const size of [2, 7]) {
          const seen: Item[] = [];
          let after: string | null = null;
          for (let n = 0; ; n++) {
            const total = n % 2 === 0;
            const p: Page = await ask(total, { ...question, first: size, after });
            expect(p.items).toEqual(whole.slice(seen.length, seen.length + size));
            if (total) expect(p.totalCount).toBe(whole.length);
            seen.push(...p.items);
            expect(p.hasNextPage).toBe(seen.length < whole.length);
            if (!p.hasNextPage) break;
            after = p.endCursor;
          }
          expect(seen).toEqual(whole);
        }
      }
    }
    // The data does exercise the order (not every answer empty).
    expect(nonEmpty).toBeGreaterThan(4);
  });
});
