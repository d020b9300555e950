import { readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';
import { describeApiError, localizeErrors, localizeFieldMessage, lookup } from './apiMessages';

const ROOT = resolve(__dirname, '../../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.(test|spec)\.ts$/.test(name) ? [path] : [];
  });
}

/**
 * Every code the API can send as `extensions.code` or as the code of a reason / refusal / field error: its error
 * codes, the AppError codes it throws, the codes it writes into responses, the pass-through codes of graphql-js and
 * Apollo, and the domain's coded refusals it forwards (POOL.*, STAFFING.*, DELEGATION.*, ASSESSMENT.*, MONEY.*).
 */
function apiCodes(): string[] {
  const codes = new Set<string>();
  const api = sources(join(ROOT, 'apps/api/src'));
  const domain = sources(join(ROOT, 'packages/domain/src'));
  const errorsTs = readFileSync(join(ROOT, 'apps/api/src/platform/errors.ts'), 'utf8');
  const union = /export type ErrorCode =([^;]+);/.exec(errorsTs)![1]!;
  for (const m of union.matchAll(/'([A-Z_.]+)'/g)) codes.add(m[1]!);
  const passThrough = /const PASS_THROUGH = new Set\(\[([^\]]+)\]/.exec(errorsTs)![1]!;
  for (const m of passThrough.matchAll(/'([A-Z_.]+)'/g)) codes.add(m[1]!);
  for (const file of api) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:AppError|[rR]efusal)\(\s*'([A-Z_.]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/extensions: \{ code: '([A-Z_.]+)'/g)) codes.add(m[1]!);
  }
  for (const file of [...api, ...domain]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/'((?:POOL|STAFFING|DELEGATION|ASSESSMENT|MONEY)\.[A-Z_]+)'/g))
      codes.add(m[1]!);
  }
  return [...codes].sort();
}

describe('the API codes', () => {
  const codes = apiCodes();

  it('are found in the API source (a sanity check of the parsing)', () => {
    expect(codes).toEqual(
      expect.arrayContaining([
        'UNAUTHENTICATED',
        'FORBIDDEN',
        'NOT_FOUND',
        'CONFLICT',
        'RECORD_IN_USE',
        'RATE_LIMITED',
        'SERVICE_UNAVAILABLE',
        'INTERNAL_SERVER_ERROR',
        'BAD_USER_INPUT',
        'NOT_AUTHORIZED',
        'DECISION_CLOSED',
        'POOL.NOT_LOCKED',
        'DELEGATION.EXCEEDS_LIMIT',
        'STAFFING.BELOW_MINIMUM',
        'GRAPHQL_VALIDATION_FAILED',
      ]),
    );
    expect(codes.length).toBeGreaterThan(80);
  });

  it.each(['en', 'zh-CN'])('each have a message in %s', (locale) => {
    expect(codes.filter((code) => lookup(locale, `errors.${code}`) === undefined)).toEqual([]);
  });
});

