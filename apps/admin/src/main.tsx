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
  const [signingIn, setSigningIn] = useState(false);
  const [locale, setLocale] = useState<Locale>(() => currentLocale());

  useEffect(() => onSessionChange(setSession), []);
  // While the sign-in screen is shown, the portal's first screen loads (preload.ts).
  const signedIn = Boolean(session);
  useEffect(() => (signedIn ? undefined : whenIdle(() => void preloadPortal())), [signedIn]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // While the password is checked (about half a second of the API's time), the portal renders out of sight: its
  // layout and menu are built meanwhile, and what they ask for waits for the session (auth/session.ts). A failed
  // sign-in discards it.
  const portal = session || signingIn;
  return (
    <>
      {!session && (
        <SignIn
          locale={locale}
          onLocaleChange={(next) => {
            rememberLocale(next);
            setLocale(next);
          }}
          onSigningIn={(pending) => {
            if (window.location.hash.startsWith('#/login')) window.location.hash = '#/';
            setSigningIn(true);
            pending.catch(() => setSigningIn(false));
          }}
          onSignedIn={(next) => {
            // The dashboard's answer is asked for now, beside the portal's code (if that is still loading).
            if (opensOnDashboard(window.location.hash)) askDashboardEarly();
            setSession(next);
            setSigningIn(false);
          }}
        />
      )}
      {portal && (
        <div style={session ? undefined : { display: 'none' }} aria-hidden={session ? undefined : true}>
          <LoadFailure locale={locale}>
            <Suspense
              fallback={
                session ? (
                  <p style={{ padding: 32, fontFamily: 'system-ui, sans-serif' }}>
                    {signInMessages[locale].loading_app}
                  </p>
                ) : null
              }
            >
              <AdminApp />
            </Suspense>
          </LoadFailure>
        </div>
      )}
    </>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
