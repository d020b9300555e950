// The initial schema, written with the QueryRunner API so the same migration builds SQLite and MySQL/MariaDB.
import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

type Col = TableColumnOptions;

interface Dialect {
  mysql: boolean;
}

const idCol = (): Col => ({
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});
const ref = (name: string, nullable = false): Col => ({ name, type: 'integer', isNullable: nullable });
const str = (name: string, length: number, nullable = false, extra: Partial<Col> = {}): Col => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
  ...extra,
});
const text = (name: string, nullable = true): Col => ({ name, type: 'text', isNullable: nullable });
const int = (name: string, nullable = false, def?: number): Col => ({
  name,
  type: 'integer',
  isNullable: nullable,
  ...(def !== undefined ? { default: def } : {}),
});
const bool = (name: string, def: boolean): Col => ({ name, type: 'boolean', isNullable: false, default: def ? 1 : 0 });
const money = (name: string, nullable = false): Col => ({ name, type: 'bigint', isNullable: nullable });

function date(d: Dialect, name: string, nullable = false): Col {
  return d.mysql
    ? { name, type: 'datetime', precision: 3, isNullable: nullable }
    : { name, type: 'datetime', isNullable: nullable };
}
function json(d: Dialect, name: string, nullable = true): Col {
  return { name, type: d.mysql ? 'longtext' : 'text', isNullable: nullable };
}

interface TableSpec {
  name: string;
  columns: (d: Dialect) => Col[];
  indices?: Array<{ columns: string[]; unique?: boolean }>;
  /** column → referenced table (always its id). */
  refs?: Record<string, string>;
}

const base = (d: Dialect): Col[] => [int('version', false, 1), date(d, 'createdAt'), date(d, 'updatedAt')];

