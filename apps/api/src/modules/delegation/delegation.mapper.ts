// Delegations → the engine's records: a draft (being created or changed, not all columns given) and a stored one.
import { Delegation as DomainDelegation, DelegationDraft, TriangleRole } from '@iron-triangle/domain';
import { grantOf } from '../authority-rule';
import type { Delegation } from './delegation.entity';

export function toDelegationDraft(d: Partial<Delegation>): DelegationDraft {
  return {
    ...(d.id !== undefined ? { id: String(d.id) } : {}),
    source:
      d.sourceRuleId !== null && d.sourceRuleId !== undefined
        ? { kind: 'RULE', id: String(d.sourceRuleId) }
        : { kind: 'DELEGATION', id: String(d.sourceDelegationId) },
    delegatorId: String(d.delegatorId),
    delegateId: String(d.delegateId),
    ...grantOf(d),
    redelegableDepth: d.redelegableDepth ?? 0,
    requiredQualification:
      d.requiredRole && d.requiredLevel ? { role: d.requiredRole as TriangleRole, level: d.requiredLevel } : null,
    reason: d.reason ?? '',
  };
}

export function toDomainDelegation(d: Delegation): DomainDelegation {
  return { ...toDelegationDraft(d), id: String(d.id), revokedAt: d.revokedAt };
}
