// An API error as the user should read it: the code's message in their language, then the API's own words.
import { useTranslate } from 'react-admin';

export function errorCodeOf(error: unknown): string {
  const e = error as { code?: string; body?: { code?: string } } | null;
  return e?.body?.code ?? e?.code ?? 'INTERNAL_SERVER_ERROR';
}

export function useErrorMessage() {
  const translate = useTranslate();
  return (error: unknown) => {
    const code = errorCodeOf(error);
    const detail = (error as { body?: { detail?: string }; message?: string } | null)?.body?.detail ?? (error as Error | null)?.message ?? '';
    const known = translate(`errors.${code}`, { _: '' });
    // A code we have words for: ours, then the API's specifics; a domain code (e.g. POOL.APPROVER_IS_MEMBER): the API's words.
    if (!known) return detail && !detail.startsWith('errors.') ? detail : translate('errors.unknown', { message: code });
    return detail && !detail.startsWith('errors.') && code !== 'NETWORK_ERROR' ? `${known} (${detail})` : known;
  };
}

export function ErrorText({ error }: { error: unknown }) {
  const message = useErrorMessage();
  return <span role="alert">{message(error)}</span>;
}
