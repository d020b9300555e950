import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Info,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';
import { GraphQLResolveInfo } from 'graphql';
import { EntityManager, In } from 'typeorm';
import {
  evaluateQualification,
  PerformanceRating,
  QualificationFramework as DomainFramework,
  qualificationAt,
  TriangleRole,
} from '@iron-triangle/domain';
import { createCrudResolver, CrudSpec, subtreeIds, toId } from '../../platform/crud';
import { subfields } from '../../platform/crud/selection';
import type { Context } from '../../platform/context';
import { allow } from '../../platform/permissions';
import { badInput, notFound } from '../../platform/errors';
import { refusal } from '../../platform/refusal';
import { callerScope, canRead } from '../../platform/scope';
import { mustExist } from '../../platform/validation';
import { memoized } from '../../platform/import/memo';
import { snapshot } from '../../platform/audit';
import { DateTimeScalar } from '../../platform/scalars';
import { TriangleRoleEnum } from '../../platform/enums';
import { Assessment, AssessmentRating } from './assessment.entity';
import * as A from './assessment.args';
import { toCertification } from './assessment.mapper';
import { ratingsText } from './assessment.ratings';
import { AuthorityChange, latestCorrections, revisionKnownAt, rowsAsOf } from '../../platform/change-log';
import { assertTakesAssessments, LevelRequirement, QualificationFramework, QualificationLevel } from '../qualification';
import { RoleModelDimension, RoleModelVersion } from '../role-model';
import { Person } from '../person';
import { TeamAppointment } from '../team-appointment';
import { Project } from '../project';
import { MAX_QUALIFICATION_LEVEL, QUALIFIED_PEOPLE_MAX_PAGE, qualifiedPeoplePage } from './qualified-people';
import { closeSchedulesOnCertification, removeSchedulesOf } from '../reassessment';

/** The stored framework as the domain sees it (one version per framework row: frozen once assessments use it). */
function loadFramework(
  em: EntityManager,
  frameworkId: number,
): Promise<{ row: QualificationFramework; framework: DomainFramework }> {
  // Once per framework while an import runs (its rows do not change the framework): not once per row.
  return memoized(em, `assessment.framework:${frameworkId}`, () => readFramework(em, frameworkId));
}

async function readFramework(
  em: EntityManager,
  frameworkId: number,
): Promise<{ row: QualificationFramework; framework: DomainFramework }> {
  const row = await em.findOneBy(QualificationFramework, { id: frameworkId });
  if (!row) throw badInput({ frameworkId: `qualification framework ${frameworkId} does not exist` });
  const version = await em.findOneByOrFail(RoleModelVersion, { id: row.roleModelVersionId });
  const dimensions = (
    await em.find(RoleModelDimension, {
      where: { roleModelVersionId: version.id },
      order: { sortOrder: 'ASC', id: 'ASC' },
    })
  ).map((d) => d.code);
  const levels = await em.find(QualificationLevel, { where: { frameworkId }, order: { level: 'ASC' } });
  if (levels.length === 0)
    throw badInput({ frameworkId: `qualification framework ${frameworkId} has no levels yet; add levels first` });
  const requirements = await em.findBy(LevelRequirement, { levelId: In(levels.map((l) => l.id)) });
  const framework: DomainFramework = {
    id: String(row.id),
    version: row.versionNo,
    role: row.role as TriangleRole,
    name: { en: row.name, 'zh-CN': row.name },
    roleModel: { id: String(version.roleModelId), version: version.versionNo },
    validityMonths: row.validityMonths,
    managerMayCertify: row.managerMayCertify,
    levels: levels.map((l) => ({
      level: l.level,
      name: { en: l.name, 'zh-CN': l.nameZh },
      minProficiency: Object.fromEntries(
        dimensions.map((d) => [
          d,
          requirements.find((r) => r.levelId === l.id && r.dimensionCode === d)?.minProficiency ?? 1,
        ]),
      ),
      minTenureMonths: l.minTenureMonths,
      minProjects: l.minProjects,
      gate:
        l.gateMinimumRating && l.gatePeriods
          ? { minimumRating: l.gateMinimumRating as PerformanceRating, periods: l.gatePeriods }
          : null,
    })),
  };
  return { row, framework };
}