const TABLES: TableSpec[] = [
  {
    name: 'org_units',
    columns: () => [str('name', 200), str('code', 64), ref('parentId', true), str('kind', 32)],
    indices: [{ columns: ['code'], unique: true }, { columns: ['parentId'] }],
    refs: { parentId: 'org_units' },
  },
  {
    name: 'people',
    columns: (d) => [
      str('employeeNo', 32),
      str('name', 200),
      str('email', 200, true),
      str('phone', 64, true),
      ref('orgUnitId'),
      date(d, 'hiredAt', true),
      date(d, 'archivedAt', true),
    ],
    indices: [{ columns: ['employeeNo'], unique: true }, { columns: ['orgUnitId'] }, { columns: ['name'] }],
    refs: { orgUnitId: 'org_units' },
  },
  {
    name: 'position_assignments',
    columns: (d) => [
      ref('personId'),
      str('title', 64),
      ref('orgUnitId'),
      date(d, 'validFrom'),
      date(d, 'validTo', true),
    ],
    indices: [{ columns: ['personId'] }, { columns: ['orgUnitId', 'title'] }],
    refs: { personId: 'people', orgUnitId: 'org_units' },
  },
  {
    name: 'customers',
    columns: () => [
      str('name', 200),
      str('code', 64, true),
      str('tier', 1),
      ref('orgUnitId'),
      str('industry', 100, true),
    ],
    indices: [{ columns: ['code'], unique: true }, { columns: ['orgUnitId'] }, { columns: ['tier'] }],
    refs: { orgUnitId: 'org_units' },
  },
  {
    name: 'projects',
    columns: (d) => [
      str('externalRef', 128, true),
      str('name', 200),
      ref('customerId', true),
      ref('orgUnitId'),
      str('stage', 32),
      money('amountMinor'),
      str('currency', 3),
      str('grade', 3),
      json(d, 'gradeReasons', false),
      json(d, 'gradeCriteria'),
      text('gradeJustification'),
    ],
    indices: [
      { columns: ['externalRef'], unique: true },
      { columns: ['orgUnitId'] },
      { columns: ['customerId'] },
      { columns: ['grade', 'stage'] },
    ],
    refs: { customerId: 'customers', orgUnitId: 'org_units' },
  },
  {
    name: 'team_appointments',
    columns: (d) => [
      ref('projectId'),
      ref('personId'),
      str('role', 16),
      str('stage', 32, true),
      date(d, 'validFrom'),
      date(d, 'validTo', true),
      int('qualificationLevel', true),
      text('exceptionReason'),
      json(d, 'staffingCheck'),
    ],
    indices: [{ columns: ['projectId'] }, { columns: ['personId'] }],
    refs: { projectId: 'projects', personId: 'people' },
  },
  {
    name: 'role_models',
    columns: () => [str('role', 16), str('name', 200), str('nameZh', 200), text('description')],
    indices: [{ columns: ['role'], unique: true }],
  },
  {
    name: 'role_model_versions',
    columns: (d) => [
      ref('roleModelId'),
      int('versionNo'),
      str('status', 16),
      date(d, 'publishedAt', true),
      text('notes'),
    ],
    indices: [{ columns: ['roleModelId', 'versionNo'], unique: true }],
    refs: { roleModelId: 'role_models' },
  },
  {
    name: 'role_model_dimensions',
    columns: (d) => [
      ref('roleModelVersionId'),
      str('code', 32),
      str('name', 200),
      str('nameZh', 200),
      json(d, 'indicators', false),
      int('sortOrder', false, 0),
    ],
    indices: [{ columns: ['roleModelVersionId', 'code'], unique: true }],
    refs: { roleModelVersionId: 'role_model_versions' },
  },
  {
    name: 'qualification_frameworks',
    columns: () => [
      str('role', 16),
      ref('roleModelVersionId'),
      str('name', 200),
      int('validityMonths'),
      str('status', 16),
      bool('managerMayCertify', false),
    ],
    indices: [{ columns: ['role'] }, { columns: ['roleModelVersionId'] }],
    refs: { roleModelVersionId: 'role_model_versions' },
  },
  {
    name: 'qualification_levels',
    columns: () => [
      ref('frameworkId'),
      int('level'),
      str('name', 100),
      str('nameZh', 100),
      int('minTenureMonths', false, 0),
      int('minProjects', false, 0),
      str('gateMinimumRating', 4, true),
      int('gatePeriods', true),
    ],
    indices: [{ columns: ['frameworkId', 'level'], unique: true }],
    refs: { frameworkId: 'qualification_frameworks' },
  },
  {
    name: 'level_requirements',
    columns: () => [ref('levelId'), str('dimensionCode', 32), int('minProficiency')],
    indices: [{ columns: ['levelId', 'dimensionCode'], unique: true }],
    refs: { levelId: 'qualification_levels' },
  },
  {
    name: 'assessments',
    columns: (d) => [
      ref('personId'),
      str('role', 16),
      ref('frameworkId'),
      ref('roleModelVersionId'),
      str('kind', 16),
      ref('assessorId', true),
      date(d, 'assessedAt'),
      date(d, 'inRoleSince', true),
      int('completedProjects', false, 0),
      json(d, 'performance'),
      int('tenureMonths', true),
      bool('certifies', false),
      int('levelReached', true),
      date(d, 'validUntil', true),
      json(d, 'gap'),
      json(d, 'evaluation'),
      text('comment'),
    ],
    indices: [
      { columns: ['personId', 'role'] },
      { columns: ['frameworkId'] },
      { columns: ['assessedAt'] },
      { columns: ['validUntil'] },
    ],
    refs: {
      personId: 'people',
      frameworkId: 'qualification_frameworks',
      roleModelVersionId: 'role_model_versions',
      assessorId: 'people',
    },
  },
  {
    name: 'assessment_ratings',
    columns: () => [ref('assessmentId'), str('dimensionCode', 32), int('score'), text('evidence')],
    indices: [{ columns: ['assessmentId', 'dimensionCode'], unique: true }],
    refs: { assessmentId: 'assessments' },
  },
  {
    name: 'staffing_rules',
    columns: (d) => [
      str('role', 16),
      str('grade', 3),
      int('minLevel'),
      ref('orgUnitId', true),
      date(d, 'validFrom'),
      date(d, 'validTo', true),
      text('note'),
    ],
    indices: [{ columns: ['grade', 'role'] }],
    refs: { orgUnitId: 'org_units' },
  },
  {
    name: 'decision_bodies',
    columns: () => [str('name', 200), str('quorum', 200), str('grade', 3, true), ref('orgUnitId', true)],
    refs: { orgUnitId: 'org_units' },
  },
  {
    name: 'decision_body_seats',
    columns: (d) => [
      ref('decisionBodyId'),
      str('title', 64),
      json(d, 'alternativeTitles', false),
      bool('fixed', true),
      int('sortOrder', false, 0),
    ],
    indices: [{ columns: ['decisionBodyId'] }],
    refs: { decisionBodyId: 'decision_bodies' },
  },
  {
    name: 'authority_rules',
    columns: (d) => [
      str('name', 200),
      str('holderKind', 16),
      str('holderTitle', 64, true),
      ref('holderOrgUnitId', true),
      ref('decisionBodyId', true),
      str('holderRole', 16, true),
      json(d, 'decisionPoints', false),
      json(d, 'grades', false),
      ref('scopeOrgUnitId'),
      money('limitMinor', true),
      str('currency', 3),
      date(d, 'validFrom'),
      date(d, 'validTo', true),
      int('delegableDepth', false, 0),
    ],
    indices: [{ columns: ['scopeOrgUnitId'] }, { columns: ['holderTitle', 'holderOrgUnitId'] }],
    refs: { holderOrgUnitId: 'org_units', decisionBodyId: 'decision_bodies', scopeOrgUnitId: 'org_units' },
  },
  {
    name: 'delegations',
    columns: (d) => [
      ref('sourceRuleId', true),
      ref('sourceDelegationId', true),
      ref('delegatorId'),
      ref('delegateId'),
      json(d, 'decisionPoints', false),
      json(d, 'grades', false),
      ref('scopeOrgUnitId'),
      money('limitMinor', true),
      str('currency', 3),
      date(d, 'validFrom'),
      date(d, 'validTo', true),
      int('redelegableDepth', false, 0),
      str('requiredRole', 16, true),
      int('requiredLevel', true),
      text('reason', false),
      date(d, 'revokedAt', true),
      text('revokeReason'),
    ],
    indices: [
      { columns: ['delegatorId'] },
      { columns: ['delegateId'] },
      { columns: ['sourceRuleId'] },
      { columns: ['sourceDelegationId'] },
    ],
    refs: {
      sourceRuleId: 'authority_rules',
      sourceDelegationId: 'delegations',
      delegatorId: 'people',
      delegateId: 'people',
      scopeOrgUnitId: 'org_units',
    },
  },
  {
    name: 'decisions',
    columns: (d) => [
      ref('projectId'),
      str('decisionPoint', 16),
      str('outcome', 16),
      ref('deciderId'),
      date(d, 'decidedAt'),
      json(d, 'chain', false),
      bool('complete', false),
      text('comment'),
      str('idempotencyKey', 128),
    ],
    indices: [{ columns: ['idempotencyKey'], unique: true }, { columns: ['projectId'] }, { columns: ['deciderId'] }],
    refs: { projectId: 'projects', deciderId: 'people' },
  },
  {
    name: 'incentive_pools',
    columns: (d) => [
      str('name', 200),
      str('status', 16),
      str('currency', 3),
      str('teamKind', 16),
      ref('projectId', true),
      ref('orgUnitId'),
      date(d, 'periodFrom'),
      date(d, 'periodTo'),
      money('baseAmountMinor'),
      money('fundedAmountMinor', true),
      str('attainmentGate', 16, false, { default: "'0.6'" }),
      str('capMultiplier', 16, false, { default: "'2'" }),
      str('acceleration', 16, false, { default: "'1.5'" }),
      json(d, 'fundingTrace'),
      json(d, 'allocationTrace'),
    ],
    indices: [{ columns: ['orgUnitId'] }, { columns: ['projectId'] }, { columns: ['status'] }],
    refs: { projectId: 'projects', orgUnitId: 'org_units' },
  },
  {
    name: 'pool_metrics',
    columns: () => [
      ref('poolId'),
      str('metric', 16),
      str('currency', 3),
      money('targetMinor'),
      money('actualMinor'),
      str('weight', 16),
    ],
    indices: [{ columns: ['poolId', 'metric'], unique: true }],
    refs: { poolId: 'incentive_pools' },
  },
  {
    name: 'pool_members',
    columns: () => [
      ref('poolId'),
      ref('personId'),
      str('role', 16),
      str('weight', 16),
      str('coefficient', 16),
      str('participation', 16),
      str('currency', 3),
      money('shareMinor', true),
    ],
    indices: [{ columns: ['poolId'] }, { columns: ['personId'] }],
    refs: { poolId: 'incentive_pools', personId: 'people' },
  },
  {
    name: 'users',
    columns: (d) => [
      str('email', 200),
      str('passwordHash', 255),
      str('role', 16),
      ref('personId', true),
      date(d, 'lastLoginAt', true),
      date(d, 'archivedAt', true),
    ],
    indices: [{ columns: ['email'], unique: true }],
    refs: { personId: 'people' },
  },
  {
    name: 'api_tokens',
    columns: (d) => [
      str('name', 200),
      str('tokenHash', 64),
      json(d, 'scopes', false),
      ref('createdById', true),
      date(d, 'expiresAt', true),
      date(d, 'revokedAt', true),
      str('revokeReason', 500, true),
    ],
    refs: { createdById: 'users' },
  },
  {
    name: 'audit_entries',
    columns: (d) => [
      date(d, 'at'),
      str('actorKind', 16),
      ref('actorId', true),
      str('actorLabel', 200, true),
      str('action', 32),
      str('entityType', 64),
      str('entityId', 64, true),
      json(d, 'before'),
      json(d, 'after'),
      text('note'),
      str('requestId', 64),
    ],
    indices: [{ columns: ['entityType', 'entityId'] }, { columns: ['at'] }, { columns: ['actorKind', 'actorId'] }],
  },
];

