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

/** A record of the fake data: the tables above, else one named after its resource and id. */
function fakeRecord(resource: string, id: unknown): { id: unknown; name: string } {
  const table: Record<string, { id: string; name: string }> =
    resource === 'Person' ? PEOPLE : resource === 'OrgUnit' ? ORG_UNITS : {};
  return table[String(id)] ?? { id, name: `${resource} ${String(id)}` };
}

export function fakeDataProvider(overrides: Partial<DataProvider> = {}): DataProvider {
  return testDataProvider({
    getOne: async (resource, { id }) => ({ data: fakeRecord(resource, id) as never }),
    getMany: async (resource, { ids }) => ({ data: ids.map((id) => fakeRecord(resource, id)) as never }),
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
