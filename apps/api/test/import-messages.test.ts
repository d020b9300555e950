// The row errors of an import's dry run in the reader's language (issue #15): not only what the import itself finds
// in a cell, but also what the checks of a create refuse (a hook's, the column conversion's, the domain's), which
// word their details in English. Under zh-CN every message is Chinese (no English sentence in it); under en, English.
import { describeOnDatabases, TestEnv } from './support/databases';
import { args, en } from './support/graphql';

const IMPORT = `mutation($type: ImportType!, $rows: [JSON!]!, $dryRun: Boolean!) {
  importRecords(type: $type, rows: $rows, dryRun: $dryRun) {
    committed failed rows { row errors { field code message } }
  }
}`;

interface ImportAnswer {
  importRecords: {
    committed: boolean;
    failed: number;
    rows: Array<{ row: number; errors: Array<{ field: string; code: string; message: string }> }>;
  };
}

type Rows = Array<Record<string, unknown>>;

const CHINESE = /[\u3400-\u9fff]/;
/** Two English words in a row: a sentence (values in the messages here are codes or numbers, never two words). */
const ENGLISH_WORDS = /[A-Za-z]{3,}[ ,:;]+[A-Za-z]{3,}/;

const RULE = {
  name: 'Message rule',
  holderKind: 'POSITION',
  holderTitle: 'BUSINESS_DEPT_DIRECTOR',
  holderOrgUnitId: 'EAST',
  decisionPoints: 'ATB',
  grades: 'III',
  scopeOrgUnitId: 'EAST',
  limit: 1000,
  currency: 'CNY',
  validFrom: '2025-01-01',
  delegableDepth: 2,
};

const DELEGATION = {
  sourceRuleId: 'Message rule / EAST',
  delegatorId: 'E0001',
  delegateId: 'E0002',
  decisionPoints: 'ATB',
  grades: 'III',
  scopeOrgUnitId: 'EAST-1',
  limit: 100,
  currency: 'CNY',
  validFrom: '2026-01-01',
  reason: 'covers the office',
};

/** Rows of each type whose errors come from the checks of a create (each row: the codes of its errors). */
const CASES: Array<[string, Rows, Array<[number, string[]]>]> = [
  [
    'PERSON',
    [
      { employeeNo: 'M0001', name: '甲', latinName: 'X'.repeat(300), orgUnitId: 'EAST' },
      { employeeNo: 'M0002', name: '乙', email: 'no-at-sign', orgUnitId: 'EAST' },
    ],
    [
      [1, ['latinName:INVALID']],
      [2, ['email:INVALID']],
    ],
  ],
  [
    'AUTHORITY_RULE',
    [
      { ...RULE, name: 'No title', holderTitle: null },
      { ...RULE, name: 'Negative', limit: -5 },
      { ...RULE, name: 'Odd currency', currency: 'XYZ' },
      { ...RULE, name: 'Too precise', limit: '1.005' },
      { ...RULE, name: 'Backwards', validFrom: '2025-06-01', validTo: '2025-01-01' },
    ],
    [
      [1, ['holderTitle:INVALID']],
      [2, ['limit:INVALID']],
      [3, ['currency:INVALID']],
      [4, ['limit:INVALID']],
      [5, ['validTo:INVALID']],
    ],
  ],
  [
    'DELEGATION',
    [
      { ...DELEGATION, delegateId: 'E0001' },
      { ...DELEGATION, validFrom: '2026-01-02', requiredRole: 'AR' },
      { ...DELEGATION, validFrom: '2026-01-03', sourceRuleId: null },
      // Above the rule's limit: the engine's refusal (worded in the reader's language already).
      { ...DELEGATION, validFrom: '2026-02-01', limit: 5000 },
    ],
    [
      [1, ['delegateId:INVALID']],
      [2, ['requiredLevel:INVALID']],
      [3, ['sourceRuleId:INVALID']],
      [4, ['limit:DELEGATION.EXCEEDS_LIMIT']],
    ],
  ],
  [
    'POSITION_ASSIGNMENT',
    [
      {
        personId: 'E0002',
        title: 'ACCOUNT_MANAGER',
        orgUnitId: 'EAST-1',
        validFrom: '2025-06-01',
        validTo: '2025-01-01',
      },
    ],
    [[1, ['validTo:INVALID']]],
  ],
  [
    'ASSESSMENT',
    [
      // A dimension the role model does not have, and one left out.
      { personId: 'E0002', role: 'AR', kind: 'SELF', assessedAt: '2025-07-01', ratingSummary: 'D1:3; D9:2' },
    ],
    [[1, ['ratings:INVALID']]],
  ],
  [
    'ORG_UNIT',
    // EAST below its own office: a circle in the tree.
    [{ code: 'EAST', name: 'Unit EAST', kind: 'REGION', parentId: 'EAST-1' }],
    [[1, ['parentId:INVALID']]],
  ],
];

