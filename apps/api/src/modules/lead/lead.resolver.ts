// Leads and their nurture actions on the CRUD kernel (scope: the lead's org unit; audit and change log with it), and
// the steps of a lead: verifyLead (by someone other than the finder) and dropLead. Becoming an opportunity is
// convertLeadToOpportunity (opportunity module).
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import { Brackets, EntityManager } from 'typeorm';
import { checkLeadVerification, OpportunityRequirement } from '@iron-triangle/domain';
import { createCrudResolver, CrudSpec, toId } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { allowWrite } from '../../platform/permissions';
import { AppError, badInput, forbidden, notFound } from '../../platform/errors';
import { singleRefusal } from '../../platform/refusal';
import { writeAudit } from '../../platform/audit';
import { lockedRow } from '../../platform/db';
import { lockRevision, recordChange } from '../../platform/change-log';
import { assertWritable } from '../../platform/scope';
import { mustExist } from '../../platform/validation';
import { Customer } from '../customer';
import { OrgUnit } from '../org-unit';
import { Person } from '../person';
import { Lead, LeadNurtureAction } from './lead.entity';
import {
  CreateLeadArgs,
  CreateLeadNurtureActionArgs,
  LeadFilter,
  LeadNurtureActionFilter,
  UpdateLeadArgs,
  UpdateLeadNurtureActionArgs,
} from './lead.args';
import { applyLeadVerdicts, missingOf } from './lead.rules';

/** The signed-in user's person (who finds, verifies, owns by default); null for a token or a user without one. */
export function callerPersonId(ctx: Context): number | null {
  const p = ctx.principal;
  return p && p.kind === 'user' ? p.personId : null;
}

export const leadSpec: CrudSpec<Lead> = {
  entity: Lead,
  name: 'Lead',
  plural: 'Leads',
  label: 'lead',
  filter: LeadFilter,
  createArgs: CreateLeadArgs,
  updateArgs: UpdateLeadArgs,
  remove: 'hard',
  search: ['title', 'source'],
  scope: { kind: 'orgUnit', column: 'orgUnitId' },
  // The owner rule: the AR who owns it and the person who found it.
  owners: { columns: ['ownerId', 'foundById'] },
  references: { customerId: () => Customer },
  nested: {
    customer: { kind: 'one', entity: () => Customer, column: 'customerId', description: 'The customer.' },
    orgUnit: { kind: 'one', entity: () => OrgUnit, column: 'orgUnitId', description: 'The org unit that owns it.' },
    owner: { kind: 'one', entity: () => Person, column: 'ownerId', description: 'The AR who owns it.' },
    foundBy: { kind: 'one', entity: () => Person, column: 'foundById', description: 'Who found it.' },
    verifiedBy: { kind: 'one', entity: () => Person, column: 'verifiedById', description: 'Who verified it.' },
    nurtureActions: {
      kind: 'many',
      entity: () => LeadNurtureAction,
      column: 'leadId',
      description: 'Nurture actions, oldest first.',
    },
  },
  money: [
    { arg: 'expectedAmount', column: 'expectedAmountMinor', currencyColumn: 'currency' },
    { arg: 'budget', column: 'budgetMinor', currencyColumn: 'currency' },
  ],
  readOnlyColumns: [
    'leadClass',
    'classReasons',
    'classMissing',
    'grade',
    'gradeReasons',
    'verifiedById',
    'verifiedAt',
    'status',
    'opportunityId',
    'dropReason',
    'droppedAt',
  ],
  dependents: [{ entity: LeadNurtureAction, column: 'leadId', label: 'nurture actions' }],
  hooks: {
    async beforeCreate(values, { em, ctx }) {
      const me = callerPersonId(ctx);
      values.ownerId ??= me ?? undefined;
      values.foundById ??= me ?? undefined;
      if (values.ownerId === undefined)
        throw badInput({ ownerId: 'is required: you are not a person of the organisation, so name the owner' });
      if (values.foundById === undefined)
        throw badInput({ foundById: 'is required: you are not a person of the organisation, so name the finder' });
      await mustExist(em, OrgUnit, values.orgUnitId, 'orgUnitId', 'org unit');
      await mustExist(em, Customer, values.customerId, 'customerId', 'customer');
      await mustExist(em, Person, values.ownerId, 'ownerId', 'person');
      await mustExist(em, Person, values.foundById, 'foundById', 'person');
      values.status = 'OPEN';
      values.verifiedById = null;
      values.verifiedAt = null;
      values.opportunityId = null;
      await applyLeadVerdicts(em, values, null);
    },
    async beforeUpdate(patch, { em, before }) {
      await mustExist(em, OrgUnit, patch.orgUnitId, 'orgUnitId', 'org unit');
      await mustExist(em, Customer, patch.customerId, 'customerId', 'customer');
      await mustExist(em, Person, patch.ownerId, 'ownerId', 'person');
      await applyLeadVerdicts(em, patch, before);
    },
    beforeDelete({ before }) {
      if (before?.opportunityId)
        throw new AppError(
          'RECORD_IN_USE',
          `Lead ${before.id} became opportunity ${before.opportunityId}: it cannot be deleted. Drop it instead ` +
            'if it is no longer pursued.',
          { type: 'Lead', id: String(before.id), dependents: ['1 opportunity'] },
        );
    },
  },
};

