// A small harness for component tests: react-admin's context with an in-memory data provider and our messages.
import { ReactNode } from 'react';
import { AdminContext, AuthProvider, DataProvider, memoryStore, testDataProvider } from 'react-admin';
import { buildI18nProvider } from '../providers/i18nProvider';
import type { Locale } from '../i18n/locale';

export const PEOPLE: Record<string, { id: string; name: string }> = {
  p1: { id: 'p1', name: 'Zhang Wei' },
  p2: { id: 'p2', name: 'Li Na' },
  p3: { id: 'p3', name: 'Wang Fang' },
};
export const ORG_UNITS: Record<string, { id: string; name: string }> = {
  o1: { id: 'o1', name: 'East Region' },
};

export function fakeDataProvider(overrides: Partial<DataProvider> = {}): DataProvider {
  return testDataProvider({
    getOne: async (resource, { id }) => {
      const table: Record<string, { id: string; name: string }> =
        resource === 'Person' ? PEOPLE : resource === 'OrgUnit' ? ORG_UNITS : {};
      return { data: (table[String(id)] ?? { id, name: `${resource} ${id}` }) as never };
    },
    getMany: async (resource, { ids }) => ({
      data: ids.map(
        (id) => (resource === 'Person' ? PEOPLE[String(id)] : ORG_UNITS[String(id)]) ?? { id, name: String(id) },
      ) as never,
    }),
    ...overrides,
  });
}

/** Signed in with a role (what `usePermissions` reads). */
export function authAs(role: string): AuthProvider {
  return {
    login: async () => undefined,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getPermissions: async () => role,
  };
}

export function TestAdmin({
  children,
  locale = 'en',
  dataProvider,
  authProvider,
}: {
  children: ReactNode;
  locale?: Locale;
  dataProvider?: DataProvider;
  authProvider?: AuthProvider;
}) {
  return (
    <AdminContext
      dataProvider={dataProvider ?? fakeDataProvider()}
      authProvider={authProvider}
      i18nProvider={buildI18nProvider(locale)}
      store={memoryStore()}
    >
      {children}
    </AdminContext>
  );
}
