// The customer's power map (权力地图, DOMAIN.md §4): each stakeholder's role in the decision, influence and attitude
// on the scale +3 (strong exclusive support) … −3 (strong opposition), kept as a history rather than overwritten;
// the attitude in force at a time passed in; and the warnings for key accounts where a decision maker is hostile
// (≤ −1) or not known, plus relationship-plan actions past due.
import { CUSTOMER_TIERS, CustomerTier } from '../ltc/ltc';
import { DomainError, Result, err, ok } from '../shared/result';
import type { LocalizedText } from '../shared/text';

export const ATTITUDES = [3, 2, 1, 0, -1, -2, -3] as const;
export type Attitude = (typeof ATTITUDES)[number];

export const ATTITUDE_CODES = [
  'STRONG_EXCLUSIVE_SUPPORT',
  'GOOD_BUSINESS_RELATIONSHIP',
  'WEAK_SUPPORT',
  'NEUTRAL',
  'WEAK_OPPOSITION',
  'NO_SUPPORT',
  'STRONG_OPPOSITION',
] as const;
export type AttitudeCode = (typeof ATTITUDE_CODES)[number];

export interface AttitudeMeaning {
  readonly value: Attitude;
  readonly code: AttitudeCode;
  readonly name: LocalizedText;
}

/** The scale of DOMAIN.md §4, from +3 down to −3. */
export const ATTITUDE_SCALE: readonly AttitudeMeaning[] = Object.freeze([
  { value: 3, code: 'STRONG_EXCLUSIVE_SUPPORT', name: { 'zh-CN': '强力排他支持', en: 'strong exclusive support' } },
  { value: 2, code: 'GOOD_BUSINESS_RELATIONSHIP', name: { 'zh-CN': '良好商业关系', en: 'good business relationship' } },
  { value: 1, code: 'WEAK_SUPPORT', name: { 'zh-CN': '弱支持', en: 'weak support' } },
  { value: 0, code: 'NEUTRAL', name: { 'zh-CN': '中立', en: 'neutral' } },
  { value: -1, code: 'WEAK_OPPOSITION', name: { 'zh-CN': '弱反对', en: 'weak opposition' } },
  { value: -2, code: 'NO_SUPPORT', name: { 'zh-CN': '不支持', en: 'no support' } },
  { value: -3, code: 'STRONG_OPPOSITION', name: { 'zh-CN': '强烈反对', en: 'strong opposition' } },
] as const);

export function isAttitude(value: unknown): value is Attitude {
  return typeof value === 'number' && (ATTITUDES as readonly number[]).includes(value);
}

export function attitudeMeaning(value: Attitude): AttitudeMeaning {
  return ATTITUDE_SCALE.find((m) => m.value === value) as AttitudeMeaning;
}

/** Hostile: weak opposition or worse (≤ −1). */
export function isHostile(value: Attitude): boolean {
  return value <= -1;
}

export const DECISION_ROLES = ['DECISION_MAKER', 'INFLUENCER', 'EVALUATOR', 'USER', 'GATEKEEPER'] as const;
export type DecisionRole = (typeof DECISION_ROLES)[number];

export const DECISION_ROLE_NAMES: Readonly<Record<DecisionRole, LocalizedText>> = Object.freeze({
  DECISION_MAKER: { 'zh-CN': '决策者', en: 'decision maker' },
  INFLUENCER: { 'zh-CN': '影响者', en: 'influencer' },
  EVALUATOR: { 'zh-CN': '评估者', en: 'evaluator' },
  USER: { 'zh-CN': '使用者', en: 'user' },
  GATEKEEPER: { 'zh-CN': '把关者', en: 'gatekeeper' },
});

export const INFLUENCE_LEVELS = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type InfluenceLevel = (typeof INFLUENCE_LEVELS)[number];

/** One recorded attitude; the history is kept, never overwritten. */
export interface AttitudeRecord {
  readonly attitude: Attitude;
  readonly at: Date;
}

/** The latest attitude recorded at or before `at` (the later record on a tie in time wins); null if none. */
export function attitudeAt(history: readonly AttitudeRecord[], at: Date): Attitude | null {
  let found: AttitudeRecord | null = null;
  for (const record of history) {
    if (record.at.getTime() > at.getTime()) continue;
    if (found === null || record.at.getTime() >= found.at.getTime()) found = record;
  }
  return found ? found.attitude : null;
}

export interface MappedStakeholder {
  readonly id: string;
  readonly role: DecisionRole;
  readonly attitudes: readonly AttitudeRecord[];
}

/** True when at least one decision maker is on the map (the ATI check, unless the company turns it off). */
export function hasDecisionMaker(stakeholders: readonly MappedStakeholder[]): boolean {
  return stakeholders.some((s) => s.role === 'DECISION_MAKER');
}

/** Tiers whose customers are key accounts by default. */
export const DEFAULT_KEY_ACCOUNT_TIERS: readonly CustomerTier[] = Object.freeze(
  CUSTOMER_TIERS.filter((t) => t === 'S' || t === 'A'),
);

