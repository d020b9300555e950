// Expected failures are values with a stable code and the data a message needs; no prose in the domain.

export interface DomainError<C extends string = string, D = Record<string, unknown>> {
  readonly code: C;
  readonly data: D;
}

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E = DomainError> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E>(error: E): Err<E> => ({ ok: false, error });
export const domainError = <C extends string, D extends Record<string, unknown>>(
  code: C,
  data: D,
): DomainError<C, D> => ({ code, data });

/** Returns the value of an ok result; throws for an error result (a programmer error in callers that checked). */
export function unwrap<T, E>(result: Result<T, E>): T {
  if (result.ok) return result.value;
  throw new Error(
    `unwrap() on an error result: ` +
      `${JSON.stringify(result.error, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`,
  );
}
