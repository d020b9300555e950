import { addMonthsUtc, wholeMonthsBetween, windowContains, windowWithin } from './window';

const d = (iso: string) => new Date(iso);

describe('windowContains (half-open)', () => {
  const w = { from: d('2026-01-01T00:00:00Z'), to: d('2026-02-01T00:00:00Z') };
  it('includes the start and excludes the end', () => {
    expect(windowContains(w, d('2026-01-01T00:00:00Z'))).toBe(true);
    expect(windowContains(w, d('2026-01-31T23:59:59.999Z'))).toBe(true);
    expect(windowContains(w, d('2026-02-01T00:00:00Z'))).toBe(false);
    expect(windowContains(w, d('2025-12-31T23:59:59.999Z'))).toBe(false);
  });
  it('an open end never closes', () => {
    expect(windowContains({ from: w.from, to: null }, d('2999-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('windowWithin', () => {
  const outer = { from: d('2026-01-01T00:00:00Z'), to: d('2027-01-01T00:00:00Z') };
  it('accepts an equal or inner window', () => {
    expect(windowWithin(outer, outer)).toBe(true);
    expect(windowWithin({ from: d('2026-03-01T00:00:00Z'), to: d('2026-04-01T00:00:00Z') }, outer)).toBe(true);
  });
  it('refuses a window that starts earlier or ends later', () => {
    expect(windowWithin({ from: d('2025-12-31T00:00:00Z'), to: d('2026-04-01T00:00:00Z') }, outer)).toBe(false);
    expect(windowWithin({ from: d('2026-03-01T00:00:00Z'), to: d('2027-01-01T00:00:00.001Z') }, outer)).toBe(false);
  });
  it('an open end fits only inside an open end', () => {
    expect(windowWithin({ from: d('2026-03-01T00:00:00Z'), to: null }, outer)).toBe(false);
    expect(windowWithin({ from: d('2026-03-01T00:00:00Z'), to: null }, { from: outer.from, to: null })).toBe(true);
    expect(windowWithin(outer, { from: outer.from, to: null })).toBe(true);
  });
});

describe('addMonthsUtc', () => {
  it.each([
    ['2026-01-15T08:30:00.123Z', 1, '2026-02-15T08:30:00.123Z'],
    ['2026-01-31T00:00:00Z', 1, '2026-02-28T00:00:00.000Z'],
    ['2024-01-31T00:00:00Z', 1, '2024-02-29T00:00:00.000Z'],
    ['2026-11-30T00:00:00Z', 3, '2027-02-28T00:00:00.000Z'],
    ['2026-03-31T00:00:00Z', -1, '2026-02-28T00:00:00.000Z'],
    ['2026-01-10T00:00:00Z', -13, '2024-12-10T00:00:00.000Z'],
    ['2026-05-05T00:00:00Z', 24, '2028-05-05T00:00:00.000Z'],
    ['2026-05-05T00:00:00Z', 0, '2026-05-05T00:00:00.000Z'],
  ])('%s + %i months = %s', (from, months, to) => {
    expect(addMonthsUtc(d(from), months).toISOString()).toBe(to);
  });
});

describe('wholeMonthsBetween', () => {
  it.each([
    ['2024-01-15T00:00:00Z', '2026-01-15T00:00:00Z', 24],
    ['2024-01-15T00:00:00Z', '2026-01-14T23:59:59.999Z', 23],
    ['2026-01-31T00:00:00Z', '2026-02-28T00:00:00Z', 1],
    ['2026-01-31T00:00:00Z', '2026-02-27T00:00:00Z', 0],
    ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 0],
    ['2026-03-01T00:00:00Z', '2026-01-01T00:00:00Z', 0],
  ])('from %s to %s is %i', (from, to, months) => {
    expect(wholeMonthsBetween(d(from), d(to))).toBe(months);
  });
});
