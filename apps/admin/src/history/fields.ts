// How a record's versions read in its history: which fields are shown, what kind of value each holds (money in
// minor units, a reference to another record, an enum, a moment…), which fields changed between two versions, and
// which version a correction is compared with. Pure: history/HistoryView.tsx draws the result.
import { currencyExponent, decidingEntry, formatMinor, type VersionEntry } from '@iron-triangle/domain';
import type { EnumName } from '../components/fields';
import { effectiveMomentOf, type AuthorityChange } from '../providers/types';

export type FieldKind =
  | { kind: 'money' }
  | { kind: 'reference'; resource: string }
  | { kind: 'enum'; enumName: EnumName }
  | { kind: 'enumList'; enumName: EnumName }
  | { kind: 'moment' }
  | { kind: 'boolean' }
  | { kind: 'quorum' }
  | { kind: 'seats' }
  | { kind: 'ratings' }
  | { kind: 'performance' }
  | { kind: 'criteria' }
  | { kind: 'text' };

/** Bookkeeping every version carries, and values the API derives from the others (shown where they are kept). */
const HIDDEN: ReadonlySet<string> = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'evaluation',
  'gap',
  'staffingCheck',
]);

/** Id columns and the record type they point to. */
const REFERENCES: Readonly<Record<string, string>> = {
  orgUnitId: 'OrgUnit',
  parentId: 'OrgUnit',
  scopeOrgUnitId: 'OrgUnit',
  holderOrgUnitId: 'OrgUnit',
  personId: 'Person',
  delegatorId: 'Person',
  delegateId: 'Person',
  assessorId: 'Person',
  decisionBodyId: 'DecisionBody',
  projectId: 'Project',
  customerId: 'Customer',
  frameworkId: 'QualificationFramework',
  roleModelVersionId: 'RoleModelVersion',
  levelId: 'QualificationLevel',
  sourceRuleId: 'AuthorityRule',
  sourceDelegationId: 'Delegation',
};

const ENUMS: Readonly<Record<string, EnumName>> = {
  holderKind: 'HolderKind',
  holderTitle: 'PositionTitle',
  title: 'PositionTitle',
  holderRole: 'TriangleRole',
  role: 'TriangleRole',
  requiredRole: 'TriangleRole',
  grade: 'ProjectGrade',
  stage: 'Stage',
  status: 'VersionStatus',
  dimensionCode: 'Dimension',
  gateMinimumRating: 'AppraisalRating',
  levelReached: 'Level',
  minLevel: 'Level',
  requiredLevel: 'Level',
  qualificationLevel: 'Level',
};

/** The same column name meaning another enum in one record type. */
const ENUMS_BY_TYPE: Readonly<Record<string, Record<string, EnumName>>> = {
  OrgUnit: { kind: 'OrgUnitKind' },
  Assessment: { kind: 'AssessmentKind' },
  Lead: { grade: 'LeadGrade', leadClass: 'LeadClass', status: 'LeadStatus' },
  Opportunity: { grade: 'LeadGrade', stage: 'OpportunityStage' },
  Stakeholder: { decisionRole: 'DecisionRole', influence: 'InfluenceLevel' },
};

/** Lists of codes whose words depend on the record type. */
const ENUM_LISTS_BY_TYPE: Readonly<Record<string, Record<string, EnumName>>> = {
  Lead: { classReasons: 'LeadFact', classMissing: 'LeadFact', gradeReasons: 'LeadGradeReason' },
  Opportunity: { gradeReasons: 'LeadGradeReason' },
};

const ENUM_LISTS: Readonly<Record<string, EnumName>> = {
  decisionPoints: 'DecisionPoint',
  grades: 'ProjectGrade',
  gradeReasons: 'GradeReason',
  alternativeTitles: 'PositionTitle',
};

const MOMENTS: ReadonlySet<string> = new Set([
  'validFrom',
  'validTo',
  'hiredAt',
  'archivedAt',
  'assessedAt',
  'inRoleSince',
  'validUntil',
  'revokedAt',
  'publishedAt',
]);

const SPECIAL: Readonly<Record<string, FieldKind>> = {
  quorum: { kind: 'quorum' },
  seats: { kind: 'seats' },
  ratings: { kind: 'ratings' },
  performance: { kind: 'performance' },
  gradeCriteria: { kind: 'criteria' },
};

export function isHidden(field: string): boolean {
  return HIDDEN.has(field);
}

/** Money columns are kept in minor units: `limitMinor` is the field `limit`. */
export function isMoney(field: string): boolean {
  return /^[a-z]\w*Minor$/.test(field);
}

export function fieldKind(recordType: string, field: string, value?: unknown): FieldKind {
  if (isMoney(field)) return { kind: 'money' };
  const special = SPECIAL[field];
  if (special) return special;
  const reference = REFERENCES[field];
  if (reference) return { kind: 'reference', resource: reference };
  const byType = ENUMS_BY_TYPE[recordType]?.[field];
  if (byType) return { kind: 'enum', enumName: byType };
  const listByType = ENUM_LISTS_BY_TYPE[recordType]?.[field];
  if (listByType) return { kind: 'enumList', enumName: listByType };
  if (ENUMS[field]) return { kind: 'enum', enumName: ENUMS[field] };
  if (ENUM_LISTS[field]) return { kind: 'enumList', enumName: ENUM_LISTS[field] };
  if (MOMENTS.has(field)) return { kind: 'moment' };
  if (typeof value === 'boolean') return { kind: 'boolean' };
  return { kind: 'text' };
}

