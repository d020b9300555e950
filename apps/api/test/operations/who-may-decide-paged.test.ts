// whoMayDecide by pages over HTTP: direct holders first, then by name (code points, ties by numeric id); pages of any
// size walk exactly the whole answer; cursors belong to their question.
import { Person } from '../../src/modules/person/person.entity';
import { PositionAssignment } from '../../src/modules/position-assignment/position-assignment.entity';
import { Delegation } from '../../src/modules/delegation/delegation.entity';
import { describeOnDatabases, TestEnv } from '../support/databases';
import { Scenario, seedScenario } from './scenario';

const DECIDER = 'personId cursor direct quorumRequired person { name } chains { links { kind id } }';
const PAGE = `query($input: CaseInput!, $first: Int, $after: String) {
  whoMayDecidePage(input: $input, first: $first, after: $after) {
    totalCount endCursor hasNextPage items { ${DECIDER} } bodies { ruleId bodyId quorumReachable }
  }
}`;
const LIST = `query($input: CaseInput!, $first: Int, $after: String) {
  whoMayDecide(input: $input, first: $first, after: $after) { ${DECIDER} }
}`;

interface Decider {
  personId: string;
  cursor: string;
  direct: boolean;
  quorumRequired: boolean;
  person: { name: string } | null;
  chains: Array<{ links: Array<{ kind: string; id: string }> }>;
}
interface Page {
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
  items: Decider[];
  bodies: Array<{ ruleId: string; bodyId: string; quorumReachable: boolean }>;
}

