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
  return (await namesOfAll(em, [d]))[0] as DelegationNames;
}

/** The names of several delegations (a revocation's cascade) in one statement. */
async function namesOfAll(em: EntityManager, ds: readonly Delegation[]): Promise<DelegationNames[]> {
  if (ds.length === 0) return [];
  const people = em.connection.getMetadata(Person).tableName;
  const units = em.connection.getMetadata(OrgUnit).tableName;
  const personIds = [...new Set(ds.map((d) => d.delegatorId))];
  const unitIds = [...new Set(ds.map((d) => d.scopeOrgUnitId))];
  const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  const rows = (await em.query(
    `SELECT 'p' AS kind, id, name FROM ${people} WHERE id IN (${marks(personIds.length)}) ` +
      `UNION ALL SELECT 'o' AS kind, id, name FROM ${units} WHERE id IN (${marks(unitIds.length)})`,
    [...personIds, ...unitIds],
  )) as Array<{ kind: string; id: number | string; name: string }>;
  const names = new Map(rows.map((r) => [`${r.kind}${Number(r.id)}`, r.name]));
  return ds.map((d) => ({
    delegatorName: names.get(`p${d.delegatorId}`) ?? `#${d.delegatorId}`,
    scopeName: names.get(`o${d.scopeOrgUnitId}`) ?? `#${d.scopeOrgUnitId}`,
  }));
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
  return (await delegationRevokedPayloads(em, [d]))[0] as NotificationPayloads['DELEGATION_REVOKED'];
}

/** delegationRevokedPayload for each of several delegations (their names read in one statement). */
export async function delegationRevokedPayloads(
  em: EntityManager,
  ds: readonly Delegation[],
): Promise<Array<NotificationPayloads['DELEGATION_REVOKED']>> {
  const names = await namesOfAll(em, ds);
  return ds.map((d, i) => ({
    ...(names[i] as DelegationNames),
    decisionPoints: [...d.decisionPoints],
    revokedAt: (d.revokedAt ?? d.updatedAt).toISOString(),
    reason: d.revokeReason ?? '',
  }));
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
