// salesFunnel: the domain's funnel and forecasts (salesFunnel) over the opportunities the caller may read (a LEADER:
// their subtree), of one org subtree, closing in a period, in one currency, as of a moment passed in.
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver, UseMiddleware } from 'type-graphql';
import {
  FunnelOpportunity,
  furthestStageOf,
  isLeadGrade,
  isOpportunityStage,
  LeadGrade,
  Money,
  OpportunityStage,
  salesFunnel,
  SalesFunnel as DomainFunnel,
} from '@iron-triangle/domain';
import type { Context } from '../../platform/context';
import { allow } from '../../platform/permissions';
import { badInput } from '../../platform/errors';
import { singleRefusal } from '../../platform/refusal';
import { subtreeIds, toId } from '../../platform/crud';
import { restrictToReadable } from '../../platform/scope';
import { requestSettings } from '../company-settings';
import { moneyString } from '../../platform/money';
import { DateTimeScalar, MoneyScalar } from '../../platform/scalars';
import { LeadGradeEnum, OpportunityStageEnum } from '../../platform/enums';
import { Opportunity } from './opportunity.entity';

const CURRENCY = /^[A-Z]{3}$/;
const money = (m: Money) => moneyString(m.minor, m.currency) as string;

@ObjectType({ description: 'A count of opportunities and their expected amount.' })
export class FunnelCell {
  @Field(() => Int, { description: 'How many.' })
  count: number;

  @Field(() => MoneyScalar, { description: 'Their expected amounts, summed.' })
  amount: string;
}

@ObjectType({ description: 'The opportunities at one stage.' })
export class FunnelStageCell extends FunnelCell {
  @Field(() => OpportunityStageEnum, { description: 'The stage.' })
  stage: string;

  @Field(() => MoneyScalar, { description: 'The amount weighted by probability.' })
  weighted: string;
}

@ObjectType({ description: 'The opportunities of one grade.' })
export class FunnelGradeCell extends FunnelCell {
  @Field(() => LeadGradeEnum, { description: 'The grade.' })
  grade: string;
}

@ObjectType({ description: 'The opportunities at one stage and of one grade.' })
export class FunnelStageGradeCell extends FunnelCell {
  @Field(() => OpportunityStageEnum, { description: 'The stage.' })
  stage: string;

  @Field(() => LeadGradeEnum, { description: 'The grade.' })
  grade: string;
}

@ObjectType({ description: 'Conversion from one funnel stage to the next.' })
export class FunnelConversion {
  @Field(() => OpportunityStageEnum, { description: 'From this stage.' })
  from: string;

  @Field(() => OpportunityStageEnum, { description: 'To this stage.' })
  to: string;

  @Field(() => Int, { description: 'Opportunities that reached `from` (or further).' })
  reached: number;

  @Field(() => Int, { description: 'Of those, the ones that reached `to` (or further).' })
  advanced: number;

  @Field(() => String, {
    nullable: true,
    description: 'advanced / reached in percent, one decimal ("66.7"); null when none reached `from`.',
  })
  percent: string | null;
}

@ObjectType({ description: 'Weighted amounts expected in [from, to).' })
export class SalesForecast {
  @Field(() => DateTimeScalar, { description: 'Start (inclusive).' })
  from: Date;

  @Field(() => DateTimeScalar, { description: 'End (exclusive).' })
  to: Date;

  @Field(() => MoneyScalar, { description: 'Orders (by close date), weighted by probability.' })
  orders: string;

  @Field(() => MoneyScalar, { description: 'Revenue, weighted by probability.' })
  revenue: string;

  @Field(() => MoneyScalar, { description: 'Collection, weighted by probability.' })
  collection: string;
}

@ObjectType({ description: 'The forecasts: 3 months, the next 12 months, and from 1 to 3 years ahead.' })
export class SalesForecasts {
  @Field(() => SalesForecast, { description: '[at, at + 3 months).' })
  shortTerm: SalesForecast;

  @Field(() => SalesForecast, { description: '[at, at + 12 months).' })
  annual: SalesForecast;

  @Field(() => SalesForecast, { description: '[at + 12 months, at + 36 months).' })
  longTerm: SalesForecast;
}

@ObjectType({ description: 'The sales funnel and forecasts over the opportunities asked about.' })
export class SalesFunnel {
  @Field(() => DateTimeScalar, { description: 'As of this moment.' })
  at: Date;

  @Field({ description: 'The currency of every amount (opportunities in others are left out).' })
  currency: string;

  @Field(() => FunnelCell, { description: 'All of them.' })
  total: FunnelCell;

  @Field(() => [FunnelStageCell], { description: 'Per stage, every stage, zeros included.' })
  byStage: FunnelStageCell[];

  @Field(() => [FunnelGradeCell], { description: 'Per grade, every grade, zeros included.' })
  byGrade: FunnelGradeCell[];

