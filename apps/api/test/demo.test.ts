// The demo company seeds through the API's own operations, on both databases.
import { describeOnDatabases } from './support/databases';

describeOnDatabases(
  'demo data',
  (env) => {
    test('seeds a small company the demo users can browse', async () => {
      const { gql, tokens } = env();
      const res = await gql<Record<string, { count: number }>>(
        `{ p: _allPeopleMeta { count } o: _allOrgUnitsMeta { count } pr: _allProjectsMeta { count } a:
          _allAssessmentsMeta { count }
           r: _allRoleModelsMeta { count } f: _allQualificationFrameworksMeta { count } s: _allStaffingRulesMeta {
          count }
           ar: _allAuthorityRulesMeta { count } d: _allDelegationsMeta { count } pool: _allIncentivePoolsMeta { count
          } c: _allCustomersMeta { count } }`,
        {},
        { token: tokens.admin },
      );
      expect(res.body.errors).toBeUndefined();
      const counts = Object.fromEntries(Object.entries(res.body.data!).map(([k, v]) => [k, v.count]));
      expect(counts).toMatchObject({ o: 10, r: 3, f: 3, s: 9, pool: 1, c: 6 });
      expect(counts.p).toBeGreaterThanOrEqual(40);
      expect(counts.pr).toBe(12);
      expect(counts.a).toBeGreaterThanOrEqual(15);
      const grades = await gql<{
        allProjects: Array<{ grade: string; gradeReasons: string[]; team: Array<{ role: string }> }>;
      }>('{ allProjects(perPage: 50) { grade gradeReasons team { role } } }', {}, { token: tokens.viewer });
      const byGrade = new Set(grades.body.data!.allProjects.map((p) => p.grade));
      expect(byGrade).toEqual(new Set(['I', 'II', 'III']));
      expect(grades.body.data!.allProjects.every((p) => p.team.length >= 4)).toBe(true);
      // The leader sees only the East region's projects.
      const leader = await gql<{ _allProjectsMeta: { count: number } }>(
        '{ _allProjectsMeta { count } }',
        {},
        { token: tokens.leader },
      );
      expect(leader.body.data!._allProjectsMeta.count).toBeGreaterThan(0);
      expect(leader.body.data!._allProjectsMeta.count).toBeLessThan(12);
    });
  },
  { demo: true },
);