export const LeadCrudResolver = createCrudResolver(leadSpec);

export const leadNurtureActionSpec: CrudSpec<LeadNurtureAction> = {
  entity: LeadNurtureAction,
  name: 'LeadNurtureAction',
  plural: 'LeadNurtureActions',
  label: 'nurture action',
  filter: LeadNurtureActionFilter,
  createArgs: CreateLeadNurtureActionArgs,
  updateArgs: UpdateLeadNurtureActionArgs,
  remove: 'hard',
  search: ['action'],
  scope: { kind: 'through', column: 'leadId', parent: () => Lead },
  // The owner rule: whoever does it (the lead's owners reach it through the lead).
  owners: { columns: ['ownerId'] },
  references: { leadId: () => Lead },
  dateColumn: 'dueDate',
  nested: {
    lead: { kind: 'one', entity: () => Lead, column: 'leadId', description: 'The lead.' },
    owner: { kind: 'one', entity: () => Person, column: 'ownerId', description: 'Who does it.' },
  },
  parent: { entity: Lead, column: 'leadId' },
  filters(qb, filter) {
    if (filter.done === true) qb.andWhere('r.doneAt IS NOT NULL');
    if (filter.done === false) qb.andWhere('r.doneAt IS NULL');
    if (filter.dueBefore instanceof Date)
      qb.andWhere(
        new Brackets((w) =>
          w.where('r.doneAt IS NULL').andWhere('r.dueDate < :dueBefore', { dueBefore: filter.dueBefore }),
        ),
      );
  },
  hooks: {
    async beforeCreate(values, { em }) {
      const lead = await em.findOneBy(Lead, { id: values.leadId });
      if (!lead) throw badInput({ leadId: `lead ${values.leadId} does not exist` });
      values.ownerId ??= lead.ownerId;
      await mustExist(em, Person, values.ownerId, 'ownerId', 'person');
    },
    async beforeUpdate(patch, { em }) {
      await mustExist(em, Person, patch.ownerId, 'ownerId', 'person');
    },
  },
};

export const LeadNurtureActionCrudResolver = createCrudResolver(leadNurtureActionSpec);

/** The lead with a locking read, in scope for writing (NOT_FOUND / FORBIDDEN otherwise). */
export async function lockLeadForWrite(ctx: Context, em: EntityManager, id: number): Promise<Lead> {
  const lead = await lockedRow(em, Lead, id);
  if (!lead) throw notFound('Lead', id);
  await assertWritable(ctx, em, Lead, 'lead', lead, null);
  return lead;
}

export function leadNotOpen(lead: Lead, what: string): AppError {
  return singleRefusal(
    'SALES.LEAD_NOT_OPEN',
    `Lead ${lead.id} is ${lead.status}, not OPEN: only an open lead can be ${what}.`,
    { status: lead.status },
    'id',
  );
}

