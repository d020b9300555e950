// `dashboard(at)`: everything the portal's dashboard shows in one request (issue #15 item 6, #16 item 10). Each
// field is one statement (an aggregate for the charts, a short list for the cards), restricted to what the caller
// may read by the one scope mechanism (restrictToReadable: a LEADER sees their subtree), and allowed by the same
// role table as the lists the figures come from.
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { groupOf, RecordGroup, TRIANGLE_ROLES } from '@iron-triangle/domain';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../platform/context';
import { badInput } from '../../platform/errors';
import { allow, signedIn } from '../../platform/permissions';
import { moneyString } from '../../platform/money';
import { DateTimeScalar } from '../../platform/scalars';
import { restrictToReadable } from '../../platform/scope';
import { Assessment } from '../assessment';
import { Decision } from '../decision';
import { Delegation } from '../delegation';
import { IncentivePool } from '../incentive-pool';
import { Person } from '../person';
import { Project } from '../project';
import { TeamAppointment } from '../team-appointment';
import { Dashboard, DecisionWeek, PoolStatusTotal, QualificationLevelCount, TriangleCoverage } from './dashboard.types';

const DAY = 86_400_000;
/** Weeks of decisions the dashboard counts (the current one and the 11 before). */
export const DASHBOARD_WEEKS = 12;
/** The most records a card lists. */
export const CARD_LIMIT = 100;
const MAX_DAYS = 366;

/** Monday 00:00 UTC of the week holding `at`. */
export function weekStartOf(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
}

/** The starts of the `count` weeks up to the one holding `at`, oldest first. */
export function weekStarts(at: Date, count: number): Date[] {
  const last = weekStartOf(at).getTime();
  return Array.from({ length: count }, (_, i) => new Date(last - (count - 1 - i) * 7 * DAY));
}

const read = (name: string) => allow(groupOf(name) as RecordGroup, 'read');

function daysOf(days: number, field: string): number {
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
    throw badInput({ [field]: `must be a whole number of days from 1 to ${MAX_DAYS} (${days} given)` });
  return days;
}

/** A SUM of BIGINT as exact text (SQLite would hand back a double above 2^53). */
function sumAsText(em: EntityManager, expression: string): string {
  const type = em.connection.options.type === 'better-sqlite3' ? 'TEXT' : 'CHAR';
  return `CAST(SUM(${expression}) AS ${type})`;
}

function table(em: EntityManager, entity: new () => ObjectLiteral): string {
  const metadata = em.connection.getMetadata(entity);
  return em.connection.driver.escape(metadata.tablePath);
}

/** Certifying assessments in force at `:at` that no later certifying assessment of the person and role replaces
 * (the domain's qualificationAt: the latest certifying one decides, then its level and validity). */
function heldCertifications<T extends ObjectLiteral>(em: EntityManager, qb: SelectQueryBuilder<T>, at: Date) {
  return qb
    .innerJoin(Person, 'p', 'p.id = a.personId AND p.archivedAt IS NULL')
    .where('a.certifies = :yes', { yes: true, at })
    .andWhere('a.role IN (:...triangle)', { triangle: [...TRIANGLE_ROLES] })
    .andWhere('a.assessedAt <= :at')
    .andWhere('a.levelReached > 0')
    .andWhere(
      `NOT EXISTS (SELECT 1 FROM ${table(em, Assessment)} b WHERE b.personId = a.personId AND b.role = a.role ` +
        'AND b.certifies = :yes AND b.assessedAt <= :at ' +
        'AND (b.assessedAt > a.assessedAt OR (b.assessedAt = a.assessedAt AND b.id > a.id)))',
    );
}

