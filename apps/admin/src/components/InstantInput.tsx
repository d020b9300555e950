// A date-time input whose value is an ISO 8601 instant in UTC, as the API's DateTime scalar expects
// (react-admin's DateTimeInput alone keeps the browser's local "YYYY-MM-DDTHH:mm" text).
// The browser's native picker writes dates in the browser's own language (Chromium: mm/dd/yyyy, whatever the page's
// language), and a page cannot change that; so the chosen moment is also written beside it in the portal's language.
import { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { DateTimeInput, DateTimeInputProps, useLocaleState, useTranslate, useWrappedSource } from 'react-admin';
import { formatInstantLong } from '../format';

export function toInstant(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The chosen moment in the reader's language and time zone, with its UTC time. */
export function useInstantText() {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  return (value: unknown): string => {
    const instant = toInstant(value);
    if (!instant) return '';
    // In UTC already (the browser's zone is UTC at that moment): once is enough.
    if (new Date(instant).getTimezoneOffset() === 0) return formatInstantLong(instant, locale);
    return translate('app.instant', {
      local: formatInstantLong(instant, locale),
      utc: instant.slice(0, 16).replace('T', ' '),
    });
  };
}

function ChosenInstant({ source, helperText }: { source: string; helperText?: ReactNode }) {
  const value = useWatch({ name: useWrappedSource(source) });
  const text = useInstantText()(value);
  if (!text) return <>{helperText ?? ''}</>;
  return (
    <>
      <span data-testid="instant-text">{text}</span>
      {helperText ? <> · {helperText}</> : null}
    </>
  );
}

export function InstantInput({ helperText, ...props }: DateTimeInputProps) {
  const extra =
    typeof helperText === 'string' ? <HelperKey text={helperText} /> : helperText === false ? undefined : helperText;
  return (
    <DateTimeInput
      parse={toInstant}
      helperText={<ChosenInstant source={props.source} helperText={extra} />}
      {...props}
    />
  );
}

function HelperKey({ text }: { text: string }) {
  const translate = useTranslate();
  return <>{translate(text, { _: text })}</>;
}
