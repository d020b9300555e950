import { unwrap } from '../shared/result';
import {
  approvePool,
  canTransitionPool,
  createAdjustmentPool,
  editPool,
  lockPool,
  poolAdjustmentDeltas,
  poolApprovalRequest,
  PoolApprovalOutcome,
  PoolEdit,
  POOL_EDITABLE_FIELDS,
  poolInputsEditable,
  recordPoolAllocation,
  recordPoolFunding,
  reopenPool,
} from './lifecycle';
import { IncentivePool, PoolEditableField, PoolStatus, POOL_STATUSES } from './pool';
import { cny, draftPool, goal } from './testing/fixtures';

const T1 = new Date('2027-01-10T08:00:00Z');
const T2 = new Date('2027-01-11T08:00:00Z');
const T3 = new Date('2027-01-12T08:00:00Z');
const T4 = new Date('2027-01-13T08:00:00Z');
const APPROVER = 'p-director';
const yes: PoolApprovalOutcome = { approverId: APPROVER, authorized: true };

const draft = draftPool();
const funded = unwrap(recordPoolFunding(draft, T1));
const allocated = unwrap(recordPoolAllocation(funded, T2));
const approved = unwrap(approvePool(allocated, yes, T3));
const locked = unwrap(lockPool(approved, T4));
const IN: Record<PoolStatus, IncentivePool> = {
  DRAFT: draft,
  FUNDED: funded,
  ALLOCATED: allocated,
  APPROVED: approved,
  LOCKED: locked,
};

describe('the happy path', () => {
  it('funds, allocates, approves and locks, recording when', () => {
    expect(funded).toMatchObject({ status: 'FUNDED', funding: { amount: cny(100_000_00), fundedAt: T1 } });
    expect(funded.funding?.trace.multiplier.branch).toBe('LINEAR');
    expect(allocated).toMatchObject({ status: 'ALLOCATED', allocation: { allocatedAt: T2 } });
    expect(allocated.allocation?.shares.reduce((sum, s) => sum + s.share.minor, 0n)).toBe(100_000_00n);
    expect(approved).toMatchObject({ status: 'APPROVED', approval: { approverId: APPROVER, approvedAt: T3 } });
    expect(locked).toMatchObject({ status: 'LOCKED', lockedAt: T4 });
  });

  it('never mutates its input', () => {
    expect(draft.status).toBe('DRAFT');
    expect(draft.funding).toBeUndefined();
    expect(funded.allocation).toBeUndefined();
  });
});

describe('transitions: each allowed, every other refused', () => {
  const moves: [string, PoolStatus, PoolStatus, (pool: IncentivePool) => ReturnType<typeof lockPool>][] = [
    ['recordPoolFunding', 'DRAFT', 'FUNDED', (p) => recordPoolFunding(p, T1)],
    ['recordPoolAllocation', 'FUNDED', 'ALLOCATED', (p) => recordPoolAllocation(p, T2)],
    ['approvePool', 'ALLOCATED', 'APPROVED', (p) => approvePool(p, yes, T3)],
    ['lockPool', 'APPROVED', 'LOCKED', (p) => lockPool(p, T4)],
  ];
  for (const [name, from, to, move] of moves) {
    for (const status of POOL_STATUSES) {
      if (status === from) {
        it(`${name}: ${status} → ${to}`, () => expect(unwrap(move(IN[status])).status).toBe(to));
      } else {
        it(`${name}: refused from ${status}`, () =>
          expect(move(IN[status])).toEqual({
            ok: false,
            error: { code: 'POOL.INVALID_TRANSITION', data: { from: status, to } },
          }));
      }
    }
  }

  for (const status of POOL_STATUSES) {
    const allowed = status === 'FUNDED' || status === 'ALLOCATED';
    it(`reopenPool: ${allowed ? 'allowed' : 'refused'} from ${status}`, () => {
      const result = reopenPool(IN[status]);
      if (allowed) {
        const reopened = unwrap(result);
        expect(reopened.status).toBe('DRAFT');
        expect(reopened.funding).toBeUndefined();
        expect(reopened.allocation).toBeUndefined();
      } else {
        expect(result).toEqual({
          ok: false,
          error: { code: 'POOL.INVALID_TRANSITION', data: { from: status, to: 'DRAFT' } },
        });
      }
    });
  }

  it('canTransitionPool follows the table', () => {
    expect(canTransitionPool('DRAFT', 'FUNDED')).toBe(true);
    expect(canTransitionPool('DRAFT', 'LOCKED')).toBe(false);
    expect(canTransitionPool('LOCKED', 'DRAFT')).toBe(false);
    expect(canTransitionPool('APPROVED', 'DRAFT')).toBe(false);
  });

  it('funding and allocation pass their validation errors through', () => {
    expect(recordPoolFunding(draftPool({ baseAmount: cny(-1) }), T1)).toMatchObject({
      ok: false,
      error: { code: 'POOL.INVALID_BASE_AMOUNT' },
    });
    expect(recordPoolFunding(draftPool({ period: { from: T2, to: T2 } }), T1)).toEqual({
      ok: false,
      error: { code: 'POOL.INVALID_PERIOD', data: { from: T2.toISOString(), to: T2.toISOString() } },
    });
    const empty = unwrap(recordPoolFunding(draftPool({ members: [] }), T1));
    expect(recordPoolAllocation(empty, T2)).toEqual({ ok: false, error: { code: 'POOL.NO_MEMBERS', data: {} } });
  });
});