  @Field(() => [FunnelStageGradeCell], { description: 'Per stage and grade, stage-major, zeros included.' })
  byStageAndGrade: FunnelStageGradeCell[];

  @Field(() => [FunnelConversion], { description: 'potential → intent → negotiation → deal.' })
  conversion: FunnelConversion[];

  @Field(() => SalesForecasts, { description: 'Forecasts weighted by stage probability.' })
  forecasts: SalesForecasts;

  @Field(() => FunnelCell, { description: 'Open opportunities whose close date is past.' })
  overdue: FunnelCell;
}

function toGraphql(f: DomainFunnel): SalesFunnel {
  const cell = (c: { count: number; amount: Money }) => ({ count: c.count, amount: money(c.amount) });
  const forecast = (x: DomainFunnel['forecasts']['shortTerm']) => ({
    from: x.from,
    to: x.to,
    orders: money(x.orders),
    revenue: money(x.revenue),
    collection: money(x.collection),
  });
  return {
    at: f.at,
    currency: f.currency,
    total: cell(f.total),
    byStage: f.byStage.map((c) => ({ stage: c.stage, ...cell(c), weighted: money(c.weighted) })),
    byGrade: f.byGrade.map((c) => ({ grade: c.grade, ...cell(c) })),
    byStageAndGrade: f.byStageAndGrade.map((c) => ({ stage: c.stage, grade: c.grade, ...cell(c) })),
    conversion: f.conversion.map((c) => ({ ...c })),
    forecasts: {
      shortTerm: forecast(f.forecasts.shortTerm),
      annual: forecast(f.forecasts.annual),
      longTerm: forecast(f.forecasts.longTerm),
    },
    overdue: cell(f.overdue),
  };
}

@Resolver()
export class SalesFunnelResolver {
  @Query(() => SalesFunnel, {
    description:
      'The funnel: counts and amounts per stage and grade, conversion between stages (from each one’s stage ' +
      'history), overdue ones, and forecasts weighted by probability, as of `at` (default now). Over the ' +
      'opportunities the caller may read (a LEADER: their subtree) in `orgUnitId`’s subtree, closing in [from, to) ' +
      'when given, in `currency` (default CNY; others are left out).',
  })
  @UseMiddleware(allow('projects', 'read'))
  async salesFunnel(
    @Arg('orgUnitId', () => ID, { nullable: true, description: 'Only this org unit’s subtree.' })
    orgUnitId: string | null | undefined,
    @Arg('from', () => DateTimeScalar, { nullable: true, description: 'Closing at or after this instant.' })
    from: Date | null | undefined,
    @Arg('to', () => DateTimeScalar, { nullable: true, description: 'Closing before this instant.' })
    to: Date | null | undefined,
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'As of this moment (default now).' })
    at: Date | null | undefined,
    @Arg('currency', () => String, { nullable: true, description: 'ISO 4217 currency (default CNY).' })
    currency: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<SalesFunnel> {
    const cur = currency ?? 'CNY';
    if (!CURRENCY.test(cur)) throw badInput({ currency: 'must be an ISO 4217 code such as CNY' });
    if (from && to && from.getTime() >= to.getTime()) throw badInput({ to: 'must be after `from`' });
    const qb = ctx.db.manager.getRepository(Opportunity).createQueryBuilder('r').where('r.currency = :cur', { cur });
    if (orgUnitId !== null && orgUnitId !== undefined) {
      toId(orgUnitId, 'orgUnitId');
      qb.andWhere('r.orgUnitId IN (:...units)', { units: await subtreeIds(ctx, orgUnitId) });
    }
    if (from) qb.andWhere('r.closeDate >= :from', { from });
    if (to) qb.andWhere('r.closeDate < :to', { to });
    await restrictToReadable(ctx, qb, 'r', Opportunity);
    const rows = await qb.orderBy('r.id', 'ASC').getMany();
    const items: FunnelOpportunity[] = rows.map((o) => {
      const stage = (isOpportunityStage(o.stage) ? o.stage : 'POTENTIAL') as OpportunityStage;
      const history = (o.stageHistory ?? []).map((m) => m.stage).filter(isOpportunityStage);
      return {
        id: String(o.id),
        stage,
        furthestStage: furthestStageOf([...history, stage]),
        grade: (isLeadGrade(o.grade) ? o.grade : 'GENERAL') as LeadGrade,
        amount: { minor: o.expectedAmountMinor, currency: o.currency },
        closeDate: o.closeDate,
        probability: o.probability,
      };
    });
    // Weighted by the company's stage probabilities (company settings; the defaults while unset).
    const { stageProbabilities } = await requestSettings(ctx);
    const result = salesFunnel(items, { at: at ?? ctx.now, currency: cur, stageProbabilities });
    if (!result.ok)
      throw singleRefusal(
        'BAD_USER_INPUT',
        `The funnel cannot be computed: opportunity ${result.error.data.id} is inconsistent (${result.error.code}).`,
        result.error.data,
      );
    return toGraphql(result.value);
  }
}