/** Facts not given with the assessment come from the team appointments. */
async function personFacts(
  em: EntityManager,
  personId: number,
  role: string,
  given: { inRoleSince?: Date | null; completedProjects?: number },
) {
  // Neither given (an imported row): read once per person and role while an import runs, or ahead for all its rows.
  if (given.inRoleSince === undefined && given.completedProjects === undefined)
    return memoized(em, personFactsKey(personId, role), () => readPersonFacts(em, personId, role, given));
  return readPersonFacts(em, personId, role, given);
}

/** The key under which an import remembers a person's facts in a role (memoized). */
export const personFactsKey = (personId: number, role: string) => `assessment.personFacts:${personId}:${role}`;

async function readPersonFacts(
  em: EntityManager,
  personId: number,
  role: string,
  given: { inRoleSince?: Date | null; completedProjects?: number },
) {
  let inRoleSince = given.inRoleSince ?? null;
  let completedProjects = given.completedProjects;
  if (given.inRoleSince === undefined || completedProjects === undefined) {
    const appointments = await em.findBy(TeamAppointment, { personId, role });
    if (given.inRoleSince === undefined) {
      inRoleSince = appointments.reduce<Date | null>(
        (min, a) => (min === null || a.validFrom < min ? a.validFrom : min),
        null,
      );
    }
    if (completedProjects === undefined) {
      const projectIds = [...new Set(appointments.map((a) => a.projectId))];
      completedProjects = projectIds.length
        ? await em.count(Project, { where: { id: In(projectIds), stage: 'CLOSED' } })
        : 0;
    }
  }
  return { inRoleSince, completedProjects: completedProjects ?? 0 };
}

const DOMAIN_FIELD: Record<string, string> = {
  'ASSESSMENT.UNKNOWN_DIMENSION': 'ratings',
  'ASSESSMENT.DUPLICATE_RATING': 'ratings',
  'ASSESSMENT.MISSING_RATING': 'ratings',
  'ASSESSMENT.PROFICIENCY_OUT_OF_RANGE': 'ratings',
  'ASSESSMENT.ROLE_MISMATCH': 'frameworkId',
  'ASSESSMENT.FRAMEWORK_MISMATCH': 'frameworkId',
  'ASSESSMENT.INVALID_FACTS': 'completedProjects',
};

/** A domain error of an assessment in words: its code, with the dimension or the fact concerned. */
function assessmentReason(code: string, data: object): string {
  const facts = Object.entries(data)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');
  return facts ? `${code} (${facts})` : code;
}

