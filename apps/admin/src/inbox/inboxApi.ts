// The signed-in person's inbox (decision requests waiting for them) and notifications: the API's calls and the
// queries the screen, the menu badge and the bell share (one cache entry each, polled every 30 s and on focus).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { loadSession } from '../auth/session';
import { gqlRequest } from '../graphql/client';

export type RecipientVia = 'DIRECT' | 'DELEGATION' | 'SEAT';
export type RequestAction = 'APPROVE' | 'REJECT' | 'RETURN';

export interface InboxRecipient {
  personId: string;
  via: RecipientVia;
  seatTitles: string[];
  scopeOrgUnitId: string;
  level: number;
  actedAt: string | null;
}

export interface InboxRequest {
  id: string;
  projectId: string;
  project: { id: string; name: string } | null;
  decisionPoint: string;
  amount: string;
  currency: string;
  requestedAt: string;
  dueAt: string;
  overdue: boolean;
  note: string | null;
  escalationLevel: number;
  requesterId: string | null;
  requester: { id: string; name: string } | null;
  recipients: InboxRecipient[];
}

export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
  targetType: string | null;
  targetId: string | null;
}

/** How often the inbox and the notifications are asked again while the portal is open. */
export const POLL_MS = 30_000;
/** The most the API gives in one page; the badge counts this many at most. */
export const INBOX_PAGE = 200;

export const INBOX_KEY = ['iron-triangle', 'inbox'] as const;
export const NOTIFICATIONS_KEY = ['iron-triangle', 'notifications'] as const;

const REQUEST_FIELDS =
  'id projectId project { id name: displayName } decisionPoint amount currency requestedAt dueAt overdue note escalationLevel ' +
  'requesterId requester { id name: displayName } recipients { personId via seatTitles scopeOrgUnitId level actedAt }';

export async function fetchInbox(first = INBOX_PAGE): Promise<InboxRequest[]> {
  const data = await gqlRequest<{ myInbox: InboxRequest[] }>(
    `query MyInbox($first: Int) { myInbox(first: $first) { ${REQUEST_FIELDS} } }`,
    { first },
  );
  return data.myInbox;
}

export async function decideRequest(id: string, action: RequestAction, note?: string): Promise<{ id: string }> {
  const data = await gqlRequest<{ decideRequest: { id: string; status: string } }>(
    `mutation DecideRequest($id: ID!, $action: RequestAction!, $note: String) {
      decideRequest(id: $id, action: $action, note: $note) { id status } }`,
    { id, action, note: note?.trim() ? note.trim() : null },
  );
  return data.decideRequest;
}

export async function fetchNotifications(first = 20): Promise<{ items: AppNotification[]; unread: number }> {
  const data = await gqlRequest<{ notifications: AppNotification[]; unreadNotificationCount: number }>(
    `query Notifications($first: Int) { notifications(first: $first) {
      id kind title body createdAt read targetType targetId } unreadNotificationCount }`,
    { first },
  );
  return { items: data.notifications, unread: data.unreadNotificationCount };
}

/** Marks these notifications read, or all of the signed-in user's when `ids` is empty. */
export async function markNotificationsRead(ids: string[]): Promise<number> {
  const data = await gqlRequest<{ markNotificationsRead: number }>(
    'mutation MarkRead($ids: [ID!]) { markNotificationsRead(ids: $ids) }',
    { ids: ids.length ? ids : null },
  );
  return data.markNotificationsRead;
}

/** The signed-in person, or null for a sign-in without one (they have no inbox). */
export function signedInPersonId(): string | null {
  return loadSession()?.user.personId ?? null;
}

/** The recipient row that brought the request to this person: the latest one they have not acted on. */
export function myRecipient(request: InboxRequest, personId: string | null): InboxRecipient | undefined {
  const mine = request.recipients.filter((r) => String(r.personId) === String(personId));
  const open = mine.filter((r) => !r.actedAt);
  const pool = open.length ? open : mine;
  return pool.reduce<InboxRecipient | undefined>((best, r) => (!best || r.level > best.level ? r : best), undefined);
}

/** Pending past its due date at `now` (the API's flag, or the due date when the flag is stale). */
export function isOverdue(request: Pick<InboxRequest, 'overdue' | 'dueAt'>, now: Date): boolean {
  return request.overdue || Date.parse(request.dueAt) < now.getTime();
}

export function useInbox(enabled = true) {
  return useQuery({
    queryKey: INBOX_KEY,
    queryFn: () => fetchInbox(),
    enabled,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** The latest notifications and the unread count, in the reader's language (the API writes them per language). */
export function useNotifications(locale: string, enabled = true) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, locale],
    queryFn: () => fetchNotifications(),
    enabled,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** Decides a request; on success the inbox, the notifications and every record list are read again. */
export function useDecideRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, note }: { id: string; action: RequestAction; note?: string }) =>
      decideRequest(id, action, note),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => markNotificationsRead(ids),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
