import {
  PERFORMANCE_RATINGS,
  PerformanceRecord,
  checkPerformanceGate,
  gateAtLeastAsStrict,
  isPerformanceRating,
  performanceRatingRank,
} from './performance';

const period = (name: string, endsAt: string, rating: PerformanceRecord['rating']): PerformanceRecord => ({
  period: name,
  endsAt: new Date(endsAt),
  rating,
});
const history = [
  period('2023', '2024-01-01T00:00:00Z', 'D'),
  period('2024', '2025-01-01T00:00:00Z', 'B'),
  period('2025', '2026-01-01T00:00:00Z', 'B+'),
];

describe('ratings', () => {
  it('ranks A > B+ > B > C > D', () => {
    expect(PERFORMANCE_RATINGS.map(performanceRatingRank)).toEqual([5, 4, 3, 2, 1]);
    expect(isPerformanceRating('B+')).toBe(true);
    expect(isPerformanceRating('E')).toBe(false);
  });
});

describe('checkPerformanceGate', () => {
  const at = new Date('2026-03-01T00:00:00Z');

  it('passes when the last n periods are all at or above the minimum', () => {
    const check = checkPerformanceGate({ minimumRating: 'B', periods: 2 }, history, at);
    expect(check.passed).toBe(true);
    expect(check.considered.map((p) => p.period)).toEqual(['2025', '2024']);
    expect(check.below).toEqual([]);
    expect(check.missingPeriods).toBe(0);
  });

  it('fails when one of the periods is below (a D three periods back fails a 3-period gate only)', () => {
    expect(checkPerformanceGate({ minimumRating: 'C', periods: 2 }, history, at).passed).toBe(true);
    const check = checkPerformanceGate({ minimumRating: 'C', periods: 3 }, history, at);
    expect(check.passed).toBe(false);
    expect(check.below.map((p) => p.period)).toEqual(['2023']);
  });

  it('fails on missing periods: a gate is never passed without evidence', () => {
    const check = checkPerformanceGate({ minimumRating: 'D', periods: 4 }, history, at);
    expect(check).toMatchObject({ passed: false, missingPeriods: 1, below: [] });
    expect(checkPerformanceGate({ minimumRating: 'D', periods: 1 }, [], at)).toMatchObject({
      passed: false,
      missingPeriods: 1,
    });
  });

  it('looks only at periods ended by the moment, in end order whatever the input order', () => {
    const early = new Date('2025-06-01T00:00:00Z');
    const check = checkPerformanceGate({ minimumRating: 'B', periods: 2 }, [...history].reverse(), early);
    expect(check.considered.map((p) => p.period)).toEqual(['2024', '2023']);
    expect(check.passed).toBe(false);
    // A period ending exactly at the moment counts.
    expect(
      checkPerformanceGate({ minimumRating: 'B+', periods: 1 }, history, new Date('2026-01-01T00:00:00Z')).passed,
    ).toBe(true);
    expect(
      checkPerformanceGate({ minimumRating: 'B+', periods: 1 }, history, new Date('2025-12-31T23:59:59.999Z')).passed,
    ).toBe(false);
  });
});

describe('gateAtLeastAsStrict', () => {
  it('orders gates by periods and rating; no gate is the weakest', () => {
    expect(gateAtLeastAsStrict(null, null)).toBe(true);
    expect(gateAtLeastAsStrict({ minimumRating: 'C', periods: 1 }, null)).toBe(true);
    expect(gateAtLeastAsStrict(null, { minimumRating: 'C', periods: 1 })).toBe(false);
    expect(gateAtLeastAsStrict({ minimumRating: 'B', periods: 2 }, { minimumRating: 'B', periods: 2 })).toBe(true);
    expect(gateAtLeastAsStrict({ minimumRating: 'C', periods: 2 }, { minimumRating: 'B', periods: 2 })).toBe(false);
    expect(gateAtLeastAsStrict({ minimumRating: 'B', periods: 1 }, { minimumRating: 'B', periods: 2 })).toBe(false);
  });
});
