// Input classes whose class-validator constraints are few and simple can register a plain check of them: when it
// says valid, class-validator would find nothing to report and is skipped (it costs about as much per input as the
// rest of a small question: metadata lookups, promises). Anything else goes to class-validator, which finds and words
// the errors as ever. A check must only answer true when every constraint of the class holds (false is always safe).

import {
  getMetadataStorage,
  validateOrReject,
  ValidationError,
  ValidationTypes,
  ValidatorOptions,
} from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';

type Check = (value: object) => boolean;

const checks = new Map<unknown, Check>();

/** Registers the check of exactly this class (not its subclasses: they may add constraints). */
export function quickValidation<T extends object>(
  cls: new (...args: never[]) => T,
  valid: (value: T) => boolean,
): void {
  checks.set(cls, valid as Check);
}

/** Per class: whether any of its properties must be defined (class-validator's IsDefined, run even when missing). */
const requiresDefined = new Map<unknown, boolean>();

function mustDefine(cls: object): boolean {
  let found = requiresDefined.get(cls);
  if (found === undefined) {
    found = getMetadataStorage()
      .getTargetValidationMetadatas(cls as new () => object, '', true, false)
      .some((m) => m.type === ValidationTypes.IS_DEFINED);
    requiresDefined.set(cls, found);
  }
  return found;
}

/**
 * An input with nothing given (every property missing or null, e.g. the portal's `filter: {}`): with the API's
 * options (skipMissingProperties) class-validator checks nothing of it but IsDefined, which its class has not.
 */
function blank(value: object): boolean {
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined && v !== null) return false;
  }
  return !mustDefine(value.constructor);
}

/** True when the value's class has a check and it holds, or nothing is given: class-validator would accept it. */
export function quicklyValid(value: object): boolean {
  const check = checks.get(value.constructor);
  return (check !== undefined && check(value)) || blank(value);
}

/**
 * type-graphql's own argument validation with its defaults, minus the `require('class-validator')` it does per
 * argument, and skipped for inputs a registered quick check finds valid (the schema's `validateFn`).
 */
const VALIDATOR_OPTIONS: ValidatorOptions = { forbidUnknownValues: false, skipMissingProperties: true };
const validatable = (value: unknown): value is object => value !== null && typeof value === 'object';

export async function validateArgument(value: unknown): Promise<void> {
  if (!validatable(value)) return;
  try {
    if (Array.isArray(value)) {
      const items = value.filter((item) => validatable(item) && !quicklyValid(item));
      if (items.length > 0) await Promise.all(items.map((item) => validateOrReject(item, VALIDATOR_OPTIONS)));
    } else if (!quicklyValid(value)) await validateOrReject(value, VALIDATOR_OPTIONS);
  } catch (error) {
    throw new ArgumentValidationError(error as ValidationError[]);
  }
}
