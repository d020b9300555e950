import { MenuList } from '@mui/material';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { saveSession } from '../auth/session';
import { fakeDataProvider, TestAdmin } from '../components/testing';
import { gqlRequest, GraphQLRequestError } from '../graphql/client';
import type { Locale } from '../i18n/locale';
import { Inbox } from './Inbox';
import type { InboxRequest } from './inboxApi';
import { InboxMenuItem } from './InboxMenuItem';

jest.mock('../graphql/client', () => ({
  ...jest.requireActual('../graphql/client'),
  gqlRequest: jest.fn(),
}));
type Within = ReturnType<typeof within>;
const gql = gqlRequest as jest.MockedFunction<typeof gqlRequest>;

const request = (over: Partial<InboxRequest> = {}): InboxRequest => ({
  id: '41',
  projectId: '9',
  project: { id: '9', name: 'Metro Line 5' },
  decisionPoint: 'ATB',
  amount: '3000000.00',
  currency: 'CNY',
  requestedAt: '2026-03-01T08:00:00.000Z',
  dueAt: '2999-03-05T08:00:00.000Z',
  overdue: false,
  note: 'Bid closes Friday',
  escalationLevel: 0,
  requesterId: 'p2',
  requester: { id: 'p2', name: 'Li Na' },
  recipients: [
    { personId: 'me', via: 'DIRECT', seatTitles: [], scopeOrgUnitId: 'o1', level: 0, actedAt: null },
    { personId: 'p3', via: 'DIRECT', seatTitles: [], scopeOrgUnitId: 'o1', level: 0, actedAt: null },
  ],
  ...over,
});

/** The API: the inbox answers `rows` (changed by a decision when `after` is given), decideRequest answers `decide`. */
function api(rows: InboxRequest[], decide: () => Promise<unknown>, after: InboxRequest[] = rows) {
  let decided = false;
  gql.mockImplementation(async (query: string) => {
    if (query.includes('myInbox')) return { myInbox: decided ? after : rows } as never;
    if (query.includes('decideRequest')) {
      const answer = await decide();
      decided = true;
      return answer as never;
    }
    throw new Error(`unexpected ${query}`);
  });
}

function renderInbox(locale: Locale = 'en', personId: string | null = 'me') {
  saveSession({
    token: 't',
    expiresAt: '2999-01-01T00:00:00.000Z',
    user: { id: '1', email: 'x@demo.local', role: 'LEADER', personId },
  });
  const getList = jest.fn(async (resource: string) => ({
    data: (resource === 'Delegation' ? [{ id: '12', delegatorId: 'p1', decisionPoints: ['ATB', 'ATC'] }] : []) as never,
    total: resource === 'Delegation' ? 1 : 0,
  }));
  render(
    <TestAdmin locale={locale} dataProvider={fakeDataProvider({ getList })}>
      <MenuList>
        <InboxMenuItem />
      </MenuList>
      <Inbox />
    </TestAdmin>,
  );
  return { getList };
}

beforeEach(() => gql.mockReset());

