// Where a stakeholder or plan action form returns to: the map it was opened from (the opportunity's, else the
// customer's).
export function mapPath(data?: Record<string, unknown> | null): string {
  if (data?.opportunityId) return `Opportunity/${String(data.opportunityId)}/show/map`;
  if (data?.customerId) return `Customer/${String(data.customerId)}/show/map`;
  return 'Customer';
}

export const backToMap = (_resource?: string, _id?: unknown, data?: Record<string, unknown>) => mapPath(data);