/** Evaluates the assessment with the domain and returns the columns of its result. */
async function evaluate(
  em: EntityManager,
  values: Partial<Assessment>,
  ratings: Array<{ dimension: string; proficiency: number }>,
) {
  const { row, framework } = await loadFramework(em, values.frameworkId as number);
  const facts = await personFacts(em, values.personId as number, row.role, {
    inRoleSince: values.inRoleSince,
    completedProjects: values.completedProjects,
  });
  const performance = (values.performance ?? []).map((p) => ({
    period: p.period,
    endsAt: new Date(p.endsAt),
    rating: p.rating as PerformanceRating,
  }));
  const result = evaluateQualification(
    {
      id: String(values.id ?? 'new'),
      personId: String(values.personId),
      role: row.role as TriangleRole,
      framework: { id: framework.id, version: framework.version },
      assessorKind: values.kind as 'SELF' | 'MANAGER' | 'PANEL',
      assessorId: values.assessorId ? String(values.assessorId) : undefined,
      assessedAt: values.assessedAt as Date,
      ratings,
    },
    { ...facts, performance },
    framework,
  );
  if (!result.ok) {
    const fieldErrors: Record<string, string> = {};
    for (const e of result.error) {
      const field = DOMAIN_FIELD[e.code] ?? 'ratings';
      const detail =
        'dimension' in e.data ? `${e.code} (${String((e.data as { dimension: string }).dimension)})` : e.code;
      fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]}, ${detail}` : detail;
    }
    // One refusal (platform/refusal.ts): a reason per domain error, on the argument it concerns; fieldErrors keep
    // the per-argument summary every BAD_USER_INPUT carries.
    throw refusal(
      'BAD_USER_INPUT',
      `The assessment cannot be evaluated: ${Object.entries(fieldErrors)
        .map(([f, m]) => `${f}: ${m}`)
        .join('; ')}`,
      result.error.map((e) => ({
        code: e.code,
        message: assessmentReason(e.code, e.data as object),
        data: snapshot(e.data as object),
        field: DOMAIN_FIELD[e.code] ?? 'ratings',
      })),
      { fieldErrors },
    );
  }
  const evaluation = result.value;
  const gap = evaluation.gap
    ? {
        nextLevel: evaluation.gap.nextLevel,
        dimensions: evaluation.gap.dimensions.map((d) => ({ ...d })),
        tenureMonthsMissing: evaluation.gap.tenureMonthsMissing,
        projectsMissing: evaluation.gap.projectsMissing,
        gateFailed: evaluation.gap.gateFailed,
      }
    : null;
  return {
    role: row.role,
    roleModelVersionId: row.roleModelVersionId,
    inRoleSince: facts.inRoleSince,
    completedProjects: facts.completedProjects,
    levelReached: evaluation.level === 0 ? null : evaluation.level,
    validUntil: evaluation.validUntil,
    tenureMonths: evaluation.tenureMonths,
    certifies: evaluation.certifies,
    gap,
    evaluation: JSON.parse(JSON.stringify(evaluation)) as Record<string, unknown>,
  };
}

function ratingArgs(args: Record<string, unknown>): A.RatingInput[] | undefined {
  return args.ratings as A.RatingInput[] | undefined;
}

function performanceArgs(args: Record<string, unknown>): Assessment['performance'] | undefined {
  const list = args.performance as A.PerformanceInput[] | undefined;
  return list?.map((p) => ({ period: p.period, endsAt: p.endsAt.toISOString(), rating: p.rating }));
}

export const assessmentSpec: CrudSpec<Assessment> = {
  entity: Assessment,
  name: 'Assessment',
  plural: 'Assessments',
  label: 'assessment',
  filter: A.AssessmentFilter,
  createArgs: A.CreateAssessmentArgs,
  updateArgs: A.UpdateAssessmentArgs,
  remove: 'hard',
  search: ['comment'],
  // An assessment belongs where the assessed person does.
  scope: { kind: 'through', column: 'personId', parent: () => Person },
  // Every write takes its framework row first, as every edit of the framework's levels does (a version that
  // assessments use is frozen: qualification/framework-versions.ts).
  parent: { entity: QualificationFramework, column: 'frameworkId' },
  dateColumn: 'assessedAt',
  filters: async (qb, f, ctx) => {
    if (typeof f.minLevel === 'number') qb.andWhere('r.levelReached >= :minLevel', { minLevel: f.minLevel });
    if (f.validAt instanceof Date)
      qb.andWhere(
        'r.levelReached IS NOT NULL AND r.assessedAt <= :validAt AND (r.validUntil IS NULL OR r.validUntil > :validAt)',
        { validAt: f.validAt },
      );
    if (f.orgUnitId !== undefined && f.orgUnitId !== null) {
      const people = qb
        .subQuery()
        .select('fp.id')
        .from(Person, 'fp')
        .where('fp.orgUnitId IN (:...filterUnits)', { filterUnits: await subtreeIds(ctx, f.orgUnitId) });
      qb.andWhere(`r.personId IN ${people.getQuery()}`, people.getParameters());
    }
  },
  readOnlyColumns: [
    'levelReached',
    'validUntil',
    'gap',
    'evaluation',
    'tenureMonths',
    'certifies',
    'role',
    'roleModelVersionId',
    'performance',
  ],
  hooks: {
    async beforeCreate(values, { em, args }) {
      const framework = await memoized(em, `assessment.frameworkRow:${values.frameworkId}`, () =>
        em.findOneBy(QualificationFramework, { id: values.frameworkId }),
      );
      if (framework) assertTakesAssessments(framework);
      await mustExist(em, Person, values.personId, 'personId', 'person');
      await mustExist(em, Person, values.assessorId, 'assessorId', 'person');
      values.performance = performanceArgs(args) ?? null;
      const ratings = (ratingArgs(args) ?? []).map((r) => ({ dimension: r.dimension, proficiency: r.proficiency }));
      Object.assign(values, await evaluate(em, values, ratings));
    },
    async beforeUpdate(patch, { em, args, before }) {
      await mustExist(em, Person, patch.assessorId, 'assessorId', 'person');
      const performance = performanceArgs(args);
      if (performance !== undefined) patch.performance = performance;
      const given = ratingArgs(args);
      const ratings = given
        ? given.map((r) => ({ dimension: r.dimension, proficiency: r.proficiency }))
        : (await em.findBy(AssessmentRating, { assessmentId: before!.id })).map((r) => ({
            dimension: r.dimensionCode,
            proficiency: r.score,
          }));
      const merged = { ...before, ...patch };
      if (args.inRoleSince === undefined) merged.inRoleSince = before!.inRoleSince;
      Object.assign(patch, await evaluate(em, merged, ratings));
    },
    async afterWrite(record, { em, args, ctx, before }) {
      // A new certifying assessment closes the re-assessments scheduled for the person in the role (DONE).
      if (!before) await closeSchedulesOnCertification(em, record, ctx.now);
      const given = ratingArgs(args);
      if (!given) return;
      await em.delete(AssessmentRating, { assessmentId: record.id });
      for (const r of given) {
        await em.insert(AssessmentRating, {
          assessmentId: record.id,
          dimensionCode: r.dimension,
          score: r.proficiency,
          evidence: r.evidence ?? null,
          version: 1,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
      }
    },
    async beforeDelete({ em, before }) {
      await removeSchedulesOf(em, before!.id);
      await em.delete(AssessmentRating, { assessmentId: before!.id });
    },
  },
};

export const ratingSpec: CrudSpec<AssessmentRating> = {
  entity: AssessmentRating,
  name: 'AssessmentRating',
  plural: 'AssessmentRatings',
  label: 'assessment rating',
  filter: A.AssessmentRatingFilter,
  remove: 'none',
  search: ['dimensionCode', 'evidence'],
  scope: { kind: 'through', column: 'assessmentId', parent: () => Assessment },
};

export const AssessmentCrudResolver = createCrudResolver(assessmentSpec);
export const AssessmentRatingCrudResolver = createCrudResolver(ratingSpec);

@ObjectType({ description: 'How far a dimension is short of the next level.' })
export class DimensionGap {
  @Field({ description: 'Dimension code.' })
  dimension: string;

  @Field(() => Int, { description: 'Proficiency the next level requires.' })
  required: number;

  @Field(() => Int, { description: 'Proficiency rated.' })
  held: number;
}

@ObjectType({ description: 'What is missing for the next level.' })
export class QualificationGap {
  @Field(() => Int, { description: 'The next level.' })
  nextLevel: number;

  @Field(() => [DimensionGap], { description: 'Dimensions short of it.' })
  dimensions: DimensionGap[];

  @Field(() => Int, { description: 'Months of tenure missing.' })
  tenureMonthsMissing: number;

  @Field(() => Int, { description: 'Projects missing.' })
  projectsMissing: number;

  @Field({ description: 'Whether the performance gate fails.' })
  gateFailed: boolean;
}

@ObjectType({ description: "A person's qualification for a role at a moment, and the gap to the next level." })
export class QualificationStatus {
  @Field(() => DateTimeScalar, { description: 'What the system knew: the answer is as known at this moment.' })
  asKnownAt: Date;

  @Field({ description: 'The revision of the change log the answer was read from (a decimal string).' })
  revision: string;

  @Field(() => [AuthorityChange], {
    description: "Corrections of the past that decide one of the person's assessments this answer rests on.",
  })
  corrections: AuthorityChange[];

  @Field(() => ID, { description: 'The person.' })
  personId: string;

  @Field(() => TriangleRoleEnum, { description: 'The role.' })
  role: string;

  @Field(() => Int, { nullable: true, description: 'Level held; null when none.' })
  level: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End of validity of the level held.' })
  validUntil: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why no level is held: NEVER_ASSESSED, EXPIRED or NO_LEVEL_REACHED.',
  })
  reason: string | null;

  @Field(() => QualificationGap, {
    nullable: true,
    description: 'Gap to the next level (from the deciding assessment); null at the top level or when never assessed.',
  })
  gap: QualificationGap | null;

  @Field(() => ID, { nullable: true, description: 'The assessment that decides the answer.' })
  assessmentId: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The framework version the deciding assessment was made on (it keeps it when newer ones follow).',
  })
  frameworkId: string | null;

  @Field(() => String, { nullable: true, description: 'Name of that framework version.' })
  frameworkName: string | null;

  @Field(() => Int, { nullable: true, description: 'Its version number within its lineage (versionNo).' })
  frameworkVersion: number | null;
}

@ObjectType({
  description: 'A person who holds a role at a level (qualifiedPeople), and the assessment that certifies it.',
})
export class QualifiedPerson {
  @Field(() => ID, { description: 'The person.' })
  personId: string;

  @Field(() => Int, { description: 'The level held at the moment asked.' })
  level: number;

  @Field(() => DateTimeScalar, { description: 'Held since: when the certifying assessment was made.' })
  validFrom: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End of validity (exclusive); null when unlimited.' })
  validUntil: Date | null;

  @Field(() => ID, { description: 'The certifying assessment (the one qualificationStatus decides by).' })
  assessmentId: string;

  @Field({
    description:
      'Where this person stands in the order (opaque): pass it as `after` to qualifiedPeople or ' +
      'qualifiedPeoplePage with the same question for the people after this one.',
  })
  cursor: string;
}

@ObjectType({ description: 'A page of qualifiedPeople, with the total count.' })
export class QualifiedPersonPage {
  @Field(() => [QualifiedPerson], {
    description: 'The people of this page: the higher level first, then by name (code points), then by id.',
  })
  items: QualifiedPerson[];

  @Field(() => Int, { description: 'How many people the whole answer has (every page).' })
  totalCount: number;

  @Field(() => String, {
    nullable: true,
    description: "The last item's cursor (null on an empty page): the next `after`.",
  })
  endCursor: string | null;

  @Field({ description: 'Whether people follow this page.' })
  hasNextPage: boolean;
}

const QUALIFIED_FIRST =
  `At most this many people (1 to ${QUALIFIED_PEOPLE_MAX_PAGE}); ` + 'without it, everyone from `after` on.';
const QUALIFIED_AFTER =
  'The people after this cursor (a `cursor` or `endCursor` returned for the same question); ' +
  'without it, from the first.';

@Resolver(() => QualifiedPerson)
export class QualifiedPersonResolver {
  @Query(() => [QualifiedPerson], {
    description:
      'Who holds the role at `minLevel` or above at `at` (default now) — by the evaluation of qualificationStatus — ' +
      'in the subtree of `orgUnitId` (default everywhere), among the people the caller may see; the higher level ' +
      'first, then by name and id. `first` and `after` page (qualifiedPeoplePage adds the total count).',
  })
  @UseMiddleware(allow('qualifications', 'read'))
  async qualifiedPeople(
    @Arg('role', () => TriangleRoleEnum, { description: 'The role.' }) role: string,
    @Arg('minLevel', () => Int, { description: `The lowest level (1 to ${MAX_QUALIFICATION_LEVEL}).` })
    minLevel: number,
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'The moment (effective time; default now).' })
    at: Date | null,
    @Arg('orgUnitId', () => ID, { nullable: true, description: 'People in this org unit or below.' })
    orgUnitId: string | null,
    @Arg('first', () => Int, { nullable: true, description: QUALIFIED_FIRST }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: QUALIFIED_AFTER }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<QualifiedPerson[]> {
    return (await qualifiedPeoplePage(ctx, { role, minLevel, at, orgUnitId }, first, after, { count: false })).items;
  }

  @Query(() => QualifiedPersonPage, {
    description: 'qualifiedPeople by pages, with the total count (same order and cursors).',
  })
  @UseMiddleware(allow('qualifications', 'read'))
  qualifiedPeoplePage(
    @Arg('role', () => TriangleRoleEnum, { description: 'The role.' }) role: string,
    @Arg('minLevel', () => Int, { description: `The lowest level (1 to ${MAX_QUALIFICATION_LEVEL}).` })
    minLevel: number,
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'The moment (effective time; default now).' })
    at: Date | null,
    @Arg('orgUnitId', () => ID, { nullable: true, description: 'People in this org unit or below.' })
    orgUnitId: string | null,
    @Arg('first', () => Int, { nullable: true, description: QUALIFIED_FIRST }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: QUALIFIED_AFTER }) after: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<QualifiedPersonPage> {
    // The total needs the whole answer: counted only when the query selects it.
    const count = subfields(info.fieldNodes, info).has('totalCount');
    return qualifiedPeoplePage(ctx, { role, minLevel, at, orgUnitId }, first, after, { count });
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person.' })
  person(@Root() q: QualifiedPerson, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Person).load(Number(q.personId));
  }

  @FieldResolver(() => Assessment, { nullable: true, description: 'The certifying assessment.' })
  assessment(@Root() q: QualifiedPerson, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Assessment).load(Number(q.assessmentId));
  }
}

@Resolver(() => Assessment)
export class AssessmentResolver {
  @Query(() => QualificationStatus, {
    description:
      'What the person is qualified as in the role at `at` (default now), and what is missing for the next level.',
  })
  @UseMiddleware(allow('qualifications', 'read'))
  async qualificationStatus(
    @Arg('personId', () => ID, { description: 'The person.' }) personId: string,
    @Arg('role', () => TriangleRoleEnum, { description: 'The role.' }) role: string,
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'The moment (effective time; default now).' })
    at: Date | undefined,
    @Arg('asKnownAt', () => DateTimeScalar, {
      nullable: true,
      description:
        'Answer with what the system knew at this moment (recorded time; default now): reproduces the answer ' +
        'given then, corrections made later ignored.',
    })
    asKnownAt: Date | undefined,
    @Ctx() ctx: Context,
  ): Promise<QualificationStatus> {
    const id = toId(personId, 'personId');
    const moment = at ?? ctx.now;
    const knownAt = asKnownAt ?? ctx.now;
    if (knownAt.getTime() > ctx.now.getTime())
      throw badInput({ asKnownAt: 'is in the future: the system cannot know yet what it will know then' });
    // A person outside the caller's scope is not found (their qualification is theirs to see only in scope).
    const person = await ctx.db.manager.findOneBy(Person, { id });
    if (person ? !(await canRead(ctx, ctx.db.manager, Person, person)) : (await callerScope(ctx)) !== null)
      throw notFound('Person', id);
    // Assessments as they were at `at`, as known at `asKnownAt` (the ones now, where their history agrees).
    const em = ctx.db.manager;
    const now = moment.getTime() >= ctx.now.getTime() && knownAt.getTime() >= ctx.now.getTime();
    const current = await em.findBy(Assessment, { personId: id, role });
    const { rows, corrections } = now
      ? { rows: current, corrections: [] as AuthorityChange[] }
      : await rowsAsOf(em, ctx.db.dataSource, 'Assessment', current, moment, knownAt, (a) => {
          return a.personId === id && a.role === role;
        });
    const held = qualificationAt(rows.map(toCertification), String(id), role as TriangleRole, moment);
    const decidingId = 'assessmentId' in held ? Number(held.assessmentId) : null;
    const deciding = decidingId ? (rows.find((a) => a.id === decidingId) ?? null) : null;
    const revision = now && ctx.revision !== undefined ? ctx.revision : await revisionKnownAt(em, knownAt);
    ctx.revisions.read = revision;
    const framework = deciding
      ? await ctx.db.manager.findOneBy(QualificationFramework, { id: deciding.frameworkId })
      : null;
    return {
      personId: String(id),
      role,
      level: held.held ? held.level : null,
      validUntil: held.held ? held.validUntil : null,
      reason: held.held ? null : held.reason,
      gap: (deciding?.gap as QualificationGap | null | undefined) ?? null,
      assessmentId: decidingId ? String(decidingId) : null,
      frameworkId: deciding ? String(deciding.frameworkId) : null,
      frameworkName: framework?.name ?? null,
      frameworkVersion: framework?.versionNo ?? null,
      asKnownAt: knownAt,
      revision,
      corrections: now
        ? await latestCorrections(
            em,
            'Assessment',
            rows.map((a) => a.id),
          )
        : corrections,
    };
  }

  @FieldResolver(() => [AssessmentRating], { description: 'Ratings with evidence.' })
  ratings(@Root() a: Assessment, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(AssessmentRating, 'assessmentId').load(a.id);
  }

  @FieldResolver(() => String, {
    description:
      'The ratings in one line, "DIM:score; DIM:score" by dimension code (as a list export writes them, and as ' +
      'importRecords reads them back).',
  })
  async ratingSummary(@Root() a: Assessment, @Ctx() ctx: Context): Promise<string> {
    const ratings = await ctx.loaders.manyBy(AssessmentRating, 'assessmentId').load(a.id);
    return ratingsText([...ratings].sort((x, y) => (x.dimensionCode < y.dimensionCode ? -1 : 1)));
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who was assessed.' })
  person(@Root() a: Assessment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Person).load(a.personId);
  }
}
