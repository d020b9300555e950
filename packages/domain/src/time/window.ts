// Half-open time windows [from, to) in UTC; `to: null` is an open end. Time is always passed in.

export interface TimeWindow {
  readonly from: Date;
  readonly to: Date | null;
}

/** True when `at` is in [from, to). */
export function windowContains(window: TimeWindow, at: Date): boolean {
  const t = at.getTime();
  return window.from.getTime() <= t && (window.to === null || t < window.to.getTime());
}

/** True when `inner` lies entirely within `outer` (an open end fits only inside an open end). */
export function windowWithin(inner: TimeWindow, outer: TimeWindow): boolean {
  if (inner.from.getTime() < outer.from.getTime()) return false;
  if (outer.to === null) return true;
  if (inner.to === null) return false;
  return inner.to.getTime() <= outer.to.getTime();
}

/** Adds whole calendar months in UTC, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsUtc(at: Date, months: number): Date {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth() + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(at.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(
      targetYear,
      targetMonth,
      day,
      at.getUTCHours(),
      at.getUTCMinutes(),
      at.getUTCSeconds(),
      at.getUTCMilliseconds(),
    ),
  );
}

/** Whole calendar months from `from` to `to` (0 when `to` is before `from`). */
export function wholeMonthsBetween(from: Date, to: Date): number {
  if (to.getTime() < from.getTime()) return 0;
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (addMonthsUtc(from, months).getTime() > to.getTime()) months -= 1;
  return Math.max(0, months);
}
