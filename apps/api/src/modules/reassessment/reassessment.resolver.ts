// Re-certification: the certifications in force at a moment whose validity ends within a window (30, 60, 90 days or
// any 1..366), paged and scoped as assessments are; and scheduleReassessments, a bulk schedule of re-assessments
// (all or nothing, one transaction), each scheduled person notified.
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';
import { EntityManager, In } from 'typeorm';
import { qualificationAt, ROLE_NAMES, TRIANGLE_ROLES, TriangleRole } from '@iron-triangle/domain';
import type { Context } from '../../platform/context';
import { allow } from '../../platform/permissions';
import { badInput, notFound } from '../../platform/errors';
import { cursorOf, cursorParts } from '../../platform/page-cursor';
import { refusal, RefusalReasonInput, singleRefusal } from '../../platform/refusal';
import { toId } from '../../platform/crud';
import { writeAudit } from '../../platform/audit';
import { assertReadable, declareScope, readableRows, restrictToReadable } from '../../platform/scope';
import { DateTimeScalar } from '../../platform/scalars';
import { TriangleRoleEnum } from '../../platform/enums';
import { Assessment, certificationsOf } from '../assessment';
import { Person } from '../person';
import { notify } from '../notification';
import { ReassessmentSchedule } from './reassessment.entity';

declareScope(ReassessmentSchedule, 'ReassessmentSchedule', {
  kind: 'through',
  column: 'personId',
  parent: () => Person,
});

const DAY_MS = 86_400_000;
/** The widest window, in days. */
export const MAX_WINDOW_DAYS = 366;
/** The largest page. */
export const EXPIRING_MAX_PAGE = 200;
const DEFAULT_PAGE = 50;
/** The most re-assessments scheduled in one call. */
export const MAX_SCHEDULE_ITEMS = 200;
const MAX_NOTE = 2000;

@ObjectType({ description: 'A certification in force that ends within the window asked for.' })
export class ExpiringCertification {
  @Field(() => ID, { description: 'The certifying assessment that decides the certification.' })
  assessmentId: string;

  @Field(() => ID, { description: 'The person certified.' })
  personId: string;

  @Field(() => Person, { nullable: true, description: 'The person certified.' })
  person: Person | null;

  @Field(() => TriangleRoleEnum, { description: 'The role.' })
  role: string;

  @Field(() => Int, { description: 'The level held.' })
  level: number;

  @Field(() => DateTimeScalar, { description: 'When the assessment was made.' })
  assessedAt: Date;

  @Field(() => DateTimeScalar, { description: 'End of validity (exclusive).' })
  validUntil: Date;

  @Field(() => Int, { description: 'Whole days from the moment asked about to the end of validity, rounded up.' })
  daysLeft: number;

  @Field({ description: 'Whether a re-assessment is scheduled (SCHEDULED) for this certification.' })
  scheduled: boolean;

  @Field(() => ReassessmentSchedule, { nullable: true, description: 'The open re-assessment schedule, if any.' })
  schedule: ReassessmentSchedule | null;

  @Field({ description: 'Cursor of this item: pass it as `after` for the items that follow.' })
  cursor: string;
}

@ObjectType({ description: 'A page of expiring certifications, soonest end first.' })
export class ExpiringCertificationPage {
  @Field(() => Int, { description: 'All the certifications that match (every page).' })
  totalCount: number;

  @Field(() => [ExpiringCertification], { description: 'This page.' })
  nodes: ExpiringCertification[];

  @Field(() => String, { nullable: true, description: 'The cursor of the last item of this page.' })
  endCursor: string | null;

  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage: boolean;
}

@InputType({ description: 'One re-assessment to schedule.' })
export class ScheduleReassessmentInput {
  @Field(() => ID, { description: 'The certifying assessment in force whose validity is about to end.' })
  assessmentId: string;

  @Field(() => DateTimeScalar, {
    description: 'Due by then: after now, and at or before the end of the certification.',
  })
  dueAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who assesses (a person), if decided.' })
  assessorId?: string | null;

