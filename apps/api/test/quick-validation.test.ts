// The quick path of argument validation (platform/quick-validation.ts): an input with nothing given skips
// class-validator only when class-validator would accept it; anything else is still checked by it.
import 'reflect-metadata';
import { IsDefined, IsOptional, MaxLength, validate } from 'class-validator';
import { quicklyValid } from '../src/platform/quick-validation';

class Filter {
  @IsOptional()
  @MaxLength(3)
  q?: string | null;
}

class MustSay {
  @IsDefined()
  what?: string;
}

const options = { forbidUnknownValues: false, skipMissingProperties: true };
const of = <T extends object>(cls: new () => T, values: Partial<T>): T => Object.assign(new cls(), values);

test('a blank input skips class-validator, which accepts it too', async () => {
  for (const blank of [of(Filter, {}), of(Filter, { q: undefined }), of(Filter, { q: null })]) {
    expect(quicklyValid(blank)).toBe(true);
    expect(await validate(blank, options)).toEqual([]);
  }
});

test('an input with something given, or whose class requires a property, goes to class-validator', async () => {
  const given = of(Filter, { q: 'too long' });
  expect(quicklyValid(given)).toBe(false);
  expect(await validate(given, options)).toHaveLength(1);
  const missing = of(MustSay, {});
  expect(quicklyValid(missing)).toBe(false);
  expect(await validate(missing, options)).toHaveLength(1);
});