@Resolver(() => Dashboard)
export class DashboardResolver {
  @Query(() => Dashboard, {
    description:
      'The dashboard at `at` (default now): qualification levels by role, triangle coverage of active projects by ' +
      'grade, pools by status, decisions per week, and the cards (certifications and delegations about to end, ' +
      'pools awaiting approval, decisions this week), within what the caller may read. One request for the whole ' +
      'dashboard.',
  })
  @UseMiddleware(signedIn)
  dashboard(
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'The moment (default now).' })
    at: Date | null | undefined,
    @Ctx() ctx: Context,
  ): Dashboard {
    return { at: at ?? ctx.now };
  }

  @FieldResolver(() => [QualificationLevelCount], {
    description:
      'People holding each level in each triangle role at the moment (their latest certifying assessment, not ' +
      'expired; archived people left out), by role then level; levels nobody holds left out.',
  })
  @UseMiddleware(read('Assessment'))
  async qualificationLevels(@Root() d: Dashboard, @Ctx() ctx: Context): Promise<QualificationLevelCount[]> {
    const em = ctx.db.manager;
    const qb = heldCertifications(em, em.getRepository(Assessment).createQueryBuilder('a'), d.at)
      .select('a.role', 'role')
      .addSelect('a.levelReached', 'lvl')
      .addSelect('COUNT(*)', 'n')
      .andWhere('(a.validUntil IS NULL OR a.validUntil > :at)')
      .groupBy('a.role')
      .addGroupBy('a.levelReached');
    await restrictToReadable(ctx, qb, 'a', Assessment);
    const rows = await qb.getRawMany<{ role: string; lvl: number | string; n: number | string }>();
    const order = (role: string) => TRIANGLE_ROLES.indexOf(role as (typeof TRIANGLE_ROLES)[number]);
    return rows
      .map((r) => ({ role: r.role, level: Number(r.lvl), people: Number(r.n) }))
      .sort((x, y) => order(x.role) - order(y.role) || x.level - y.level);
  }

  @FieldResolver(() => [TriangleCoverage], {
    description:
      'Active projects (not CLOSED) by grade: how many have an AR, an SR and an FR appointed at the moment, and how ' +
      'many miss at least one; grades without active projects left out.',
  })
  @UseMiddleware(read('Project'))
  async triangleCoverage(@Root() d: Dashboard, @Ctx() ctx: Context): Promise<TriangleCoverage[]> {
    const em = ctx.db.manager;
    const roles =
      `(SELECT COUNT(DISTINCT t.role) FROM ${table(em, TeamAppointment)} t WHERE t.projectId = p.id ` +
      'AND t.role IN (:...triangle) AND t.validFrom <= :at AND (t.validTo IS NULL OR t.validTo > :at))';
    const qb = em
      .getRepository(Project)
      .createQueryBuilder('p')
      .select('p.grade', 'grade')
      .addSelect('COUNT(*)', 'n')
      .addSelect(`SUM(CASE WHEN ${roles} = ${TRIANGLE_ROLES.length} THEN 1 ELSE 0 END)`, 'complete')
      .where('p.stage <> :closed', { closed: 'CLOSED', triangle: [...TRIANGLE_ROLES], at: d.at })
      .groupBy('p.grade')
      .orderBy('p.grade', 'ASC');
    await restrictToReadable(ctx, qb, 'p', Project);
    const rows = await qb.getRawMany<{ grade: string; n: number | string; complete: number | string | null }>();
    return rows.map((r) => {
      const projects = Number(r.n);
      const complete = Number(r.complete ?? 0);
      return { grade: r.grade, projects, complete, missing: projects - complete };
    });
  }

  @FieldResolver(() => [PoolStatusTotal], {
    description: 'Incentive pools by status and currency: how many, and their amounts summed (exact minor units).',
  })
  @UseMiddleware(read('IncentivePool'))
  async poolsByStatus(@Ctx() ctx: Context): Promise<PoolStatusTotal[]> {
    const em = ctx.db.manager;
    const qb = em
      .getRepository(IncentivePool)
      .createQueryBuilder('p')
      .select('p.status', 'status')
      .addSelect('p.currency', 'currency')
      .addSelect('COUNT(*)', 'n')
      .addSelect(sumAsText(em, 'COALESCE(p.fundedAmountMinor, p.baseAmountMinor)'), 'total')
      .groupBy('p.status')
      .addGroupBy('p.currency')
      .orderBy('p.currency', 'ASC');
    await restrictToReadable(ctx, qb, 'p', IncentivePool);
    const rows = await qb.getRawMany<{ status: string; currency: string; n: number | string; total: string }>();
    return rows.map((r) => {
      const amountMinor = BigInt(r.total ?? '0');
      return {
        status: r.status,
        currency: r.currency,
        pools: Number(r.n),
        amountMinor,
        amount: moneyString(amountMinor, r.currency) as string,
      };
    });
  }

  @FieldResolver(() => [DecisionWeek], {
    description:
      `Decisions of the last ${DASHBOARD_WEEKS} weeks (the week holding the moment and the ones before, Monday ` +
      '00:00 UTC to Monday), up to the moment, by decision point; oldest week first, every week listed.',
  })
  @UseMiddleware(read('Decision'))
  async decisionsByWeek(@Root() d: Dashboard, @Ctx() ctx: Context): Promise<DecisionWeek[]> {
    const em = ctx.db.manager;
    const starts = weekStarts(d.at, DASHBOARD_WEEKS);
    const params: Record<string, unknown> = { at: d.at };
    const cases = starts
      .map((start, i) => ({ start, i }))
      .reverse()
      .map(({ start, i }) => {
        params[`week${i}`] = start;
        return `WHEN d.decidedAt >= :week${i} THEN ${i}`;
      })
      .join(' ');
    const week = `CASE ${cases} ELSE -1 END`;
    const qb = em
      .getRepository(Decision)
      .createQueryBuilder('d')
      .select(week, 'wk')
      .addSelect('d.decisionPoint', 'point')
      .addSelect('COUNT(*)', 'n')
      .where('d.decidedAt >= :week0 AND d.decidedAt <= :at', params)
      .groupBy('wk')
      .addGroupBy('d.decisionPoint');
    await restrictToReadable(ctx, qb, 'd', Decision);
    const rows = await qb.getRawMany<{ wk: number | string; point: string; n: number | string }>();
    return starts.map((weekStart, i) => {
      const byPoint = rows
        .filter((r) => Number(r.wk) === i)
        .map((r) => ({ decisionPoint: r.point, decisions: Number(r.n) }))
        .sort((x, y) => (x.decisionPoint < y.decisionPoint ? -1 : 1));
      return {
        weekStart,
        weekEnd: new Date(weekStart.getTime() + 7 * DAY),
        decisions: byPoint.reduce((sum, p) => sum + p.decisions, 0),
        byPoint,
      };
    });
  }

  @FieldResolver(() => [Assessment], {
    description:
      'Certifications held at the moment that end within `days` (default 30), soonest first ' +
      `(at most ${CARD_LIMIT}).`,
  })
  @UseMiddleware(read('Assessment'))
  async expiringCertifications(
    @Root() d: Dashboard,
    @Arg('days', () => Int, { defaultValue: 30, description: 'Ending within this many days (1 to 366).' })
    days: number,
    @Ctx() ctx: Context,
  ): Promise<Assessment[]> {
    const em = ctx.db.manager;
    const horizon = new Date(d.at.getTime() + daysOf(days, 'days') * DAY);
    const qb = heldCertifications(em, em.getRepository(Assessment).createQueryBuilder('a'), d.at)
      .andWhere('a.validUntil > :at AND a.validUntil <= :horizon', { horizon })
      .orderBy('a.validUntil', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(CARD_LIMIT);
    await restrictToReadable(ctx, qb, 'a', Assessment);
    return qb.getMany();
  }

  @FieldResolver(() => [Delegation], {
    description:
      `Delegations in force at the moment (not revoked) that end within \`days\` (default 14), soonest first (at ` +
      `most ${CARD_LIMIT}).`,
  })
  @UseMiddleware(read('Delegation'))
  async endingDelegations(
    @Root() d: Dashboard,
    @Arg('days', () => Int, { defaultValue: 14, description: 'Ending within this many days (1 to 366).' })
    days: number,
    @Ctx() ctx: Context,
  ): Promise<Delegation[]> {
    const horizon = new Date(d.at.getTime() + daysOf(days, 'days') * DAY);
    const qb = ctx.db.manager
      .getRepository(Delegation)
      .createQueryBuilder('g')
      .where('g.validFrom <= :at AND g.validTo > :at AND g.validTo <= :horizon', { at: d.at, horizon })
      .andWhere('(g.revokedAt IS NULL OR g.revokedAt > :at)')
      .orderBy('g.validTo', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .limit(CARD_LIMIT);
    await restrictToReadable(ctx, qb, 'g', Delegation);
    return qb.getMany();
  }

  @FieldResolver(() => [IncentivePool], {
    description: `Pools allocated and awaiting approval, oldest first (at most ${CARD_LIMIT}).`,
  })
  @UseMiddleware(read('IncentivePool'))
  async poolsAwaitingApproval(@Ctx() ctx: Context): Promise<IncentivePool[]> {
    const qb = ctx.db.manager
      .getRepository(IncentivePool)
      .createQueryBuilder('p')
      .where('p.status = :allocated', { allocated: 'ALLOCATED' })
      .orderBy('p.id', 'ASC')
      .limit(CARD_LIMIT);
    await restrictToReadable(ctx, qb, 'p', IncentivePool);
    return qb.getMany();
  }

  @FieldResolver(() => [Decision], {
    description:
      `Decisions of the week holding the moment (from Monday 00:00 UTC up to the moment), latest first (at most ` +
      `${CARD_LIMIT}).`,
  })
  @UseMiddleware(read('Decision'))
  async decisionsThisWeek(@Root() d: Dashboard, @Ctx() ctx: Context): Promise<Decision[]> {
    const qb = ctx.db.manager
      .getRepository(Decision)
      .createQueryBuilder('d')
      .where('d.decidedAt >= :since AND d.decidedAt <= :at', { since: weekStartOf(d.at), at: d.at })
      .orderBy('d.decidedAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(CARD_LIMIT);
    await restrictToReadable(ctx, qb, 'd', Decision);
    return qb.getMany();
  }
}
