import { createCrudResolver, CrudSpec } from '../../platform/crud';
import { AuditEntry } from '../../platform/audit-entry.entity';
import { AuditEntryFilter } from './audit-entry.args';

/** Read-only: entries are written by every mutation, in its transaction, and never changed or deleted. */
export const auditEntrySpec: CrudSpec<AuditEntry> = {
  entity: AuditEntry,
  name: 'AuditEntry',
  plural: 'AuditEntries',
  label: 'audit entry',
  filter: AuditEntryFilter,
  remove: 'none',
  search: ['entityType', 'actorLabel', 'action', 'note'],
  scope: { kind: 'reference', why: 'administrators only (the role table refuses everyone else): not org data' },
  dateColumn: 'at',
};

export const AuditEntryCrudResolver = createCrudResolver(auditEntrySpec);
