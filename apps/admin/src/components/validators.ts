// Validators for react-admin inputs; messages are keys of en.ts / zh-CN.ts.
import { compareDecimal, DECIMAL } from '../format';

type Validator = (
  value: unknown,
  values?: Record<string, unknown>,
) => string | { message: string; args: Record<string, unknown> } | undefined;

export const decimal: Validator = (value) =>
  value === null || value === undefined || value === '' || DECIMAL.test(String(value))
    ? undefined
    : 'validation.decimal';

export const currencyCode: Validator = (value) =>
  !value || /^[A-Z]{3}$/.test(String(value)) ? undefined : 'validation.currency';

export const requiredList: Validator = (value) =>
  Array.isArray(value) && value.length > 0 ? undefined : 'validation.required_list';

/** For an end date: must be after `startSource`. */
export function after(startSource: string): Validator {
  return (value, values) => {
    const start = values?.[startSource];
    if (!value || !start) return undefined;
    return new Date(String(value)).getTime() > new Date(String(start)).getTime() ? undefined : 'validation.window';
  };
}

export function notAbove(limit: string | null | undefined, shown: string): Validator {
  return (value) => {
    if (!limit || value === null || value === undefined || value === '' || !DECIMAL.test(String(value)))
      return undefined;
    return compareDecimal(String(value), limit) > 0
      ? { message: 'validation.not_above', args: { limit: shown } }
      : undefined;
  };
}

export function subsetOf(allowed: readonly string[] | null | undefined, shown: string): Validator {
  return (value) => {
    if (!allowed || !Array.isArray(value)) return undefined;
    return value.every((v) => allowed.includes(String(v)))
      ? undefined
      : { message: 'validation.subset', args: { allowed: shown } };
  };
}
