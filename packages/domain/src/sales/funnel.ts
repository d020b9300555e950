// The sales funnel and forecasts (DOMAIN.md §4), pure: counts and amounts per stage and grade, conversion between
// stages, and forecasts weighted by stage probability — short (3 months: orders, revenue, collection), mid (the
// next 12 months) and long (from 1 to 3 years ahead) — over the opportunities given, as of `at` (passed in).
// Money is bigint minor units in one currency; a weighted sum is rounded once, half up, at the end.
import { Money } from '../money/money';
import { DomainError, Result, err, ok } from '../shared/result';
import { addMonthsUtc } from '../time/window';
import { LEAD_GRADES, LeadGrade } from './lead';
import {
  DEFAULT_STAGE_PROBABILITIES,
  FUNNEL_STAGES,
  FunnelStage,
  OPPORTUNITY_STAGES,
  OpportunityStage,
  StageProbabilities,
  isClosedStage,
} from './opportunity';

export interface FunnelOpportunity {
  readonly id: string;
  readonly stage: OpportunityStage;
  /** The furthest funnel stage reached, for conversion; by default the stage (POTENTIAL for a lost one). */
  readonly furthestStage?: FunnelStage | null;
  readonly grade: LeadGrade;
  /** The expected amount (never negative). */
  readonly amount: Money;
  /** The expected close (order) date. */
  readonly closeDate: Date;
  /** Whole percent set on the opportunity, in place of its stage's probability while it is open. */
  readonly probability?: number | null;
  /** When revenue is expected; the close date when not given. */
  readonly revenueDate?: Date | null;
  /** When the money is expected in; the close date when not given. */
  readonly collectionDate?: Date | null;
}

export interface FunnelOptions {
  readonly at: Date;
  readonly currency: string;
  readonly stageProbabilities?: StageProbabilities;
}

export interface FunnelCell {
  readonly count: number;
  readonly amount: Money;
}

export interface StageCell extends FunnelCell {
  readonly stage: OpportunityStage;
  /** The amount weighted by probability. */
  readonly weighted: Money;
}

export interface GradeCell extends FunnelCell {
  readonly grade: LeadGrade;
}

export interface StageGradeCell extends FunnelCell {
  readonly stage: OpportunityStage;
  readonly grade: LeadGrade;
}

export interface StageConversion {
  readonly from: FunnelStage;
  readonly to: FunnelStage;
  /** Opportunities that reached `from` (or further). */
  readonly reached: number;
  /** Of those, the ones that reached `to` (or further). */
  readonly advanced: number;
  /** advanced / reached in percent, one decimal rounded half up ("66.7", "50"); null when none reached `from`. */
  readonly percent: string | null;
}

/** Weighted amounts whose date falls in [from, to). */
export interface Forecast {
  readonly from: Date;
  readonly to: Date;
  readonly orders: Money;
  readonly revenue: Money;
  readonly collection: Money;
}

export interface SalesFunnel {
  readonly at: Date;
  readonly currency: string;
  readonly total: FunnelCell;
  /** Every stage, in the order of OPPORTUNITY_STAGES, zeros included. */
  readonly byStage: StageCell[];
  /** Every grade, in the order of LEAD_GRADES, zeros included. */
  readonly byGrade: GradeCell[];
  /** Every stage × grade, stage-major, zeros included. */
  readonly byStageAndGrade: StageGradeCell[];
  /** potential → intent, intent → negotiation, negotiation → deal. */
  readonly conversion: StageConversion[];
  readonly forecasts: {
    /** [at, at + 3 months). */
    readonly shortTerm: Forecast;
    /** [at, at + 12 months). */
    readonly annual: Forecast;
    /** [at + 12 months, at + 36 months). */
    readonly longTerm: Forecast;
  };
  /** Open opportunities whose close date is already past. */
  readonly overdue: FunnelCell;
}

export type FunnelError =
  | DomainError<'MONEY.CURRENCY_MISMATCH', { left: string; right: string; id: string }>
  | DomainError<'SALES.AMOUNT_NEGATIVE', { id: string }>
  | DomainError<'SALES.PROBABILITY_INVALID', { id: string; value: number }>
  | DomainError<'SALES.FURTHEST_STAGE_BEHIND', { id: string; stage: OpportunityStage; furthestStage: FunnelStage }>;

/** The furthest funnel stage in a stage history (POTENTIAL for an empty one or one of LOST alone). */
export function furthestStageOf(history: readonly OpportunityStage[]): FunnelStage {
  let furthest = 0;
  for (const stage of history) {
    const index = FUNNEL_STAGES.indexOf(stage as FunnelStage);
    if (index > furthest) furthest = index;
  }
  return FUNNEL_STAGES[furthest] as FunnelStage;
}

/** round(x / 100), half up, for x ≥ 0. */
function hundredths(x: bigint): bigint {
  return (x + 50n) / 100n;
}

function ratio(advanced: number, reached: number): string | null {
  if (reached === 0) return null;
  const a = BigInt(advanced);
  const r = BigInt(reached);
  const tenths = (a * 2000n + r) / (2n * r);
  const rest = tenths % 10n;
  return rest === 0n ? (tenths / 10n).toString() : `${tenths / 10n}.${rest}`;
}

interface Checked {
  readonly opportunity: FunnelOpportunity;
  readonly furthest: FunnelStage;
  readonly probability: number;
}

