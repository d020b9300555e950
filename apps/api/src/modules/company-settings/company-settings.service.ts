// The settings as the rules read them: the row, or the defaults while there is none.
import { CompanySettings as Settings, DEFAULT_COMPANY_SETTINGS, ProjectGrade } from '@iron-triangle/domain';
import type { EntityManager } from 'typeorm';
import { CompanySettings, SETTINGS_ID } from './company-settings.entity';

export function toSettings(row: Pick<CompanySettings, keyof Settings>): Settings {
  return {
    materialChangeShare: row.materialChangeShare,
    sponsorConflictOfInterest: !!row.sponsorConflictOfInterest,
    requireDecisionMakerForAti: row.requireDecisionMakerForAti === undefined ? true : !!row.requireDecisionMakerForAti,
    decisionDueDays: {
      ...DEFAULT_COMPANY_SETTINGS.decisionDueDays,
      ...(row.decisionDueDays as Record<ProjectGrade, number>),
    },
  };
}

/** The company settings as `em` sees them (in a transaction: as it sees them). */
export async function companySettingsOf(em: EntityManager): Promise<Settings> {
  const row = await em.findOneBy(CompanySettings, { id: SETTINGS_ID });
  return row ? toSettings(row) : DEFAULT_COMPANY_SETTINGS;
}

/**
 * A subquery that reads the Sponsor setting beside other columns (a project case rides it along: no statement of its
 * own); 0 while there is no settings row.
 */
export const SPONSOR_CONFLICT_SUBQUERY =
  '(SELECT company_settings.sponsorConflictOfInterest FROM company_settings ' +
  `WHERE company_settings.id = ${SETTINGS_ID})`;
