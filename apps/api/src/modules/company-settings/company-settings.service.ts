// The settings as the rules read them: the row, or the defaults while there is none.
import {
  CompanySettings as Settings,
  DEFAULT_COMPANY_SETTINGS,
  LeadSizeThresholds,
  ProjectGrade,
} from '@iron-triangle/domain';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../platform/context';
import { CompanySettings, SETTINGS_ID, StoredLeadSizeThresholds } from './company-settings.entity';

/** The thresholds as stored (minor units as decimal strings), or the defaults while none are. */
export function thresholdsOf(stored: StoredLeadSizeThresholds | null | undefined): LeadSizeThresholds {
  if (!stored) return DEFAULT_COMPANY_SETTINGS.leadSizeThresholds;
  return {
    currency: stored.currency,
    companyMajor: BigInt(stored.companyMajor),
    major: BigInt(stored.major),
    important: BigInt(stored.important),
  };
}

export function storedThresholds(t: LeadSizeThresholds): StoredLeadSizeThresholds {
  return {
    currency: t.currency,
    companyMajor: t.companyMajor.toString(),
    major: t.major.toString(),
    important: t.important.toString(),
  };
}

export function toSettings(
  row: Pick<CompanySettings, Exclude<keyof Settings, 'stageProbabilities' | 'leadSizeThresholds'>> &
    Partial<Pick<CompanySettings, 'stageProbabilities' | 'leadSizeThresholds'>>,
): Settings {
  return {
    materialChangeShare: row.materialChangeShare,
    sponsorConflictOfInterest: !!row.sponsorConflictOfInterest,
    requireDecisionMakerForAti: row.requireDecisionMakerForAti === undefined ? true : !!row.requireDecisionMakerForAti,
    decisionDueDays: {
      ...DEFAULT_COMPANY_SETTINGS.decisionDueDays,
      ...(row.decisionDueDays as Record<ProjectGrade, number>),
    },
    stageProbabilities: { ...DEFAULT_COMPANY_SETTINGS.stageProbabilities, ...(row.stageProbabilities ?? {}) },
    leadSizeThresholds: thresholdsOf(row.leadSizeThresholds),
  };
}

const REQUEST_SETTINGS = new WeakMap<Context, Promise<Settings>>();

/** The company settings a request reads outside a transaction (read once per request, e.g. for many fields). */
export function requestSettings(ctx: Context): Promise<Settings> {
  let settings = REQUEST_SETTINGS.get(ctx);
  if (!settings) {
    settings = companySettingsOf(ctx.db.manager);
    REQUEST_SETTINGS.set(ctx, settings);
  }
  return settings;
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