function check(o: FunnelOpportunity, options: FunnelOptions, p: StageProbabilities): Result<Checked, FunnelError> {
  const { id } = o;
  if (o.amount.currency !== options.currency) {
    return err({ code: 'MONEY.CURRENCY_MISMATCH', data: { left: options.currency, right: o.amount.currency, id } });
  }
  if (o.amount.minor < 0n) return err({ code: 'SALES.AMOUNT_NEGATIVE', data: { id } });
  const own = o.probability;
  if (own !== null && own !== undefined && (!Number.isInteger(own) || own < 0 || own > 100)) {
    return err({ code: 'SALES.PROBABILITY_INVALID', data: { id, value: own } });
  }
  const current = FUNNEL_STAGES.indexOf(o.stage as FunnelStage);
  const furthest = o.furthestStage ?? (current >= 0 ? (o.stage as FunnelStage) : 'POTENTIAL');
  if (FUNNEL_STAGES.indexOf(furthest) < current) {
    return err({ code: 'SALES.FURTHEST_STAGE_BEHIND', data: { id, stage: o.stage, furthestStage: furthest } });
  }
  const probability = isClosedStage(o.stage) || own === null || own === undefined ? p[o.stage] : own;
  return ok({ opportunity: o, furthest, probability });
}

function inWindow(date: Date, from: Date, to: Date): boolean {
  const t = date.getTime();
  return from.getTime() <= t && t < to.getTime();
}

function forecast(items: readonly Checked[], from: Date, to: Date, currency: string): Forecast {
  let orders = 0n;
  let revenue = 0n;
  let collection = 0n;
  for (const { opportunity: o, probability } of items) {
    const weight = o.amount.minor * BigInt(probability);
    if (inWindow(o.closeDate, from, to)) orders += weight;
    if (inWindow(o.revenueDate ?? o.closeDate, from, to)) revenue += weight;
    if (inWindow(o.collectionDate ?? o.closeDate, from, to)) collection += weight;
  }
  return {
    from,
    to,
    orders: { minor: hundredths(orders), currency },
    revenue: { minor: hundredths(revenue), currency },
    collection: { minor: hundredths(collection), currency },
  };
}

/**
 * The funnel over the opportunities given (the caller picks them: org subtree, period). Refused on the first
 * opportunity in another currency, with a negative amount, an own probability outside 0..100 or a furthest stage
 * behind its stage. Won deals weigh 100 %, lost ones 0 %, open ones their own probability or their stage's.
 */
export function salesFunnel(
  opportunities: readonly FunnelOpportunity[],
  options: FunnelOptions,
): Result<SalesFunnel, FunnelError> {
  const p = options.stageProbabilities ?? DEFAULT_STAGE_PROBABILITIES;
  const { at, currency } = options;
  const items: Checked[] = [];
  for (const o of opportunities) {
    const checked = check(o, options, p);
    if (!checked.ok) return checked;
    items.push(checked.value);
  }
  const money = (minor: bigint): Money => ({ minor, currency });
  const cell = (list: readonly Checked[]): FunnelCell => ({
    count: list.length,
    amount: money(list.reduce((sum, c) => sum + c.opportunity.amount.minor, 0n)),
  });

  const byStage = OPPORTUNITY_STAGES.map((stage): StageCell => {
    const list = items.filter((c) => c.opportunity.stage === stage);
    const weighted = list.reduce((sum, c) => sum + c.opportunity.amount.minor * BigInt(c.probability), 0n);
    return { stage, ...cell(list), weighted: money(hundredths(weighted)) };
  });
  const byGrade = LEAD_GRADES.map((grade): GradeCell => ({
    grade,
    ...cell(items.filter((c) => c.opportunity.grade === grade)),
  }));
  const byStageAndGrade = OPPORTUNITY_STAGES.flatMap((stage) =>
    LEAD_GRADES.map((grade): StageGradeCell => ({
      stage,
      grade,
      ...cell(items.filter((c) => c.opportunity.stage === stage && c.opportunity.grade === grade)),
    })),
  );
  const reachedAtLeast = (stage: FunnelStage) =>
    items.filter((c) => FUNNEL_STAGES.indexOf(c.furthest) >= FUNNEL_STAGES.indexOf(stage)).length;
  const conversion = FUNNEL_STAGES.slice(1).map((to, i): StageConversion => {
    const from = FUNNEL_STAGES[i] as FunnelStage;
    const reached = reachedAtLeast(from);
    const advanced = reachedAtLeast(to);
    return { from, to, reached, advanced, percent: ratio(advanced, reached) };
  });
  const in3 = addMonthsUtc(at, 3);
  const in12 = addMonthsUtc(at, 12);
  const in36 = addMonthsUtc(at, 36);
  const overdue = items.filter(
    (c) => !isClosedStage(c.opportunity.stage) && c.opportunity.closeDate.getTime() < at.getTime(),
  );

  return ok({
    at,
    currency,
    total: cell(items),
    byStage,
    byGrade,
    byStageAndGrade,
    conversion,
    forecasts: {
      shortTerm: forecast(items, at, in3, currency),
      annual: forecast(items, at, in12, currency),
      longTerm: forecast(items, in12, in36, currency),
    },
    overdue: cell(overdue),
  });
}
