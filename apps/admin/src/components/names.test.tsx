import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Form, RecordContextProvider, ResourceContextProvider } from 'react-admin';
import { rowClickFor } from '../auth/rowClick';
import { fakeDataProvider, TestAdmin } from './testing';
import {
  AssessmentRepresentation,
  DelegationText,
  PersonInput,
  personOptionText,
  StaffingRuleRepresentation,
} from './names';

// Two namesakes: only the employee number and the org unit tell them apart.
const PEOPLE = [
  { id: 'p1', name: 'Wang Fang', employeeNo: 'E0101', orgUnitId: 'o1' },
  { id: 'p2', name: 'Wang Fang', employeeNo: 'E0202', orgUnitId: 'o2' },
  { id: 'p3', name: 'Li Na', employeeNo: 'E0303', orgUnitId: 'o9' },
];
const UNITS = [
  { id: 'o1', name: 'East Region' },
  { id: 'o2', name: 'West Region' },
];

function provider() {
  return fakeDataProvider({
    getList: async (resource, params) => {
      // As the API: a page of at most 500 (a larger one is refused, and the pickers would name nobody).
      if ((params.pagination?.perPage ?? 0) > 500) throw new Error('perPage must not be greater than 500');
      const data = resource === 'Person' ? PEOPLE : resource === 'OrgUnit' ? UNITS : [];
      return { data: data as never, total: data.length };
    },
  });
}

describe('person pickers', () => {
  it('joins name, employee number and org unit, leaving out what is missing', () => {
    const units = (id?: string | null) => (id === 'o1' ? 'East Region' : 'outside your units');
    expect(personOptionText({ name: 'Wang Fang', employeeNo: 'E0101', orgUnitId: 'o1' }, units)).toBe(
      'Wang Fang · E0101 · East Region',
    );
    expect(personOptionText({ name: 'Li Na', employeeNo: null, orgUnitId: null }, units)).toBe('Li Na');
    expect(personOptionText(undefined, units)).toBe('');
  });

  it('offers namesakes told apart by employee number and org unit; an unseen unit is said to be so', async () => {
    render(
      <TestAdmin dataProvider={provider()}>
        <ResourceContextProvider value="Delegation">
          <Form onSubmit={jest.fn()}>
            <PersonInput source="delegateId" />
          </Form>
        </ResourceContextProvider>
      </TestAdmin>,
    );
    const input = await screen.findByRole('combobox');
    fireEvent.mouseDown(input);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const listbox = await screen.findByRole('listbox');
    expect(await within(listbox).findByText('Wang Fang · E0101 · East Region')).toBeTruthy();
    expect(within(listbox).getByText('Wang Fang · E0202 · West Region')).toBeTruthy();
    expect(within(listbox).getByText('Li Na · E0303 · outside your units')).toBeTruthy();
  });

  it('never calls a chosen person\'s unit "outside your units" while the units are still being read', async () => {
    let unitsRead: (value: { data: never; total: number }) => void = () => undefined;
    const dataProvider = fakeDataProvider({
      getList: (resource) =>
        resource === 'OrgUnit'
          ? new Promise((resolve) => {
              unitsRead = resolve;
            })
          : Promise.resolve({ data: PEOPLE as never, total: PEOPLE.length }),
      getMany: async () => ({ data: [PEOPLE[0]] as never }),
    });
    render(
      <TestAdmin dataProvider={dataProvider}>
        <ResourceContextProvider value="Delegation">
          <Form onSubmit={jest.fn()} defaultValues={{ delegatorId: 'p1' }}>
            <PersonInput source="delegatorId" />
          </Form>
        </ResourceContextProvider>
      </TestAdmin>,
    );
    const input = (await screen.findByRole('combobox')) as HTMLInputElement;
    await waitFor(() => expect(input.value).toContain('Wang Fang · E0101'));
    expect(input.value).not.toContain('outside your units');
    unitsRead({ data: UNITS as never, total: UNITS.length });
    await new Promise((r) => setTimeout(r, 50));
    expect(input.value).not.toContain('outside your units');
  });

  it('writes the options in Chinese for Chinese readers', async () => {
    render(
      <TestAdmin dataProvider={provider()} locale="zh-CN">
        <ResourceContextProvider value="Delegation">
          <Form onSubmit={jest.fn()}>
            <PersonInput source="delegateId" />
          </Form>
        </ResourceContextProvider>
      </TestAdmin>,
    );
    const input = await screen.findByRole('combobox');
    fireEvent.mouseDown(input);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const listbox = await screen.findByRole('listbox');
    expect(await within(listbox).findByText('Li Na · E0303 · 所辖范围外')).toBeTruthy();
  });
});

describe('records without a name', () => {
  it('describes a delegation by its parties, decision points and scope, never its id', async () => {
    const { container } = render(
      <TestAdmin>
        <DelegationText
          record={{ delegatorId: 'p1', delegateId: 'p2', decisionPoints: ['ATB', 'ATC'], scopeOrgUnitId: 'o1' }}
        />
      </TestAdmin>,
    );
    expect(
      await screen.findByText('Zhang Wei → Li Na · ATB · approve to bid, ATC · approve to sign · East Region'),
    ).toBeTruthy();
    expect(container.textContent).not.toMatch(/#\d/);
  });

  it('names an assessment by person, role and level, and a staffing rule by grade, role and level', async () => {
    render(
      <TestAdmin>
        <RecordContextProvider value={{ id: 20, personId: 'p2', role: 'AR', levelReached: 3 }}>
          <span data-testid="assessment">
            <AssessmentRepresentation />
          </span>
        </RecordContextProvider>
        <RecordContextProvider value={{ id: 4, grade: 'II', role: 'SR', minLevel: 2 }}>
          <span data-testid="rule">
            <StaffingRuleRepresentation />
          </span>
        </RecordContextProvider>
      </TestAdmin>,
    );
    expect(await screen.findByText('Li Na · AR · Account Responsible · level 3')).toBeTruthy();
    expect(screen.getByTestId('rule').textContent).toBe('Grade II · SR · Solution Responsible ≥ 2 · Experienced');
  });
});

describe('row clicks', () => {
  it('open the edit form for those who may edit, the show page for readers', () => {
    expect(rowClickFor('DecisionBody', { role: 'ADMIN' })).toBe('edit');
    expect(rowClickFor('DecisionBody', { role: 'VIEWER' })).toBe('show');
    expect(rowClickFor('StaffingRule', { role: 'VIEWER' })).toBe('show');
    expect(rowClickFor('TeamAppointment', { role: 'VIEWER' })).toBe('show');
    expect(rowClickFor('User', { role: 'VIEWER', hasShow: false })).toBe(false);
  });
});
