// The quick path of argument validation (platform/quick-validation.ts): an input with nothing given skips
// class-validator only when class-validator would accept it; anything else is still checked by it.
import 'reflect-metadata';
import { IsDefined, IsOptional, MaxLength, validate } from 'class-validator';
import { quicklyValid } from '../src/platform/quick-validation';
import { ListArgs, MetaArgs } from '../src/platform/crud/list';

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

test("the list arguments' quick check says valid only where class-validator finds nothing", async () => {
  const pages = [undefined, null, -1, 0, 3, Number.NaN];
  const perPages = [undefined, null, 0, 1, 25, 500, 501];
  const sortFields = [undefined, null, 'name', 'x'.repeat(64), 'x'.repeat(65), '😀'.repeat(40)];
  const sortOrders = [undefined, null, 'ASC', 'desc', 'Asc', 'UP'];
  let quick = 0;
  let checked = 0;
  for (const page of pages)
    for (const perPage of perPages) {
      const meta = of(MetaArgs, { page, perPage } as Partial<MetaArgs>);
      if (quicklyValid(meta)) expect(await validate(meta, options)).toEqual([]);
      for (const sortField of sortFields)
        for (const sortOrder of sortOrders) {
          const args = of(ListArgs, { page, perPage, sortField, sortOrder } as Partial<ListArgs>);
          const errors = await validate(args, options);
          checked++;
          if (quicklyValid(args)) {
            quick++;
            expect({ args, errors }).toEqual({ args, errors: [] });
          }
        }
    }
  // Most valid arguments take the quick path; the invalid ones never do.
  expect(checked).toBe(1512);
  expect(quick).toBeGreaterThan(150);
});
