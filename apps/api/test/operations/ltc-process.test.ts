// The LTC process over HTTP (issue #14): decisions in sequence (OUT_OF_SEQUENCE names the missing one), the stage
// an approval moves the project to (history, audit), material changes that reopen approvals, and the races between
// them, on SQLite and MariaDB.
import { describeOnDatabases, GqlResult, TestEnv } from '../support/databases';
import { AuditEntry } from '../../src/platform/audit-entry.entity';
import { AuthorityRule } from '../../src/modules/authority-rule/authority-rule.entity';
import { Decision } from '../../src/modules/decision/decision.entity';
import { Project } from '../../src/modules/project/project.entity';
import { Scenario, seedScenario } from './scenario';

const RECORD = `mutation($input: RecordDecisionInput!) {
  recordDecision(input: $input) { id decisionPoint outcome complete amount currency grade reopenedAt }
}`;

interface RecordedDecision {
  id: string;
  decisionPoint: string;
  outcome: string;
  complete: boolean;
  amount: string;
  currency: string;
  grade: string;
  reopenedAt: string | null;
}

const PROJECT = `query($id: ID!) { Project(id: $id) {
  id version stage amount grade decisionPointsInSequence
  decisions { id decisionPoint outcome amount grade reopenedAt }
  reopenedDecisions { id decisionPoint reopenedAt reopenedReason reopenedCauses }
  history { operation before after }
} }`;

interface ProjectView {
  id: string;
  version: number;
  stage: string;
  amount: string;
  grade: string;
  decisionPointsInSequence: string[];
  decisions: Array<{ id: string; decisionPoint: string; outcome: string; amount: string; grade: string }>;
  reopenedDecisions: Array<{
    id: string;
    decisionPoint: string;
    reopenedAt: string;
    reopenedReason: string;
    reopenedCauses: Array<Record<string, unknown>>;
  }>;
  history: Array<{ operation: string; before: Record<string, unknown> | null; after: Record<string, unknown> }>;
}