describeOnDatabases('import row errors in the reader’s language', (env) => {
  let e: TestEnv;

  async function run<T>(query: string): Promise<T> {
    const res = await e.gql<Record<string, T>>(query, {}, { token: e.tokens.admin });
    if (res.body.errors) throw new Error(`${query.slice(0, 80)}…: ${JSON.stringify(res.body.errors)}`);
    return Object.values(res.body.data!)[0] as T;
  }

  const dryRun = async (type: string, rows: Rows, language: string) => {
    const res = await e.gql<ImportAnswer>(
      IMPORT,
      { type, rows, dryRun: true },
      { token: e.tokens.admin, headers: { 'accept-language': language } },
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.importRecords;
  };

  beforeAll(async () => {
    e = env();
    // The rule the delegations come from; an AR framework of D1 and D2 for the assessment.
    const rule = await e.gql(
      IMPORT,
      { type: 'AUTHORITY_RULE', rows: [RULE], dryRun: false },
      { token: e.tokens.admin },
    );
    expect(rule.body.errors).toBeUndefined();
    const model = await run<{ id: string }>(
      'mutation { r: createRoleModel(role: AR, name: "AR model", nameZh: "客户经理模型") { id } }',
    );
    const version = await run<{ id: string }>(
      `mutation { r: createRoleModelVersion(roleModelId: "${model.id}", versionNo: 1, status: "PUBLISHED") { id } }`,
    );
    for (const code of ['D1', 'D2'])
      await run(`mutation { r: createRoleModelDimension(roleModelVersionId: "${version.id}", code: "${code}",
        name: "${code}", nameZh: "${code}") { id } }`);
    const framework = await run<{ id: string }>(
      `mutation { r: createQualificationFramework(${args({
        role: en('AR'),
        roleModelVersionId: version.id,
        name: 'AR framework',
        validityMonths: 24,
        status: 'ACTIVE',
      })}) { id } }`,
    );
    await run(
      `mutation { r: createQualificationLevel(${args({
        frameworkId: framework.id,
        level: 1,
        name: 'L1',
        nameZh: '1 级',
        minTenureMonths: 0,
      })}) { id } }`,
    );
  });

  test.each(CASES)('%s: the checks of a create, in Chinese and in English', async (type, rows, expected) => {
    const zh = await dryRun(type, rows, 'zh-CN');
    const codes = (answer: ImportAnswer['importRecords']) =>
      answer.rows.filter((r) => r.errors.length > 0).map((r) => [r.row, r.errors.map((x) => `${x.field}:${x.code}`)]);
    expect(codes(zh)).toEqual(expected);
    const zhMessages = zh.rows.flatMap((r) => r.errors.map((x) => x.message));
    for (const message of zhMessages) {
      expect(message).toMatch(CHINESE);
      expect(message).not.toMatch(ENGLISH_WORDS);
    }
    const english = await dryRun(type, rows, 'en');
    expect(codes(english)).toEqual(expected);
    for (const message of english.rows.flatMap((r) => r.errors.map((x) => x.message))) {
      expect(message).not.toMatch(CHINESE);
      expect(message).toMatch(ENGLISH_WORDS);
    }
  });

  test('what the messages say: the thing to change, in words', async () => {
    const answers: Array<ImportAnswer['importRecords']> = [];
    for (const [type, rows] of CASES) answers.push(await dryRun(type, rows, 'zh-CN'));
    const [people, rules, delegations, , assessments, units] = answers;
    const first = (answer: ImportAnswer['importRecords'] | undefined, row: number) =>
      answer!.rows[row - 1]!.errors[0]!.message;
    expect(first(people, 1)).toContain('字符');
    expect(first(rules, 1)).toBe('持有人类型为“职位”时，此项必填。');
    expect(first(rules, 2)).toBe('不能为负数。');
    expect(first(rules, 3)).toContain('XYZ');
    expect(first(rules, 5)).toBe('结束日期须晚于开始日期（2025-06-01）。');
    expect(first(delegations, 1)).toBe('被授权人不能是授权人本人。');
    expect(first(assessments, 1)).toBe('角色模型中没有维度“D9”；缺少维度“D2”的评分。');
    expect(first(units, 1)).toContain('循环');
    const english = await dryRun('ASSESSMENT', CASES[4]![1], 'en');
    expect(english.rows[0]!.errors[0]!.message).toBe(
      'The assessment cannot be evaluated: the role model has no dimension "D9"; dimension "D2" has no rating.',
    );
  });
});
