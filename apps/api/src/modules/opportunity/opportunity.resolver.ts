// Opportunities on the CRUD kernel (scope: the org unit; audit and change log with it): a stage change is checked by
// the domain (checkStageTransition) and appended to the stage history. convertLeadToOpportunity turns a ready lead
// into one, createProjectFromOpportunity makes the project at ATI; both all or nothing in one transaction, the rows
// they check taken with locking reads.
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import {
  checkStageTransition,
  CustomerTier,
  gradeLead,
  gradeProject,
  isClosedStage,
  leadToOpportunity,
  OpportunityRequirement,
  OpportunityStage,
  projectCriteriaFromLead,
} from '@iron-triangle/domain';
import { createCrudResolver, CrudSpec, toId } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { allow, allowWrite } from '../../platform/permissions';
import { badInput, notFound } from '../../platform/errors';
import { singleRefusal } from '../../platform/refusal';
import { writeAudit } from '../../platform/audit';
import { lockedRow } from '../../platform/db';
import { insertRow } from '../../platform/insert-row';
import { lockRevision, recordChange } from '../../platform/change-log';
import { assertWritable } from '../../platform/scope';
import { mustExist } from '../../platform/validation';
import { DateTimeScalar } from '../../platform/scalars';
import { OpportunityStageEnum } from '../../platform/enums';
import { Customer } from '../customer';
import { companySettingsOf, requestSettings } from '../company-settings';
import { OrgUnit } from '../org-unit';
import { Person } from '../person';
import { Project } from '../project';
import { callerPersonId, gradeCriteriaOf, Lead, leadNotOpen, lockLeadForWrite, saveLeadChange } from '../lead';
import { Opportunity, StageMove } from './opportunity.entity';
import { CreateOpportunityArgs, OpportunityFilter, UpdateOpportunityArgs } from './opportunity.args';

/** What each missing requirement means, for the message of SALES.LEAD_NOT_READY. */
const REQUIREMENT_WORDS: Record<OpportunityRequirement, string> = {
  DEFINITE_BUDGET: 'a definite budget of the customer',
  DEFINITE_START_TIME: 'a definite start time',
  FITTING_SOLUTION: 'a fitting solution of ours',
  VERIFIED: 'a verification',
  VERIFIED_BY_OTHER: 'a verification by someone other than the finder',
};

const moveOf = (stage: string, at: Date, ctx: Context): StageMove => ({
  stage,
  at: at.toISOString(),
  by: ctx.principal?.kind === 'user' ? ctx.principal.userId : null,
});

function stageRefused(from: string, to: string, allowed: readonly string[]) {
  return singleRefusal(
    'SALES.STAGE_TRANSITION_REFUSED',
    `An opportunity at ${from} cannot move to ${to}: ` +
      (allowed.length ? `it may move to ${allowed.join(', ')}.` : `${from} is final.`),
    { from, to, allowed: [...allowed] },
    'stage',
  );
}

/**
 * The grade of an opportunity made without a lead: graded as a lead is, on size and the customer's tier, by the
 * company's size thresholds.
 */
async function gradeWithoutLead(em: EntityManager, values: Partial<Opportunity>): Promise<string> {
  const thresholds = (await companySettingsOf(em)).leadSizeThresholds;
  const customer = values.customerId ? await em.findOneBy(Customer, { id: values.customerId }) : null;
  const grading = gradeLead(
    {
      expectedAmount:
        values.expectedAmountMinor === undefined
          ? null
          : { minor: values.expectedAmountMinor, currency: values.currency as string },
      customerTier: (customer?.tier ?? null) as CustomerTier | null,
    },
    thresholds,
  );
  if (!grading.ok)
    throw badInput({
      currency: `opportunities are graded on size in ${thresholds.currency} ` + `(${String(values.currency)} given)`,
    });
  return grading.value.grade;
}

