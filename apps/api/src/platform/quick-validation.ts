// Input classes whose class-validator constraints are few and simple can register a plain check of them: when it
// says valid, class-validator would find nothing to report and is skipped (it costs about as much per input as the
// rest of a small question: metadata lookups, promises). Anything else goes to class-validator, which finds and words
// the errors as ever. A check must only answer true when every constraint of the class holds (false is always safe).

type Check = (value: object) => boolean;

const checks = new Map<unknown, Check>();

/** Registers the check of exactly this class (not its subclasses: they may add constraints). */
export function quickValidation<T extends object>(
  cls: new (...args: never[]) => T,
  valid: (value: T) => boolean,
): void {
  checks.set(cls, valid as Check);
}

/** True when the value's class has a check and it holds: class-validator would accept the value. */
export function quicklyValid(value: object): boolean {
  const check = checks.get(value.constructor);
  return check !== undefined && check(value);
}
