// The promise of issue #12 through the API, on both databases: a seeded random sequence of edits, corrections and
// revocations (authority rules, delegations, positions, team appointments, a decision body's seats, an org unit's
// place in the tree, projects). After each step a fixed set of questions (authorize on described and project cases,
// whoMayDecide) is asked about several past moments and now, by a signed-in user or an API token; the answers are
// recorded with the moment the system answered (asKnownAt). At the end every question is asked again with asKnownAt =
// that moment, by the other caller, and must get exactly the recorded answer (revision and corrections included),
// whatever was corrected in between. An ordinary change never changes an answer about the moments before it, and a
// refused one writes nothing.
import { describeOnDatabases, TestEnv } from './support/databases';
import { args, en, lit } from './support/graphql';
import { Scenario, seedScenario } from './operations/scenario';
import { AuthorityRule } from '../src/modules/authority-rule/authority-rule.entity';
import { Delegation } from '../src/modules/delegation/delegation.entity';
import { PositionAssignment } from '../src/modules/position-assignment/position-assignment.entity';
import { Project } from '../src/modules/project/project.entity';
import { TeamAppointment } from '../src/modules/team-appointment/team-appointment.entity';
import { DecisionBody } from '../src/modules/decision-body/decision-body.entity';
import { OrgUnit } from '../src/modules/org-unit/org-unit.entity';
import { AuthorityChange } from '../src/platform/change-log';
import { EntityTarget, In, IsNull, ObjectLiteral } from 'typeorm';

