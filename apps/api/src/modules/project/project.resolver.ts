import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import { EntityManager } from 'typeorm';
import {
  checkSequence,
  customerCooperationCriteria,
  CustomerTier,
  DecisionPoint,
  gradeProject,
  GradingCriteria,
  LTC_DECISION_POINTS,
} from '@iron-triangle/domain';
import { createCrudResolver, crudOperations, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { allow } from '../../platform/permissions';
import { badInput, notFound } from '../../platform/errors';
import { canRead } from '../../platform/scope';
import { mustExist } from '../../platform/validation';
import { Project } from './project.entity';
import {
  CreateProjectArgs,
  GradingCriteriaInput,
  ProjectFilter,
  ProjectInput,
  UpdateProjectArgs,
} from './project.args';
import { Customer } from '../customer';
import { OrgUnit } from '../org-unit';
import { TeamAppointment } from '../team-appointment';
import { Decision, reopenOnMaterialChange, toProjectDecision } from '../decision';
import { DecisionPointEnum } from '../../platform/enums';
import { IncentivePool } from '../incentive-pool';

function plainCriteria(
  input: GradingCriteriaInput | Record<string, unknown> | null | undefined,
): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(input ?? {})) if (typeof value === 'boolean') out[key] = value;
  return out;
}

/**
 * Grade from the criteria (with the customer's tier for a "major customer impact"), or by hand with a justification.
 * On update the grade changes only when the criteria, the customer or the hand-set grade change: a form that sends
 * the whole record back unchanged keeps it.
 */
async function applyGrade(
  em: EntityManager,
  values: Partial<Project>,
  before: Project | null,
  args: Record<string, unknown>,
): Promise<void> {
  const manualGiven =
    typeof args.grade === 'string' && (before === null || args.grade !== before.grade || !!args.gradeJustification);
  if (manualGiven) {
    const justification = (args.gradeJustification ?? before?.gradeJustification) as string | null | undefined;
    if (!justification) throw badInput({ gradeJustification: 'is required when the grade is set by hand' });
    values.grade = args.grade as string;
    values.gradeJustification = justification;
    values.gradeReasons = ['SET_BY_HAND'];
    if (args.gradeCriteria !== undefined)
      values.gradeCriteria = plainCriteria(args.gradeCriteria as GradingCriteriaInput);
    return;
  }
  const criteria = plainCriteria(
    (args.gradeCriteria as GradingCriteriaInput | undefined) ??
      (before?.gradeCriteria as Record<string, unknown> | null),
  );
  if (before) {
    const criteriaChanged =
      args.gradeCriteria !== undefined &&
      JSON.stringify(criteria) !== JSON.stringify(plainCriteria(before.gradeCriteria));
    const customerId = values.customerId === undefined ? before.customerId : values.customerId;
    const customerChanged = customerId !== before.customerId && !!criteria.majorCustomerImpact;
    if (!criteriaChanged && !customerChanged) return;
  }
  let effective: GradingCriteria = criteria;
  if (criteria.majorCustomerImpact) {
    const customerId = values.customerId === undefined ? before?.customerId : values.customerId;
    const customer = customerId ? await em.findOneBy(Customer, { id: customerId }) : null;
    const fromCustomer = customerCooperationCriteria((customer?.tier ?? null) as CustomerTier | null, true);
    effective = {
      ...criteria,
      majorSTierCustomerImpact: criteria.majorSTierCustomerImpact || fromCustomer.majorSTierCustomerImpact,
      majorATierCustomerImpact: criteria.majorATierCustomerImpact || fromCustomer.majorATierCustomerImpact,
    };
  }
  const grading = gradeProject(effective);
  values.grade = grading.grade;
  values.gradeReasons = [...grading.reasons];
  values.gradeCriteria = criteria;
  values.gradeJustification = null;
}