export const opportunitySpec: CrudSpec<Opportunity> = {
  entity: Opportunity,
  name: 'Opportunity',
  plural: 'Opportunities',
  label: 'opportunity',
  filter: OpportunityFilter,
  createArgs: CreateOpportunityArgs,
  updateArgs: UpdateOpportunityArgs,
  remove: 'hard',
  search: ['name'],
  scope: { kind: 'orgUnit', column: 'orgUnitId' },
  // The owner rule: the AR who owns it.
  owners: { columns: ['ownerId'] },
  references: { customerId: () => Customer },
  dateColumn: 'closeDate',
  nested: {
    lead: { kind: 'one', entity: () => Lead, column: 'leadId', description: 'The lead it came from.' },
    customer: { kind: 'one', entity: () => Customer, column: 'customerId', description: 'The customer.' },
    orgUnit: { kind: 'one', entity: () => OrgUnit, column: 'orgUnitId', description: 'The org unit that owns it.' },
    owner: { kind: 'one', entity: () => Person, column: 'ownerId', description: 'The AR who owns it.' },
    project: { kind: 'one', entity: () => Project, column: 'projectId', description: 'The project made from it.' },
  },
  money: [{ arg: 'expectedAmount', column: 'expectedAmountMinor', currencyColumn: 'currency' }],
  readOnlyColumns: ['stageHistory', 'grade', 'projectId', 'leadId'],
  filters(qb, filter) {
    if (filter.closeFrom instanceof Date) qb.andWhere('r.closeDate >= :closeFrom', { closeFrom: filter.closeFrom });
    if (filter.closeTo instanceof Date) qb.andWhere('r.closeDate < :closeTo', { closeTo: filter.closeTo });
  },
  hooks: {
    async beforeCreate(values, { em, ctx }) {
      values.ownerId ??= callerPersonId(ctx) ?? undefined;
      if (values.ownerId === undefined)
        throw badInput({ ownerId: 'is required: you are not a person of the organisation, so name the owner' });
      await mustExist(em, OrgUnit, values.orgUnitId, 'orgUnitId', 'org unit');
      await mustExist(em, Customer, values.customerId, 'customerId', 'customer');
      await mustExist(em, Person, values.ownerId, 'ownerId', 'person');
      if ((values.expectedAmountMinor as bigint) < 0n) throw badInput({ expectedAmount: 'may not be negative' });
      values.stage ??= 'POTENTIAL';
      values.stageHistory = [moveOf(values.stage, ctx.now, ctx)];
      values.leadId = null;
      values.projectId = null;
      values.grade = await gradeWithoutLead(em, values);
    },
    async beforeUpdate(patch, { em, ctx, before }) {
      const current = before as Opportunity;
      await mustExist(em, Person, patch.ownerId, 'ownerId', 'person');
      if (patch.expectedAmountMinor !== undefined && patch.expectedAmountMinor < 0n)
        throw badInput({ expectedAmount: 'may not be negative' });
      if (patch.stage !== undefined && patch.stage !== current.stage) {
        const checked = checkStageTransition(current.stage as OpportunityStage, patch.stage as OpportunityStage);
        if (!checked.ok) throw stageRefused(current.stage, patch.stage, checked.error.data.allowed);
        patch.stageHistory = [...current.stageHistory, moveOf(patch.stage, ctx.now, ctx)];
      } else delete patch.stage;
    },
  },
};

export const OpportunityCrudResolver = createCrudResolver(opportunitySpec);

/** Inserts a row of a logged record type, with its change-log entry and audit entry (the revision row is held). */
async function insertLogged<T extends { id: number }>(
  em: EntityManager,
  ctx: Context,
  entity: new () => T,
  recordType: string,
  values: object,
  note: string,
): Promise<T> {
  const id = Number(await insertRow(em, entity, { ...values, version: 1, createdAt: ctx.now, updatedAt: ctx.now }));
  const row = (await em.findOneByOrFail(entity, { id } as never)) as T;
  await recordChange(em, ctx, recordType, id, 'CREATE', row);
  await writeAudit(em, ctx, { action: 'create', entityType: recordType, entityId: id, after: row, note });
  return row;
}

