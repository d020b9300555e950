// Authority rules (and the grant columns they share with delegations) → the engine's records.
import { windowOf } from '../../platform/columns';
import {
  AuthorityHolder,
  AuthorityRule as DomainAuthorityRule,
  DecisionPoint,
  ProjectGrade,
  TriangleRole,
} from '@iron-triangle/domain';
import type { AuthorityRule } from './authority-rule.entity';

/** The grant columns as stored (GrantColumns), possibly not all given yet (a draft being created or changed). */
export interface GrantValues {
  decisionPoints?: string[];
  grades?: string[];
  scopeOrgUnitId?: number;
  currency?: string;
  limitMinor?: bigint | null;
  validFrom?: Date;
  validTo?: Date | null;
}

/** What a grant covers, as the engine reads it on a rule and on a delegation. */
export function grantOf(g: GrantValues) {
  return {
    decisionPoints: (g.decisionPoints ?? []) as DecisionPoint[],
    grades: (g.grades ?? []) as ProjectGrade[],
    scopeOrgUnitId: String(g.scopeOrgUnitId),
    currency: g.currency ?? '',
    limit: g.limitMinor ?? null,
    window: windowOf(g.validFrom as Date, g.validTo),
  };
}

export function holderOf(rule: AuthorityRule): AuthorityHolder {
  if (rule.holderKind === 'DECISION_BODY') return { kind: 'DECISION_BODY', bodyId: String(rule.decisionBodyId) };
  if (rule.holderKind === 'PROJECT_ROLE') return { kind: 'PROJECT_ROLE', role: rule.holderRole as TriangleRole };
  return { kind: 'POSITION', title: rule.holderTitle ?? '', orgUnitId: String(rule.holderOrgUnitId) };
}

export function toDomainAuthorityRule(r: AuthorityRule): DomainAuthorityRule {
  return {
    id: String(r.id),
    name: r.name,
    holder: holderOf(r),
    ...grantOf(r),
    delegableDepth: r.delegableDepth,
  };
}
