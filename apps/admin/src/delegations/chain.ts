// Builds a delegation's chain (rule → delegation → … → this one) by walking its sources.
import type { AuthorityChain, AuthorityLink, DelegationRecord } from '../providers/types';

export interface RuleRecord {
  id: string;
  decisionPoints: AuthorityLink['decisionPoints'];
  grades: AuthorityLink['grades'];
  scopeOrgUnitId: string;
  limit?: string | null;
  currency: string;
  validFrom: string;
  validTo?: string | null;
}

export function delegationLink(d: DelegationRecord): AuthorityLink {
  return {
    kind: 'DELEGATION',
    id: String(d.id),
    holderPersonId: d.delegateId,
    delegatorId: d.delegatorId,
    decisionPoints: d.decisionPoints,
    grades: d.grades,
    scopeOrgUnitId: d.scopeOrgUnitId,
    limit: d.limit,
    currency: d.currency,
    validFrom: d.validFrom,
    validTo: d.validTo,
    requiredRole: d.requiredRole,
    requiredLevel: d.requiredLevel,
  };
}

export function ruleLink(rule: RuleRecord, holderPersonId?: string | null): AuthorityLink {
  return {
    kind: 'RULE',
    id: String(rule.id),
    holderPersonId,
    decisionPoints: rule.decisionPoints,
    grades: rule.grades,
    scopeOrgUnitId: rule.scopeOrgUnitId,
    limit: rule.limit,
    currency: rule.currency,
    validFrom: rule.validFrom,
    validTo: rule.validTo,
  };
}

const MAX_DEPTH = 20;

export async function buildDelegationChain(
  delegation: DelegationRecord,
  getDelegation: (id: string) => Promise<DelegationRecord>,
  getRule: (id: string) => Promise<RuleRecord>,
): Promise<AuthorityChain> {
  const delegations: DelegationRecord[] = [delegation];
  let current = delegation;
  while (current.sourceDelegationId && delegations.length < MAX_DEPTH) {
    current = await getDelegation(String(current.sourceDelegationId));
    delegations.unshift(current);
  }
  const links = delegations.map(delegationLink);
  const first = delegations[0];
  if (first?.sourceRuleId) links.unshift(ruleLink(await getRule(String(first.sourceRuleId)), first.delegatorId));
  return { links };
}