function shortName(prefix: string, table: string, columns: string[]): string {
  // MySQL limits identifiers to 64 characters.
  return `${prefix}_${table}_${columns.join('_')}`.slice(0, 64);
}

export class InitialSchema1764400000000 implements MigrationInterface {
  name = 'InitialSchema1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d: Dialect = { mysql: queryRunner.connection.driver.options.type === 'mysql' };
    // Names are Chinese and English: every table below inherits utf8mb4 (MariaDB may default to latin1).
    if (d.mysql) await queryRunner.query('ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    for (const spec of TABLES) {
      // Foreign keys go with the table: SQLite cannot add one later without rebuilding the table.
      await queryRunner.createTable(
        new Table({
          name: spec.name,
          columns: [idCol(), ...spec.columns(d), ...base(d)],
          foreignKeys: Object.entries(spec.refs ?? {}).map(
            ([column, referenced]) =>
              new TableForeignKey({
                name: shortName('fk', spec.name, [column]),
                columnNames: [column],
                referencedTableName: referenced,
                referencedColumnNames: ['id'],
                onDelete: 'RESTRICT',
              }),
          ),
          ...(d.mysql ? { engine: 'InnoDB' } : {}),
        }),
        true,
        true,
      );
      for (const index of spec.indices ?? []) {
        await queryRunner.createIndex(
          spec.name,
          new TableIndex({
            name: shortName(index.unique ? 'uq' : 'ix', spec.name, index.columns),
            columnNames: index.columns,
            isUnique: index.unique ?? false,
          }),
        );
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // SQLite empties a table before dropping it, row by row: check the foreign keys only at commit, when all are gone.
    if (queryRunner.connection.driver.options.type !== 'mysql')
      await queryRunner.query('PRAGMA defer_foreign_keys = ON');
    for (const spec of [...TABLES].reverse()) {
      await queryRunner.dropTable(spec.name, true, true, true);
    }
  }
}
