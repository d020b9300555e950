// Every value of every enum the API's schema declares has words in both languages (no raw codes on screen).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { en } from './en';
import { zhCN } from './zh-CN';
import type { EnumName } from '../components/fields';

/** The schema's enums and their values (descriptions and comments skipped). */
export function schemaEnums(sdl: string): Map<string, string[]> {
  const withoutDescriptions = sdl.replace(/"""[\s\S]*?"""/g, '').replace(/"[^"\n]*"/g, '');
  const enums = new Map<string, string[]>();
  for (const m of withoutDescriptions.matchAll(/^enum (\w+) \{([^}]*)\}/gm)) {
    const values = m[2]!
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim())
      .filter((line) => /^[A-Z_][A-Z0-9_]*$/.test(line));
    enums.set(m[1]!, values);
  }
  return enums;
}

/** The portal's label group for each enum of the schema. */
const GROUP: Record<string, EnumName> = {
  AssessmentKind: 'AssessmentKind',
  CustomerTier: 'CustomerTier',
  DecisionOutcome: 'DecisionOutcome',
  DecisionPoint: 'DecisionPoint',
  DecisionRequestStatus: 'DecisionRequestStatus',
  DecisionRightVia: 'DecisionRightVia',
  HolderKind: 'HolderKind',
  ImportAction: 'ImportAction',
  ImportType: 'ImportType',
  InfluenceLevel: 'InfluenceLevel',
  LeadClass: 'LeadClass',
  LeadGrade: 'LeadGrade',
  LeadStatus: 'LeadStatus',
  OpportunityStage: 'OpportunityStage',
  DecisionRole: 'DecisionRole',
  LinkKind: 'LinkKind',
  NotificationKind: 'NotificationKind',
  PoolMetricKind: 'PoolMetricKind',
  PoolStatus: 'PoolStatus',
  ProjectGrade: 'ProjectGrade',
  ReassessmentStatus: 'ReassessmentStatus',
  RecipientVia: 'RecipientVia',
  RequestAction: 'RequestAction',
  TriangleRole: 'TriangleRole',
  UserRole: 'UserRole',
};

const sdl = readFileSync(join(__dirname, '../../../api/schema.graphql'), 'utf8');
const enums = schemaEnums(sdl);
const labels = (messages: object, group: string) =>
  ((messages as { enums: Record<string, Record<string, string>> }).enums[group] ?? {}) as Record<string, string>;

describe('enum labels', () => {
  it('reads the enums of the schema', () => {
    expect(enums.get('DecisionPoint')).toEqual(['ATAC', 'ATB', 'ATC', 'ATCC', 'ATI', 'POOL_APPROVAL']);
    expect(enums.size).toBeGreaterThanOrEqual(15);
  });

  it('maps every enum of the schema to a label group', () => {
    expect([...enums.keys()].filter((name) => !GROUP[name])).toEqual([]);
  });

  it('has a label for every value in English and Chinese, never the raw code in Chinese', () => {
    const missing: string[] = [];
    for (const [name, values] of enums) {
      const group = GROUP[name]!;
      for (const value of values) {
        const english = labels(en, group)[value];
        const chinese = labels(zhCN, group)[value];
        if (!english) missing.push(`en:${group}.${value}`);
        if (!chinese) missing.push(`zh-CN:${group}.${value}`);
        else if (chinese === value && /[A-Z]_|^[A-Z]{4,}$/.test(value)) missing.push(`zh-CN raw:${group}.${value}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names every position title, audit action and multiplier branch in both languages', () => {
    for (const group of ['PositionTitle', 'AuditAction', 'MultiplierBranch'] as const) {
      const english = Object.keys(labels(en, group));
      expect(english.length).toBeGreaterThan(3);
      expect(Object.keys(labels(zhCN, group))).toEqual(english);
      for (const key of english) expect(labels(zhCN, group)[key]).not.toMatch(/^[A-Z_]+$/);
    }
    expect(labels(zhCN, 'PositionTitle').BUSINESS_DEPT_CHIEF_ENGINEER).toBe('业务部总工');
    expect(labels(zhCN, 'MultiplierBranch').LINEAR).toBe('线性');
    expect(labels(zhCN, 'VersionStatus' as EnumName).PUBLISHED).toBe('已发布');
    expect(labels(zhCN, 'AuditAction').login).toBe('登录');
    // The overdue sweep's entries (decision requests passed up a level).
    expect(labels(zhCN, 'AuditAction').escalate).toBe('逾期升级');
  });
});
