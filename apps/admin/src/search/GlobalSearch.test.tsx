import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { GetListParams } from 'react-admin';
import { MemoryRouter, useLocation } from 'react-router';
import { saveSession, type UserRole } from '../auth/session';
import { fakeDataProvider, TestAdmin } from '../components/testing';
import { GlobalSearch, hitPath } from './GlobalSearch';

const RECORDS: Record<string, Array<Record<string, unknown>>> = {
  Person: [
    { id: 'p7', name: '王伟 (Wang Wei)', employeeNo: 'E-1007', orgUnitId: 'o1' },
    { id: 'p8', name: 'Wang Fang', employeeNo: 'E-1008', orgUnitId: 'o1' },
  ],
  Project: [{ id: 'pr1', name: 'Wangfujing data centre', externalRef: 'CRM-1' }],
  Customer: [{ id: 'c1', name: 'Wangda Logistics', code: 'WDL' }],
};

function Where() {
  const location = useLocation();
  return <div data-testid="where">{location.pathname + location.search}</div>;
}

function setup(role: UserRole = 'VIEWER', locale: 'en' | 'zh-CN' = 'en') {
  saveSession({ token: 't', expiresAt: '2999-01-01T00:00:00.000Z', user: { id: '1', email: 'x@demo.local', role } });
  const getList = jest.fn(async (resource: string, params: GetListParams) => {
    const q = String(params.filter.q ?? '').toLowerCase();
    const data = (RECORDS[resource] ?? []).filter((r) =>
      [r.name, r.employeeNo, r.code].some((v) =>
        String(v ?? '')
          .toLowerCase()
          .includes(q),
      ),
    );
    return { data: data as never[], total: data.length };
  });
  render(
    // A memory router: react-admin's own data router needs fetch's Request, which jsdom lacks.
    <MemoryRouter>
      <TestAdmin dataProvider={fakeDataProvider({ getList })} locale={locale}>
        <GlobalSearch />
        <Where />
      </TestAdmin>
    </MemoryRouter>,
  );
  const input = screen.getByRole('combobox');
  return { getList, input };
}

const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

describe('GlobalSearch', () => {
  it('waits for 2 characters and for the typing to stop, then asks each list once with q', async () => {
    const { getList, input } = setup();
    fireEvent.focus(input);
    type(input, 'w');
    await screen.findByText('Type at least 2 characters');
    type(input, 'wa');
    type(input, 'wan');
    type(input, 'wang');
    await screen.findByText('Wangda Logistics');
    expect(getList.mock.calls.map(([resource, params]) => [resource, params.filter.q]).sort()).toEqual([
      ['Customer', 'wang'],
      ['Person', 'wang'],
      ['Project', 'wang'],
    ]);
  });

  it('groups the results by kind, with a person’s employee number and org unit', async () => {
    const { input } = setup();
    fireEvent.focus(input);
    type(input, 'wang');
    const listbox = await screen.findByRole('listbox');
    await within(listbox).findByText('Wangda Logistics');
    const group = (label: string) => within(listbox).getByText(label).closest('li') as HTMLElement;
    const names = (label: string) =>
      within(group(label))
        .getAllByRole('option')
        .map((o) => o.textContent);
    await waitFor(() => expect(names('People')[0]).toContain('East Region'));
    expect(names('People')).toEqual(['王伟 (Wang Wei)E-1007 · East Region', 'Wang FangE-1008 · East Region']);
    expect(names('Projects')).toEqual(['Wangfujing data centreCRM-1']);
    expect(names('Customers')).toEqual(['Wangda LogisticsWDL']);
    expect(
      within(listbox)
        .getAllByText(/^(People|Projects|Customers)$/)
        .map((e) => e.textContent),
    ).toEqual(['People', 'Projects', 'Customers']);
  });

  it('finds a person by the Chinese name and by employee number, and says when nothing matches', async () => {
    const { input } = setup();
    fireEvent.focus(input);
    type(input, '王伟');
    await waitFor(() =>
      expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['王伟 (Wang Wei)E-1007 · East Region']),
    );
    type(input, 'e-1008');
    await waitFor(() =>
      expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Wang FangE-1008 · East Region']),
    );
    type(input, 'zzz');
    await screen.findByText('Nothing found for “zzz”');
  });

  it('opens the highlighted record on Enter', async () => {
    const { input } = setup();
    fireEvent.focus(input);
    type(input, 'wang');
    await screen.findByText('Wangda Logistics');
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/Person/p7/show'));
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('opens a project’s page on click', async () => {
    const { input } = setup();
    fireEvent.focus(input);
    type(input, 'wang');
    fireEvent.click(await screen.findByText('Wangfujing data centre'));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/Project/pr1/show'));
  });

  it('opens a customer in its form for an admin, and in the list for a viewer', async () => {
    const { input } = setup('ADMIN');
    fireEvent.focus(input);
    type(input, 'wangda');
    fireEvent.click(await screen.findByText('Wangda Logistics'));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/Customer/c1'));
    expect(hitPath({ kind: 'Customer', record: { id: 'c1', name: 'Wangda Logistics' } }, 'VIEWER')).toBe(
      `/Customer?filter=${encodeURIComponent('{"q":"Wangda Logistics"}')}`,
    );
  });

  it('speaks Chinese', async () => {
    const { input } = setup('VIEWER', 'zh-CN');
    expect(input.getAttribute('placeholder')).toBe('查找人员、项目、客户');
    fireEvent.focus(input);
    type(input, 'wang');
    const listbox = await screen.findByRole('listbox');
    await within(listbox).findByText('Wangda Logistics');
    expect(
      within(listbox)
        .getAllByText(/^(人员|项目|客户)$/)
        .map((e) => e.textContent),
    ).toEqual(['人员', '项目', '客户']);
  });
});
