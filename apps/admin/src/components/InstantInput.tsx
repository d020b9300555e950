// A date-time input whose value is an ISO 8601 instant in UTC, as the API's DateTime scalar expects
// (react-admin's DateTimeInput alone keeps the browser's local "YYYY-MM-DDTHH:mm" text).
import { DateTimeInput, DateTimeInputProps } from 'react-admin';

export function toInstant(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function InstantInput(props: DateTimeInputProps) {
  return <DateTimeInput parse={toInstant} {...props} />;
}
