// The company settings (one record): read by every signed-in user, changed by administrators at the version read.
// The form's values as typed, and the checks of their form (the rules themselves are the API's: it answers with
// SALES.STAGE_PROBABILITIES_INVALID, SALES.LEAD_THRESHOLDS_NOT_ORDERED, … for the field concerned).
import { gqlRequest } from '../graphql/client';

export const OPEN_STAGES = ['POTENTIAL', 'INTENT', 'NEGOTIATION'] as const;
export type OpenStage = (typeof OPEN_STAGES)[number];
export const GRADES = ['I', 'II', 'III'] as const;
export type Grade = (typeof GRADES)[number];
export const THRESHOLDS = ['companyMajor', 'major', 'important'] as const;
export type Threshold = (typeof THRESHOLDS)[number];

export interface CompanySettingsData {
  id: string;
  version: number;
  materialChangeShare: string;
  sponsorConflictOfInterest: boolean;
  requireDecisionMakerForAti: boolean;
  decisionDueDays: Record<Grade, number>;
  /** Whole percents per stage (DEAL 100 and LOST 0 always). */
  stageProbabilities: Record<OpenStage | 'DEAL' | 'LOST', number>;
  leadSizeThresholds: Record<Threshold, string> & { currency: string };
}

const FIELDS =
  'id version materialChangeShare sponsorConflictOfInterest requireDecisionMakerForAti decisionDueDays { I II III } ' +
  'stageProbabilities { POTENTIAL INTENT NEGOTIATION DEAL LOST } ' +
  'leadSizeThresholds { currency companyMajor major important }';

export async function fetchCompanySettings(): Promise<CompanySettingsData> {
  return (await gqlRequest<{ companySettings: CompanySettingsData }>(`{ companySettings { ${FIELDS} } }`))
    .companySettings;
}

export interface CompanySettingsInput {
  materialChangeShare: string;
  sponsorConflictOfInterest: boolean;
  requireDecisionMakerForAti: boolean;
  decisionDueDays: Record<Grade, number>;
  stageProbabilities: Record<OpenStage, number>;
  leadSizeThresholds: Record<Threshold, string> & { currency: string };
}

export async function saveCompanySettings(input: CompanySettingsInput, version: number): Promise<CompanySettingsData> {
  return (
    await gqlRequest<{ updateCompanySettings: CompanySettingsData }>(
      `mutation ($input: CompanySettingsInput!, $version: Int!) {
        updateCompanySettings(input: $input, version: $version) { ${FIELDS} } }`,
      { input, version },
    )
  ).updateCompanySettings;
}

/** The form: every value as typed. */
export interface SettingsDraft {
  materialChangeShare: string;
  sponsorConflictOfInterest: boolean;
  requireDecisionMakerForAti: boolean;
  decisionDueDays: Record<Grade, string>;
  /** Percents as typed ("30", "30 %"). */
  stageProbabilities: Record<OpenStage, string>;
  leadSizeThresholds: Record<Threshold, string> & { currency: string };
}

export function draftOf(s: CompanySettingsData): SettingsDraft {
  return {
    materialChangeShare: s.materialChangeShare,
    sponsorConflictOfInterest: s.sponsorConflictOfInterest,
    requireDecisionMakerForAti: s.requireDecisionMakerForAti,
    decisionDueDays: {
      I: String(s.decisionDueDays.I),
      II: String(s.decisionDueDays.II),
      III: String(s.decisionDueDays.III),
    },
    stageProbabilities: {
      POTENTIAL: String(s.stageProbabilities.POTENTIAL),
      INTENT: String(s.stageProbabilities.INTENT),
      NEGOTIATION: String(s.stageProbabilities.NEGOTIATION),
    },
    leadSizeThresholds: { ...s.leadSizeThresholds },
  };
}

/** A probability typed in percent ("30", "30%", "30 %", "30.0"): the whole percent, or null when it is not one. */
export function parsePercent(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:[.,]0*)?\s*%?\s*$/.exec(text);
  if (!m) return null;
  const value = Number(m[1]);
  return value <= 100 ? value : null;
}

/** Whole days 1–90, or null. */
export function parseDays(text: string): number | null {
  if (!/^\s*\d{1,2}\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 && value <= 90 ? value : null;
}

/** An amount as the API takes it (a plain decimal string, thousands separators dropped), or null. */
export function parseAmount(text: string): string | null {
  const plain = text.replace(/[\s,_]/g, '');
  return /^\d+(\.\d+)?$/.test(plain) ? plain : null;
}

/** Field → message key of the form's own checks (what the API could not read at all). */
export type DraftErrors = Record<string, string>;

/** The input to send, or the fields whose value is not of the form asked for. */
export function inputOf(draft: SettingsDraft): { input: CompanySettingsInput } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  const stageProbabilities = {} as Record<OpenStage, number>;
  for (const stage of OPEN_STAGES) {
    const value = parsePercent(draft.stageProbabilities[stage]);
    if (value === null) errors[`stageProbabilities.${stage}`] = 'companySettings.invalid.percent';
    else stageProbabilities[stage] = value;
  }
  const decisionDueDays = {} as Record<Grade, number>;
  for (const grade of GRADES) {
    const value = parseDays(draft.decisionDueDays[grade]);
    if (value === null) errors[`decisionDueDays.${grade}`] = 'companySettings.invalid.days';
    else decisionDueDays[grade] = value;
  }
  const thresholds = { currency: draft.leadSizeThresholds.currency.trim().toUpperCase() } as Record<
    Threshold,
    string
  > & { currency: string };
  if (!/^[A-Z]{3}$/.test(thresholds.currency))
    errors['leadSizeThresholds.currency'] = 'companySettings.invalid.currency';
  for (const key of THRESHOLDS) {
    const value = parseAmount(draft.leadSizeThresholds[key]);
    if (value === null) errors[`leadSizeThresholds.${key}`] = 'companySettings.invalid.amount';
    else thresholds[key] = value;
  }
  if (Object.keys(errors).length) return { errors };
  return {
    input: {
      materialChangeShare: draft.materialChangeShare.trim().replace(/\s*%$/, ''),
      sponsorConflictOfInterest: draft.sponsorConflictOfInterest,
      requireDecisionMakerForAti: draft.requireDecisionMakerForAti,
      decisionDueDays,
      stageProbabilities,
      leadSizeThresholds: thresholds,
    },
  };
}
