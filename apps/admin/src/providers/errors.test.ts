import { toHttpError, withoutTypename } from './errors';

const apolloError = (extensions: Record<string, unknown>, message = 'refused') => ({
  message,
  status: 200,
  body: { graphQLErrors: [{ message, extensions }], networkError: null },
});

describe('toHttpError', () => {
  it('puts the API field errors where react-admin shows them beside the inputs', () => {
    const error = toHttpError(apolloError({ code: 'BAD_USER_INPUT', fieldErrors: { limit: 'exceeds the source limit' } }));
    expect(error.status).toBe(400);
    expect(error.message).toBe('errors.BAD_USER_INPUT');
    expect(error.body).toMatchObject({ code: 'BAD_USER_INPUT', errors: { limit: 'exceeds the source limit' } });
  });

  it('puts domain refusals (extensions.reasons) on the field they are about', () => {
    const error = toHttpError(apolloError({
      code: 'BAD_USER_INPUT',
      reasons: [
        { code: 'DELEGATION.EXCEEDS_LIMIT', message: "Limit 6,000,000.00 CNY exceeds the source's limit of 5,000,000.00 CNY." },
        { code: 'DELEGATION.EXCEEDS_SCOPE', message: "Scope West is outside the source's scope East." },
      ],
    }));
    expect(error.message).toBe('errors.BAD_USER_INPUT');
    expect(error.body.errors).toEqual({
      limit: "Limit 6,000,000.00 CNY exceeds the source's limit of 5,000,000.00 CNY.",
      scopeOrgUnitId: "Scope West is outside the source's scope East.",
    });
  });

  it('puts an authorization denial on the person deciding', () => {
    const error = toHttpError(apolloError({ code: 'FORBIDDEN', reasons: [{ code: 'NO_AUTHORITY', message: 'Li Na holds no rule for this decision.' }] }));
    expect(error.body.errors).toEqual({ deciderId: 'Li Na holds no rule for this decision.' });
  });

  it('puts a staffing refusal beside the person appointed', () => {
    const error = toHttpError(apolloError({ code: 'STAFFING.NOT_QUALIFIED', refusals: [{ code: 'STAFFING.NOT_QUALIFIED' }] }, 'Zhou Jing has never been assessed for the role (AR).'));
    expect(error.message).toBe('errors.BAD_USER_INPUT');
    expect(error.body.errors).toEqual({ personId: 'Zhou Jing has never been assessed for the role (AR).' });
  });

  it("shows the API's words for a domain code we have no message for", () => {
    expect(toHttpError(apolloError({ code: 'POOL.NOT_LOCKED' }, 'Only a locked pool can be adjusted.')).message).toBe('Only a locked pool can be adjusted.');
  });

  it("reads class-validator's validationErrors too", () => {
    const error = toHttpError(apolloError({ code: 'BAD_USER_INPUT', validationErrors: [{ property: 'perPage', constraints: { max: 'perPage must not be greater than 500' } }] }));
    expect(error.body.errors).toEqual({ perPage: 'perPage must not be greater than 500' });
  });

  it("keeps the API's words when no field is named", () => {
    expect(toHttpError(apolloError({ code: 'BAD_USER_INPUT' }, 'Variable "$validFrom" got invalid value')).message).toBe('Variable "$validFrom" got invalid value');
    expect(toHttpError(apolloError({ code: 'RECORD_IN_USE' }, '3 position assignments still refer to it')).message).toBe('3 position assignments still refer to it');
  });

  it('maps session, permission and version failures to their status and message key', () => {
    expect(toHttpError(apolloError({ code: 'UNAUTHENTICATED' }))).toMatchObject({ status: 401, message: 'errors.UNAUTHENTICATED' });
    expect(toHttpError(apolloError({ code: 'FORBIDDEN' }))).toMatchObject({ status: 403, message: 'errors.FORBIDDEN' });
    expect(toHttpError(apolloError({ code: 'CONFLICT' }))).toMatchObject({ status: 409, message: 'errors.CONFLICT' });
  });

  it('recognises network failures and an HTTP 401', () => {
    expect(toHttpError({ message: 'Failed to fetch', status: undefined, body: { graphQLErrors: [], networkError: { statusCode: 502 } } }).body.code).toBe('NETWORK_ERROR');
    expect(toHttpError({ message: 'Unauthorized', status: 401 }).body.code).toBe('UNAUTHENTICATED');
    expect(toHttpError(new Error('Unknown resource Decision. Make sure it has been declared')).body.code).toBe('UNKNOWN_RESOURCE');
  });
});

describe('withoutTypename', () => {
  it('removes __typename at every depth and keeps everything else', () => {
    expect(withoutTypename({ __typename: 'DecisionBody', id: '1', seats: [{ __typename: 'DecisionBodySeat', title: 'BU_PRESIDENT', fixed: true }], grade: null }))
      .toEqual({ id: '1', seats: [{ title: 'BU_PRESIDENT', fixed: true }], grade: null });
  });
});
