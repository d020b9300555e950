// The one place that knows a decision was recorded. What must follow in the same transaction (a pending decision
// request on the same project and point is settled by it) listens here; a listener's writes commit with the decision
// or not at all. Registered once per process by the composition root.
import type { EntityManager } from 'typeorm';
import type { Context } from '../../platform/context';
import type { Decision } from './decision.entity';

export interface DecisionRecorded {
  readonly decision: Decision;
  /** The request it was taken from (decideRequest), or null when it was recorded directly (recordDecision). */
  readonly fromRequestId: number | null;
}

export type DecisionRecordedListener = (em: EntityManager, ctx: Context, event: DecisionRecorded) => Promise<void>;

const listeners: DecisionRecordedListener[] = [];

/** Registers a listener for every decision recorded (returns a function that removes it). */
export function onDecisionRecorded(listener: DecisionRecordedListener): () => void {
  listeners.push(listener);
  return () => {
    const at = listeners.indexOf(listener);
    if (at >= 0) listeners.splice(at, 1);
  };
}

/** Tells the listeners, in the decision's transaction `em`. */
export async function decisionRecorded(em: EntityManager, ctx: Context, event: DecisionRecorded): Promise<void> {
  for (const listener of listeners) await listener(em, ctx, event);
}