export interface AccountMap {
  readonly customerId: string;
  readonly tier: CustomerTier | null;
  readonly stakeholders: readonly MappedStakeholder[];
}

export const ACCOUNT_WARNINGS = [
  'NO_DECISION_MAKER',
  'DECISION_MAKER_HOSTILE',
  'DECISION_MAKER_ATTITUDE_UNKNOWN',
] as const;
export type AccountWarningCode = (typeof ACCOUNT_WARNINGS)[number];

export interface AccountWarning {
  readonly customerId: string;
  /** In the order of ACCOUNT_WARNINGS. */
  readonly codes: AccountWarningCode[];
  /** The decision makers hostile (≤ −1) at `at`. */
  readonly hostile: string[];
  /** The decision makers with no attitude recorded by `at`. */
  readonly unknown: string[];
}

/**
 * The key accounts (tier in `keyTiers`, S and A by default) where no decision maker is mapped, or a decision maker
 * is hostile (≤ −1) or of unknown attitude at `at`; accounts in the order given, others left out.
 */
export function keyAccountWarnings(
  accounts: readonly AccountMap[],
  at: Date,
  keyTiers: readonly CustomerTier[] = DEFAULT_KEY_ACCOUNT_TIERS,
): AccountWarning[] {
  const warnings: AccountWarning[] = [];
  for (const account of accounts) {
    if (account.tier === null || !keyTiers.includes(account.tier)) continue;
    const makers = account.stakeholders.filter((s) => s.role === 'DECISION_MAKER');
    const hostile: string[] = [];
    const unknown: string[] = [];
    for (const maker of makers) {
      const attitude = attitudeAt(maker.attitudes, at);
      if (attitude === null) unknown.push(maker.id);
      else if (isHostile(attitude)) hostile.push(maker.id);
    }
    const codes: AccountWarningCode[] = [];
    if (makers.length === 0) codes.push('NO_DECISION_MAKER');
    if (hostile.length > 0) codes.push('DECISION_MAKER_HOSTILE');
    if (unknown.length > 0) codes.push('DECISION_MAKER_ATTITUDE_UNKNOWN');
    if (codes.length > 0) warnings.push({ customerId: account.customerId, codes, hostile, unknown });
  }
  return warnings;
}

export interface PlanAction {
  readonly id: string;
  readonly dueDate: Date;
  readonly doneAt?: Date | null;
}

/** Actions of a relationship plan not done by `at` and due before it, the longest overdue first (then by id). */
export function overduePlanActions<A extends PlanAction>(actions: readonly A[], at: Date): A[] {
  return actions
    .filter((a) => (!a.doneAt || a.doneAt.getTime() > at.getTime()) && a.dueDate.getTime() < at.getTime())
    .sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type AtiDecisionMakerError = DomainError<'SALES.NO_DECISION_MAKER_MAPPED', { opportunityId: string }>;

/**
 * ATI on a project whose opportunity has no decision maker on its power map is refused, unless the company turned
 * the check off (`required` false). A project without an opportunity is not checked.
 */
export function checkDecisionMakerForAti(
  opportunity: { readonly id: string; readonly stakeholders: readonly MappedStakeholder[] } | null,
  required: boolean,
): Result<true, AtiDecisionMakerError> {
  if (!required || opportunity === null || hasDecisionMaker(opportunity.stakeholders)) return ok(true);
  return err({ code: 'SALES.NO_DECISION_MAKER_MAPPED', data: { opportunityId: opportunity.id } });
}

export type ReportsToError =
  | DomainError<'SALES.REPORTS_TO_SELF', { stakeholderId: string }>
  | DomainError<'SALES.REPORTS_TO_UNKNOWN', { stakeholderId: string; reportsTo: string }>
  | DomainError<'SALES.REPORTS_TO_CYCLE', { stakeholderId: string; cycle: string[] }>;

/**
 * Whether `stakeholderId` may report to `reportsTo` on a map whose current lines are `lines` (stakeholder → the one
 * they report to, null at the top): not to themselves, only to someone on the map, and never in a circle (the
 * org chart of the customer must stay a tree). `cycle` runs from the stakeholder back to them.
 */
export function checkReportsTo(
  lines: ReadonlyMap<string, string | null>,
  stakeholderId: string,
  reportsTo: string | null,
): Result<true, ReportsToError> {
  if (reportsTo === null) return ok(true);
  if (reportsTo === stakeholderId) return err({ code: 'SALES.REPORTS_TO_SELF', data: { stakeholderId } });
  if (!lines.has(reportsTo)) return err({ code: 'SALES.REPORTS_TO_UNKNOWN', data: { stakeholderId, reportsTo } });
  const path = [stakeholderId];
  const seen = new Set<string>(path);
  for (let next: string | null | undefined = reportsTo; next != null; next = lines.get(next)) {
    path.push(next);
    if (next === stakeholderId) return err({ code: 'SALES.REPORTS_TO_CYCLE', data: { stakeholderId, cycle: path } });
    if (seen.has(next)) break; // an old circle elsewhere on the map, not through this stakeholder
    seen.add(next);
  }
  return ok(true);
}
