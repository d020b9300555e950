// Which records keep a history (issue #12): each logged table, the record type its entries carry, the counter row a
// change moves, and child rows that belong to the record (a body's seats, an assessment's ratings) and are kept
// inside its entries. Table names only: the platform imports no feature module (see src/composition.ts).

/** What a change to the record invalidates: the authority index (row 1), project cases (row 2), or neither. */
export type ChangeGroup = 'authority' | 'case' | 'history';

export interface ChildRows {
  table: string;
  /** The child's column that holds the record's id. */
  column: string;
  /** The property the children are kept under in an entry. */
  property: string;
}

export interface LoggedType {
  recordType: string;
  table: string;
  group: ChangeGroup;
  children?: ChildRows;
  /**
   * For the authority group: the only fields the engine reads (with the children, if any). An update that changes
   * none of them (a person's phone number) is logged but leaves the authority index alone. Absent: every field.
   */
  engineFields?: readonly string[];
}

export const LOGGED_TYPES: readonly LoggedType[] = [
  { recordType: 'OrgUnit', table: 'org_units', group: 'authority', engineFields: ['parentId', 'code', 'name'] },
  { recordType: 'Person', table: 'people', group: 'authority', engineFields: ['name'] },
  { recordType: 'PositionAssignment', table: 'position_assignments', group: 'authority' },
  { recordType: 'AuthorityRule', table: 'authority_rules', group: 'authority' },
  {
    recordType: 'DecisionBody',
    table: 'decision_bodies',
    group: 'authority',
    children: { table: 'decision_body_seats', column: 'decisionBodyId', property: 'seats' },
  },
  { recordType: 'Delegation', table: 'delegations', group: 'authority' },
  {
    recordType: 'Assessment',
    table: 'assessments',
    group: 'authority',
    children: { table: 'assessment_ratings', column: 'assessmentId', property: 'ratings' },
    engineFields: ['personId', 'role', 'levelReached', 'assessedAt', 'validUntil', 'certifies', 'frameworkId'],
  },
  { recordType: 'Project', table: 'projects', group: 'case' },
  { recordType: 'TeamAppointment', table: 'team_appointments', group: 'case' },
  // The Sponsor's conflict of interest is part of every project case.
  { recordType: 'CompanySettings', table: 'company_settings', group: 'case' },
  { recordType: 'StaffingRule', table: 'staffing_rules', group: 'history' },
  { recordType: 'QualificationFramework', table: 'qualification_frameworks', group: 'history' },
  { recordType: 'QualificationLevel', table: 'qualification_levels', group: 'history' },
  { recordType: 'LevelRequirement', table: 'level_requirements', group: 'history' },
  {
    recordType: 'DecisionRequest',
    table: 'decision_requests',
    group: 'history',
    children: { table: 'decision_request_recipients', column: 'requestId', property: 'recipients' },
  },
  // The front of LTC (issue #17): a lead's facts and verdicts, an opportunity's stage moves.
  { recordType: 'Lead', table: 'leads', group: 'history' },
  { recordType: 'Opportunity', table: 'opportunities', group: 'history' },
  {
    recordType: 'Stakeholder',
    table: 'stakeholders',
    group: 'history',
    children: { table: 'stakeholder_attitudes', column: 'stakeholderId', property: 'attitudes' },
  },
  { recordType: 'RelationshipPlanAction', table: 'relationship_plan_actions', group: 'history' },
];

export const LOGGED_BY_TABLE: ReadonlyMap<string, LoggedType> = new Map(LOGGED_TYPES.map((t) => [t.table, t]));
export const LOGGED_BY_TYPE: ReadonlyMap<string, LoggedType> = new Map(LOGGED_TYPES.map((t) => [t.recordType, t]));

/** The logged type a write to `table` belongs to (a child table belongs to its record's type), if any. */
export function loggedTypeOfTable(table: string): LoggedType | undefined {
  return LOGGED_BY_TABLE.get(table) ?? LOGGED_TYPES.find((t) => t.children?.table === table);
}

/** The record types whose changes move the authority index. */
export const AUTHORITY_RECORD_TYPES: readonly string[] = LOGGED_TYPES.filter((t) => t.group === 'authority').map(
  (t) => t.recordType,
);

/** Whether a change from `before` to `after` can alter what the engine reads of a record of `type`. */
export function touchesEngine(
  type: LoggedType,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): boolean {
  if (before === null || after === null) return true;
  const fields = type.engineFields;
  if (!fields) {
    const ignored = new Set(['version', 'updatedAt']);
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].some((k) => !ignored.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  }
  return fields.some((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
