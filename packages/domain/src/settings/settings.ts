// The company's settings: one record of policy choices the rules read (the material share of a project change, who
// on a project's team has a conflict of interest, how long a decision may wait), with their defaults and checks.
import { DEFAULT_CONFLICT_ROLES } from '../authorization/types';
import { PROJECT_GRADES, ProjectGrade } from '../ltc/ltc';
import type { TriangleRole } from '../roles/roles';
import {
  DEFAULT_LEAD_SIZE_THRESHOLDS,
  LeadSizeThresholds,
  LeadThresholdError,
  validateLeadSizeThresholds,
} from '../sales/lead';
import {
  DEFAULT_STAGE_PROBABILITIES,
  StageProbabilities,
  StageProbabilityError,
  validateStageProbabilities,
} from '../sales/opportunity';
import { DomainError, Result, err, ok } from '../shared/result';

export interface CompanySettings {
  /**
   * A project change that raises the amount by more than this share, in percent, of the amount an approval was
   * taken at is material: it reopens the approval (a decimal string, 0 < share ≤ 100; default "10").
   */
  readonly materialChangeShare: string;
  /** The project's Sponsor has a conflict of interest too (default false: only AR, SR, FR and core members). */
  readonly sponsorConflictOfInterest: boolean;
  /** How many calendar days a decision request may wait, per project grade (1–90). */
  readonly decisionDueDays: Readonly<Record<ProjectGrade, number>>;
  /**
   * ATI on a project whose opportunity has no decision maker on its power map is refused (default true; the company
   * may turn the check off).
   */
  readonly requireDecisionMakerForAti: boolean;
  /** The probability of each opportunity stage, in whole percent: the weights of the funnel's forecasts. */
  readonly stageProbabilities: StageProbabilities;
  /** The size thresholds that grade leads, and opportunities made without a lead (one currency, minor units). */
  readonly leadSizeThresholds: LeadSizeThresholds;
}

export const DEFAULT_COMPANY_SETTINGS: CompanySettings = Object.freeze({
  materialChangeShare: '10',
  sponsorConflictOfInterest: false,
  decisionDueDays: Object.freeze({ I: 10, II: 5, III: 3 }),
  requireDecisionMakerForAti: true,
  stageProbabilities: DEFAULT_STAGE_PROBABILITIES,
  leadSizeThresholds: DEFAULT_LEAD_SIZE_THRESHOLDS,
});

export const MATERIAL_CHANGE_SHARE_MAX = '100';
export const DECISION_DUE_DAYS_MIN = 1;
export const DECISION_DUE_DAYS_MAX = 90;

export type CompanySettingsError =
  | DomainError<'SETTINGS.MATERIAL_CHANGE_SHARE_NOT_A_NUMBER', { readonly value: string }>
  | DomainError<
      'SETTINGS.MATERIAL_CHANGE_SHARE_OUT_OF_RANGE',
      { readonly value: string; readonly min: string; readonly max: string }
    >
  | DomainError<
      'SETTINGS.DECISION_DUE_DAYS_OUT_OF_RANGE',
      { readonly grade: ProjectGrade; readonly value: number; readonly min: number; readonly max: number }
    >
  | StageProbabilityError
  | LeadThresholdError;

/** A plain decimal with at most 4 fraction digits ("10", "12.5"): nothing a float or an exponent could blur. */
const SHARE = /^\d{1,3}(\.\d{1,4})?$/;

/** The share as ten-thousandths of a percent, for an exact range check. */
function shareUnits(share: string): bigint {
  const [whole = '0', fraction = ''] = share.split('.');
  return BigInt(whole + fraction.padEnd(4, '0'));
}

/**
 * Checks settings as a whole, every problem at once (each with its stable code and the data a message needs). The
 * share is normalised ("010.50" → "10.5").
 */
export function validateCompanySettings(settings: CompanySettings): Result<CompanySettings, CompanySettingsError[]> {
  const errors: CompanySettingsError[] = [];
  let share = settings.materialChangeShare.trim();
  if (!SHARE.test(share)) {
    errors.push({ code: 'SETTINGS.MATERIAL_CHANGE_SHARE_NOT_A_NUMBER', data: { value: settings.materialChangeShare } });
  } else {
    const units = shareUnits(share);
    if (units <= 0n || units > shareUnits(MATERIAL_CHANGE_SHARE_MAX))
      errors.push({
        code: 'SETTINGS.MATERIAL_CHANGE_SHARE_OUT_OF_RANGE',
        data: { value: settings.materialChangeShare, min: '0', max: MATERIAL_CHANGE_SHARE_MAX },
      });
    const whole = units / 10_000n;
    const fraction = (units % 10_000n).toString().padStart(4, '0').replace(/0+$/, '');
    share = fraction === '' ? whole.toString() : `${whole}.${fraction}`;
  }
  const due: Record<ProjectGrade, number> = { ...settings.decisionDueDays };
  for (const grade of PROJECT_GRADES) {
    const value = settings.decisionDueDays[grade];
    if (!Number.isInteger(value) || value < DECISION_DUE_DAYS_MIN || value > DECISION_DUE_DAYS_MAX)
      errors.push({
        code: 'SETTINGS.DECISION_DUE_DAYS_OUT_OF_RANGE',
        data: { grade, value, min: DECISION_DUE_DAYS_MIN, max: DECISION_DUE_DAYS_MAX },
      });
  }
  const probabilities = validateStageProbabilities(settings.stageProbabilities);
  if (!probabilities.ok) errors.push(probabilities.error);
  const thresholds = validateLeadSizeThresholds(settings.leadSizeThresholds);
  if (!thresholds.ok) errors.push(thresholds.error);
  if (errors.length > 0) return err(errors);
  return ok({
    materialChangeShare: share,
    sponsorConflictOfInterest: settings.sponsorConflictOfInterest,
    decisionDueDays: due,
    requireDecisionMakerForAti: settings.requireDecisionMakerForAti,
    stageProbabilities: { ...settings.stageProbabilities },
    leadSizeThresholds: { ...settings.leadSizeThresholds },
  });
}

/** The team roles with a conflict of interest under these settings: the default ones, and the Sponsor when set. */
export function conflictRolesOf(settings: Pick<CompanySettings, 'sponsorConflictOfInterest'>): readonly TriangleRole[] {
  return settings.sponsorConflictOfInterest ? [...DEFAULT_CONFLICT_ROLES, 'SPONSOR'] : DEFAULT_CONFLICT_ROLES;
}
