import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { EntityManager, LessThanOrEqual } from 'typeorm';
import {
  checkAppointment,
  minimumLevelFor,
  ProjectGrade,
  qualificationAt,
  StaffingRule as DomainStaffingRule,
  TriangleRole,
} from '@iron-triangle/domain';
import { createCrudResolver, CrudSpec, toId } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { badInput, notFound } from '../../platform/errors';
import { allow } from '../../platform/permissions';
import { canRead } from '../../platform/scope';
import { DateTimeScalar } from '../../platform/scalars';
import { TriangleRoleEnum } from '../../platform/enums';
import { refusal } from '../../platform/refusal';
import { checkWindow, mustExist } from '../../platform/validation';
import { TeamAppointment } from './team-appointment.entity';
import { CreateTeamAppointmentArgs, TeamAppointmentFilter, UpdateTeamAppointmentArgs } from './team-appointment.args';
import { Project } from '../project';
import { Person } from '../person';
import { StaffingRule, toDomainStaffingRule } from '../staffing-rule';
import { certificationsOf } from '../assessment';

/** The staffing rules in force at `at` that cover the project's org unit. */
async function rulesFor(em: EntityManager, ctx: Context, project: Project, at: Date): Promise<DomainStaffingRule[]> {
  const rows = await em.find(StaffingRule, { where: { validFrom: LessThanOrEqual(at) } });
  const tree = await ctx.orgTree();
  return rows
    .filter(
      (r) =>
        (r.validTo === null || r.validTo.getTime() > at.getTime()) &&
        (r.orgUnitId === null || tree.isWithin(String(project.orgUnitId), String(r.orgUnitId))),
    )
    .map(toDomainStaffingRule);
}

const REASON_TEXT: Record<string, string> = {
  NEVER_ASSESSED: 'has never been assessed for the role',
  EXPIRED: 'holds an expired qualification',
  NO_LEVEL_REACHED: 'reached no qualification level',
};

/** Checks the staffing rules at the appointment's start (qualificationAt then checkAppointment). */
async function checkStaffing(
  em: EntityManager,
  ctx: Context,
  a: Partial<TeamAppointment>,
): Promise<Pick<TeamAppointment, 'qualificationLevel' | 'staffingCheck'>> {
  const project = await em.findOneBy(Project, { id: a.projectId as number });
  if (!project) throw badInput({ projectId: `project ${a.projectId} does not exist` });
  const person = await em.findOneBy(Person, { id: a.personId as number });
  if (!person) throw badInput({ personId: `person ${a.personId} does not exist` });
  const at = a.validFrom as Date;
  const role = a.role as TriangleRole;
  const qualification = qualificationAt(await certificationsOf(em, person.id, role), String(person.id), role, at);
  const rules = await rulesFor(em, ctx, project, at);
  const result = checkAppointment({ qualification, role, grade: project.grade as ProjectGrade, rules });
  const held = qualification.held ? qualification.level : null;
  if (result.ok) {
    return {
      qualificationLevel: held,
      staffingCheck: { ok: true, at: at.toISOString(), required: result.value.required, held },
    };
  }
  const refusals = result.error;
  if (a.exceptionReason) {
    return {
      qualificationLevel: held,
      staffingCheck: {
        ok: false,
        exception: a.exceptionReason,
        at: at.toISOString(),
        refusals: refusals.map((r) => ({ code: r.code, ...r.data })),
      },
    };
  }
  const message = (r: (typeof refusals)[number]) =>
    r.code === 'STAFFING.BELOW_MINIMUM'
      ? `${person.name} holds ${role} level ${r.data.held}, but a grade ${r.data.grade} project needs ${role} ` +
        `level ${r.data.required} or higher. Appoint someone qualified, or record an authorized exception ` +
        `(exceptionReason).`
      : `${person.name} ${REASON_TEXT[r.data.reason] ?? 'is not qualified'} (${role}); a grade ${r.data.grade} ` +
        `project needs ${role} level ${r.data.required}. Appoint someone qualified, or record an authorized ` +
        `exception (exceptionReason).`;
  // The refusal is about the person appointed; its code is the first reason's (platform/refusal.ts).
  throw refusal(
    refusals[0]!.code,
    message(refusals[0]!),
    refusals.map((r) => ({ code: r.code, message: message(r), data: { ...r.data }, field: 'personId' })),
  );
}

export const teamAppointmentSpec: CrudSpec<TeamAppointment> = {
  entity: TeamAppointment,
  name: 'TeamAppointment',
  plural: 'TeamAppointments',
  label: 'team appointment',
  filter: TeamAppointmentFilter,
  createArgs: CreateTeamAppointmentArgs,
  updateArgs: UpdateTeamAppointmentArgs,
  remove: 'end-date',
  scope: { kind: 'through', column: 'projectId', parent: () => Project },
  dateColumn: 'validFrom',
  readOnlyColumns: ['qualificationLevel', 'staffingCheck'],
  hooks: {
    async beforeCreate(values, { em, ctx }) {
      checkWindow(values.validFrom, values.validTo);
      await mustExist(em, Person, values.personId, 'personId', 'person');
      Object.assign(values, await checkStaffing(em, ctx, values));
    },
    async beforeUpdate(patch, { em, ctx, before }) {
      const merged = { ...before, ...patch };
      checkWindow(merged.validFrom, merged.validTo);
      // Forms resend whole records: check again only when what the check depends on changed.
      const changed =
        (patch.role !== undefined && patch.role !== before!.role) ||
        (patch.validFrom !== undefined && patch.validFrom.getTime() !== before!.validFrom.getTime()) ||
        (patch.exceptionReason !== undefined && patch.exceptionReason !== before!.exceptionReason);
      if (changed) Object.assign(patch, await checkStaffing(em, ctx, merged));
    },
  },
};

export const TeamAppointmentCrudResolver = createCrudResolver(teamAppointmentSpec);

@Resolver(() => TeamAppointment)
export class TeamAppointmentFieldResolver {
  @Query(() => Int, {
    nullable: true,
    description:
      'The qualification level the staffing rules require of the role on this project at `at` (default now): what ' +
      'an appointment is checked against (the strictest rule in force for its grade and org unit); null when no ' +
      'rule covers it.',
  })
  @UseMiddleware(allow('qualifications', 'read'))
  async staffingMinimumLevel(
    @Arg('projectId', () => ID, { description: 'The project.' }) projectId: string,
    @Arg('role', () => TriangleRoleEnum, { description: 'The team role.' }) role: string,
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'The moment (default now).' }) at: Date | null,
    @Ctx() ctx: Context,
  ): Promise<number | null> {
    const id = toId(projectId, 'projectId');
    const em = ctx.db.manager;
    const project = await em.findOneBy(Project, { id });
    if (!project || !(await canRead(ctx, em, Project, project))) throw notFound('Project', id);
    const rules = await rulesFor(em, ctx, project, at ?? ctx.now);
    return minimumLevelFor(rules, role as TriangleRole, project.grade as ProjectGrade);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person appointed.' })
  person(@Root() a: TeamAppointment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Person).load(a.personId);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project.' })
  project(@Root() a: TeamAppointment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Project).load(a.projectId);
  }
}
