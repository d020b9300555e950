// What each list exports: its columns, in the order the list shows them. A column says how its value is written
// (plain, date, enum label, referenced record's name, money split into amount and currency).
import type { EnumName } from '../components/fields';

/** Resources whose records are exported by name where another record refers to them. */
export type ExportReference =
  | 'Person'
  | 'OrgUnit'
  | 'Project'
  | 'Customer'
  | 'QualificationFramework'
  | 'AuthorityRule'
  | 'DecisionBody'
  | 'Delegation';

interface Base {
  source: string;
  /** Translation key of the header; default `resources.<resource>.fields.<source>`. */
  label?: string;
}

export type ExportColumn =
  | (Base & { kind: 'text' })
  | (Base & { kind: 'date' })
  | (Base & { kind: 'datetime' })
  | (Base & { kind: 'boolean' })
  | (Base & { kind: 'enum'; enumName: EnumName })
  | (Base & { kind: 'enums'; enumName: EnumName })
  | (Base & { kind: 'reference'; reference: ExportReference })
  | (Base & { kind: 'money'; currencySource?: string });

const text = (source: string): ExportColumn => ({ kind: 'text', source });
const date = (source: string): ExportColumn => ({ kind: 'date', source });
const datetime = (source: string): ExportColumn => ({ kind: 'datetime', source });
const enumOf = (source: string, enumName: EnumName): ExportColumn => ({ kind: 'enum', source, enumName });
const enumsOf = (source: string, enumName: EnumName): ExportColumn => ({ kind: 'enums', source, enumName });
const ref = (source: string, reference: ExportReference): ExportColumn => ({ kind: 'reference', source, reference });
const money = (source: string, label?: string): ExportColumn => ({ kind: 'money', source, label });

/** The exported columns of every list with an export button. */
export const EXPORT_COLUMNS = {
  Person: [
    text('employeeNo'),
    text('name'),
    text('latinName'),
    text('email'),
    text('phone'),
    ref('orgUnitId', 'OrgUnit'),
    date('hiredAt'),
    date('archivedAt'),
  ],
  OrgUnit: [text('code'), text('name'), enumOf('kind', 'OrgUnitKind'), ref('parentId', 'OrgUnit')],
  Project: [
    text('name'),
    ref('customerId', 'Customer'),
    ref('orgUnitId', 'OrgUnit'),
    enumOf('stage', 'Stage'),
    enumOf('grade', 'ProjectGrade'),
    money('amount', 'export.amount'),
    text('externalRef'),
  ],
  // The framework, the assessor, the ratings ("DIM:score; …") and the comment too: what an import reads back.
  Assessment: [
    ref('personId', 'Person'),
    enumOf('role', 'TriangleRole'),
    enumOf('kind', 'AssessmentKind'),
    date('assessedAt'),
    enumOf('levelReached', 'Level'),
    date('validUntil'),
    ref('frameworkId', 'QualificationFramework'),
    ref('assessorId', 'Person'),
    { kind: 'text', source: 'ratingSummary', label: 'resources.Assessment.fields.ratings' },
    text('comment'),
  ],
  // Everything createDelegation takes: what an import reads back. A re-delegation's source delegation by its key
  // ("delegator / delegate / points / start day", as the import names a delegation).
  Delegation: [
    ref('delegatorId', 'Person'),
    ref('delegateId', 'Person'),
    ref('sourceRuleId', 'AuthorityRule'),
    ref('sourceDelegationId', 'Delegation'),
    enumsOf('decisionPoints', 'DecisionPoint'),
    enumsOf('grades', 'ProjectGrade'),
    ref('scopeOrgUnitId', 'OrgUnit'),
    money('limit'),
    date('validFrom'),
    date('validTo'),
    text('redelegableDepth'),
    enumOf('requiredRole', 'TriangleRole'),
    text('requiredLevel'),
    text('reason'),
    datetime('revokedAt'),
  ],
  Customer: [text('name'), enumOf('tier', 'CustomerTier'), ref('orgUnitId', 'OrgUnit'), text('code'), text('industry')],
  Decision: [
    datetime('decidedAt'),
    ref('projectId', 'Project'),
    enumOf('decisionPoint', 'DecisionPoint'),
    enumOf('outcome', 'DecisionOutcome'),
    ref('deciderId', 'Person'),
  ],
  TeamAppointment: [
    ref('projectId', 'Project'),
    ref('personId', 'Person'),
    enumOf('role', 'TriangleRole'),
    enumOf('stage', 'Stage'),
    date('validFrom'),
    date('validTo'),
    text('qualificationLevel'),
    text('exceptionReason'),
  ],
  PositionAssignment: [
    ref('personId', 'Person'),
    enumOf('title', 'PositionTitle'),
    ref('orgUnitId', 'OrgUnit'),
    date('validFrom'),
    date('validTo'),
  ],
  IncentivePool: [
    text('name'),
    enumOf('status', 'PoolStatus'),
    money('baseAmount'),
    money('fundedAmount'),
    date('periodFrom'),
    date('periodTo'),
  ],
  AuditEntry: [
    datetime('at'),
    text('actorLabel'),
    enumOf('actorKind', 'ActorKind'),
    enumOf('action', 'AuditAction'),
    enumOf('entityType', 'RecordType'),
    text('note'),
  ],
  // The holder too, and the start: what an import reads back.
  AuthorityRule: [
    text('name'),
    enumOf('holderKind', 'HolderKind'),
    enumOf('holderTitle', 'PositionTitle'),
    ref('holderOrgUnitId', 'OrgUnit'),
    ref('decisionBodyId', 'DecisionBody'),
    enumOf('holderRole', 'TriangleRole'),
    enumsOf('decisionPoints', 'DecisionPoint'),
    enumsOf('grades', 'ProjectGrade'),
    ref('scopeOrgUnitId', 'OrgUnit'),
    money('limit'),
    date('validFrom'),
    date('validTo'),
    text('delegableDepth'),
  ],
  StaffingRule: [
    enumOf('grade', 'ProjectGrade'),
    enumOf('role', 'TriangleRole'),
    enumOf('minLevel', 'Level'),
    ref('orgUnitId', 'OrgUnit'),
    date('validFrom'),
    date('validTo'),
    text('note'),
  ],
  QualificationFramework: [
    text('name'),
    text('versionNo'),
    enumOf('role', 'TriangleRole'),
    enumOf('status', 'VersionStatus'),
    text('validityMonths'),
  ],
  RoleModel: [enumOf('role', 'TriangleRole'), text('name'), text('nameZh')],
  DecisionBody: [text('name'), enumOf('grade', 'ProjectGrade'), ref('orgUnitId', 'OrgUnit')],
  User: [
    text('email'),
    enumOf('role', 'UserRole'),
    ref('personId', 'Person'),
    datetime('lastLoginAt'),
    date('archivedAt'),
  ],
} satisfies Record<string, readonly ExportColumn[]>;

/** The exported columns of a resource's list, or undefined: that list has no export. */
export function exportColumnsOf(resource: string): readonly ExportColumn[] | undefined {
  return (EXPORT_COLUMNS as Record<string, readonly ExportColumn[]>)[resource];
}
