// Entry: a plain sign-in screen; the react-admin portal loads only once someone has signed in.
import { Component, ReactNode, StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { loadSession, onSessionChange, Session } from './auth/session';
import { askDashboardEarly, opensOnDashboard } from './dashboard/dashboardQuery';
import { currentLocale, Locale, rememberLocale } from './i18n/locale';
import { signInMessages } from './i18n/signIn';
import { AdminAppScreen as AdminApp, preloadPortal, whenIdle } from './preload';
import { SignIn } from './SignIn';

// A kept session opening on the dashboard: its answer is asked for while the portal's code loads.
if (loadSession() && opensOnDashboard(window.location.hash)) askDashboardEarly();

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
  // While the sign-in screen is shown, the portal's first screen loads (preload.ts).
  const signedIn = Boolean(session);
  useEffect(() => (signedIn ? undefined : whenIdle(() => void preloadPortal())), [signedIn]);
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
          // The dashboard's answer is asked for now, beside the portal's code (if that is still loading).
          if (opensOnDashboard(window.location.hash)) askDashboardEarly();
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