describe('describeApiError', () => {
  it('a refused input whose reasons carry known codes reads in those words, in each language', () => {
    const extensions = {
      reasons: [{ code: 'REQUEST.NOT_PENDING', message: 'request 7 is DECIDED', data: null, field: null }],
    };
    expect(describeApiError('en', { code: 'BAD_USER_INPUT', extensions, detail: 'request 7 is DECIDED' })).toBe(
      'This request is no longer pending: it was decided or withdrawn.',
    );
    expect(describeApiError('zh-CN', { code: 'BAD_USER_INPUT', extensions, detail: 'x' })).toBe(
      lookup('zh-CN', 'errors.REQUEST.NOT_PENDING'),
    );
    expect(lookup('zh-CN', 'errors.REQUEST.NOT_PENDING')).not.toMatch(/request|pending/i);
  });

  it('tells a revision not reached in time (read-your-writes) from the database being away', () => {
    const extensions = { retryAfterSeconds: 1, atLeastRevision: '120', revision: '118' };
    expect(describeApiError('en', { code: 'SERVICE_UNAVAILABLE', extensions })).toBe(
      'The data is not yet as new as you asked (revision 120; it is at 118): try again in 1 s.',
    );
    expect(describeApiError('zh-CN', { code: 'SERVICE_UNAVAILABLE', extensions })).toBe(
      '数据尚未达到您要求的版本（修订号 120，当前为 118），请 1 秒后重试。',
    );
    expect(describeApiError('en', { code: 'SERVICE_UNAVAILABLE' })).toMatch(/database is not reachable/);
  });

  it('interpolates a stale save in Chinese, with the record type in Chinese', () => {
    const message = describeApiError('zh-CN', {
      code: 'CONFLICT',
      extensions: { type: 'Project', id: '7', expectedVersion: 2, actualVersion: 3 },
      detail: 'Project 7 was changed by someone else',
    });
    expect(message).toBe('您打开项目 7 后，他人已修改了它（您的版本为 2，当前版本为 3）。请重新加载后再次修改。');
  });

  it('names how and when a body decision was closed, in the reader language and time format', () => {
    const message = describeApiError('zh-CN', {
      code: 'DECISION_CLOSED',
      extensions: {
        reasons: [
          {
            code: 'DECISION_CLOSED',
            message: 'closed',
            data: { decisionId: '12', outcome: 'APPROVED', completedAt: '2026-03-01T08:00:00.000Z' },
            field: null,
          },
        ],
      },
    });
    expect(message).toMatch(/^此决策已于 2026.*以“通过”结束（决策 12），不再记录投票。$/);
  });

  it('names the decision that must come first, or says the project is closed', () => {
    const refusal = (data: Record<string, unknown>) => ({
      code: 'OUT_OF_SEQUENCE',
      extensions: { reasons: [{ code: 'OUT_OF_SEQUENCE', message: 'x', data, field: 'decisionPoint' }] },
    });
    const zh = describeApiError('zh-CN', refusal({ decisionPoint: 'ATC', missing: 'ATB' }));
    expect(zh).toContain(lookup('zh-CN', 'enums.DecisionPoint.ATB') as string);
    expect(zh).toMatch(/^尚不能做/);
    const en = describeApiError('en', refusal({ decisionPoint: 'ATC', missing: 'ATB' }));
    expect(en).toContain(`${lookup('en', 'enums.DecisionPoint.ATB')} must be approved first`);
    expect(describeApiError('en', refusal({ decisionPoint: 'ATAC', closed: true }))).toMatch(/project is closed/);
  });

  it('carries the reasons the API phrased in the reader language', () => {
    const message = describeApiError('zh-CN', {
      code: 'NOT_AUTHORIZED',
      extensions: {
        reasons: [{ code: 'NO_AUTHORITY', message: '李娜没有此决策的授权。', data: null, field: 'deciderId' }],
      },
    });
    expect(message).toBe('无权执行：李娜没有此决策的授权。');
  });

  it('translates pool refusals and their statuses', () => {
    expect(
      describeApiError('zh-CN', {
        code: 'POOL.INVALID_TRANSITION',
        extensions: {
          reasons: [
            { code: 'POOL.INVALID_TRANSITION', message: '…', data: { from: 'DRAFT', to: 'APPROVED' }, field: null },
          ],
        },
      }),
    ).toBe('奖金包当前为“草稿”，不能变为“已审批”。顺序为：草稿 → 已生成 → 已分配 → 已审批 → 已锁定。');
    expect(
      describeApiError('en', {
        code: 'POOL.ALREADY_ADJUSTED',
        extensions: {
          reasons: [
            { code: 'POOL.ALREADY_ADJUSTED', message: '…', data: { poolId: '3', adjustmentPoolId: '9' }, field: null },
          ],
        },
      }),
    ).toMatch(/^Pool 3 already has adjustment pool 9/);
  });

  it('names the frozen framework version and how many assessments use it', () => {
    const frozen = {
      code: 'FRAMEWORK_VERSION_FROZEN',
      extensions: {
        reasons: [
          {
            code: 'FRAMEWORK_VERSION_FROZEN',
            message: '…',
            data: { frameworkId: '7', name: 'AR standard', versionNo: 2, frameworkStatus: 'ACTIVE', assessments: 3 },
            field: null,
          },
        ],
      },
    };
    expect(describeApiError('en', frozen)).toMatch(
      /^Framework “AR standard” version 2 is used by 3 assessments: .* Create a new version to change it\.$/,
    );
    expect(describeApiError('zh-CN', frozen)).toMatch(
      /^任职资格标准“AR standard”第 2 版已被 3 个评估使用：.*请创建新版本。$/,
    );
  });

  it("falls back to the API's message only for a code it does not know", () => {
    expect(describeApiError('zh-CN', { code: 'SOMETHING.NEW', detail: 'A new refusal.' })).toBe('A new refusal.');
    expect(describeApiError('zh-CN', { code: 'SOMETHING.NEW' })).toBe('出错了：SOMETHING.NEW');
  });

  it('adds the English detail of a generic code for English readers only', () => {
    expect(
      describeApiError('en', {
        code: 'FORBIDDEN',
        detail: 'As a LEADER you may delegate only an authority you hold yourself.',
      }),
    ).toBe('Your role may not do this. (As a LEADER you may delegate only an authority you hold yourself.)');
    expect(
      describeApiError('zh-CN', {
        code: 'FORBIDDEN',
        detail: 'As a LEADER you may delegate only an authority you hold yourself.',
      }),
    ).toBe('您的角色无权执行此操作。');
  });
});

