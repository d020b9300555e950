// An API error as the user should read it: the code's message in their language with the data it names; the
// API's own words only for a code we have no message for.
import { useLocaleState } from 'react-admin';
import { describeApiError, localizeErrors } from '../providers/apiMessages';

export function errorCodeOf(error: unknown): string {
  const e = error as { code?: string; body?: { code?: string } } | null;
  return e?.body?.code ?? e?.code ?? 'INTERNAL_SERVER_ERROR';
}

type ErrorLike = {
  message?: string;
  extensions?: Record<string, unknown>;
  fieldErrors?: Record<string, string>;
  body?: { detail?: string; extensions?: Record<string, unknown>; errors?: Record<string, string> };
} | null;

function partsOf(error: unknown) {
  const e = error as ErrorLike;
  const code = errorCodeOf(error);
  const extensions = { ...(e?.body?.extensions ?? e?.extensions ?? {}), code };
  const detail = e?.body?.detail ?? e?.message ?? '';
  return { code, extensions, detail };
}

export function useErrorMessage() {
  const [locale] = useLocaleState();
  return (error: unknown) => {
    const { code, extensions, detail } = partsOf(error);
    // A refused input outside a form (no field to show it beside): what is wrong with each field.
    const fields = (error as ErrorLike)?.fieldErrors;
    if (code === 'BAD_USER_INPUT' && fields && Object.keys(fields).length) {
      return Object.values(localizeErrors(locale, extensions, fields)).join(locale === 'zh-CN' ? '；' : '; ');
    }
    return describeApiError(locale, { code, extensions, detail });
  };
}

/** The field errors of a failed operation (a request error's fieldErrors), in the reader's language. */
export function useFieldErrors() {
  const [locale] = useLocaleState();
  return (error: unknown): Record<string, string> => {
    const e = error as ErrorLike;
    if (e?.body?.errors) return e.body.errors;
    return localizeErrors(locale, partsOf(error).extensions, e?.fieldErrors ?? {});
  };
}

export function ErrorText({ error }: { error: unknown }) {
  const message = useErrorMessage();
  return <span role="alert">{message(error)}</span>;
}
