import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { saveSession } from '../auth/session';
import { fakeDataProvider, TestAdmin } from '../components/testing';
import { gqlRequest, GraphQLRequestError } from '../graphql/client';
import type { Locale } from '../i18n/locale';
import { Recertification } from './Recertification';
import type { ExpiringCertification } from './recertificationApi';

jest.mock('../graphql/client', () => ({
  ...jest.requireActual('../graphql/client'),
  gqlRequest: jest.fn(),
}));
const gql = gqlRequest as jest.MockedFunction<typeof gqlRequest>;

const cert = (over: Partial<ExpiringCertification> = {}): ExpiringCertification => ({
  assessmentId: '7',
  personId: 'p1',
  person: { id: 'p1', name: '王伟', latinName: 'Wang Wei' },
  role: 'AR',
  level: 3,
  validUntil: '2999-01-20T00:00:00.000Z',
  daysLeft: 12,
  scheduled: false,
  schedule: null,
  ...over,
});

const ROWS = [
  cert(),
  cert({ assessmentId: '8', personId: 'p2', person: { id: 'p2', name: 'Li Na', latinName: null }, role: 'SR' }),
  cert({
    assessmentId: '9',
    personId: 'p3',
    person: { id: 'p3', name: 'Zhao Lei', latinName: null },
    scheduled: true,
    schedule: { id: '1', dueAt: '2999-01-10T00:00:00.000Z', assessor: null },
  }),
];

function renderScreen(locale: Locale = 'en', role: 'HR' | 'VIEWER' | 'LEADER' = 'HR') {
  saveSession({
    token: 't',
    expiresAt: '2999-01-01T00:00:00.000Z',
    user: { id: '1', email: `${role.toLowerCase()}@demo.local`, role, personId: null },
  });
  const getList = jest.fn(async () => ({
    data: [{ id: 'p9', name: '陈静', latinName: 'Chen Jing' }] as never,
    total: 1,
  }));
  render(
    <TestAdmin locale={locale} dataProvider={fakeDataProvider({ getList })}>
      <Recertification />
    </TestAdmin>,
  );
}

beforeEach(() => gql.mockReset());

describe('Recertification', () => {
  it.each(['VIEWER', 'LEADER'] as const)('shows a %s the list without the controls to plan or cancel', async (role) => {
    gql.mockImplementation(async (query: string) => {
      if (query.includes('expiringCertifications'))
        return { expiringCertifications: { totalCount: 3, nodes: ROWS } } as never;
      throw new Error(`unexpected ${query}`);
    });
    renderScreen('zh-CN', role);
    const rows = await screen.findAllByTestId('recert-row');
    expect(rows).toHaveLength(3);
    expect(rows[2]!.textContent).toContain('已安排');
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByTestId('recert-schedule')).toBeNull();
    expect(screen.queryByRole('button', { name: /安排/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /取消/ })).toBeNull();
  });

  it('lists names, roles, levels, days left and whether scheduled; 60 days asks again', async () => {
    const windows: number[] = [];
    gql.mockImplementation(async (query: string, variables?: Record<string, unknown>) => {
      if (query.includes('expiringCertifications')) {
        windows.push(variables!.withinDays as number);
        return { expiringCertifications: { totalCount: 3, nodes: ROWS } } as never;
      }
      throw new Error(`unexpected ${query}`);
    });
    renderScreen();
    const rows = await screen.findAllByTestId('recert-row');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByText('Wang Wei')).toBeTruthy();
    expect(rows[0]!.textContent).toContain('Level 3');
    expect(rows[0]!.textContent).toContain('12 days');
    expect(rows[0]!.textContent).toContain('Not scheduled');
    expect(rows[2]!.textContent).toContain('Scheduled, due');
    // No raw ids or codes on screen.
    expect(rows[1]!.textContent).not.toMatch(/\bSR\b|p2/);
    expect(windows).toEqual([30]);
    fireEvent.click(screen.getByRole('button', { name: '60 days' }));
    await waitFor(() => expect(windows).toEqual([30, 60]));
  });

  it('schedules the selected certifications in one call with the due date, assessor and note', async () => {
    const calls: Array<Record<string, unknown>> = [];
    gql.mockImplementation(async (query: string, variables?: Record<string, unknown>) => {
      if (query.includes('expiringCertifications'))
        return { expiringCertifications: { totalCount: 3, nodes: ROWS } } as never;
      if (query.includes('scheduleReassessments')) {
        calls.push(variables!);
        return {
          scheduleReassessments: [
            { id: '1', assessmentId: '7' },
            { id: '2', assessmentId: '8' },
          ],
        } as never;
      }
      throw new Error(`unexpected ${query}`);
    });
    renderScreen();
    await screen.findAllByTestId('recert-row');
    // The scheduled one cannot be selected; "select all" takes the two open ones.
    expect((screen.getByRole('checkbox', { name: 'Select Zhao Lei' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /Select every certification/ }));
    fireEvent.click(screen.getByTestId('recert-schedule'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Schedule a re-assessment for 2 people')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('recert-due'), { target: { value: '2999-01-15' } });
    fireEvent.change(within(dialog).getByLabelText('Note (optional)'), { target: { value: 'Panel in Q1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Schedule' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.items).toEqual([
      { assessmentId: '7', dueAt: '2999-01-15T00:00:00.000Z', assessorId: null, note: 'Panel in Q1' },
      { assessmentId: '8', dueAt: '2999-01-15T00:00:00.000Z', assessorId: null, note: 'Panel in Q1' },
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('cancels a scheduled re-assessment from its chip', async () => {
    const cancelled: string[] = [];
    gql.mockImplementation(async (query: string, variables?: Record<string, unknown>) => {
      if (query.includes('expiringCertifications'))
        return { expiringCertifications: { totalCount: 3, nodes: ROWS } } as never;
      if (query.includes('cancelReassessment')) {
        cancelled.push(variables!.id as string);
        return { cancelReassessment: { id: variables!.id, status: 'CANCELLED' } } as never;
      }
      throw new Error(`unexpected ${query}`);
    });
    renderScreen();
    await screen.findAllByTestId('recert-row');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the re-assessment of Zhao Lei' }));
    await waitFor(() => expect(cancelled).toEqual(['1']));
  });

  it('says in words which item was refused and why, in Chinese too', async () => {
    gql.mockImplementation(async (query: string) => {
      if (query.includes('expiringCertifications'))
        return { expiringCertifications: { totalCount: 3, nodes: ROWS } } as never;
      throw new GraphQLRequestError('refused', 'BAD_USER_INPUT', {}, undefined, {
        code: 'BAD_USER_INPUT',
        reasons: [
          {
            code: 'REASSESSMENT.DUE_AFTER_EXPIRY',
            message: 'Item 2: the due date is after the certification ends',
            field: 'items.1.dueAt',
            data: null,
          },
        ],
      });
    });
    renderScreen('zh-CN');
    await screen.findAllByTestId('recert-row');
    fireEvent.click(screen.getByRole('checkbox', { name: '选择 王伟' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '选择 Li Na' }));
    fireEvent.click(screen.getByTestId('recert-schedule'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '安排' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Li Na');
    expect(alert.textContent).toContain('截止日期晚于认证到期日');
    expect(alert.textContent).not.toContain('REASSESSMENT');
  });
});
