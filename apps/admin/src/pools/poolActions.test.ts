import { poolInputState, poolStepState } from './poolActions';

describe('poolStepState', () => {
  it('follows the lifecycle draft → funded → allocated → approved → locked', () => {
    expect(poolStepState('fund', 'DRAFT', 'LEADER')).toEqual({ enabled: true });
    expect(poolStepState('allocate', 'FUNDED', 'LEADER')).toEqual({ enabled: true });
    expect(poolStepState('allocate', 'ALLOCATED', 'LEADER')).toEqual({ enabled: true });
    expect(poolStepState('approve', 'ALLOCATED', 'LEADER')).toEqual({ enabled: true });
    expect(poolStepState('lock', 'APPROVED', 'ADMIN')).toEqual({ enabled: true });
  });
  it('says which status a step needs', () => {
    expect(poolStepState('approve', 'FUNDED', 'LEADER')).toEqual({
      enabled: false,
      reason: 'status',
      status: 'ALLOCATED',
    });
    expect(poolStepState('lock', 'ALLOCATED', 'LEADER')).toEqual({
      enabled: false,
      reason: 'status',
      status: 'APPROVED',
    });
    expect(poolStepState('allocate', 'LOCKED', 'LEADER')).toEqual({
      enabled: false,
      reason: 'status',
      status: 'FUNDED',
    });
  });
  it('says when the role may not', () => {
    expect(poolStepState('approve', 'ALLOCATED', 'HR')).toEqual({ enabled: false, reason: 'role' });
    expect(poolStepState('fund', 'DRAFT', 'VIEWER')).toEqual({ enabled: false, reason: 'role' });
  });
});

describe('poolInputState', () => {
  const edit = { resource: 'IncentivePool', action: 'edit' } as const;
  const addMember = { resource: 'PoolMember', action: 'create' } as const;
  it('lets a draft be edited, its metrics and members added', () => {
    expect(poolInputState(edit, 'DRAFT', 'LEADER')).toEqual({ enabled: true });
    expect(poolInputState(addMember, 'DRAFT', 'LEADER')).toEqual({ enabled: true });
  });
  it('offers no edits after the draft, and says why', () => {
    expect(poolInputState(edit, 'FUNDED', 'LEADER')).toEqual({ enabled: false, reason: 'draft', status: 'FUNDED' });
    expect(poolInputState(addMember, 'APPROVED', 'ADMIN')).toEqual({
      enabled: false,
      reason: 'draft',
      status: 'APPROVED',
    });
    expect(poolInputState(edit, 'LOCKED', 'LEADER')).toEqual({ enabled: false, reason: 'locked', status: 'LOCKED' });
  });
  it('says when the role may not', () => {
    expect(poolInputState(edit, 'DRAFT', 'VIEWER')).toEqual({ enabled: false, reason: 'role' });
  });
});