/** Writes the lead's change (row, change log, audit) in the caller's transaction; the revision row is held. */
export async function saveLeadChange(
  em: EntityManager,
  ctx: Context,
  before: Lead,
  patch: Partial<Lead>,
  action: string,
  note: string | null,
): Promise<Lead> {
  await em.update(Lead, { id: before.id }, { ...patch, updatedAt: ctx.now, version: before.version + 1 } as never);
  const after = await em.findOneByOrFail(Lead, { id: before.id });
  await recordChange(em, ctx, 'Lead', after.id, 'UPDATE', after);
  await writeAudit(em, ctx, { action, entityType: 'Lead', entityId: after.id, before, after, note });
  return after;
}

@Resolver(() => Lead)
export class LeadResolver {
  @Mutation(() => Lead, {
    description:
      'Verifies an open lead as the signed-in person: once (SALES.LEAD_ALREADY_VERIFIED), and never by the one who ' +
      'found it (SALES.LEAD_VERIFIED_BY_FINDER). Records who and when.',
  })
  @UseMiddleware(allowWrite('Lead', 'edit'))
  async verifyLead(@Arg('id', () => ID, { description: 'The lead.' }) id: string, @Ctx() ctx: Context): Promise<Lead> {
    const leadId = toId(id);
    const me = callerPersonId(ctx);
    if (me === null)
      throw forbidden('Only a person of the organisation verifies a lead: sign in as a user linked to a person.');
    return ctx.db.transaction(async (em) => {
      await lockRevision(em);
      const lead = await lockLeadForWrite(ctx, em, leadId);
      if (lead.status !== 'OPEN') throw leadNotOpen(lead, 'verified');
      const checked = checkLeadVerification(
        { foundBy: String(lead.foundById), verifiedBy: lead.verifiedById === null ? null : String(lead.verifiedById) },
        String(me),
      );
      if (!checked.ok) {
        const e = checked.error;
        throw e.code === 'SALES.LEAD_ALREADY_VERIFIED'
          ? singleRefusal(
              e.code,
              `Lead ${lead.id} is already verified (by person ${e.data.verifiedBy}); a lead is verified once.`,
              e.data,
              'id',
            )
          : singleRefusal(
              e.code,
              `You found lead ${lead.id}: someone other than its finder must verify it.`,
              e.data,
              'id',
            );
      }
      return saveLeadChange(em, ctx, lead, { verifiedById: me, verifiedAt: ctx.now }, 'verify', null);
    });
  }

  @Mutation(() => Lead, {
    description: 'Drops an open lead (DROPPED, with the reason); a converted or dropped one: SALES.LEAD_NOT_OPEN.',
  })
  @UseMiddleware(allowWrite('Lead', 'edit'))
  async dropLead(
    @Arg('id', () => ID, { description: 'The lead.' }) id: string,
    @Arg('reason', { description: 'Why it is dropped.' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<Lead> {
    const leadId = toId(id);
    const why = reason.trim();
    if (!why || why.length > 2000) throw badInput({ reason: 'give a reason of 1 to 2000 characters' });
    return ctx.db.transaction(async (em) => {
      await lockRevision(em);
      const lead = await lockLeadForWrite(ctx, em, leadId);
      if (lead.status !== 'OPEN') throw leadNotOpen(lead, 'dropped');
      return saveLeadChange(em, ctx, lead, { status: 'DROPPED', dropReason: why, droppedAt: ctx.now }, 'drop', why);
    });
  }

  @FieldResolver(() => [String], {
    description:
      'What it still lacks to become an opportunity (DEFINITE_BUDGET, DEFINITE_START_TIME, FITTING_SOLUTION, ' +
      'VERIFIED, VERIFIED_BY_OTHER); empty: it may convert.',
  })
  missingForOpportunity(@Root() lead: Lead): OpportunityRequirement[] {
    return missingOf(lead);
  }
}
