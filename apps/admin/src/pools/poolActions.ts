// Which pool step is possible now, and if not, why: the state machine draft → funded → allocated → approved → locked,
// and the user's role (canAccess). Buttons show the reason when disabled.
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
