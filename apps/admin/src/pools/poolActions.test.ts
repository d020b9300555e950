import { poolStepState } from './poolActions';

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
