// Entry: a plain sign-in screen; the react-admin portal loads only once someone has signed in.
import { Component, lazy, ReactNode, StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { loadSession, onSessionChange, Session } from './auth/session';
import { currentLocale, Locale, rememberLocale } from './i18n/locale';
import { signInMessages } from './i18n/signIn';
import { SignIn } from './SignIn';

const AdminApp = lazy(() => import('./AdminApp'));

class LoadFailure extends Component<{ locale: Locale; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (this.state.failed)
      return (
        <p role="alert" style={{ padding: 32 }}>
          {signInMessages[this.props.locale].load_failed}
        </p>
      );
    return this.props.children;
  }
}

function Root() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [locale, setLocale] = useState<Locale>(() => currentLocale());

  useEffect(() => onSessionChange(setSession), []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  if (!session) {
    return (
      <SignIn
        locale={locale}
        onLocaleChange={(next) => {
          rememberLocale(next);
          setLocale(next);
        }}
        onSignedIn={(signedIn) => {
          if (window.location.hash.startsWith('#/login')) window.location.hash = '#/';
          setSession(signedIn);
        }}
      />
    );
  }
  return (
    <LoadFailure locale={locale}>
      <Suspense
        fallback={
          <p style={{ padding: 32, fontFamily: 'system-ui, sans-serif' }}>{signInMessages[locale].loading_app}</p>
        }
      >
        <AdminApp />
      </Suspense>
    </LoadFailure>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
