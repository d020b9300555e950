// A day as the API's DateTime: the day picked, at 00:00 UTC (a due date, a close date, a start time).
import { DateInput, DateInputProps } from 'react-admin';

export function toDayInstant(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = String(value);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00.000Z` : text;
  const date = new Date(day);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function fromDayInstant(value: unknown): string {
  return typeof value === 'string' && value.length >= 10 ? value.slice(0, 10) : '';
}

export function DayInput(props: DateInputProps) {
  return <DateInput parse={toDayInstant} format={fromDayInstant} {...props} />;
}
