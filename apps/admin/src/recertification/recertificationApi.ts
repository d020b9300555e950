// Re-certification: the certifications ending within 30, 60 or 90 days (the API's expiringCertifications, one page of
// up to 200, soonest end first) and scheduleReassessments (all or nothing).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { gqlRequest } from '../graphql/client';
import type { NamedPerson } from '../components/personName';

export const WINDOWS = [30, 60, 90] as const;
export type Window = (typeof WINDOWS)[number];
export const PAGE = 200;

export interface ExpiringCertification {
  assessmentId: string;
  personId: string;
  person: (NamedPerson & { id: string }) | null;
  role: string;
  level: number;
  validUntil: string;
  daysLeft: number;
  scheduled: boolean;
  schedule: { id: string; dueAt: string; assessor: (NamedPerson & { id: string }) | null } | null;
}

export interface ExpiringPage {
  totalCount: number;
  nodes: ExpiringCertification[];
}

export interface ScheduleItem {
  assessmentId: string;
  dueAt: string;
  assessorId?: string | null;
  note?: string | null;
}

const PERSON = '{ id name latinName }';

export const EXPIRING_QUERY = `query ExpiringCertifications($withinDays: Int!, $first: Int) {
  expiringCertifications(withinDays: $withinDays, first: $first) {
    totalCount
    nodes { assessmentId personId person ${PERSON} role level validUntil daysLeft scheduled
      schedule { id dueAt assessor ${PERSON} } }
  }
}`;

export const SCHEDULE_MUTATION = `mutation ScheduleReassessments($items: [ScheduleReassessmentInput!]!) {
  scheduleReassessments(items: $items) { id assessmentId }
}`;

export const RECERT_KEY = ['iron-triangle', 'recertification'] as const;

export async function fetchExpiring(withinDays: Window): Promise<ExpiringPage> {
  const data = await gqlRequest<{ expiringCertifications: ExpiringPage }>(EXPIRING_QUERY, {
    withinDays,
    first: PAGE,
  });
  return data.expiringCertifications;
}

export function useExpiring(withinDays: Window) {
  return useQuery({ queryKey: [...RECERT_KEY, withinDays], queryFn: () => fetchExpiring(withinDays) });
}

export function useScheduleReassessments() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: ScheduleItem[]) =>
      gqlRequest<{ scheduleReassessments: Array<{ id: string; assessmentId: string }> }>(SCHEDULE_MUTATION, {
        items,
      }).then((d) => d.scheduleReassessments),
    onSuccess: () => client.invalidateQueries({ queryKey: RECERT_KEY }),
  });
}

export const CANCEL_MUTATION = `mutation CancelReassessment($id: ID!) { cancelReassessment(id: $id) { id status } }`;

export function useCancelReassessment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => gqlRequest(CANCEL_MUTATION, { id }),
    onSuccess: () => client.invalidateQueries({ queryKey: RECERT_KEY }),
  });
}