describeOnDatabases('whoMayDecide paged', (env) => {
  let s: Scenario;
  let e: TestEnv;
  let input: Record<string, unknown>;
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
    const em = e.dataSource.manager;
    const now = e.fixture.now;
    const stamp = { version: 1, createdAt: now, updatedAt: now };
    const person = async (name: string, id?: number) =>
      Number(
        (
          await em.insert(Person, {
            ...(id === undefined ? {} : { id }),
            employeeNo: `P-${name}-${id ?? ''}`,
            name,
            orgUnitId: e.fixture.units.eastOffice,
            email: null,
            phone: null,
            hiredAt: null,
            archivedAt: null,
            ...stamp,
          })
        ).identifiers[0]?.id,
      );
    // A second East director (a direct holder), and delegates whose names do not follow their ids; two of them
    // share a name, their ids 99 and 100 ordering differently as text and as numbers.
    const zed = await person('Zed Zhou');
    await em.insert(PositionAssignment, {
      personId: zed,
      title: 'BUSINESS_DEPT_DIRECTOR',
      orgUnitId: e.fixture.units.east,
      validFrom: s.start,
      validTo: null,
      ...stamp,
    });
    const delegates = [
      await person('Yara Young'),
      await person('张伟'),
      await person('Ada Ames'),
      await person('Twin', 100),
      await person('Twin', 99),
      await person('Bo Bai'),
    ];
    for (const delegateId of delegates) {
      await em.insert(Delegation, {
        sourceRuleId: s.rules.director,
        sourceDelegationId: null,
        delegatorId: s.people.leader,
        delegateId,
        decisionPoints: ['ATC'],
        grades: ['III'],
        scopeOrgUnitId: e.fixture.units.eastOffice,
        limitMinor: 500_000_000n,
        currency: 'CNY',
        validFrom: s.start,
        validTo: null,
        redelegableDepth: 0,
        requiredRole: null,
        requiredLevel: null,
        reason: 'paging test',
        revokedAt: null,
        revokeReason: null,
        ...stamp,
      });
    }
    input = {
      decisionPoint: 'ATC',
      grade: 'III',
      orgUnitId: String(e.fixture.units.eastOffice),
      amount: '1.00',
      currency: 'CNY',
    };
  });

  const page = async (vars: Record<string, unknown>) => {
    const res = await e.gql<{ whoMayDecidePage: Page }>(PAGE, { input, ...vars }, { token: e.tokens.viewer });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.whoMayDecidePage;
  };
  const list = async (vars: Record<string, unknown> = {}) => {
    const res = await e.gql<{ whoMayDecide: Decider[] }>(LIST, { input, ...vars }, { token: e.tokens.viewer });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.whoMayDecide;
  };

  test('direct holders first, then by name as code points, ties by numeric id', async () => {
    const all = await list();
    expect(all.map((d) => [d.direct, d.person?.name])).toEqual([
      [true, 'Lena Leader'],
      [true, 'Zed Zhou'],
      [false, 'Ada Ames'],
      [false, 'Bo Bai'],
      [false, 'Eddie East'],
      [false, 'Twin'],
      [false, 'Twin'],
      [false, 'Yara Young'],
      [false, '张伟'],
    ]);
    const twins = all.filter((d) => d.person?.name === 'Twin').map((d) => d.personId);
    expect(twins).toEqual(['99', '100']);
    // direct: a chain of one link.
    for (const d of all) expect(d.direct).toBe(d.chains.some((c) => c.links.length === 1));
  });

  test.each([1, 2, 4, 9])(
    'walking pages of %i gives exactly the whole answer, in order, the total constant',
    async (size) => {
      const all = await list();
      const walked: Decider[] = [];
      let after: string | null = null;
      for (let n = 0; n < 20; n++) {
        const p: Page = await page({ first: size, after });
        expect(p.totalCount).toBe(all.length);
        expect(p.items.length).toBeLessThanOrEqual(size);
        walked.push(...p.items);
        expect(p.endCursor).toBe(p.items[p.items.length - 1]?.cursor ?? null);
        // The list operation pages alike.
        expect(await list({ first: size, after })).toEqual(p.items);
        if (!p.hasNextPage) break;
        after = p.endCursor;
      }
      expect(walked).toEqual(all);
    },
  );

  test('after a decider: the ones after it; after the last: an empty page', async () => {
    const all = await list();
    expect(await list({ after: all[4]!.cursor })).toEqual(all.slice(5));
    const end = await page({ first: 3, after: all[all.length - 1]!.cursor });
    expect(end).toMatchObject({ items: [], totalCount: all.length, endCursor: null, hasNextPage: false });
  });

  test('first out of 1..500, a cursor not of this question: BAD_USER_INPUT', async () => {
    const refused = async (vars: Record<string, unknown>, query = PAGE) => {
      const res = await e.gql(query, { input, ...vars }, { token: e.tokens.viewer });
      expect(res.body.data ?? null).toBeNull();
      return res.body.errors?.[0];
    };
    for (const first of [0, -1, 501]) {
      const error = await refused({ first });
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: { first: expect.any(String) } });
      expect(error?.message).toContain('from 1 to 500');
    }
    expect((await list({ first: 500 })).length).toBe(9);
    const other = (await list())[0]!.cursor;
    const otherCase = await e.gql<{ whoMayDecide: Decider[] }>(
      LIST,
      { input: { ...input, decisionPoint: 'ATB' } },
      { token: e.tokens.viewer },
    );
    for (const after of [
      'garbage',
      Buffer.from('[1,"x",0,"a","1"]').toString('base64url'),
      otherCase.body.data!.whoMayDecide[0]!.cursor,
    ]) {
      const error = await refused({ after }, LIST);
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: { after: expect.any(String) } });
      expect(error?.message).toContain('is not a cursor of this question');
    }
    // The same question asked again (its `at` defaulting to each request's now) takes its own cursors.
    expect((await list({ after: other })).length).toBe(8);
  });

  test("a page lists each body its deciders' chains go through once", async () => {
    const gradeI = { decisionPoint: 'ATI', projectId: String(s.projects.gradeI) };
    const res = await e.gql<{
      whoMayDecidePage: Page & { items: Array<Decider & { bodies: Array<{ ruleId: string }> }> };
    }>(
      `query($input: CaseInput!) { whoMayDecidePage(input: $input, first: 20) { totalCount
        items { personId quorumRequired bodies { ruleId } } bodies { ruleId bodyId quorumReachable } } }`,
      { input: gradeI },
      { token: e.tokens.viewer },
    );
    expect(res.body.errors).toBeUndefined();
    const p = res.body.data!.whoMayDecidePage;
    // The BU president and both East directors, each in a seat.
    expect(p.totalCount).toBe(3);
    expect(p.bodies).toEqual([{ ruleId: String(s.rules.body), bodyId: String(s.body), quorumReachable: true }]);
    for (const d of p.items) expect(d.bodies).toEqual([{ ruleId: String(s.rules.body) }]);
    // whoMayDecide with `first` over a body's rule (its coverage needs every decider): the same deciders and bodies.
    const listed = await e.gql<{ whoMayDecide: Array<{ personId: string; bodies: Array<{ ruleId: string }> }> }>(
      'query($input: CaseInput!) { whoMayDecide(input: $input, first: 2) { personId bodies { ruleId } } }',
      { input: gradeI },
      { token: e.tokens.viewer },
    );
    expect(listed.body.data?.whoMayDecide).toEqual(
      p.items.slice(0, 2).map((d) => ({ personId: d.personId, bodies: [{ ruleId: String(s.rules.body) }] })),
    );
  });
});