describe('field errors', () => {
  it.each([
    ['must be after 2026-01-01T00:00:00.000Z', '必须晚于 2026-01-01 00:00 UTC'],
    ['org unit 42 does not exist', '该记录不存在'],
    ['is required when the grade is set by hand', '手动设定级别时必填'],
    ['name must be longer than or equal to 1 characters', '至少 1 个字符'],
    ['perPage must not be greater than 500', '不得大于 500'],
    ['is not a valid CNY amount', '不是有效的 CNY 金额'],
    ['CNY allows at most 2 fraction digits', 'CNY 最多允许 2 位小数'],
    ['currency XYZ is not supported', '不支持币种 XYZ'],
    ['give a reason (at least 3 characters)', '请填写原因（至少 3 个字符）'],
    [
      'ASSESSMENT.MISSING_RATING (SPD), ASSESSMENT.DUPLICATE_RATING (AR)',
      '维度 销售项目的驱动者 缺少评分；维度 客户关系平台 重复评分',
    ],
    [
      'name must be longer than or equal to 1 characters; name must be shorter than or equal to 200 characters',
      '至少 1 个字符；最多 200 个字符',
    ],
  ])('"%s" reads "%s" in Chinese', (api, zh) => {
    const expected = zh
      .replace('销售项目的驱动者', lookup('zh-CN', 'enums.Dimension.SPD')!)
      .replace('客户关系平台', lookup('zh-CN', 'enums.Dimension.AR')!);
    expect(localizeFieldMessage('zh-CN', api)).toBe(expected);
  });

  it('keeps a message it has no pattern for (e.g. a reason the API already wrote in Chinese)', () => {
    expect(localizeFieldMessage('zh-CN', '额度超出来源额度。')).toBe('额度超出来源额度。');
  });

  it('describes a staffing refusal beside the person with its data', () => {
    const errors = localizeErrors(
      'zh-CN',
      {
        code: 'STAFFING.BELOW_MINIMUM',
        reasons: [
          {
            code: 'STAFFING.BELOW_MINIMUM',
            message: 'Zhou Jing holds AR level 2…',
            data: { role: 'AR', grade: 'I', required: 3, held: 2 },
            field: 'personId',
          },
        ],
      },
      { personId: 'Zhou Jing holds AR level 2…' },
    );
    expect(errors.personId).toBe(
      `该人员的 ${lookup('zh-CN', 'enums.TriangleRole.AR')} 等级为 2，而 I 级项目要求 3 级或以上。请任命合格人员，或记录经授权的例外。`,
    );
  });
});

describe('sales refusals (issue #17)', () => {
  const notReady = {
    code: 'SALES.LEAD_NOT_READY',
    extensions: {
      code: 'SALES.LEAD_NOT_READY',
      reasons: [
        {
          code: 'SALES.LEAD_NOT_READY',
          message: 'lead 4 misses DEFINITE_BUDGET, FITTING_SOLUTION',
          data: { missing: ['DEFINITE_BUDGET', 'FITTING_SOLUTION'] },
          field: null,
        },
      ],
    },
    detail: 'lead 4 misses DEFINITE_BUDGET, FITTING_SOLUTION',
  };

  it('names the facts a lead still needs in the reader’s language, never as codes', () => {
    const en = describeApiError('en', notReady);
    expect(en).toContain('a definite budget of the customer, a fitting solution of ours');
    const zh = describeApiError('zh-CN', notReady);
    expect(zh).toContain('客户明确的预算、我方匹配的解决方案');
    for (const said of [en, zh]) expect(said).not.toMatch(/DEFINITE_BUDGET|FITTING_SOLUTION/);
  });

  it('names the stages of a refused move', () => {
    const said = describeApiError('zh-CN', {
      code: 'SALES.STAGE_TRANSITION_NOT_ALLOWED',
      extensions: { code: 'SALES.STAGE_TRANSITION_NOT_ALLOWED', from: 'DEAL', to: 'INTENT', allowed: [] },
      detail: '',
    });
    expect(said).toContain('成交');
    expect(said).toContain('意向');
    expect(said).not.toMatch(/DEAL|INTENT/);
  });
});