export const projectSpec: CrudSpec<Project> = {
  entity: Project,
  name: 'Project',
  plural: 'Projects',
  label: 'project',
  filter: ProjectFilter,
  createArgs: CreateProjectArgs,
  updateArgs: UpdateProjectArgs,
  remove: 'hard',
  search: ['name', 'externalRef'],
  scope: { kind: 'orgUnit', column: 'orgUnitId' },
  references: { customerId: () => Customer },
  nested: {
    customer: { kind: 'one', entity: () => Customer, column: 'customerId', description: 'The customer.' },
    orgUnit: { kind: 'one', entity: () => OrgUnit, column: 'orgUnitId', description: 'The org unit that runs it.' },
    team: {
      kind: 'many',
      entity: () => TeamAppointment,
      column: 'projectId',
      description: 'The team: appointments, past and present.',
    },
    decisions: {
      kind: 'many',
      entity: () => Decision,
      column: 'projectId',
      description: 'Decisions taken on the project.',
    },
  },
  money: [{ arg: 'amount', column: 'amountMinor', currencyColumn: 'currency' }],
  readOnlyColumns: ['gradeReasons', 'grade', 'gradeCriteria', 'gradeJustification'],
  dependents: [
    { entity: TeamAppointment, column: 'projectId', label: 'team appointments' },
    { entity: Decision, column: 'projectId', label: 'decisions' },
    { entity: IncentivePool, column: 'projectId', label: 'incentive pools' },
  ],
  hooks: {
    async beforeCreate(values, { em, args }) {
      await mustExist(em, OrgUnit, values.orgUnitId, 'orgUnitId', 'org unit');
      await mustExist(em, Customer, values.customerId, 'customerId', 'customer');
      await applyGrade(em, values, null, args);
    },
    async beforeUpdate(patch, { em, args, before }) {
      await mustExist(em, OrgUnit, patch.orgUnitId, 'orgUnitId', 'org unit');
      await mustExist(em, Customer, patch.customerId, 'customerId', 'customer');
      await applyGrade(em, patch, before, args);
    },
    // A material change (amount up by more than the company's share since an approval, a higher grade) reopens the
    // approvals it invalidates, in the change's transaction (the project's row is held: a decision racing it waits).
    async afterWrite(record, { em, ctx, before }) {
      if (before) await reopenOnMaterialChange(em, ctx, before, record);
    },
  },
};

export const ProjectCrudResolver = createCrudResolver(projectSpec);
const projects = crudOperations(projectSpec);

@Resolver(() => Project)
export class ProjectResolver {
  @Mutation(() => Project, {
    description:
      'Creates the project with this external reference, or updates it (for integrations; no version needed).',
  })
  @UseMiddleware(allow('projects', 'write'))
  async upsertProject(
    @Arg('externalRef', { description: 'Reference in the calling system.' }) externalRef: string,
    @Arg('input', () => ProjectInput, { description: 'The project.' }) input: ProjectInput,
    @Ctx() ctx: Context,
  ): Promise<Project> {
    const existing = await ctx.db.manager.findOneBy(Project, { externalRef });
    const args = { ...input, externalRef } as Record<string, unknown>;
    if (!existing) return projects.create(ctx, args);
    // The reference is taken by a project outside the caller's scope: not found, without naming that project.
    if (!(await canRead(ctx, ctx.db.manager, Project, existing)))
      throw notFound('Project with externalRef', externalRef);
    return projects.update(ctx, { ...args, id: String(existing.id), version: existing.version });
  }

  @FieldResolver(() => [Decision], {
    description:
      'Decisions a material change to the project reopened (reopenedAt and reopenedReason say when and why), ' +
      'oldest first: they no longer count, and their points are decided again.',
  })
  async reopenedDecisions(@Root() p: Project, @Ctx() ctx: Context): Promise<Decision[]> {
    const all = await ctx.loaders.manyBy(Decision, 'projectId').load(p.id);
    return all.filter((d) => d.reopenedAt !== null).sort((a, b) => a.id - b.id);
  }

  @FieldResolver(() => [DecisionPointEnum], {
    description:
      'The LTC decision points that may be taken now, in sequence (ATI before ATB before ATC; ATAC and ATCC ' +
      'after ATC; none once ATCC is approved). Whether a person may take one is `authorize`.',
  })
  async decisionPointsInSequence(@Root() p: Project, @Ctx() ctx: Context): Promise<DecisionPoint[]> {
    const all = await ctx.loaders.manyBy(Decision, 'projectId').load(p.id);
    const decisions = [...all].sort((a, b) => a.id - b.id).map(toProjectDecision);
    return LTC_DECISION_POINTS.filter((point) => checkSequence(point, decisions).ok);
  }
}