describe('edits per status', () => {
  const EDITS: Record<PoolEditableField, PoolEdit> = {
    name: { name: 'Renamed' },
    team: { team: { kind: 'SYSTEM_DEPARTMENT', id: 'sd-9' } },
    period: { period: { from: T1, to: T4 } },
    baseAmount: { baseAmount: cny(5) },
    targets: { targets: { ORDERS: cny(7) } },
    weights: { weights: { ORDERS: 50, CASH: 20 } },
    actuals: { actuals: { CASH: cny(1) } },
    rule: { rule: { gate: '0.5' } },
    roleWeights: { roleWeights: { EXPERT: '10' } },
    ratingCoefficients: { ratingCoefficients: { A: '1.3' } },
    members: { members: [] },
  };
  for (const status of POOL_STATUSES) {
    for (const field of Object.keys(EDITS) as PoolEditableField[]) {
      const allowed = POOL_EDITABLE_FIELDS[status].includes(field);
      it(`${field} in ${status}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const result = editPool(IN[status], EDITS[field]);
        if (allowed) expect(result.ok).toBe(true);
        else expect(result).toEqual({ ok: false, error: { code: 'POOL.EDIT_NOT_ALLOWED', data: { status, field } } });
      });
    }
  }

  it('follows the documented table', () => {
    expect(POOL_EDITABLE_FIELDS.FUNDED).toEqual(['name', 'actuals']);
    expect(POOL_EDITABLE_FIELDS.ALLOCATED).toEqual(['name']);
    expect(POOL_EDITABLE_FIELDS.APPROVED).toEqual(['name']);
    expect(POOL_EDITABLE_FIELDS.LOCKED).toEqual([]);
    expect(POOL_EDITABLE_FIELDS.DRAFT).toHaveLength(11);
  });

  it('applies a draft edit field by field, per metric', () => {
    const edited = unwrap(
      editPool(draft, {
        targets: { ORDERS: cny(7) },
        weights: { ORDERS: 50, CASH: 20 },
        actuals: { REVENUE: cny(3) },
        rule: { gate: '0.5' },
      }),
    );
    expect(edited.metrics.ORDERS).toEqual({ target: cny(7), actual: draft.metrics.ORDERS.actual, weight: 50 });
    expect(edited.metrics.REVENUE).toEqual({ ...draft.metrics.REVENUE, actual: cny(3) });
    expect(edited.metrics.CASH.weight).toBe(20);
    expect(edited.rule).toEqual({ gate: '0.5' });
    expect(edited.status).toBe('DRAFT');
    expect(unwrap(editPool(draft, {}))).toEqual(draft);
  });

  it('names the first refused field of a mixed edit', () => {
    expect(editPool(funded, { actuals: { CASH: cny(1) }, members: [] })).toEqual({
      ok: false,
      error: { code: 'POOL.EDIT_NOT_ALLOWED', data: { status: 'FUNDED', field: 'members' } },
    });
  });

  it('new actuals in FUNDED drop the funding and return the pool to DRAFT, to be funded again', () => {
    const edited = unwrap(editPool(funded, { actuals: { ORDERS: cny(2_000_000_00) } }));
    expect(edited.status).toBe('DRAFT');
    expect(edited.funding).toBeUndefined();
    const refunded = unwrap(recordPoolFunding(edited, T2));
    // orders at 2 × target: 0.8 + 0.3 + 0.3 = 1.4 → multiplier 1 + 0.4 × 1.5 = 1.6
    expect(refunded.funding?.amount).toEqual(cny(160_000_00));
  });

  it('a name edit keeps the status and the results', () => {
    const renamed = unwrap(editPool(allocated, { name: 'New name' }));
    expect(renamed).toEqual({ ...allocated, name: 'New name' });
  });
});

describe('approval is an authorized decision', () => {
  it('asks the engine for POOL_APPROVAL at the funded amount', () => {
    expect(poolApprovalRequest(allocated)).toEqual({
      ok: true,
      value: { decisionPoint: 'POOL_APPROVAL', amount: cny(100_000_00) },
    });
    expect(poolApprovalRequest(funded)).toEqual({
      ok: false,
      error: { code: 'POOL.NOT_ALLOCATED', data: { poolId: 'pool-1', status: 'FUNDED' } },
    });
  });

  it('refuses a member as approver (conflict of interest), even when authorized', () => {
    expect(approvePool(allocated, { approverId: 'p-sr', authorized: true }, T3)).toEqual({
      ok: false,
      error: { code: 'POOL.APPROVER_IS_MEMBER', data: { approverId: 'p-sr', memberId: '2' } },
    });
  });

  it('refuses without authority, passing the engine codes on', () => {
    expect(
      approvePool(allocated, { approverId: APPROVER, authorized: false, denialCodes: ['AUTH.AMOUNT_OVER_LIMIT'] }, T3),
    ).toEqual({
      ok: false,
      error: { code: 'POOL.NOT_AUTHORIZED', data: { approverId: APPROVER, codes: ['AUTH.AMOUNT_OVER_LIMIT'] } },
    });
    expect(approvePool(allocated, { approverId: APPROVER, authorized: false }, T3)).toMatchObject({
      error: { data: { codes: [] } },
    });
  });

  it('refuses an outcome given for another decision point or amount', () => {
    const expected = { expectedDecisionPoint: 'POOL_APPROVAL', expectedMinor: '10000000', currency: 'CNY' };
    expect(approvePool(allocated, { ...yes, decisionPoint: 'ATC' }, T3)).toEqual({
      ok: false,
      error: {
        code: 'POOL.AUTHORIZATION_MISMATCH',
        data: { ...expected, decisionPoint: 'ATC', amountMinor: '10000000' },
      },
    });
    expect(approvePool(allocated, { ...yes, amount: cny(1) }, T3)).toMatchObject({
      error: { code: 'POOL.AUTHORIZATION_MISMATCH', data: { amountMinor: '1' } },
    });
    expect(approvePool(allocated, { ...yes, amount: { minor: 100_000_00n, currency: 'USD' } }, T3)).toMatchObject({
      error: { code: 'POOL.AUTHORIZATION_MISMATCH' },
    });
    expect(
      unwrap(approvePool(allocated, { ...yes, decisionPoint: 'POOL_APPROVAL', amount: cny(100_000_00) }, T3)).status,
    ).toBe('APPROVED');
  });
});

describe('corrections after lock are adjustment pools', () => {
  it('creates a DRAFT copy that references what the locked pool paid', () => {
    const adjustment = unwrap(
      createAdjustmentPool(locked, { id: 'pool-1-adj-1', name: 'East region 2026, correction 1' }, T4),
    );
    expect(adjustment).toMatchObject({
      id: 'pool-1-adj-1',
      name: 'East region 2026, correction 1',
      status: 'DRAFT',
      metrics: locked.metrics,
      members: locked.members,
    });
    expect(adjustment.funding).toBeUndefined();
    expect(adjustment.allocation).toBeUndefined();
    expect(adjustment.approval).toBeUndefined();
    expect(adjustment.lockedAt).toBeUndefined();
    expect(adjustment.adjustmentOf).toEqual({
      poolId: 'pool-1',
      fundedAmount: cny(100_000_00),
      shares: locked.allocation?.shares.map(({ memberId, personId, share }) => ({ memberId, personId, share })),
      lockedAt: T4,
      createdAt: T4,
    });
    expect(unwrap(createAdjustmentPool(locked, { id: 'x' }, T4)).name).toBe(locked.name);
  });

  it('refuses to adjust a pool that is not locked', () => {
    for (const status of ['DRAFT', 'FUNDED', 'ALLOCATED', 'APPROVED'] as const) {
      expect(createAdjustmentPool(IN[status], { id: 'x' }, T4)).toEqual({
        ok: false,
        error: { code: 'POOL.NOT_LOCKED', data: { poolId: 'pool-1', status } },
      });
    }
  });

  it('gives per person what to pay or recover once the adjustment is allocated', () => {
    const adjustment = unwrap(createAdjustmentPool(locked, { id: 'adj' }, T4));
    expect(poolAdjustmentDeltas(adjustment)).toEqual({
      ok: false,
      error: { code: 'POOL.NOT_ALLOCATED', data: { poolId: 'adj', status: 'DRAFT' } },
    });
    const corrected = unwrap(
      editPool(adjustment, {
        actuals: { CASH: cny(900_000_00) },
        members: [
          ...locked.members.filter((m) => m.personId !== 'p-sr'),
          { id: '4', personId: 'p-new', role: 'SR', rating: 'B', participation: '1' },
        ],
      }),
    );
    const done = unwrap(recordPoolAllocation(unwrap(recordPoolFunding(corrected, T4)), T4));
    const deltas = unwrap(poolAdjustmentDeltas(done));
    expect(deltas.map((d) => d.personId)).toEqual(['p-ar', 'p-fr', 'p-new', 'p-sr']);
    const bySr = deltas.find((d) => d.personId === 'p-sr');
    expect(bySr?.adjusted).toEqual(cny(0));
    expect(bySr?.delta.minor).toBe(-(bySr?.original.minor ?? 0n));
    expect(deltas.find((d) => d.personId === 'p-new')?.original).toEqual(cny(0));
    const total = deltas.reduce((sum, d) => sum + d.delta.minor, 0n);
    expect(total).toBe((done.funding?.amount.minor ?? 0n) - 100_000_00n);
    expect(total).toBe(-3_000_00n); // cash 0.9 → attainment 0.97 → 97,000.00
  });

  it('refuses deltas for a pool that adjusts nothing', () => {
    expect(poolAdjustmentDeltas(allocated)).toEqual({
      ok: false,
      error: { code: 'POOL.NOT_AN_ADJUSTMENT', data: { poolId: 'pool-1' } },
    });
  });

  it('an adjustment of an adjustment references only its direct predecessor', () => {
    const adj = unwrap(createAdjustmentPool(locked, { id: 'adj-1' }, T4));
    const lockedAdj = unwrap(
      lockPool(unwrap(approvePool(unwrap(recordPoolAllocation(unwrap(recordPoolFunding(adj, T4)), T4)), yes, T4)), T4),
    );
    expect(unwrap(createAdjustmentPool(lockedAdj, { id: 'adj-2' }, T4)).adjustmentOf?.poolId).toBe('adj-1');
  });
});

it('the fixture goal helper builds metric goals', () => {
  expect(goal(1, 2, 3)).toEqual({ target: cny(1), actual: cny(2), weight: 3 });
});

describe('poolInputsEditable', () => {
  it('lets the inputs change only while the pool is a draft', () => {
    expect(POOL_STATUSES.filter((status) => poolInputsEditable(status))).toEqual(['DRAFT']);
  });
});
