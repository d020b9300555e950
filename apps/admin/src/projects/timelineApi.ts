// The API operations of a project's decision timeline: the project's stage, decisions and decision requests, who
// may decide a point, asking for a decision and withdrawing a request (schema.graphql: requestDecision,
// withdrawDecisionRequest, whoMayDecide).
import { gqlRequest } from '../graphql/client';
import type { TimelineDecision, TimelineRequest } from './timeline';

const REQUEST =
  'id decisionPoint status requesterId requester { id name: displayName } requestedAt dueAt overdue note amount ' +
  'currency ' +
  'escalationLevel recipients { personId level person { id name: displayName } }';

export interface RequestRow extends TimelineRequest {
  requester?: { id: string; name: string } | null;
  recipients: Array<{ personId: string; level: number; person?: { id: string; name: string } | null }>;
}

export interface TimelineData {
  id: string;
  name: string;
  stage: string;
  amount: string;
  currency: string;
  decisions: Array<TimelineDecision & { decider?: { id: string; name: string } | null }>;
  requests: RequestRow[];
}

export async function loadTimeline(projectId: string): Promise<TimelineData | null> {
  const data = await gqlRequest<{
    Project: Omit<TimelineData, 'requests'> | null;
    allDecisionRequests: RequestRow[];
  }>(
    `query ProjectTimeline($id: ID!) {
      Project(id: $id) { id name stage amount currency decisions { id decisionPoint outcome deciderId
        decider { id name: displayName } decidedAt complete comment reopenedAt reopenedReason } }
      allDecisionRequests(filter: { projectId: $id }, perPage: 200, sortField: "requestedAt", sortOrder: "DESC") {
        ${REQUEST} }
    }`,
    { id: projectId },
  );
  if (!data.Project) return null;
  return { ...data.Project, requests: data.allDecisionRequests };
}

export interface RequestDecisionInput {
  projectId: string;
  decisionPoint: string;
  amount?: string;
  dueAt?: string;
  note?: string;
}

export async function requestDecision(input: RequestDecisionInput): Promise<RequestRow> {
  const clean = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== ''));
  const data = await gqlRequest<{ requestDecision: RequestRow }>(
    `mutation RequestDecision($input: RequestDecisionInput!) { requestDecision(input: $input) { ${REQUEST} } }`,
    { input: clean },
  );
  return data.requestDecision;
}

export async function withdrawDecisionRequest(id: string): Promise<RequestRow> {
  const data = await gqlRequest<{ withdrawDecisionRequest: RequestRow }>(
    `mutation WithdrawDecisionRequest($id: ID!) { withdrawDecisionRequest(id: $id) { ${REQUEST} } }`,
    { id },
  );
  return data.withdrawDecisionRequest;
}

/** The people who may take the decision on the project (by name), and whether any only as a body's seat. */
export async function routedTo(projectId: string, decisionPoint: string, amount?: string) {
  const data = await gqlRequest<{
    whoMayDecide: Array<{
      personId: string;
      direct: boolean;
      quorumRequired: boolean;
      person?: { name: string } | null;
    }>;
  }>(
    `query RoutedTo($input: CaseInput!) { whoMayDecide(input: $input, first: 50) { personId direct quorumRequired
      person { id name: displayName } } }`,
    { input: { projectId, decisionPoint, ...(amount ? { amount } : {}) } },
  );
  return data.whoMayDecide;
}
