import { ReactNode } from 'react';
import { AppBar, Layout, LocalesMenuButton, TitlePortal, ToggleThemeButton } from 'react-admin';
import { NotificationBell } from '../notifications/NotificationBell';
import { GlobalSearch } from '../search/GlobalSearch';
import { AppMenu } from './AppMenu';

function Bar() {
  return (
    <AppBar
      toolbar={
        <>
          <GlobalSearch />
          <NotificationBell />
          <LocalesMenuButton />
          <ToggleThemeButton />
        </>
      }
    >
      <TitlePortal />
    </AppBar>
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Layout appBar={Bar} menu={AppMenu}>
      {children}
    </Layout>
  );
}
