// The sales operations that are not plain records (issue #17, the GraphQL contract of h17): verify, convert and drop a
// lead, make a project of an opportunity, record an attitude, the funnel and the AR's key-account warnings, and the
// power map of a customer or an opportunity in one request.
import { gqlRequest } from '../graphql/client';
import type { SalesFunnelData } from '../funnel/funnelData';

export interface AttitudeEntry {
  id: string;
  attitude: number;
  at: string;
  recordedById: string | null;
  note: string | null;
}

export interface StakeholderData {
  id: string;
  version: number;
  customerId: string;
  opportunityId: string | null;
  name: string;
  title: string | null;
  reportsToId: string | null;
  decisionRole: string;
  influence: string;
  attitude: number | null;
  attitudeHistory: AttitudeEntry[];
  relationshipOwnerId: string | null;
}

export interface PlanActionData {
  id: string;
  version: number;
  customerId: string;
  opportunityId: string | null;
  stakeholderId: string | null;
  action: string;
  ownerId: string;
  dueDate: string;
  doneAt: string | null;
  overdue: boolean;
}

export interface PowerMapData {
  customerId: string;
  customerName: string;
  opportunityId: string | null;
  stakeholders: StakeholderData[];
  planActions: PlanActionData[];
}

const STAKEHOLDER =
  'id version customerId opportunityId name title reportsToId decisionRole influence attitude relationshipOwnerId ' +
  'attitudeHistory { id attitude at recordedById note }';
const PLAN_ACTION = 'id version customerId opportunityId stakeholderId action ownerId dueDate doneAt overdue';

/** A customer's whole map and plan, or an opportunity's (its stakeholders; the customer's plan for it). */
export async function fetchPowerMap(of: { customerId?: string; opportunityId?: string }): Promise<PowerMapData> {
  if (of.opportunityId) {
    // The opportunity's own map: the customer's stakeholders mapped for it (what the ATI check counts).
    const { Opportunity: o } = await gqlRequest<{
      Opportunity: {
        id: string;
        customerId: string;
        customer: { name: string; stakeholders: StakeholderData[]; planActions: PlanActionData[] } | null;
      } | null;
    }>(
      `query ($id: ID!) { Opportunity(id: $id) { id customerId customer { name stakeholders { ${STAKEHOLDER} }
        planActions { ${PLAN_ACTION} } } } }`,
      { id: of.opportunityId },
    );
    if (!o) throw new Error('NOT_FOUND');
    const own = (x: { opportunityId: string | null }) => String(x.opportunityId ?? '') === String(o.id);
    return {
      customerId: o.customerId,
      customerName: o.customer?.name ?? '',
      opportunityId: o.id,
      stakeholders: (o.customer?.stakeholders ?? []).filter(own),
      planActions: (o.customer?.planActions ?? []).filter((a) => !a.opportunityId || own(a)),
    };
  }
  const { Customer: c } = await gqlRequest<{
    Customer: { id: string; name: string; stakeholders: StakeholderData[]; planActions: PlanActionData[] } | null;
  }>(
    `query ($id: ID!) { Customer(id: $id) { id name stakeholders { ${STAKEHOLDER} } planActions { ${PLAN_ACTION} } } }`,
    { id: of.customerId },
  );
  if (!c) throw new Error('NOT_FOUND');
  return {
    customerId: c.id,
    customerName: c.name,
    opportunityId: null,
    stakeholders: c.stakeholders,
    planActions: c.planActions,
  };
}

export async function recordStakeholderAttitude(input: {
  stakeholderId: string;
  attitude: number;
  at?: string | null;
  note?: string | null;
}): Promise<void> {
  await gqlRequest(
    `mutation ($stakeholderId: ID!, $attitude: Int!, $at: DateTime, $note: String) {
      recordStakeholderAttitude(stakeholderId: $stakeholderId, attitude: $attitude, at: $at, note: $note) { id }
    }`,
    { ...input, at: input.at || null, note: input.note || null },
  );
}

export async function verifyLead(id: string): Promise<void> {
  await gqlRequest(`mutation ($id: ID!) { verifyLead(id: $id) { id } }`, { id });
}

export async function convertLeadToOpportunity(leadId: string, name?: string | null): Promise<{ id: string }> {
  const data = await gqlRequest<{ convertLeadToOpportunity: { id: string } }>(
    `mutation ($leadId: ID!, $name: String) { convertLeadToOpportunity(leadId: $leadId, name: $name) { id } }`,
    { leadId, name: name || null },
  );
  return data.convertLeadToOpportunity;
}

export async function dropLead(id: string, reason: string): Promise<void> {
  await gqlRequest(`mutation ($id: ID!, $reason: String!) { dropLead(id: $id, reason: $reason) { id } }`, {
    id,
    reason,
  });
}

export async function createProjectFromOpportunity(opportunityId: string, name?: string | null) {
  const data = await gqlRequest<{ createProjectFromOpportunity: { id: string } }>(
    `mutation ($opportunityId: ID!, $name: String) {
      createProjectFromOpportunity(opportunityId: $opportunityId, name: $name) { id }
    }`,
    { opportunityId, name: name || null },
  );
  return data.createProjectFromOpportunity;
}

const CELL = 'count amount';
const FORECAST = 'from to orders revenue collection';

export async function fetchSalesFunnel(filter: {
  orgUnitId?: string | null;
  from?: string | null;
  to?: string | null;
}): Promise<SalesFunnelData> {
  const data = await gqlRequest<{ salesFunnel: SalesFunnelData }>(
    `query ($orgUnitId: ID, $from: DateTime, $to: DateTime) {
      salesFunnel(orgUnitId: $orgUnitId, from: $from, to: $to) {
        at currency total { ${CELL} } overdue { ${CELL} }
        byStage { stage ${CELL} weighted } byGrade { grade ${CELL} } byStageAndGrade { stage grade ${CELL} }
        conversion { from to reached advanced percent }
        forecasts { shortTerm { ${FORECAST} } annual { ${FORECAST} } longTerm { ${FORECAST} } }
      }
    }`,
    { orgUnitId: filter.orgUnitId || null, from: filter.from || null, to: filter.to || null },
  );
  return data.salesFunnel;
}

export interface KeyAccountWarningData {
  customer: { id: string; name: string; tier: string };
  codes: string[];
  hostile: Array<{ id: string; name: string; attitude: number | null }>;
  unknown: Array<{ id: string; name: string }>;
  overdueActions: Array<{ id: string; action: string; dueDate: string }>;
}

export async function fetchKeyAccountWarnings(): Promise<KeyAccountWarningData[]> {
  const data = await gqlRequest<{ keyAccountWarnings: KeyAccountWarningData[] }>(
    `query { keyAccountWarnings { customer { id name tier } codes hostile { id name attitude } unknown { id name }
      overdueActions { id action dueDate } } }`,
  );
  return data.keyAccountWarnings;
}
