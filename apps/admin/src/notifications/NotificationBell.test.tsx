import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { saveSession } from '../auth/session';
import { TestAdmin } from '../components/testing';
import { gqlRequest } from '../graphql/client';
import type { AppNotification } from '../inbox/inboxApi';
import { NotificationBell, targetPath } from './NotificationBell';

jest.mock('../graphql/client', () => ({
  ...jest.requireActual('../graphql/client'),
  gqlRequest: jest.fn(),
}));
const gql = gqlRequest as jest.MockedFunction<typeof gqlRequest>;
// jsdom has no fetch Request, which react-router's data router needs to navigate: the bell's navigation is recorded.
const navigate = jest.fn();
jest.mock('react-router', () => ({ ...jest.requireActual('react-router'), useNavigate: () => navigate }));

const note = (over: Partial<AppNotification>): AppNotification => ({
  id: 'n1',
  kind: 'DECISION_REQUESTED',
  title: 'A decision waits for you',
  body: 'Li Na asks for ATB on Metro Line 5 (CN¥3,000,000.00), due 2026-03-05.',
  createdAt: '2026-03-01T08:00:00.000Z',
  read: false,
  targetType: 'DecisionRequest',
  targetId: '41',
  ...over,
});

/** The API's notifications, read state kept as markNotificationsRead changes it. */
function api(items: AppNotification[]) {
  const state = items.map((n) => ({ ...n }));
  gql.mockImplementation(async (query: string, variables?: Record<string, unknown>) => {
    if (query.includes('markNotificationsRead')) {
      const ids = (variables?.ids as string[] | null) ?? state.map((n) => n.id);
      const unread = state.filter((n) => ids.includes(n.id) && !n.read);
      unread.forEach((n) => (n.read = true));
      return { markNotificationsRead: unread.length } as never;
    }
    if (query.includes('notifications'))
      return {
        notifications: state.map((n) => ({ ...n })),
        unreadNotificationCount: state.filter((n) => !n.read).length,
      } as never;
    throw new Error(`unexpected ${query}`);
  });
}

function renderBell() {
  saveSession({
    token: 't',
    expiresAt: '2999-01-01T00:00:00.000Z',
    user: { id: '1', email: 'x@demo.local', role: 'LEADER', personId: 'me' },
  });
  render(
    <TestAdmin>
      <NotificationBell />
    </TestAdmin>,
  );
}

beforeEach(() => {
  gql.mockReset();
  navigate.mockReset();
});

describe('NotificationBell', () => {
  it('shows the unread count and the list; opening one marks it read and goes to its page', async () => {
    api([
      note({}),
      note({
        id: 'n2',
        kind: 'DELEGATION_CREATED',
        title: 'An authority was delegated to you',
        body: 'Zhang Wei delegated ATB to you.',
        targetType: 'Delegation',
        targetId: '12',
      }),
      note({ id: 'n3', title: 'Old news', body: 'Seen already.', read: true, targetType: null, targetId: null }),
    ]);
    renderBell();
    expect((await screen.findByTestId('notification-count')).textContent).toBe('2');
    fireEvent.click(screen.getByRole('button', { name: 'Notifications' }));
    const items = (await screen.findAllByTestId('notification-item')) as [HTMLElement, HTMLElement, HTMLElement];
    expect(items).toHaveLength(3);
    expect(items[0].textContent).toContain('Li Na asks for ATB on Metro Line 5');
    expect(items[0].textContent).toContain('Unread');
    expect(items[2].textContent).toContain('Read');
    expect(items.map((i) => i.getAttribute('data-read'))).toEqual(['false', 'false', 'true']);

    fireEvent.click(within(items[1]).getByText('An authority was delegated to you'));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/Delegation/12/show'));
    expect(gql.mock.calls.find(([q]) => q.includes('markNotificationsRead'))?.[1]).toEqual({ ids: ['n2'] });
    await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('1'));
    // A request leads to the inbox.
    fireEvent.click(screen.getByRole('button', { name: 'Notifications' }));
    const [first] = (await screen.findAllByTestId('notification-item')) as [HTMLElement];
    fireEvent.click(first);
    await waitFor(() => expect(navigate).toHaveBeenLastCalledWith('/inbox'));
    await waitFor(() => expect(screen.queryByTestId('notification-count')).toBeNull());
  });

  it('marks all read, after which no count shows', async () => {
    api([note({}), note({ id: 'n2' })]);
    renderBell();
    expect((await screen.findByTestId('notification-count')).textContent).toBe('2');
    fireEvent.click(screen.getByRole('button', { name: 'Notifications' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(screen.queryByTestId('notification-count')).toBeNull());
    expect(gql.mock.calls.find(([q]) => q.includes('markNotificationsRead'))?.[1]).toEqual({ ids: null });
    await waitFor(() =>
      expect(screen.getAllByTestId('notification-item').map((i) => i.getAttribute('data-read'))).toEqual([
        'true',
        'true',
      ]),
    );
  });

  it('says so when there are none', async () => {
    api([]);
    renderBell();
    fireEvent.click(screen.getByRole('button', { name: 'Notifications' }));
    expect((await screen.findByTestId('notifications-empty')).textContent).toBe('No notifications.');
    expect(screen.queryByTestId('notification-count')).toBeNull();
  });
});

describe('targetPath', () => {
  it("leads to the record's page, a request to the inbox, and nowhere for what the portal does not show", () => {
    expect(targetPath('DecisionRequest', '41')).toBe('/inbox');
    expect(targetPath('Project', '9')).toBe('/Project/9/show');
    expect(targetPath('IncentivePool', '3')).toBe('/IncentivePool/3/show');
    expect(targetPath('Delegation', null)).toBeNull();
    expect(targetPath('Secret', '1')).toBeNull();
    expect(targetPath(null, null)).toBeNull();
  });
});