/** The message key of a field's label: the portal's own field label (`limitMinor` → `…fields.limit`). */
export function labelKey(recordType: string, field: string): string {
  if (field === 'gradeCriteria') return 'history.fields.gradeCriteria';
  const name = isMoney(field) ? field.slice(0, -'Minor'.length) : field;
  return `resources.${recordType}.fields.${name}`;
}

/** "minTenureMonths" → "Min tenure months": the label of a field the portal has no words for (added later). */
export function humanize(field: string): string {
  const words = field
    .replace(/Minor$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An amount kept in minor units ("5000000000", CNY) as a decimal string ("50000000.00"); null when not one. */
export function majorAmount(minor: unknown, currency: unknown): string | null {
  if (minor === null || minor === undefined || minor === '') return null;
  if (!/^-?\d+$/.test(String(minor))) return null;
  const exponent = currencyExponent(String(currency ?? 'CNY'));
  return formatMinor(BigInt(String(minor)), exponent.ok ? exponent.value : 2);
}

type Row = Record<string, unknown>;

/** Child rows keep their own bookkeeping: compared and shown without it. */
function withoutBookkeeping(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item) => {
    if (!item || typeof item !== 'object') return item;
    const row = { ...(item as Row) };
    for (const key of ['id', 'version', 'createdAt', 'updatedAt', 'decisionBodyId', 'assessmentId']) delete row[key];
    return row;
  });
}

function comparable(value: unknown): string {
  const v = withoutBookkeeping(value);
  return JSON.stringify(v === undefined || v === '' ? null : v);
}

export function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The shown fields whose value differs between two versions, in the record's column order. */
export function changedFields(before: Row | null | undefined, after: Row | null | undefined): FieldChange[] {
  const b = before ?? {};
  const a = after ?? {};
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => !isHidden(f));
  return fields
    .filter((f) => comparable(b[f]) !== comparable(a[f]))
    .map((field) => ({ field, before: withoutBookkeeping(b[field]), after: withoutBookkeeping(a[field]) }));
}

/** The shown fields of a version that have a value (what a new record was created with). */
export function filledFields(record: Row | null | undefined): FieldChange[] {
  return Object.entries(record ?? {})
    .filter(([field, value]) => !isHidden(field) && !isEmpty(value))
    .map(([field, value]) => ({ field, before: null, after: withoutBookkeeping(value) }));
}

const NEVER = new Date(-8.64e15);
const ALWAYS = new Date(8.64e15);

/** A change-log entry as the domain's version entry (the same rule the API answers by). */
export function versionEntry(entry: AuthorityChange): VersionEntry<Row> {
  return {
    revision: BigInt(entry.revision),
    key: `${entry.recordType}:${entry.recordId}`,
    operation: entry.operation,
    effectiveFrom: effectiveMomentOf(entry) ? new Date(entry.effectiveFrom as string) : null,
    recordedAt: new Date(entry.recordedAt),
    after: (entry.after as Row | null | undefined) ?? null,
    correction: entry.correction,
  };
}

/**
 * The version an entry replaced, for showing what it changed. An ordinary change replaced the latest version
 * (`before`). A correction replaced what the log said, before it, about its effective moment (or, for the whole life
 * of the record, about its beginning): that is what readers of the past saw until then.
 */
export function replacedVersion(entries: readonly AuthorityChange[], entry: AuthorityChange): Row | null {
  if (!entry.correction) return (entry.before as Row | null | undefined) ?? null;
  const earlier = entries
    .filter(
      (e) =>
        e.recordType === entry.recordType &&
        e.recordId === entry.recordId &&
        BigInt(e.revision) < BigInt(entry.revision),
    )
    .map(versionEntry);
  const at = effectiveMomentOf(entry) ? new Date(entry.effectiveFrom as string) : NEVER;
  return decidingEntry(earlier, at, ALWAYS)?.after ?? null;
}

/** How an entry reads: its operation in words (a revocation or an archiving is an update that sets its moment). */
export function operationKey(entry: AuthorityChange, replaced: Row | null): string {
  if (entry.operation === 'UPDATE') {
    const after = (entry.after ?? {}) as Row;
    const before = replaced ?? {};
    if (after.revokedAt && !before.revokedAt) return 'history.op.REVOKED';
    if (after.archivedAt && !before.archivedAt) return 'history.op.ARCHIVED';
  }
  return `history.op.${entry.operation}`;
}

/** Newest first. */
export function newestFirst(entries: readonly AuthorityChange[]): AuthorityChange[] {
  return [...entries].sort((a, b) => (BigInt(b.revision) > BigInt(a.revision) ? 1 : -1));
}