describeOnDatabases('the LTC process: sequence, stage and material changes', (env) => {
  let s: Scenario;
  let e: TestEnv;
  let key = 0;
  let projects = 0;

  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
    // The East director may also approve amendments and closing (the scenario's rule stops at ATC).
    const now = new Date();
    await e.dataSource.manager.insert(AuthorityRule, {
      name: 'East director: amendments and closing',
      holderKind: 'POSITION',
      holderTitle: 'BUSINESS_DEPT_DIRECTOR',
      holderOrgUnitId: e.fixture.units.east,
      decisionBodyId: null,
      holderRole: null,
      decisionPoints: ['ATAC', 'ATCC'],
      grades: ['II', 'III'],
      scopeOrgUnitId: e.fixture.units.east,
      limitMinor: 1_000_000_000n,
      currency: 'CNY',
      validFrom: s.start,
      validTo: null,
      delegableDepth: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
    } as never);
  });

  const admin = () => ({ token: s.tokens.admin });

  const decide = (
    projectId: string,
    decisionPoint: string,
    outcome = 'APPROVED',
    headers: Record<string, string> = {},
  ): Promise<GqlResult<{ recordDecision: RecordedDecision }>> =>
    e.gql<{ recordDecision: RecordedDecision }>(
      RECORD,
      {
        input: {
          projectId,
          decisionPoint,
          outcome,
          deciderId: String(s.people.leader),
          idempotencyKey: `ltc-${e.kind}-${++key}`,
        },
      },
      { ...admin(), headers },
    );

  const approved = async (projectId: string, decisionPoint: string): Promise<RecordedDecision> => {
    const res = await decide(projectId, decisionPoint);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.recordDecision;
  };

  const newProject = async (amount = '1000000.00', stage = 'LEAD'): Promise<string> => {
    const res = await e.gql<{ createProject: { id: string } }>(
      `mutation($name: String!, $unit: ID!, $amount: Money!, $stage: String!) { createProject(name: $name,
        orgUnitId: $unit, stage: $stage, amount: $amount, currency: "CNY", gradeCriteria: {}) { id } }`,
      { name: `LTC project ${e.kind} ${++projects}`, unit: String(e.fixture.units.eastOffice), amount, stage },
      admin(),
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.createProject.id;
  };

  const view = async (id: string, headers: Record<string, string> = {}): Promise<ProjectView> => {
    const res = await e.gql<{ Project: ProjectView }>(PROJECT, { id }, { ...admin(), headers });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.Project;
  };

  const update = async (id: string, args: Record<string, unknown>) => {
    const { version } = await view(id);
    const res = await e.gql<{ updateProject: { version: number } }>(
      `mutation($id: ID!, $version: Int!, $amount: Money, $grade: ProjectGrade, $why: String) {
        updateProject(id: $id, version: $version, amount: $amount, grade: $grade, gradeJustification: $why) {
        version } }`,
      { id, version, ...args },
      admin(),
    );
    expect(res.body.errors).toBeUndefined();
  };

  const setShare = async (share: string) => {
    const current = await e.gql<{ companySettings: { version: number } }>(
      '{ companySettings { version } }',
      {},
      admin(),
    );
    const res = await e.gql(
      'mutation($v: Int!, $share: String!) { ' +
        'updateCompanySettings(version: $v, input: { materialChangeShare: $share }) { version } }',
      { v: current.body.data!.companySettings.version, share },
      admin(),
    );
    expect(res.body.errors).toBeUndefined();
  };

  describe('sequence', () => {
    test('ATB before ATI: OUT_OF_SEQUENCE naming ATI, in both languages; nothing is written', async () => {
      const id = await newProject();
      const before = await view(id);
      const decisions = await e.dataSource.manager.count(Decision);
      const refused = await decide(id, 'ATB');
      const error = refused.body.errors![0]!;
      expect(error.extensions).toMatchObject({
        code: 'OUT_OF_SEQUENCE',
        reasons: [
          {
            code: 'OUT_OF_SEQUENCE',
            field: 'decisionPoint',
            data: { projectId: id, decisionPoint: 'ATB', missing: 'ATI' },
          },
        ],
      });
      expect(error.message).toContain('ATB (approve to bid) cannot be taken');
      expect(error.message).toContain('ATI (approve to initiate) is not approved');
      const zh = await decide(id, 'ATC', 'APPROVED', { 'accept-language': 'zh-CN' });
      expect(zh.body.errors![0]!.message).toContain('ATC（签约决策）');
      expect(zh.body.errors![0]!.message).toContain('ATI（立项决策）尚未批准');
      expect(await e.dataSource.manager.count(Decision)).toBe(decisions);
      expect(await view(id)).toEqual(before);
      const audit = await e.dataSource.manager.findOneOrFail(AuditEntry, {
        where: { action: 'refuse', entityType: 'Decision' },
        order: { id: 'DESC' },
      });
      expect(audit.note).toBe('refused: OUT_OF_SEQUENCE (ATI is not approved)');
    });

    test('the whole way: each approval moves the stage forward, in history and audit; ATCC closes', async () => {
      const id = await newProject();
      expect((await view(id)).decisionPointsInSequence).toEqual(['ATI']);
      // A rejection is a decision taken (ATI is in sequence) but moves nothing.
      expect((await decide(id, 'ATI', 'REJECTED')).body.data!.recordDecision.outcome).toBe('REJECTED');
      expect(await view(id)).toMatchObject({ stage: 'LEAD', version: 1 });
      const ati = await approved(id, 'ATI');
      expect(ati).toMatchObject({ amount: '1000000.00', currency: 'CNY', grade: 'III', reopenedAt: null });
      const opportunity = await view(id);
      expect(opportunity).toMatchObject({ stage: 'OPPORTUNITY', version: 2, decisionPointsInSequence: ['ATI', 'ATB'] });
      const moved = opportunity.history[opportunity.history.length - 1]!;
      expect(moved.operation).toBe('UPDATE');
      expect([moved.before!.stage, moved.after.stage]).toEqual(['LEAD', 'OPPORTUNITY']);
      const audit = await e.dataSource.manager.findOneOrFail(AuditEntry, {
        where: { action: 'update', entityType: 'Project', entityId: id },
        order: { id: 'DESC' },
      });
      expect(audit.note).toBe(`stage LEAD → OPPORTUNITY: ATI approved (decision ${ati.id})`);
      // ATCC and ATAC need ATC; ATC needs ATB.
      expect((await decide(id, 'ATCC')).body.errors![0]!.extensions!.reasons).toMatchObject([
        { data: { missing: 'ATB' } },
      ]);
      await approved(id, 'ATB');
      expect(await view(id)).toMatchObject({ stage: 'OPPORTUNITY', version: 2 });
      expect((await decide(id, 'ATAC')).body.errors![0]!.extensions!.reasons).toMatchObject([
        { data: { missing: 'ATC' } },
      ]);
      await approved(id, 'ATC');
      expect(await view(id)).toMatchObject({ stage: 'CONTRACT_EXECUTION', version: 3 });
      await approved(id, 'ATAC');
      await approved(id, 'ATAC');
      expect(await view(id)).toMatchObject({ stage: 'CONTRACT_EXECUTION', version: 3 });
      await approved(id, 'ATCC');
      const closed = await view(id);
      expect(closed).toMatchObject({ stage: 'CLOSED', version: 4, decisionPointsInSequence: [] });
      expect(closed.history.map((h) => h.after.stage)).toEqual(['LEAD', 'OPPORTUNITY', 'CONTRACT_EXECUTION', 'CLOSED']);
      // Closed: nothing more, in the reader's words.
      const after = await decide(id, 'ATAC');
      expect(after.body.errors![0]!.extensions!.reasons).toMatchObject([
        { code: 'OUT_OF_SEQUENCE', data: { decisionPoint: 'ATAC', closed: true } },
      ]);
      expect(after.body.errors![0]!.message).toContain(`Project ${id} is closed`);
      const zh = await decide(id, 'ATI', 'APPROVED', { 'accept-language': 'zh-CN' });
      expect(zh.body.errors![0]!.message).toContain('已关闭');
    });

    test('an approval never moves a project back', async () => {
      const id = await newProject('1000000.00', 'CONTRACT_EXECUTION');
      await approved(id, 'ATI');
      expect(await view(id)).toMatchObject({ stage: 'CONTRACT_EXECUTION', version: 1 });
    });
  });

  describe('material changes', () => {
    test('a rise past the share reopens the approvals it exceeds and the points after them', async () => {
      const id = await newProject('1000000.00');
      await approved(id, 'ATI');
      // 8 % up: not material for ATI; ATB and ATC are taken at 1,080,000.00.
      await update(id, { amount: '1080000.00' });
      expect((await view(id)).reopenedDecisions).toEqual([]);
      const atb = await approved(id, 'ATB');
      expect(atb.amount).toBe('1080000.00');
      await approved(id, 'ATC');
      const reopenings = await e.dataSource.manager.count(AuditEntry, { where: { action: 'reopen' } });
      // 1,120,000.00 is 12 % above ATI's 1,000,000.00 (material) and under 4 % above ATB's and ATC's.
      await update(id, { amount: '1120000.00' });
      const changed = await view(id);
      expect(changed.stage).toBe('CONTRACT_EXECUTION');
      expect(changed.reopenedDecisions.map((d) => d.decisionPoint)).toEqual(['ATI', 'ATB', 'ATC']);
      const [ati, bid, contract] = changed.reopenedDecisions;
      expect(ati!.reopenedReason).toBe(
        'amount up 12 % from ¥1,000,000.00 to ¥1,120,000.00 (more than the 10 % material share)',
      );
      expect(ati!.reopenedCauses).toEqual([
        { kind: 'AMOUNT_UP', from: '1000000.00', to: '1120000.00', currency: 'CNY', percent: '12', share: '10' },
      ]);
      expect(bid!.reopenedReason).toBe('ATI (approve to initiate), which it follows, was reopened');
      expect(contract!.reopenedCauses).toEqual([{ kind: 'DEPENDS_ON', decisionPoint: 'ATB' }]);
      const zh = await view(id, { 'accept-language': 'zh-CN' });
      expect(zh.reopenedDecisions[0]!.reopenedReason).toBe(
        '金额上调 12%，由 ¥1,000,000.00 增至 ¥1,120,000.00（超过 10% 的重大变更比例）',
      );
      expect(zh.reopenedDecisions[1]!.reopenedReason).toBe('前置决策 ATI（立项决策）已重新打开');
      expect(await e.dataSource.manager.count(AuditEntry, { where: { action: 'reopen' } })).toBe(reopenings + 3);
      // The sequence starts again at ATI; the stage stays where it is, and ATI approved again does not move it back.
      expect(changed.decisionPointsInSequence).toEqual(['ATI']);
      expect((await decide(id, 'ATB')).body.errors![0]!.extensions!.reasons).toMatchObject([
        { data: { missing: 'ATI' } },
      ]);
      const again = await approved(id, 'ATI');
      expect(again.amount).toBe('1120000.00');
      expect(await view(id)).toMatchObject({ stage: 'CONTRACT_EXECUTION', decisionPointsInSequence: ['ATI', 'ATB'] });
      // A change that is not material leaves the new approval alone; one that is reopens only what is in force.
      await update(id, { amount: '1232000.00' });
      expect((await view(id)).reopenedDecisions).toHaveLength(3);
      await update(id, { amount: '1232000.01' });
      expect((await view(id)).reopenedDecisions.map((d) => d.id)).toContain(again.id);
    });

    test('a higher grade reopens; a lower amount or grade does not; the share is the company setting', async () => {
      const id = await newProject('1000000.00');
      await approved(id, 'ATI');
      await update(id, { amount: '900000.00' });
      expect((await view(id)).reopenedDecisions).toEqual([]);
      await update(id, { grade: 'II', why: 'Strategic account after the merger' });
      const raised = await view(id);
      expect(raised.reopenedDecisions).toHaveLength(1);
      expect(raised.reopenedDecisions[0]!.reopenedReason).toBe('grade up from III to II');
      await approved(id, 'ATI');
      await update(id, { grade: 'III', why: 'Back to a regular account' });
      expect((await view(id)).reopenedDecisions).toHaveLength(1);
      // With a 30 % share, 25 % up is not material.
      await setShare('30');
      try {
        await update(id, { amount: '1125000.00' });
        expect((await view(id)).reopenedDecisions).toHaveLength(1);
      } finally {
        await setShare('10');
      }
      await update(id, { amount: '1125000.01' });
      expect((await view(id)).reopenedDecisions).toHaveLength(2);
    });

    test('upsertProject reopens too; a body re-votes after its approval was reopened', async () => {
      // The grade I body approved ATI; a rise reopens it, and the body votes anew (not DECISION_CLOSED).
      const vote = (who: 'boss' | 'leader', k: string) =>
        e.gql<{ recordDecision: RecordedDecision }>(
          RECORD,
          {
            input: {
              projectId: String(s.projects.gradeI),
              decisionPoint: 'ATI',
              outcome: 'APPROVED',
              deciderId: String(who === 'boss' ? s.people.boss : s.people.leader),
              idempotencyKey: `body-${e.kind}-${k}`,
            },
          },
          { token: who === 'boss' ? s.tokens.boss : s.tokens.leader },
        );
      expect((await vote('boss', '1')).body.data!.recordDecision.complete).toBe(false);
      expect((await vote('leader', '1')).body.data!.recordDecision.complete).toBe(true);
      const upsert = await e.gql(
        `mutation { upsertProject(externalRef: "T-GRADE-I", input: { name: "National backbone",
          orgUnitId: "${e.fixture.units.eastOffice}", stage: "OPPORTUNITY", amount: "99000000.01", currency: "CNY",
          grade: I, gradeJustification: "Set by the CRM" }) { id } }`,
        {},
        admin(),
      );
      expect(upsert.body.errors).toBeUndefined();
      const reopened = await view(String(s.projects.gradeI));
      expect(reopened.reopenedDecisions.map((d) => d.decisionPoint)).toEqual(['ATI', 'ATI']);
      const first = await vote('boss', '2');
      expect(first.body.errors).toBeUndefined();
      expect(first.body.data!.recordDecision).toMatchObject({ complete: false, amount: '99000000.01' });
      expect((await vote('leader', '2')).body.data!.recordDecision.complete).toBe(true);
    });
  });

  describe('races', () => {
    // 40 rounds on MariaDB (rows lock, transactions interleave); SQLite runs one writer at a time: 10 there.
    const ROUNDS_ON = { mariadb: 40, sqlite: 10 } as const;

    test(`ATB and ATC at once right after ATI, 40 rounds (10 on SQLite): never ATC without ATB before it`, async () => {
      let atcRecorded = 0;
      for (let round = 0; round < ROUNDS_ON[e.kind]; round++) {
        const id = await newProject();
        await approved(id, 'ATI');
        const [bid, contract] = await Promise.all([decide(id, 'ATB'), decide(id, 'ATC')]);
        expect(bid.body.errors).toBeUndefined();
        if (contract.body.errors) {
          expect(contract.body.errors[0]!.extensions!.reasons).toMatchObject([{ data: { missing: 'ATB' } }]);
        } else atcRecorded++;
        const rows = await e.dataSource.manager.find(Decision, {
          where: { projectId: Number(id) },
          order: { id: 'ASC' },
        });
        const points = rows.map((d) => d.decisionPoint);
        expect(points.slice(0, 2)).toEqual(['ATI', 'ATB']);
        expect(points.length).toBe(contract.body.errors ? 2 : 3);
        const stage = (await e.dataSource.manager.findOneByOrFail(Project, { id: Number(id) })).stage;
        expect(stage).toBe(contract.body.errors ? 'OPPORTUNITY' : 'CONTRACT_EXECUTION');
      }
      // Either outcome is fine; the sequence holds in each round.
      expect(atcRecorded).toBeLessThanOrEqual(ROUNDS_ON[e.kind]);
    });

    test(`a material change and an approval at once, 40 rounds (10 on SQLite): one consistent outcome`, async () => {
      const outcomes = new Set<string>();
      for (let round = 0; round < ROUNDS_ON[e.kind]; round++) {
        const id = await newProject();
        await approved(id, 'ATI');
        const { version } = await view(id);
        const [change, bid] = await Promise.all([
          e.gql(
            'mutation($id: ID!, $v: Int!) { updateProject(id: $id, version: $v, amount: "1500000.00") { version } }',
            { id, v: version },
            admin(),
          ),
          decide(id, 'ATB'),
        ]);
        expect(change.body.errors).toBeUndefined();
        const rows = await e.dataSource.manager.find(Decision, {
          where: { projectId: Number(id) },
          order: { id: 'ASC' },
        });
        // ATI is reopened either way. The bid came first (taken at 1,000,000.00, then reopened by the change), or
        // after (refused: ATI was no longer in force). Never an ATB in force on terms the project has left behind.
        expect(rows[0]!.reopenedAt).not.toBeNull();
        if (bid.body.errors) {
          expect(bid.body.errors[0]!.extensions!.reasons).toMatchObject([{ data: { missing: 'ATI' } }]);
          expect(rows).toHaveLength(1);
          outcomes.add('change first');
        } else {
          expect(rows).toHaveLength(2);
          expect(rows[1]!.amountMinor).toBe(100_000_000n);
          expect(rows[1]!.reopenedAt).not.toBeNull();
          outcomes.add('approval first');
        }
        expect(rows.filter((d) => d.reopenedAt === null)).toEqual([]);
      }
      expect(outcomes.size).toBeGreaterThanOrEqual(1);
    });
  });
});
