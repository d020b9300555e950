import { toHttpError, withoutTypename } from './errors';

const apolloError = (extensions: Record<string, unknown>, message = 'refused') => ({
  message,
  status: 200,
  body: { graphQLErrors: [{ message, extensions }], networkError: null },
});

describe('toHttpError', () => {
  afterEach(() => localStorage.clear());
  const inChinese = () => localStorage.setItem('ironTriangle.locale', 'zh-CN');

  it('puts the API field errors where react-admin shows them beside the inputs, in the reader language', () => {
    const error = toHttpError(
      apolloError({ code: 'BAD_USER_INPUT', fieldErrors: { validTo: 'must be after 2026-01-01T00:00:00.000Z' } }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toBe('Some fields are not valid: see the messages beside them.');
    expect(error.body).toMatchObject({
      code: 'BAD_USER_INPUT',
      errors: { validTo: 'Must be after 2026-01-01 00:00 UTC' },
    });
    inChinese();
    expect(
      toHttpError(
        apolloError({ code: 'BAD_USER_INPUT', fieldErrors: { validTo: 'must be after 2026-01-01T00:00:00.000Z' } }),
      ).body,
    ).toMatchObject({ errors: { validTo: '必须晚于 2026-01-01 00:00 UTC' } });
  });

  it('puts each reason of a refusal (phrased by the API in the reader language) on the field the API names', () => {
    const error = toHttpError(
      apolloError({
        code: 'BAD_USER_INPUT',
        reasons: [
          {
            code: 'DELEGATION.EXCEEDS_LIMIT',
            message: "Limit 6,000,000.00 CNY exceeds the source's limit of 5,000,000.00 CNY.",
            data: { limit: '6000000.00' },
            field: 'limit',
          },
          {
            code: 'DELEGATION.EXCEEDS_SCOPE',
            message: "Scope West is outside the source's scope East.",
            data: null,
            field: 'scopeOrgUnitId',
          },
        ],
      }),
    );
    expect(error.message).toBe('Some fields are not valid: see the messages beside them.');
    expect(error.body.errors).toEqual({
      limit: "Limit 6,000,000.00 CNY exceeds the source's limit of 5,000,000.00 CNY.",
      scopeOrgUnitId: "Scope West is outside the source's scope East.",
    });
  });

  it('puts a refused correction of the past beside its field, in the reader language', () => {
    const refusal = (code: string, field: string) =>
      toHttpError(apolloError({ code, field }, 'A correction needs a reason (change.reason)…'));
    expect(refusal('CORRECTION_REASON_REQUIRED', 'change.reason').body.errors).toEqual({
      'change.reason': 'A correction needs a reason: it is kept in the history and shown with every answer it affects.',
    });
    inChinese();
    const error = refusal('CORRECTION_NOT_ALLOWED', 'change.correction');
    expect(error.body.errors).toEqual({
      'change.correction': '只有管理员可以更正历史。请不作更正直接保存（立即生效），或请管理员处理。',
    });
    expect(refusal('EFFECTIVE_FROM_IN_FUTURE', 'change.effectiveFrom').body.errors['change.effectiveFrom']).toMatch(
      /^生效时间晚于现在。/,
    );
  });

  it('puts an authorization denial on the person deciding', () => {
    const error = toHttpError(
      apolloError({
        code: 'NOT_AUTHORIZED',
        reasons: [
          { code: 'NO_AUTHORITY', message: 'Li Na holds no rule for this decision.', data: {}, field: 'deciderId' },
        ],
      }),
    );
    expect(error.body.errors).toEqual({ deciderId: 'Li Na holds no rule for this decision.' });
  });

  it('puts a staffing refusal beside the person appointed, in the reader language', () => {
    inChinese();
    const error = toHttpError(
      apolloError(
        {
          code: 'STAFFING.NOT_QUALIFIED',
          reasons: [
            {
              code: 'STAFFING.NOT_QUALIFIED',
              message: 'Zhou Jing has never been assessed for the role (AR).',
              data: { role: 'AR', grade: 'III', required: 1, reason: 'NEVER_ASSESSED' },
              field: 'personId',
            },
          ],
        },
        'Zhou Jing has never been assessed for the role (AR).',
      ),
    );
    expect(error.message).toBe('部分字段无效：请查看字段旁的提示。');
    expect(error.body.errors.personId).toMatch(/^该人员从未就该角色接受评估（.+）；III 级项目要求 1 级。/);
  });

  it('words a domain code in the reader language, and shows the API words only for a code it does not know', () => {
    inChinese();
    expect(
      toHttpError(
        apolloError(
          {
            code: 'POOL.NOT_LOCKED',
            reasons: [
              { code: 'POOL.NOT_LOCKED', message: 'Pool 3 is FUNDED…', data: { status: 'FUNDED' }, field: null },
            ],
          },
          'Pool 3 is FUNDED: only a LOCKED pool…',
        ),
      ).message,
    ).toBe('只有已锁定的奖金包才能通过调整奖金包更正；此奖金包为“已生成”：请直接修改该奖金包。');
    expect(toHttpError(apolloError({ code: 'POOL.SOMETHING_NEW' }, '新的拒绝原因。')).message).toBe('新的拒绝原因。');
  });

  it("reads class-validator's validationErrors too", () => {
    const error = toHttpError(
      apolloError({
        code: 'BAD_USER_INPUT',
        validationErrors: [{ property: 'perPage', constraints: { max: 'perPage must not be greater than 500' } }],
      }),
    );
    expect(error.body.errors).toEqual({ perPage: 'Must be at most 500' });
  });

  it("adds the API's English words when no field is named, for English readers only", () => {
    expect(
      toHttpError(apolloError({ code: 'BAD_USER_INPUT' }, 'Variable "$validFrom" got invalid value')).message,
    ).toBe('Some fields are not valid: see the messages beside them. (Variable "$validFrom" got invalid value)');
    inChinese();
    expect(
      toHttpError(apolloError({ code: 'RECORD_IN_USE' }, '3 position assignments still refer to it')).message,
    ).toBe('仍有其他记录引用此记录：请先结束或删除它们。');
  });

  it('maps session, permission and version failures to their status and message', () => {
    expect(toHttpError(apolloError({ code: 'UNAUTHENTICATED' }))).toMatchObject({
      status: 401,
      message: 'Your session has ended. Please sign in again.',
    });
    expect(toHttpError(apolloError({ code: 'FORBIDDEN' }, ''))).toMatchObject({
      status: 403,
      message: 'Your role may not do this.',
    });
    inChinese();
    expect(
      toHttpError(apolloError({ code: 'CONFLICT', type: 'Project', id: '7', expectedVersion: 2, actualVersion: 3 })),
    ).toMatchObject({
      status: 409,
      message: '您打开项目 7 后，他人已修改了它（您的版本为 2，当前版本为 3）。请重新加载后再次修改。',
    });
  });

  it('recognises network failures and an HTTP 401', () => {
    expect(
      toHttpError({
        message: 'Failed to fetch',
        status: undefined,
        body: { graphQLErrors: [], networkError: { statusCode: 502 } },
      }).body.code,
    ).toBe('NETWORK_ERROR');
    expect(toHttpError({ message: 'Unauthorized', status: 401 }).body.code).toBe('UNAUTHENTICATED');
    expect(toHttpError(new Error('Unknown resource Decision. Make sure it has been declared')).body.code).toBe(
      'UNKNOWN_RESOURCE',
    );
  });
});

describe('withoutTypename', () => {
  it('removes __typename at every depth and keeps everything else', () => {
    expect(
      withoutTypename({
        __typename: 'DecisionBody',
        id: '1',
        seats: [{ __typename: 'DecisionBodySeat', title: 'BU_PRESIDENT', fixed: true }],
        grade: null,
      }),
    ).toEqual({ id: '1', seats: [{ title: 'BU_PRESIDENT', fixed: true }], grade: null });
  });
});