  @Field(() => String, { nullable: true, description: 'A note for the person (at most 2000 characters).' })
  note?: string | null;
}

function encodeCursor(validUntil: Date, id: number): string {
  return cursorOf([1, validUntil.getTime(), id]);
}

function decodeCursor(after: string): { until: Date; id: number } {
  const refuse = () =>
    badInput({ after: 'is not a cursor of this list: pass the `cursor` (or `endCursor`) this query returned' });
  const parsed = cursorParts(after, 3, refuse);
  if (parsed[0] !== 1) throw refuse();
  const [, until, id] = parsed;
  if (!Number.isSafeInteger(until) || !Number.isSafeInteger(id)) throw refuse();
  return { until: new Date(until as number), id: id as number };
}

function table(em: EntityManager, entity: new () => object): string {
  return em.connection.driver.escape(em.connection.getMetadata(entity).tablePath);
}

/**
 * Certifying assessments in force at `at` that no later certifying assessment of the person and role replaces (the
 * domain's qualificationAt: the latest certifying one decides, then its level and validity), of people not archived,
 * ending in (at, horizon].
 */
function expiringQuery(em: EntityManager, at: Date, horizon: Date) {
  return em
    .getRepository(Assessment)
    .createQueryBuilder('a')
    .innerJoin(Person, 'p', 'p.id = a.personId AND p.archivedAt IS NULL')
    .where('a.certifies = :yes', { yes: true, at, horizon })
    .andWhere('a.role IN (:...triangle)', { triangle: [...TRIANGLE_ROLES] })
    .andWhere('a.assessedAt <= :at')
    .andWhere('a.levelReached > 0')
    .andWhere('a.validUntil > :at AND a.validUntil <= :horizon')
    .andWhere(
      `NOT EXISTS (SELECT 1 FROM ${table(em, Assessment)} b WHERE b.personId = a.personId AND b.role = a.role ` +
        'AND b.certifies = :yes AND b.assessedAt <= :at ' +
        'AND (b.assessedAt > a.assessedAt OR (b.assessedAt = a.assessedAt AND b.id > a.id)))',
    );
}

const roleName = (role: string) =>
  (ROLE_NAMES as Record<string, { en: string } | undefined>)[role as TriangleRole]?.en ?? role;

interface Checked {
  item: ScheduleReassessmentInput;
  assessment: Assessment;
  assessorId: number | null;
  note: string | null;
}

