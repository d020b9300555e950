// The payloads of the delegation notifications, from a delegation row: names (delegator, scope), not ids.
import type { EntityManager } from 'typeorm';
import { Delegation } from '../delegation';
import { OrgUnit } from '../org-unit';
import { Person } from '../person';
import { moneyString } from '../../platform/money';
import type { NotificationPayloads } from './notification.kinds';

interface DelegationNames {
  delegatorName: string;
  scopeName: string;
}

/** Both names in one statement (a write's round trips wait behind the reads the process is serving). */
async function namesOf(em: EntityManager, d: Delegation): Promise<DelegationNames> {
  const people = em.connection.getMetadata(Person).tableName;
  const units = em.connection.getMetadata(OrgUnit).tableName;
  const rows = (await em.query(
    `SELECT (SELECT name FROM ${people} WHERE id = ?) AS delegatorName, ` +
      `(SELECT name FROM ${units} WHERE id = ?) AS scopeName`,
    [d.delegatorId, d.scopeOrgUnitId],
  )) as Array<{ delegatorName: string | null; scopeName: string | null }>;
  return {
    delegatorName: rows[0]?.delegatorName ?? `#${d.delegatorId}`,
    scopeName: rows[0]?.scopeName ?? `#${d.scopeOrgUnitId}`,
  };
}

export async function delegationCreatedPayload(
  em: EntityManager,
  d: Delegation,
): Promise<NotificationPayloads['DELEGATION_CREATED']> {
  return {
    ...(await namesOf(em, d)),
    decisionPoints: [...d.decisionPoints],
    grades: [...d.grades],
    limit: moneyString(d.limitMinor, d.currency),
    currency: d.currency,
    validFrom: d.validFrom.toISOString(),
    validTo: d.validTo ? d.validTo.toISOString() : null,
    reason: d.reason,
  };
}

export async function delegationRevokedPayload(
  em: EntityManager,
  d: Delegation,
): Promise<NotificationPayloads['DELEGATION_REVOKED']> {
  return {
    ...(await namesOf(em, d)),
    decisionPoints: [...d.decisionPoints],
    revokedAt: (d.revokedAt ?? d.updatedAt).toISOString(),
    reason: d.revokeReason ?? '',
  };
}

export async function delegationExpiringPayload(
  em: EntityManager,
  d: Delegation,
): Promise<NotificationPayloads['DELEGATION_EXPIRING']> {
  return {
    ...(await namesOf(em, d)),
    decisionPoints: [...d.decisionPoints],
    validTo: (d.validTo as Date).toISOString(),
  };
}
