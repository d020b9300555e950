// The one place that knows a decision request was routed to people: opened for them, or escalated to them. Whatever
// must follow (in-app notifications, e-mail) listens here; the listeners run in the routing transaction, so what they
// write commits with it or not at all.
import type { EntityManager } from 'typeorm';

export interface RequestRouted {
  /** OPENED: a new request; ESCALATED: an overdue one went to the next level up. */
  readonly kind: 'OPENED' | 'ESCALATED';
  readonly requestId: number;
  readonly projectId: number;
  readonly decisionPoint: string;
  /** The people it now waits for who did not have it before (person ids). */
  readonly personIds: readonly number[];
  readonly dueAt: Date;
  readonly at: Date;
}

export type RequestRoutedListener = (em: EntityManager, event: RequestRouted) => Promise<void> | void;

const listeners: RequestRoutedListener[] = [];

/** Registers a listener for every routing (returns a function that removes it). */
export function onRequestRouted(listener: RequestRoutedListener): () => void {
  listeners.push(listener);
  return () => {
    const at = listeners.indexOf(listener);
    if (at >= 0) listeners.splice(at, 1);
  };
}

/** Tells the listeners, in the routing transaction `em`. */
export async function requestRouted(em: EntityManager, event: RequestRouted): Promise<void> {
  for (const listener of listeners) await listener(em, event);
}