@Resolver(() => Opportunity)
export class OpportunityResolver {
  @Mutation(() => Opportunity, {
    description:
      'Turns an open lead into an opportunity when the customer has a definite budget and start time, we have a ' +
      'fitting solution and someone other than the finder verified it; otherwise SALES.LEAD_NOT_READY names every ' +
      'missing fact (reasons[0].data.missing). The opportunity takes the lead’s customer, org unit, owner, grade ' +
      'and budget (as its expected amount); the lead becomes CONVERTED. All or nothing.',
  })
  @UseMiddleware(allowWrite('Opportunity', 'create'))
  async convertLeadToOpportunity(
    @Arg('leadId', () => ID, { description: 'The lead.' }) leadId: string,
    @Arg('name', () => String, { nullable: true, description: 'Name (default: the lead’s title).' })
    name: string | null | undefined,
    @Arg('stage', () => OpportunityStageEnum, { nullable: true, description: 'Starting stage (default POTENTIAL).' })
    stage: string | null | undefined,
    @Arg('closeDate', () => DateTimeScalar, {
      nullable: true,
      description: 'Expected close date (default: the lead’s expected date, else its start time).',
    })
    closeDate: Date | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Opportunity> {
    const id = toId(leadId, 'leadId');
    const title = name?.trim();
    if (name !== null && name !== undefined && (!title || title.length > 200))
      throw badInput({ name: 'give a name of 1 to 200 characters' });
    const first = (stage ?? 'POTENTIAL') as OpportunityStage;
    if (isClosedStage(first)) throw badInput({ stage: 'a new opportunity starts at an open stage' });
    return ctx.db.transaction(async (em) => {
      await lockRevision(em);
      const lead = await lockLeadForWrite(ctx, em, id);
      if (lead.status !== 'OPEN') throw leadNotOpen(lead, 'converted');
      const verdict = leadToOpportunity({
        budget: lead.budgetMinor === null ? null : { minor: lead.budgetMinor, currency: lead.currency },
        startTime: lead.startTime,
        fittingSolution: lead.fittingSolution,
        foundBy: String(lead.foundById),
        verifiedBy: lead.verifiedById === null ? null : String(lead.verifiedById),
      });
      if (!verdict.ok) {
        const missing = verdict.error.data.missing;
        throw singleRefusal(
          'SALES.LEAD_NOT_READY',
          `Lead ${lead.id} cannot become an opportunity yet: it lacks ` +
            `${missing.map((m) => REQUIREMENT_WORDS[m]).join(', ')} (${missing.join(', ')}).`,
          { missing },
          'leadId',
        );
      }
      const values = {
        name: title ?? lead.title,
        leadId: lead.id,
        customerId: lead.customerId,
        orgUnitId: lead.orgUnitId,
        ownerId: lead.ownerId,
        stage: first,
        stageHistory: [moveOf(first, ctx.now, ctx)],
        expectedAmountMinor: verdict.value.expectedAmount.minor,
        currency: lead.currency,
        closeDate: closeDate ?? lead.expectedDate ?? verdict.value.startTime,
        probability: null,
        grade: lead.grade,
        projectId: null,
      };
      await assertWritable(ctx, em, Opportunity, 'opportunity', null, values);
      const opportunity = await insertLogged(em, ctx, Opportunity, 'Opportunity', values, `from lead ${lead.id}`);
      await saveLeadChange(
        em,
        ctx,
        lead,
        { status: 'CONVERTED', opportunityId: opportunity.id },
        'convert',
        `opportunity ${opportunity.id}`,
      );
      return opportunity;
    });
  }

  @Mutation(() => Project, {
    description:
      'Makes the project of an opportunity (at ATI): stage OPPORTUNITY with ATI as its next decision, the ' +
      'customer, org unit, amount and currency carried, graded from the lead’s strategic criteria; linked both ways. ' +
      'An opportunity that has a project already: SALES.OPPORTUNITY_ALREADY_HAS_PROJECT. All or nothing.',
  })
  @UseMiddleware(allow('projects', 'write'))
  async createProjectFromOpportunity(
    @Arg('opportunityId', () => ID, { description: 'The opportunity.' }) opportunityId: string,
    @Arg('name', () => String, { nullable: true, description: 'Project name (default: the opportunity’s).' })
    name: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Project> {
    const id = toId(opportunityId, 'opportunityId');
    const title = name?.trim();
    if (name !== null && name !== undefined && (!title || title.length > 200))
      throw badInput({ name: 'give a name of 1 to 200 characters' });
    return ctx.db.transaction(async (em) => {
      await lockRevision(em);
      const opportunity = await lockedRow(em, Opportunity, id);
      if (!opportunity) throw notFound('Opportunity', id);
      await assertWritable(ctx, em, Opportunity, 'opportunity', opportunity, null);
      if (opportunity.projectId !== null)
        throw singleRefusal(
          'SALES.OPPORTUNITY_ALREADY_HAS_PROJECT',
          `Opportunity ${opportunity.id} already became project ${opportunity.projectId}: an opportunity makes one ` +
            'project.',
          { projectId: String(opportunity.projectId) },
          'opportunityId',
        );
      if (opportunity.stage === 'LOST') throw stageRefused('LOST', 'a project', []);
      const lead = opportunity.leadId === null ? null : await em.findOneBy(Lead, { id: opportunity.leadId });
      const criteria = lead ? projectCriteriaFromLead(gradeCriteriaOf(lead, null)) : {};
      const grading = gradeProject(criteria);
      const values = {
        externalRef: null,
        name: title ?? opportunity.name,
        customerId: opportunity.customerId,
        orgUnitId: opportunity.orgUnitId,
        stage: 'OPPORTUNITY',
        amountMinor: opportunity.expectedAmountMinor,
        currency: opportunity.currency,
        grade: grading.grade,
        gradeReasons: [...grading.reasons],
        gradeCriteria: { ...criteria },
        gradeJustification: null,
        opportunityId: opportunity.id,
      };
      await assertWritable(ctx, em, Project, 'project', null, values);
      const project = await insertLogged(em, ctx, Project, 'Project', values, `from opportunity ${opportunity.id}`);
      await em.update(
        Opportunity,
        { id: opportunity.id },
        { projectId: project.id, updatedAt: ctx.now, version: opportunity.version + 1 },
      );
      const after = await em.findOneByOrFail(Opportunity, { id: opportunity.id });
      await recordChange(em, ctx, 'Opportunity', after.id, 'UPDATE', after);
      await writeAudit(em, ctx, {
        action: 'create-project',
        entityType: 'Opportunity',
        entityId: after.id,
        before: opportunity,
        after,
        note: `project ${project.id}`,
      });
      return project;
    });
  }

  @FieldResolver(() => Int, {
    description: "The probability that weighs it: its own while open, else its stage's (company settings).",
  })
  async effectiveProbability(@Root() o: Opportunity, @Ctx() ctx: Context): Promise<number> {
    const stage = o.stage as OpportunityStage;
    if (!isClosedStage(stage) && o.probability !== null) return o.probability;
    return (await requestSettings(ctx)).stageProbabilities[stage];
  }
}

@Resolver(() => Lead)
export class LeadOpportunityFieldResolver {
  @FieldResolver(() => Opportunity, { nullable: true, description: 'The opportunity it became.' })
  opportunity(@Root() lead: Lead, @Ctx() ctx: Context) {
    return lead.opportunityId === null ? null : ctx.loaders.byId(Opportunity).load(lead.opportunityId);
  }
}

@Resolver(() => Project)
export class ProjectOpportunityFieldResolver {
  @FieldResolver(() => Opportunity, { nullable: true, description: 'The opportunity the project was made from.' })
  opportunity(@Root() project: Project, @Ctx() ctx: Context) {
    return project.opportunityId === null || project.opportunityId === undefined
      ? null
      : ctx.loaders.byId(Opportunity).load(project.opportunityId);
  }
}
