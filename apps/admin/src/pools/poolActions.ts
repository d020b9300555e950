// Which pool step is possible now, and if not, why: the state machine draft → funded → allocated → approved → locked,
// and the user's role (canAccess). Buttons show the reason when disabled.
import { poolInputsEditable } from '@iron-triangle/domain';
import { canAccess } from '../auth/canAccess';
import type { UserRole } from '../auth/session';
import type { PoolStatus } from '../providers/types';

export type PoolStep = 'fund' | 'allocate' | 'approve' | 'lock';

/** The status each step starts from. Allocation may be redone until the pool is approved. */
export const STEP_FROM: Record<PoolStep, readonly PoolStatus[]> = {
  fund: ['DRAFT', 'FUNDED'],
  allocate: ['FUNDED', 'ALLOCATED'],
  approve: ['ALLOCATED'],
  lock: ['APPROVED'],
};

export type StepState = { enabled: true } | { enabled: false; reason: 'role' | 'status'; status?: PoolStatus };

export function poolStepState(
  step: PoolStep,
  status: PoolStatus | undefined,
  role: UserRole | null | undefined,
): StepState {
  if (!canAccess(role, 'IncentivePool', step)) return { enabled: false, reason: 'role' };
  const from = STEP_FROM[step];
  if (!status || !from.includes(status)) return { enabled: false, reason: 'status', status: from[0] };
  return { enabled: true };
}

/** What changes a pool's inputs: editing the pool, and adding or editing its metrics and members. */
export type PoolInputAction = { resource: 'IncentivePool' | 'PoolMetric' | 'PoolMember'; action: 'edit' | 'create' };

export type InputState =
  | { enabled: true }
  | { enabled: false; reason: 'role' }
  | { enabled: false; reason: 'draft' | 'locked'; status: PoolStatus };

/**
 * Whether a pool's inputs can be changed now: the user's role, then the domain's rule (only a DRAFT; a LOCKED pool is
 * corrected by an adjustment pool). The API refuses the same with POOL.NOT_DRAFT.
 */
export function poolInputState(
  input: PoolInputAction,
  status: PoolStatus | undefined,
  role: UserRole | null | undefined,
): InputState {
  if (!canAccess(role, input.resource, input.action)) return { enabled: false, reason: 'role' };
  if (!status || poolInputsEditable(status)) return { enabled: true };
  return { enabled: false, reason: status === 'LOCKED' ? 'locked' : 'draft', status };
}
