// The `change` argument of an update (apps/api ChangeInput): an ordinary change sends none (it takes effect when
// saved); a correction of the past sends `{ correction: true, effectiveFrom, reason }`, effectiveFrom null meaning
// "for the whole life of the record".
import type { DataProvider } from 'react-admin';

/** What the API takes. */
export interface ChangeInput {
  correction: true;
  effectiveFrom: string | null;
  reason: string;
}

/** What the edit form holds under `change` (history/EffectiveChange.tsx). */
export interface ChangeFormValues {
  correction?: boolean | null;
  /** FROM: from `effectiveFrom` on; WHOLE: for the whole life of the record. */
  scope?: 'FROM' | 'WHOLE' | null;
  effectiveFrom?: string | null;
  reason?: string | null;
}

/** The argument to send for the form's `change` values; undefined for an ordinary change. Idempotent. */
export function changeArgument(value: unknown): ChangeInput | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as ChangeFormValues;
  if (v.correction !== true) return undefined;
  return {
    correction: true,
    effectiveFrom: v.scope === 'WHOLE' ? null : v.effectiveFrom || null,
    reason: String(v.reason ?? '').trim(),
  };
}

/** `data` with its `change` values replaced by the argument to send (or removed for an ordinary change). */
export function withChangeArgument<T extends Record<string, unknown>>(data: T): T {
  if (!('change' in data)) return data;
  const { change, ...rest } = data;
  const argument = changeArgument(change);
  return (argument ? { ...rest, change: argument } : rest) as T;
}

/**
 * Updates with the `change` argument the API takes: a correction of the past made on an edit form; an ordinary
 * change sends none. ra-data-graphql-simple sends the data's keys that are arguments of the mutation, so `change`
 * reaches the update mutations that take it (those of versioned records) and no other.
 */
export function withChange(provider: DataProvider): DataProvider {
  return {
    ...provider,
    update: (resource, params) =>
      provider.update(resource, { ...params, data: withChangeArgument(params.data as Record<string, unknown>) }),
  };
}
