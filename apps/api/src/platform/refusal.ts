// The one shape of a domain refusal on the wire (documented in apps/api/README.md, "Refusals"):
//   extensions: { code, reasons: [{ code, message, data, field }] }
// `code` is the refusal's stable code; each reason names one thing the domain refused, in the caller's language,
// with the facts behind it (JSON-safe: money as decimal strings, instants in ISO 8601) and the argument it concerns.
import { AppError } from './errors';

/** One reason of a refusal, as a client receives it. */
export interface RefusalReason {
  /** The domain's code for this reason (DELEGATION.EXCEEDS_LIMIT, NO_AUTHORITY, STAFFING.BELOW_MINIMUM, …). */
  readonly code: string;
  /** What is wrong and what to do, in the caller's language. */
  readonly message: string;
  /** The facts behind the reason, JSON-safe; null when there are none. */
  readonly data: Record<string, unknown> | null;
  /** The argument of the operation the reason concerns (`limit`, `deciderId`, `ratings`); null when none. */
  readonly field: string | null;
}

/** A reason as a caller gives it: `data` and `field` may be left out. */
export interface RefusalReasonInput {
  readonly code: string;
  readonly message: string;
  readonly data?: unknown;
  readonly field?: string | null;
}

function reasonOf(input: RefusalReasonInput): RefusalReason {
  const data = input.data;
  return {
    code: input.code,
    message: input.message,
    data: data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null,
    field: input.field ?? null,
  };
}

/**
 * A domain refusal: `code` (BAD_USER_INPUT for a refused argument, or the domain's own code) and every reason. The
 * message defaults to the reasons' messages joined. `extra` adds top-level keys a code keeps beside its reasons
 * (`fieldErrors` of a BAD_USER_INPUT); the reasons stay the place every refusal's facts are read from.
 */
export function refusal(
  code: string,
  message: string | null,
  reasons: readonly RefusalReasonInput[],
  extra: Record<string, unknown> = {},
): AppError {
  const normalized = reasons.map(reasonOf);
  const text = message ?? normalized.map((r) => r.message).join(' ');
  return new AppError(code, text, { ...extra, reasons: normalized });
}

/** A refusal with one reason of the same code (a pool step out of order, a closed decision, …). */
export const singleRefusal = (
  code: string,
  message: string,
  data: unknown = null,
  field: string | null = null,
): AppError => refusal(code, message, [{ code, message, data, field }]);