@Resolver(() => ReassessmentSchedule)
export class ReassessmentResolver {
  @Query(() => ExpiringCertificationPage, {
    description:
      'Certifications in force at `at` (default now) whose validity ends within `withinDays` days (30, 60, 90 or ' +
      'any 1 to 366): the latest certifying assessment of each person and role (a later one replaces it), people ' +
      'not archived, within what the caller may read; soonest end first, `first` (1 to 200, default 50) after ' +
      'the `after` cursor.',
  })
  @UseMiddleware(allow('qualifications', 'read'))
  async expiringCertifications(
    @Arg('withinDays', () => Int, { description: 'Ending within this many days (1 to 366).' }) withinDays: number,
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'The moment (default now).' })
    at: Date | null | undefined,
    @Arg('orgUnitId', () => ID, { nullable: true, description: 'Only people in this org unit’s subtree.' })
    orgUnitId: string | null | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'How many (1 to 200, default 50).' })
    first: number | null | undefined,
    @Arg('after', () => String, { nullable: true, description: 'Items after this cursor.' })
    after: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<ExpiringCertificationPage> {
    if (!Number.isInteger(withinDays) || withinDays < 1 || withinDays > MAX_WINDOW_DAYS)
      throw badInput({
        withinDays: `must be a whole number of days from 1 to ${MAX_WINDOW_DAYS} (${withinDays} given)`,
      });
    const size = first ?? DEFAULT_PAGE;
    if (!Number.isInteger(size) || size < 1 || size > EXPIRING_MAX_PAGE)
      throw badInput({ first: `must be from 1 to ${EXPIRING_MAX_PAGE} (${size} given)` });
    const cursor = after ? decodeCursor(after) : null;
    const moment = at ?? ctx.now;
    const horizon = new Date(moment.getTime() + withinDays * DAY_MS);
    const em = ctx.db.manager;
    const qb = expiringQuery(em, moment, horizon);
    if (orgUnitId !== null && orgUnitId !== undefined) {
      const units = (await ctx.orgTree()).subtree(String(toId(orgUnitId, 'orgUnitId'))).map(Number);
      qb.andWhere('p.orgUnitId IN (:...filterUnits)', { filterUnits: units.length ? units : [-1] });
    }
    await restrictToReadable(ctx, qb, 'a', Assessment);
    const totalCount = await qb.clone().getCount();
    if (cursor)
      qb.andWhere('(a.validUntil > :cursorUntil OR (a.validUntil = :cursorUntil AND a.id > :cursorId))', {
        cursorUntil: cursor.until,
        cursorId: cursor.id,
      });
    const rows = await qb
      .orderBy('a.validUntil', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .take(size + 1)
      .getMany();
    const page = rows.slice(0, size);
    const ids = page.map((a) => a.id);
    const [people, schedules] = await Promise.all([
      page.length ? em.findBy(Person, { id: In([...new Set(page.map((a) => a.personId))]) }) : [],
      ids.length ? em.findBy(ReassessmentSchedule, { assessmentId: In(ids), status: 'SCHEDULED' }) : [],
    ]);
    const nodes = page.map((a): ExpiringCertification => {
      const until = a.validUntil as Date;
      const schedule = schedules.find((s) => s.assessmentId === a.id) ?? null;
      return {
        assessmentId: String(a.id),
        personId: String(a.personId),
        person: people.find((p) => p.id === a.personId) ?? null,
        role: a.role,
        level: a.levelReached as number,
        assessedAt: a.assessedAt,
        validUntil: until,
        daysLeft: Math.ceil((until.getTime() - moment.getTime()) / DAY_MS),
        scheduled: schedule !== null,
        schedule,
        cursor: encodeCursor(until, a.id),
      };
    });
    return {
      totalCount,
      nodes,
      endCursor: nodes.length ? nodes[nodes.length - 1]!.cursor : null,
      hasNextPage: rows.length > size,
    };
  }

  @Mutation(() => [ReassessmentSchedule], {
    description:
      'Schedules a re-assessment for each certification given (its certifying assessment in force, not ended): ' +
      'due after now and at or before the certification ends; an assessor and a note optional. All or nothing in ' +
      'one transaction: any refused item (every reason given, each on its item) writes nothing. A certification ' +
      'with a re-assessment already SCHEDULED is refused (REASSESSMENT.ALREADY_SCHEDULED), as is the same ' +
      'assessment twice in one call. Each person is notified (REASSESSMENT_SCHEDULED).',
  })
  @UseMiddleware(allow('qualifications', 'write'))
  async scheduleReassessments(
    @Arg('items', () => [ScheduleReassessmentInput], { description: 'The re-assessments (1 to 200).' })
    items: ScheduleReassessmentInput[],
    @Ctx() ctx: Context,
  ): Promise<ReassessmentSchedule[]> {
    if (items.length < 1 || items.length > MAX_SCHEDULE_ITEMS)
      throw badInput({ items: `give 1 to ${MAX_SCHEDULE_ITEMS} re-assessments (${items.length} given)` });
    const assessmentIds = items.map((item, i) => toId(item.assessmentId, `items.${i}.assessmentId`));
    const assessorIds = items.map((item, i) =>
      item.assessorId === null || item.assessorId === undefined ? null : toId(item.assessorId, `items.${i}.assessorId`),
    );
    return ctx.db.transaction(async (em) => {
      const mysql = em.connection.options.type === 'mysql';
      const lock = mysql ? { lock: { mode: 'pessimistic_write' as const } } : {};
      // The assessments, locked (a schedule for one must see its latest state); one the caller cannot read is not
      // found, as a missing one.
      const found = await em.find(Assessment, { where: { id: In([...new Set(assessmentIds)]) }, ...lock });
      const readable = await readableRows(ctx, em, Assessment, found);
      for (const id of assessmentIds) if (!readable.some((a) => a.id === id)) throw notFound('Assessment', id);
      const open = await em.find(ReassessmentSchedule, {
        where: { assessmentId: In([...new Set(assessmentIds)]), status: 'SCHEDULED' },
        ...lock,
      });
      const wantedAssessors = [...new Set(assessorIds.filter((id): id is number => id !== null))];
      const assessors = wantedAssessors.length ? await em.findBy(Person, { id: In(wantedAssessors) }) : [];
      const reasons: RefusalReasonInput[] = [];
      const refuse = (i: number, field: string, code: string, message: string, data: unknown = null) =>
        reasons.push({ code, message: `Item ${i + 1}: ${message}`, data, field: `items.${i}.${field}` });
      const checked: Checked[] = [];
      const seen = new Map<number, number>();
      for (const [i, item] of items.entries()) {
        const assessment = readable.find((a) => a.id === assessmentIds[i]) as Assessment;
        const earlier = seen.get(assessment.id);
        if (earlier !== undefined)
          refuse(
            i,
            'assessmentId',
            'REASSESSMENT.DUPLICATE',
            `assessment ${assessment.id} is already item ${earlier + 1} of this call; give each certification once.`,
            { assessmentId: String(assessment.id) },
          );
        seen.set(assessment.id, i);
        // The certification must be the one in force now (the domain's rule) and not have ended.
        const held = qualificationAt(
          await certificationsOf(em, assessment.personId, assessment.role),
          String(assessment.personId),
          assessment.role as TriangleRole,
          ctx.now,
        );
        const inForce =
          held.held && held.validUntil !== null && Number(held.assessmentId) === assessment.id && held.level > 0;
        if (!inForce) {
          refuse(
            i,
            'assessmentId',
            'REASSESSMENT.NOT_IN_FORCE',
            `assessment ${assessment.id} is not a certification in force now (not certifying, replaced by a later ` +
              'one, without an end, or already ended); schedule re-assessments for certifications in force only.',
            { assessmentId: String(assessment.id) },
          );
          continue;
        }
        const until = assessment.validUntil as Date;
        if (item.dueAt.getTime() <= ctx.now.getTime())
          refuse(
            i,
            'dueAt',
            'REASSESSMENT.DUE_NOT_IN_FUTURE',
            `the due date must be after now (${item.dueAt.toISOString()} given).`,
            {
              dueAt: item.dueAt.toISOString(),
            },
          );
        else if (item.dueAt.getTime() > until.getTime())
          refuse(
            i,
            'dueAt',
            'REASSESSMENT.DUE_AFTER_EXPIRY',
            `the due date ${item.dueAt.toISOString()} is after the certification ends (${until.toISOString()}); ` +
              'choose a date at or before its end.',
            { dueAt: item.dueAt.toISOString(), validUntil: until.toISOString() },
          );
        if (open.some((s) => s.assessmentId === assessment.id))
          refuse(
            i,
            'assessmentId',
            'REASSESSMENT.ALREADY_SCHEDULED',
            `a re-assessment is already scheduled for this certification (assessment ${assessment.id}); ` +
              'leave it out.',
            { assessmentId: String(assessment.id) },
          );
        const assessorId = assessorIds[i] ?? null;
        if (assessorId !== null) {
          const assessor = assessors.find((p) => p.id === assessorId);
          if (!assessor || assessor.archivedAt)
            refuse(
              i,
              'assessorId',
              'REASSESSMENT.UNKNOWN_ASSESSOR',
              `the assessor (person ${assessorId}) does not exist or is archived; choose another person.`,
              { assessorId: String(assessorId) },
            );
        }
        const note = item.note?.trim() ? item.note.trim() : null;
        if (note && note.length > MAX_NOTE)
          refuse(
            i,
            'note',
            'REASSESSMENT.NOTE_TOO_LONG',
            `the note has ${note.length} characters; at most ${MAX_NOTE}.`,
          );
        checked.push({ item, assessment, assessorId, note });
      }
      if (reasons.length) throw refusal('BAD_USER_INPUT', null, reasons);

      const people = await em.findBy(Person, { id: In([...new Set(checked.map((c) => c.assessment.personId))]) });
      const written: ReassessmentSchedule[] = [];
      for (const c of checked) {
        const inserted = await em.insert(ReassessmentSchedule, {
          personId: c.assessment.personId,
          role: c.assessment.role,
          assessmentId: c.assessment.id,
          validUntil: c.assessment.validUntil as Date,
          dueAt: c.item.dueAt,
          assessorId: c.assessorId,
          note: c.note,
          status: 'SCHEDULED',
          doneAssessmentId: null,
          closedAt: null,
          version: 1,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        const row = await em.findOneByOrFail(ReassessmentSchedule, { id: Number(inserted.identifiers[0]?.id) });
        written.push(row);
        await writeAudit(em, ctx, {
          action: 'create',
          entityType: 'ReassessmentSchedule',
          entityId: row.id,
          after: row,
          note: `re-assessment of person ${row.personId} as ${roleName(row.role)} due ${row.dueAt.toISOString()}`,
        });
        const person = people.find((p) => p.id === row.personId);
        const assessor = c.assessorId === null ? null : assessors.find((p) => p.id === c.assessorId);
        await notify(
          em,
          [{ personId: row.personId }],
          'REASSESSMENT_SCHEDULED',
          {
            personName: person?.name ?? '',
            role: row.role,
            level: c.assessment.levelReached,
            validUntil: row.validUntil.toISOString(),
            dueAt: row.dueAt.toISOString(),
            assessorName: assessor?.name ?? null,
            note: row.note,
          },
          {
            at: ctx.now,
            link: { recordType: 'Assessment', recordId: row.assessmentId },
            key: `reassessment:${row.id}:scheduled`,
          },
        );
      }
      return written;
    });
  }

  @Mutation(() => ReassessmentSchedule, {
    description:
      'Cancels a SCHEDULED re-assessment (CANCELLED, audited with the reason); one DONE or CANCELLED already is ' +
      'refused with REASSESSMENT.NOT_OPEN. The certification can then be scheduled again.',
  })
  @UseMiddleware(allow('qualifications', 'write'))
  async cancelReassessment(
    @Arg('id', () => ID, { description: 'The schedule.' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why it is cancelled.' }) reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<ReassessmentSchedule> {
    const scheduleId = toId(id);
    return ctx.db.transaction(async (em) => {
      const mysql = em.connection.options.type === 'mysql';
      const before = await em.findOne(ReassessmentSchedule, {
        where: { id: scheduleId },
        ...(mysql ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      });
      await assertReadable(ctx, em, ReassessmentSchedule, before, scheduleId);
      const row = before as ReassessmentSchedule;
      if (row.status !== 'SCHEDULED')
        throw singleRefusal(
          'REASSESSMENT.NOT_OPEN',
          `Re-assessment ${row.id} is ${row.status}, not SCHEDULED: only a scheduled one can be cancelled.`,
          { status: row.status },
          'id',
        );
      await em.update(
        ReassessmentSchedule,
        { id: row.id },
        { status: 'CANCELLED', closedAt: ctx.now, updatedAt: ctx.now, version: row.version + 1 },
      );
      const after = await em.findOneByOrFail(ReassessmentSchedule, { id: row.id });
      await writeAudit(em, ctx, {
        action: 'cancel',
        entityType: 'ReassessmentSchedule',
        entityId: row.id,
        before: row,
        after,
        note: reason?.trim() ? reason.trim() : null,
      });
      return after;
    });
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person to re-assess.' })
  person(@Root() s: ReassessmentSchedule, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Person).load(s.personId);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The assessor, if any.' })
  assessor(@Root() s: ReassessmentSchedule, @Ctx() ctx: Context) {
    return s.assessorId === null ? null : ctx.loaders.byId(Person).load(s.assessorId);
  }
}