// A fixed seed; HISTORY_SEED tries another (HISTORY_LOG=1 lists the steps).
const SEED = Number(process.env.HISTORY_SEED ?? 20261212);
const STEPS = 32;
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** mulberry32: a small seeded PRNG. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    int,
    chance: (p: number) => next() < p,
    one: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T,
    some: <T>(items: readonly T[]): T[] => {
      const picked = items.filter(() => next() < 0.5);
      return picked.length ? picked : [items[int(0, items.length - 1)] as T];
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const AUTHORIZE_FIELDS =
  'allowed at asKnownAt revision quorumRequired chains { links { kind id } body { bodyId } } ' +
  'reasons { code linkId chain } corrections { revision }';
const DECIDER_FIELDS =
  'personId revision quorumRequired chains { links { kind id } body { bodyId } } corrections { revision }';

interface AuthorizeAnswer {
  allowed: boolean;
  at: string;
  asKnownAt: string;
  revision: string;
}

/** One question: an alias, the field, its input (without the moments). */
interface Question {
  alias: string;
  field: 'authorize' | 'whoMayDecide';
  input: Record<string, unknown>;
}

/** The answers of one round of questions: by alias, as returned; `at` of each moment's questions. */
interface Round {
  asKnownAt: string;
  /** The moment each group of questions asked about (for "now", the answer's `at`). */
  moments: Map<string, string>;
  answers: Map<string, unknown>;
}

describeOnDatabases(
  'history: answers as known at a moment',
  (env) => {
    let e: TestEnv;
    let s: Scenario;
    let leaderPosition: number;
    let bossPosition: number;
    /** Wanda's appointment as AR of the small project. */
    let wandaOnSmall: number;
    /** An integrator's API token (read scope): its requests carry no counters read with a session. */
    let reader: string;
    beforeAll(async () => {
      e = env();
      s = await seedScenario(e);
      const em = e.dataSource.manager;
      leaderPosition = (await em.findOneByOrFail(PositionAssignment, { personId: s.people.leader })).id;
      bossPosition = (await em.findOneByOrFail(PositionAssignment, { personId: s.people.boss })).id;
      wandaOnSmall = (await em.findOneByOrFail(TeamAppointment, { projectId: s.projects.small })).id;
      const token = await e.gql<{ createApiToken: { secret: string } }>(
        'mutation { createApiToken(name: "history reader", scopes: ["read"]) { secret } }',
        {},
        { token: e.tokens.admin },
      );
      reader = token.body.data!.createApiToken.secret;
    });

    const questions = (): Question[] => {
      const { units } = e.fixture;
      const described = { decisionPoint: en('ATC'), grade: en('III'), orgUnitId: String(units.eastOffice) };
      return [
        {
          alias: 'eddie',
          field: 'authorize',
          input: { personId: String(s.people.east1), ...described, amount: '4000000.00', currency: 'CNY' },
        },
        {
          alias: 'lena',
          field: 'authorize',
          input: {
            personId: String(s.people.leader),
            decisionPoint: en('ATB'),
            grade: en('II'),
            orgUnitId: String(units.east),
            amount: '8000000.00',
            currency: 'CNY',
          },
        },
        {
          alias: 'eddieSmall',
          field: 'authorize',
          input: { personId: String(s.people.east1), projectId: String(s.projects.small), decisionPoint: en('ATB') },
        },
        {
          alias: 'bossGradeI',
          field: 'authorize',
          input: { personId: String(s.people.boss), projectId: String(s.projects.gradeI), decisionPoint: en('ATI') },
        },
        {
          alias: 'lenaGradeI',
          field: 'authorize',
          input: {
            personId: String(s.people.leader),
            projectId: String(s.projects.gradeI),
            decisionPoint: en('ATI'),
          },
        },
        {
          alias: 'who',
          field: 'whoMayDecide',
          input: { ...described, amount: '4000000.00', currency: 'CNY' },
        },
        {
          alias: 'whoSmall',
          field: 'whoMayDecide',
          input: { projectId: String(s.projects.small), decisionPoint: en('ATB') },
        },
      ];
    };

    /**
     * Asks every question about every moment in one request (one `now` for all). `moments`: key → the moment (null:
     * now); `asKnownAt`: what the system knew (default now).
     */
    async function ask(
      moments: Map<string, string | null>,
      asKnownAt?: string,
      token = e.tokens.viewer,
    ): Promise<Round> {
      const fields: string[] = [];
      for (const [key, at] of moments) {
        for (const q of questions()) {
          const input = { ...q.input, ...(at === null ? {} : { at }), ...(asKnownAt ? { asKnownAt } : {}) };
          const selection = q.field === 'authorize' ? AUTHORIZE_FIELDS : DECIDER_FIELDS;
          fields.push(`${q.alias}_${key}: ${q.field}(input: ${lit(input)}) { ${selection} }`);
        }
      }
      const res = await e.gql<Record<string, unknown>>(`{ ${fields.join('\n')} }`, {}, { token });
      expect(res.body.errors).toBeUndefined();
      const data = res.body.data!;
      const answers = new Map(Object.entries(data));
      const round: Round = { asKnownAt: '', moments: new Map(), answers };
      for (const key of moments.keys()) {
        const first = data[`eddie_${key}`] as AuthorizeAnswer;
        round.moments.set(key, first.at);
        round.asKnownAt = first.asKnownAt;
      }
      // One request, one `now`: every answer is as known at the same moment.
      for (const [alias, answer] of answers) {
        if (!Array.isArray(answer))
          expect([alias, (answer as AuthorizeAnswer).asKnownAt]).toEqual([alias, round.asKnownAt]);
      }
      return round;
    }

    test(`${STEPS} random edits, corrections and revocations; every answer reproduced as known then`, async () => {
      const p = seeded(SEED);
      const em = e.dataSource.manager;
      const { units, people } = e.fixture;
      const t0 = Date.now();
      const delegations = [s.delegation];
      const stepTimes: number[] = [];
      const rounds: Round[] = [];
      const outcomes: string[] = [];
      let ordinaryChecked = 0;

      /** A moment in the past for a correction: well before everything, or just before an earlier change. */
      const pastMoment = (): Date => {
        if (stepTimes.length && p.chance(0.4)) return new Date(p.one(stepTimes) - p.int(1, 3));
        return new Date(t0 - p.int(1, 40) * DAY - p.int(0, 23) * HOUR);
      };
      const change = (kind: string): Record<string, unknown> | undefined => {
        if (!p.chance(0.35)) return undefined;
        const whole = p.chance(0.1);
        return {
          correction: true,
          ...(whole ? {} : { effectiveFrom: pastMoment() }),
          reason: `property step: corrected ${kind}`,
        };
      };
      const logged = () => em.count(AuthorityChange);
      const mutate = async (name: string, fields: Record<string, unknown>) => {
        const entries = await logged();
        const res = await e.gql(`mutation { ${name}(${args(fields)}) { id } }`, {}, { token: e.tokens.admin });
        const code = res.body.errors?.[0]?.extensions?.code;
        const correction = (fields.change as { correction?: boolean } | undefined)?.correction === true;
        const kind = correction || (name === 'revokeDelegation' && fields.at !== undefined) ? 'correction' : 'ordinary';
        outcomes.push(code ? `${name}: ${String(code)} ${res.body.errors?.[0]?.message}` : `${name} (${kind})`);
        // A refused change writes nothing; an accepted one appends its entries.
        if (code) expect([name, await logged()]).toEqual([name, entries]);
        else expect(await logged()).toBeGreaterThan(entries);
        return { ok: !code, kind, res };
      };
      const version = async (entity: EntityTarget<ObjectLiteral>, id: number) =>
        ((await em.findOneByOrFail(entity, { id })) as { version: number }).version;

      /** Delegations not revoked (a revoked one never changes). */
      const live = async () =>
        (await em.findBy(Delegation, { id: In(delegations), revokedAt: IsNull() })).map((d) => d.id);
      const steps: Array<() => Promise<{ ok: boolean; kind: string }>> = [
        // The director's rule: limit, grades, decision points or scope.
        async () => {
          const id = p.chance(0.8) ? s.rules.director : s.rules.body;
          const field = p.int(0, 3);
          const fields: Record<string, unknown> =
            field === 0
              ? { limit: p.one(['3000000.00', '6000000.00', '10000000.00', '50000000.00', null]) }
              : field === 1
                ? { grades: (p.chance(0.6) ? ['II', 'III'] : p.some(['I', 'II', 'III'])).map(en) }
                : field === 2
                  ? { decisionPoints: (p.chance(0.6) ? ['ATB', 'ATC'] : p.some(['ATI', 'ATB', 'ATC'])).map(en) }
                  : { scopeOrgUnitId: String(p.one([units.hq, units.east, units.eastOffice])) };
          return mutate('updateAuthorityRule', {
            id: String(id),
            version: await version(AuthorityRule, id),
            ...fields,
            change: change('rule'),
          });
        },
        // A new delegation from the director's rule, or a re-delegation from Eddie.
        async () => {
          const fromEddie = p.chance(0.3) && (await live()).includes(s.delegation);
          // A point the source still grants, mostly (the engine refuses the others).
          const source = await em.findOneByOrFail(AuthorityRule, { id: s.rules.director });
          const granted = (fromEddie ? ['ATB', 'ATC'] : source.decisionPoints).filter((x) => x !== 'ATI');
          const grantable = granted.length && p.chance(0.9) ? granted : ['ATB', 'ATC'];
          const res = await mutate('createDelegation', {
            ...(fromEddie ? { sourceDelegationId: String(s.delegation) } : { sourceRuleId: String(s.rules.director) }),
            delegatorId: String(fromEddie ? people.east1 : people.leader),
            delegateId: String(p.one(fromEddie ? [s.people.outsider, people.west1] : [people.east1, people.west1])),
            decisionPoints: [en(p.one(grantable))],
            grades: [en('III')],
            scopeOrgUnitId: String(units.eastOffice),
            limit: p.one(['2000000.00', '5000000.00']),
            currency: 'CNY',
            validFrom: new Date(Date.now() - p.int(0, 20) * DAY),
            validTo: p.chance(0.5) ? null : new Date(Date.now() + 30 * DAY),
            redelegableDepth: 0,
            reason: 'property step: a new delegation',
          });
          if (res.ok) {
            const created = res.res.body.data as { createDelegation: { id: string } };
            delegations.push(Number(created.createDelegation.id));
          }
          return res;
        },
        // A delegation's end moves (a new delegation when every one is revoked).
        async () => {
          if (!(await live()).length) return steps[1]!();
          const id = p.one(await live());
          const current = await em.findOneByOrFail(Delegation, { id });
          return mutate('updateDelegation', {
            id: String(id),
            version: current.version,
            validTo: p.chance(0.3) ? null : new Date(Date.now() + p.int(1, 60) * HOUR),
            change: change('delegation'),
          });
        },
        // A revocation, from now or (a correction) from a moment in the past.
        async () => {
          if (!(await live()).length) return steps[1]!();
          const id = p.one(await live());
          const past = p.chance(0.4);
          return mutate('revokeDelegation', {
            id: String(id),
            reason: past ? 'property step: revoked in the past' : 'property step: revoked',
            ...(past
              ? { at: new Date(p.chance(0.5) && stepTimes.length ? p.one(stepTimes) : t0 - p.int(1, 30) * DAY) }
              : {}),
          });
        },
        // Lena's directorship or the BU president's position: start, end or unit.
        async () => {
          const id = p.chance(0.75) ? leaderPosition : bossPosition;
          const field = p.int(0, 2);
          const fields: Record<string, unknown> =
            field === 0
              ? { validFrom: new Date(t0 - p.int(1, 60) * DAY) }
              : field === 1
                ? { validTo: p.chance(0.4) ? null : new Date(Date.now() + p.int(1, 48) * HOUR) }
                : { orgUnitId: String(p.one([units.east, units.west, units.hq])) };
          return mutate('updatePositionAssignment', {
            id: String(id),
            version: await version(PositionAssignment, id),
            ...fields,
            change: change('position'),
          });
        },
        // Wanda's appointment to the small project: its start, its end or her role.
        async () => {
          const field = p.int(0, 2);
          const fields: Record<string, unknown> =
            field === 0
              ? { validFrom: new Date(t0 - p.int(1, 30) * DAY) }
              : field === 1
                ? { validTo: p.chance(0.4) ? null : new Date(Date.now() + p.int(1, 48) * HOUR) }
                : { role: en(p.one(['AR', 'SR', 'FR'])) };
          return mutate('updateTeamAppointment', {
            id: String(wandaOnSmall),
            version: await version(TeamAppointment, wandaOnSmall),
            ...fields,
            change: change('appointment'),
          });
        },
        // The grade I team's seats: the director's seat fixed, on demand, or gone.
        async () => {
          const president = { title: 'BU_PRESIDENT', fixed: true };
          const director = { title: 'BUSINESS_DEPT_DIRECTOR', alternativeTitles: ['CHIEF_ENGINEER'], fixed: true };
          const seats = p.one([[president, director], [president, { ...director, fixed: false }], [president]]);
          return mutate('updateDecisionBody', {
            id: String(s.body),
            version: await version(DecisionBody, s.body),
            seats,
            change: change('body'),
          });
        },
        // The East office moves to another region (or back).
        async () => {
          const id = e.fixture.units.eastOffice;
          return mutate('updateOrgUnit', {
            id: String(id),
            version: await version(OrgUnit, id),
            parentId: String(p.one([units.east, units.east, units.west])),
            change: change('org unit'),
          });
        },
        // A project's amount or grade.
        async () => {
          const id = p.one([s.projects.small, s.projects.small, s.projects.gradeI]);
          const fields: Record<string, unknown> = p.chance(0.5)
            ? { amount: p.one(['1000000.00', '4000000.00', '6000000.00', '20000000.00']) }
            : { grade: en(p.one(['I', 'II', 'III'])), gradeJustification: 'property step: graded by hand' };
          return mutate('updateProject', {
            id: String(id),
            version: await version(Project, id),
            ...fields,
            change: change('project'),
          });
        },
      ];

      const fixedMoments = new Map<string, string | null>([
        ['now', null],
        ['d40', new Date(t0 - 40 * DAY).toISOString()],
        ['d20', new Date(t0 - 20 * DAY).toISOString()],
      ]);
      const strip = (answer: unknown): unknown => {
        if (Array.isArray(answer)) return answer.map((d: Record<string, unknown>) => ({ ...d, revision: undefined }));
        return { ...(answer as Record<string, unknown>), revision: undefined, asKnownAt: undefined };
      };

      for (let i = 0; i < STEPS; i++) {
        await sleep(5);
        // Rules, positions and projects a little more often than the rest.
        const step = steps[p.one([0, 0, 0, 1, 2, 3, 4, 4, 5, 6, 7, 8, 8])]!;
        const result = await step();
        // The moment the change was recorded (and an ordinary one took effect): a boundary to ask about later.
        if (result.ok) {
          const entry = await em.findOneOrFail(AuthorityChange, { where: {}, order: { revision: 'DESC' } });
          stepTimes.push(entry.recordedAt.getTime());
        }
        await sleep(5);
        // The moments asked about: the fixed ones, and just before and at two changes (this one among them).
        const moments = new Map(fixedMoments);
        for (const k of [0, 1]) {
          if (!stepTimes.length) break;
          const t = p.one(stepTimes);
          moments.set(`s${k}`, new Date(t - (k === 0 ? 1 : 0)).toISOString());
        }
        // Asked by a signed-in user and by an API token in turn; asked again, at the end, by the other.
        const round = await ask(moments, undefined, i % 2 ? reader : e.tokens.viewer);
        // An ordinary change leaves every answer about an earlier moment as it was.
        const previous = rounds[rounds.length - 1];
        if (previous && result.ok && result.kind === 'ordinary' && !outcomes[i]!.startsWith('createDelegation')) {
          for (const key of ['d40', 'd20']) {
            for (const q of questions()) {
              const alias = `${q.alias}_${key}`;
              expect([outcomes[i], alias, strip(round.answers.get(alias))]).toEqual([
                outcomes[i],
                alias,
                strip(previous.answers.get(alias)),
              ]);
              ordinaryChecked++;
            }
          }
        }
        rounds.push(round);
      }

      // Every round again, as known then: the very same answers, revisions included.
      let changedSince = 0;
      const latest = await ask(new Map([...fixedMoments].filter(([key]) => key !== 'now')));
      for (const [i, round] of rounds.entries()) {
        const again = await ask(new Map(round.moments), round.asKnownAt, i % 2 ? e.tokens.viewer : reader);
        expect(again.asKnownAt).toBe(round.asKnownAt);
        for (const [alias, answer] of round.answers) {
          expect([i, outcomes[i], alias, again.answers.get(alias)]).toEqual([i, outcomes[i], alias, answer]);
          const now = latest.answers.get(alias);
          if (now !== undefined && JSON.stringify(strip(now)) !== JSON.stringify(strip(answer))) changedSince++;
        }
      }
      // The sequence must have done its work: mostly successful steps, corrections among them, and answers about the
      // past that later corrections changed (or reproducing them would prove little).
      const failed = outcomes.filter((o) => o.includes(':'));
      if (process.env.HISTORY_LOG) console.log(outcomes.join('\n'));
      expect(failed.length < STEPS / 3 ? 'few refused' : outcomes.join('\n')).toBe('few refused');
      expect(outcomes.filter((o) => o.endsWith('(correction)')).length).toBeGreaterThanOrEqual(5);
      expect(ordinaryChecked).toBeGreaterThan(100);
      expect(changedSince).toBeGreaterThan(10);
      // (Well under a minute per database; the limit leaves room for a busy machine.)
    }, 150_000);
  },
  // Every question about every moment in one request: one `now` for all of them.
  { limits: { maxAliases: 200, maxCost: 200_000, maxTokens: 50_000 } },
);