describe('Inbox', () => {
  it('shows each pending request with its project name, point, amount, requester, due date and route', async () => {
    api(
      [
        request(),
        request({
          id: '42',
          project: { id: '10', name: 'Harbour Bridge' },
          projectId: '10',
          decisionPoint: 'ATC',
          dueAt: '2026-01-02T00:00:00.000Z',
          overdue: true,
          requester: null,
          requesterId: null,
          recipients: [
            { personId: 'me', via: 'DELEGATION', seatTitles: [], scopeOrgUnitId: 'o1', level: 0, actedAt: null },
          ],
        }),
        request({
          id: '43',
          decisionPoint: 'ATI',
          recipients: [
            {
              personId: 'me',
              via: 'SEAT',
              seatTitles: ['BU_PRESIDENT'],
              scopeOrgUnitId: 'o1',
              level: 1,
              actedAt: null,
            },
          ],
        }),
      ],
      async () => ({}),
    );
    renderInbox();
    const rows = (await screen.findAllByTestId('inbox-row')) as [HTMLElement, HTMLElement, HTMLElement];
    expect(rows).toHaveLength(3);
    const [first, second, third] = rows.map((row) => within(row)) as [Within, Within, Within];
    expect(first.getByText('Metro Line 5')).toBeTruthy();
    expect(rows[0].textContent).toContain('ATB · approve to bid');
    expect(first.getByTestId('inbox-amount').textContent).toBe('Amount: CN¥3,000,000.00');
    expect(rows[0].textContent).toContain('Asked by: Li Na');
    expect(rows[0].textContent).toContain('Note: Bid closes Friday');
    expect(rows[0].textContent).toContain('Due: ');
    expect(first.getByTestId('inbox-via').textContent).toBe('Directly (your authority)');
    expect(first.queryByTestId('inbox-overdue')).toBeNull();
    // No raw ids: the project's id is only in the link.
    expect(rows[0].textContent).not.toMatch(/\b9\b/);

    expect(second.getByTestId('inbox-overdue').textContent).toBe('Overdue');
    expect(rows[1].textContent).toContain('Asked by: an administrator');
    await waitFor(() => expect(second.getByTestId('inbox-via').textContent).toBe('Via a delegation from Zhang Wei'));

    await waitFor(() =>
      expect(third.getByTestId('inbox-via').textContent).toBe(
        'As seat Business-unit president of the decision body of East Region · escalated (level 1)',
      ),
    );
    // The menu counts the same rows.
    expect(screen.getByTestId('inbox-count').textContent).toBe('3');
  });

  it('approves with a note through decideRequest, then shows the empty inbox', async () => {
    api([request()], async () => ({ decideRequest: { id: '41', status: 'APPROVED' } }), []);
    renderInbox();
    const row = await screen.findByTestId('inbox-row');
    fireEvent.click(within(row).getByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Approve ATB · approve to bid for Metro Line 5?');
    fireEvent.change(screen.getByTestId('inbox-note'), { target: { value: '  Go ahead  ' } });
    fireEvent.click(screen.getByTestId('inbox-confirm'));
    await screen.findByTestId('inbox-empty');
    const call = gql.mock.calls.find(([query]) => query.includes('decideRequest'));
    expect(call?.[1]).toEqual({ id: '41', action: 'APPROVE', note: 'Go ahead' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // No badge once nothing waits.
    expect(screen.queryByTestId('inbox-count')).toBeNull();
  });

  it('returns without a note (null), and shows a refusal in the reader language', async () => {
    api([request()], async () => {
      throw new GraphQLRequestError('not pending', 'REQUEST.NOT_PENDING');
    });
    renderInbox('zh-CN');
    const row = await screen.findByTestId('inbox-row');
    fireEvent.click(within(row).getByRole('button', { name: '退回' }));
    fireEvent.click(await screen.findByTestId('inbox-confirm'));
    expect((await screen.findByTestId('inbox-error')).textContent).toBe('该请求已不再待处理：已被决策或撤回。');
    const call = gql.mock.calls.find(([query]) => query.includes('decideRequest'));
    expect(call?.[1]).toEqual({ id: '41', action: 'RETURN', note: null });
    // The dialog stays open and the row stays listed.
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(screen.getAllByTestId('inbox-row')).toHaveLength(1);
  });

  it('shows the empty state', async () => {
    api([], async () => ({}));
    renderInbox();
    expect((await screen.findByTestId('inbox-empty')).textContent).toBe('Nothing waits for your decision.');
  });

  it('asks nothing for a sign-in without a person and hides the menu item', async () => {
    api([], async () => ({}));
    renderInbox('en', null);
    await screen.findByText(/not linked to a person/);
    expect(screen.queryByTestId('inbox-count')).toBeNull();
    expect(screen.queryByTestId('inbox-empty')).toBeNull();
    expect(gql).not.toHaveBeenCalled();
  });
});
