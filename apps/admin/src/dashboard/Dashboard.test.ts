import { endingWithin, startOfWeek } from './Dashboard';

describe('dashboard windows', () => {
  const now = new Date('2026-03-04T10:00:00.000Z');
  it('keeps what ends between now and the horizon', () => {
    const records = [
      { id: 1, validUntil: '2026-03-10T00:00:00.000Z' },
      { id: 2, validUntil: '2026-04-10T00:00:00.000Z' },
      { id: 3, validUntil: '2026-03-01T00:00:00.000Z' },
      { id: 4, validUntil: null },
    ];
    expect(endingWithin(records, 'validUntil', 30, now).map((r) => r.id)).toEqual([1]);
    expect(endingWithin(records, 'validUntil', 60, now).map((r) => r.id)).toEqual([1, 2]);
  });
  it('starts the week on Monday', () => {
    const monday = startOfWeek(new Date(2026, 2, 4, 15));
    expect(monday.getDay()).toBe(1);
    expect(monday.getDate()).toBe(2);
    expect(startOfWeek(new Date(2026, 2, 8, 12)).getDate()).toBe(2);
  });
});
