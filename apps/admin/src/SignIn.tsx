// The sign-in screen in plain React (no MUI, no react-admin) so the first page loads little.
import { FormEvent, useState } from 'react';
import { Session, signIn } from './auth/session';
import { gqlRequest, GraphQLRequestError } from './graphql/client';
import { Locale, LOCALES } from './i18n/locale';
import { LANGUAGE_NAMES, signInMessages } from './i18n/signIn';

const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { token expiresAt user { id email role personId } }
}`;

const styles = {
  page: {
    minHeight: '100vh',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    background: '#eef2f6',
    fontFamily: 'system-ui, "WenQuanYi Micro Hei", sans-serif',
  },
  card: { width: 360, background: '#fff', borderRadius: 8, padding: 32, boxShadow: '0 2px 12px rgba(0,0,0,.12)' },
  label: { display: 'block', fontSize: 14, margin: '16px 0 4px', color: '#333' },
  input: {
    width: '100%',
    boxSizing: 'border-box' as const,
    padding: '8px 10px',
    fontSize: 15,
    border: '1px solid #bbb',
    borderRadius: 4,
  },
  button: {
    marginTop: 24,
    width: '100%',
    padding: 10,
    fontSize: 15,
    color: '#fff',
    background: '#1565c0',
    border: 0,
    borderRadius: 4,
    cursor: 'pointer',
  },
  error: { marginTop: 16, color: '#b71c1c', fontSize: 14 },
  hint: { marginTop: 16, color: '#666', fontSize: 12 },
} as const;

export interface SignInProps {
  locale: Locale;
  onLocaleChange: (locale: Locale) => void;
  onSignedIn: (session: Session) => void;
  /** Called as the sign-in is sent: the portal may render meanwhile (its requests wait for the session). */
  onSigningIn?: (session: Promise<Session>) => void;
}

export function SignIn({ locale, onLocaleChange, onSignedIn, onSigningIn }: SignInProps) {
  const m = signInMessages[locale];
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(m.errors.required);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const session = signIn(
        gqlRequest<{ login: Session }>(LOGIN, { email: email.trim(), password }, { signingIn: true }).then(
          (data) => data.login,
        ),
      );
      onSigningIn?.(session);
      onSignedIn(await session);
    } catch (caught) {
      const code = caught instanceof GraphQLRequestError ? caught.code : '';
      if (code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT' || code === 'FORBIDDEN') setError(m.errors.invalid);
      else if (code === 'NETWORK_ERROR') setError(m.errors.network);
      else setError(m.errors.other.replace('%{message}', caught instanceof Error ? caught.message : String(caught)));
      setBusy(false);
    }
  }

  return (
    <main style={styles.page}>
      <form style={styles.card} onSubmit={submit} aria-label={m.title} noValidate>
        <div style={{ textAlign: 'right' }}>
          <label style={{ fontSize: 13, color: '#555' }}>
            {m.language}{' '}
            <select aria-label={m.language} value={locale} onChange={(e) => onLocaleChange(e.target.value as Locale)}>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <h1 style={{ margin: '8px 0 4px', fontSize: 24 }}>{m.title}</h1>
        <p style={{ margin: 0, color: '#555', fontSize: 14 }}>{m.subtitle}</p>
        <label style={styles.label} htmlFor="email">
          {m.email}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          style={styles.input}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label style={styles.label} htmlFor="password">
          {m.password}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          style={styles.input}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" style={styles.button} disabled={busy}>
          {busy ? m.submitting : m.submit}
        </button>
        {error && (
          <p role="alert" style={styles.error}>
            {error}
          </p>
        )}
        <p style={styles.hint}>{m.demo_hint}</p>
      </form>
    </main>
  );
}
