// The power map as records (react-admin's convention, through the CRUD kernel: scope through the customer, audit and
// change log), its fields (the attitude and its history), recording an attitude, and the key-account warnings of the
// signed-in person.
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';
import { EntityManager, In } from 'typeorm';
import {
  AccountMap,
  Attitude,
  CustomerTier,
  DecisionRole,
  keyAccountWarnings as domainKeyAccountWarnings,
  overduePlanActions,
} from '@iron-triangle/domain';
import { createCrudResolver, CrudSpec, toId } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { badInput, notFound } from '../../platform/errors';
import { allow, allowWrite, requirePrincipal } from '../../platform/permissions';
import { assertWritable, declareScope, readableRows } from '../../platform/scope';
import { DateTimeScalar } from '../../platform/scalars';
import { localeOf } from '../../platform/locale';
import { lockedRow } from '../../platform/db';
import { insertRow } from '../../platform/insert-row';
import { writeAudit } from '../../platform/audit';
import { lockRevision, recordChange } from '../../platform/change-log';
import { mustExist } from '../../platform/validation';
import { Customer } from '../customer';
import { Opportunity } from '../opportunity';
import { Person } from '../person';
import { RelationshipPlanAction, Stakeholder, StakeholderAttitude } from './power-map.entity';
import {
  CreateRelationshipPlanActionArgs,
  CreateStakeholderArgs,
  RelationshipPlanActionFilter,
  StakeholderFilter,
  UpdateRelationshipPlanActionArgs,
  UpdateStakeholderArgs,
} from './power-map.args';
import {
  assertReportsTo,
  attitudeOf,
  checkAttitude,
  customerArOf,
  historiesOf,
  historyOrder,
} from './power-map.service';

declareScope(StakeholderAttitude, 'StakeholderAttitude', {
  kind: 'through',
  column: 'stakeholderId',
  parent: () => Stakeholder,
});

/** Appends one attitude to a stakeholder's history (the caller holds the transaction and has checked the value). */
async function appendAttitude(
  em: EntityManager,
  ctx: Context,
  stakeholderId: number,
  attitude: number,
  at: Date,
  note: string | null,
): Promise<void> {
  const principal = ctx.principal;
  await insertRow(em, StakeholderAttitude, {
    stakeholderId,
    attitude,
    at,
    recordedById: principal?.kind === 'user' ? principal.personId : null,
    note,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
}

/** The person a new relationship defaults to: the customer's AR (customerArOf), else the person signed in. */
async function defaultOwner(em: EntityManager, ctx: Context, customerId: number): Promise<number | null> {
  const ar = await customerArOf(em, customerId, ctx.now);
  if (ar !== null) return ar;
  const principal = ctx.principal;
  return principal?.kind === 'user' ? principal.personId : null;
}

export const stakeholderSpec: CrudSpec<Stakeholder> = {
  entity: Stakeholder,
  name: 'Stakeholder',
  plural: 'Stakeholders',
  label: 'stakeholder',
  filter: StakeholderFilter,
  createArgs: CreateStakeholderArgs,
  updateArgs: UpdateStakeholderArgs,
  remove: 'hard',
  search: ['name', 'title'],
  scope: { kind: 'through', column: 'customerId', parent: () => Customer },
  // The owner rule: who owns the relationship, and the owner of the opportunity whose map they are on.
  owners: { columns: ['relationshipOwnerId'], of: [{ column: 'opportunityId', parent: () => Opportunity }] },
  references: { relationshipOwnerId: () => Person, reportsToId: () => Stakeholder, opportunityId: () => Opportunity },
  nested: {
    customer: { kind: 'one', entity: () => Customer, column: 'customerId', description: 'The customer.' },
    opportunity: {
      kind: 'one',
      entity: () => Opportunity,
      column: 'opportunityId',
      description: 'The opportunity whose map they are on; null: the customer’s own map.',
    },
    reportsTo: {
      kind: 'one',
      entity: () => Stakeholder,
      column: 'reportsToId',
      description: 'The stakeholder they report to; null at the top.',
    },
    relationshipOwner: {
      kind: 'one',
      entity: () => Person,
      column: 'relationshipOwnerId',
      description: 'Who on our side owns the relationship (null: none, or outside what you may see).',
    },
  },
  dependents: [
    { entity: Stakeholder, column: 'reportsToId', label: 'stakeholders reporting to them' },
    { entity: RelationshipPlanAction, column: 'stakeholderId', label: 'relationship plan actions' },
  ],
  hooks: {
    async beforeCreate(values, { em, ctx, args }) {
      const customerId = values.customerId as number;
      await mustExist(em, Customer, customerId, 'customerId', 'customer');
      if (args.attitude !== undefined && args.attitude !== null) checkAttitude(args.attitude, localeOf(ctx));
      await assertReportsTo(em, customerId, null, values.reportsToId ?? null, localeOf(ctx));
      await mustExist(em, Person, values.relationshipOwnerId, 'relationshipOwnerId', 'person');
      if (values.relationshipOwnerId === undefined || values.relationshipOwnerId === null)
        values.relationshipOwnerId = await defaultOwner(em, ctx, customerId);
    },
    async beforeUpdate(patch, { em, ctx, args, before }) {
      if (args.attitude !== undefined && args.attitude !== null) checkAttitude(args.attitude, localeOf(ctx));
      if (patch.reportsToId !== undefined)
        await assertReportsTo(em, before!.customerId, before!.id, patch.reportsToId, localeOf(ctx));
      await mustExist(em, Person, patch.relationshipOwnerId, 'relationshipOwnerId', 'person');
    },
    async afterWrite(record, { em, ctx, args, before }) {
      const attitude = args.attitude;
      if (attitude === undefined || attitude === null) return;
      if (before !== null) {
        // Forms resend whole records: only a change of the current attitude appends to the history.
        const current = attitudeOf((await historiesOf(em, [record.id])).get(record.id) ?? [], ctx.now);
        if (current === attitude) return;
      }
      await appendAttitude(em, ctx, record.id, attitude as number, ctx.now, null);
    },
    async beforeDelete({ em, before }) {
      // The history goes with the stakeholder (its change log keeps it); dependents are checked after this.
      await em.delete(StakeholderAttitude, { stakeholderId: before!.id });
    },
  },
};

export const StakeholderCrudResolver = createCrudResolver(stakeholderSpec);

export const relationshipPlanActionSpec: CrudSpec<RelationshipPlanAction> = {
  entity: RelationshipPlanAction,
  name: 'RelationshipPlanAction',
  plural: 'RelationshipPlanActions',
  label: 'relationship plan action',
  filter: RelationshipPlanActionFilter,
  createArgs: CreateRelationshipPlanActionArgs,
  updateArgs: UpdateRelationshipPlanActionArgs,
  remove: 'hard',
  search: ['action', 'note'],
  scope: { kind: 'through', column: 'customerId', parent: () => Customer },
  // The owner rule: who does it, and whoever owns the opportunity it serves or the relationship it aims at.
  owners: {
    columns: ['ownerId'],
    of: [
      { column: 'opportunityId', parent: () => Opportunity },
      { column: 'stakeholderId', parent: () => Stakeholder },
    ],
  },
  references: { ownerId: () => Person, stakeholderId: () => Stakeholder, opportunityId: () => Opportunity },
  dateColumn: 'dueDate',
  nested: {
    customer: { kind: 'one', entity: () => Customer, column: 'customerId', description: 'The customer.' },
    opportunity: {
      kind: 'one',
      entity: () => Opportunity,
      column: 'opportunityId',
      description: 'The opportunity it serves; null: the account as a whole.',
    },
    stakeholder: {
      kind: 'one',
      entity: () => Stakeholder,
      column: 'stakeholderId',
      description: 'The stakeholder it is aimed at.',
    },
    owner: {
      kind: 'one',
      entity: () => Person,
      column: 'ownerId',
      description: 'Who does it (null: outside what you may see).',
    },
  },
  filters(qb, f, ctx) {
    if (f.done === true) qb.andWhere('r.doneAt IS NOT NULL');
    if (f.done === false) qb.andWhere('r.doneAt IS NULL');
    if (f.overdue === true) qb.andWhere('r.doneAt IS NULL AND r.dueDate < :overdueAt', { overdueAt: ctx.now });
    if (f.overdue === false) qb.andWhere('(r.doneAt IS NOT NULL OR r.dueDate >= :overdueAt)', { overdueAt: ctx.now });
  },
  hooks: {
    async beforeCreate(values, { em, ctx }) {
      const customerId = values.customerId as number;
      await mustExist(em, Customer, customerId, 'customerId', 'customer');
      await sameCustomer(em, customerId, values.stakeholderId);
      await mustExist(em, Person, values.ownerId, 'ownerId', 'person');
      if (values.ownerId === undefined || values.ownerId === null) {
        const target = values.stakeholderId ? await em.findOneBy(Stakeholder, { id: values.stakeholderId }) : null;
        const owner = target?.relationshipOwnerId ?? (await defaultOwner(em, ctx, customerId));
        if (owner === null) throw badInput({ ownerId: 'give the person on our side who does it' });
        values.ownerId = owner;
      }
    },
    async beforeUpdate(patch, { em, before }) {
      await sameCustomer(em, before!.customerId, patch.stakeholderId);
      await mustExist(em, Person, patch.ownerId, 'ownerId', 'person');
    },
  },
};

/** A plan action's stakeholder must be on the same customer's map. */
async function sameCustomer(em: EntityManager, customerId: number, stakeholderId: number | null | undefined) {
  if (stakeholderId === null || stakeholderId === undefined) return;
  const target = await em.findOneBy(Stakeholder, { id: stakeholderId });
  if (!target || target.customerId !== customerId)
    throw badInput({ stakeholderId: `stakeholder ${stakeholderId} is not on this customer's power map` });
}

export const RelationshipPlanActionCrudResolver = createCrudResolver(relationshipPlanActionSpec);

@ObjectType({
  description:
    'A key account (tier S or A) of the signed-in person that needs attention: its decision makers hostile (≤ −1) ' +
    'or of unknown attitude, or none mapped, and the plan actions of theirs that are overdue.',
})
export class KeyAccountWarning {
  @Field(() => Customer, { description: 'The customer.' })
  customer: Customer;

  @Field(() => [String], {
    description:
      'Why, in this order: NO_DECISION_MAKER, DECISION_MAKER_HOSTILE, DECISION_MAKER_ATTITUDE_UNKNOWN, ' +
      'PLAN_ACTIONS_OVERDUE.',
  })
  codes: string[];

  @Field(() => [Stakeholder], { description: 'The decision makers hostile (≤ −1) at the time asked.' })
  hostile: Stakeholder[];

  @Field(() => [Stakeholder], { description: 'The decision makers with no attitude recorded by the time asked.' })
  unknown: Stakeholder[];

  @Field(() => [RelationshipPlanAction], {
    description: 'Their plan actions on the account open and past due at the time asked, longest overdue first.',
  })
  overdueActions: RelationshipPlanAction[];
}

@Resolver(() => Stakeholder)
export class StakeholderFieldResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'The attitude now (−3 … +3): the latest of the history; null while none is recorded (unknown).',
  })
  async attitude(@Root() s: Stakeholder, @Ctx() ctx: Context): Promise<number | null> {
    return attitudeOf(await ctx.loaders.manyBy(StakeholderAttitude, 'stakeholderId').load(s.id), ctx.now);
  }

  @FieldResolver(() => [StakeholderAttitude], { description: 'Every recorded attitude, oldest first; never changed.' })
  async attitudeHistory(@Root() s: Stakeholder, @Ctx() ctx: Context): Promise<StakeholderAttitude[]> {
    return historyOrder(await ctx.loaders.manyBy(StakeholderAttitude, 'stakeholderId').load(s.id));
  }

  @Mutation(() => Stakeholder, {
    description:
      "Appends an attitude to a stakeholder's history (at: when they held it, default now, not in the future); the " +
      'earlier records stay as they were. Off the scale −3 … +3: SALES.ATTITUDE_OUT_OF_RANGE, nothing written. ' +
      'Audited and kept in the change log.',
  })
  @UseMiddleware(allowWrite('Stakeholder', 'record'))
  recordStakeholderAttitude(
    @Arg('stakeholderId', () => ID, { description: 'The stakeholder.' }) stakeholderId: string,
    @Arg('attitude', () => Int, { description: 'From −3 (strong opposition) to +3 (strong exclusive support).' })
    attitude: number,
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'When they held it (default now).' })
    at: Date | null,
    @Arg('note', () => String, { nullable: true, description: 'What it is based on (at most 2000 characters).' })
    note: string | null,
    @Ctx() ctx: Context,
  ): Promise<Stakeholder> {
    const id = toId(stakeholderId, 'stakeholderId');
    const when = at ?? ctx.now;
    return ctx.db.transaction(async (em) => {
      await lockRevision(em);
      const before = await lockedRow(em, Stakeholder, id);
      if (!before) throw notFound('Stakeholder', id);
      await assertWritable(ctx, em, Stakeholder, 'stakeholder', before, null);
      checkAttitude(attitude, localeOf(ctx));
      if (when.getTime() > ctx.now.getTime()) throw badInput({ at: 'may not be in the future' });
      if (note !== null && note !== undefined && note.length > 2000)
        throw badInput({ note: 'is too long: at most 2000 characters' });
      await appendAttitude(em, ctx, id, attitude, when, note ?? null);
      await recordChange(em, ctx, 'Stakeholder', id, 'UPDATE');
      await writeAudit(em, ctx, {
        action: 'record',
        entityType: 'Stakeholder',
        entityId: id,
        before,
        after: before,
        note: `attitude ${attitude > 0 ? '+' : ''}${attitude} at ${when.toISOString()}${note ? `: ${note}` : ''}`,
      });
      return before;
    });
  }

  @Query(() => [KeyAccountWarning], {
    description:
      'For the signed-in person: their key accounts (customers of tier S or A where they own a stakeholder ' +
      'relationship or a plan action) where a decision maker is hostile (≤ −1) or of unknown attitude, or none is ' +
      'mapped, or where plan actions of theirs are overdue, at `at` (default now). Empty for a user without a ' +
      'person and for API tokens; only customers the caller may read.',
  })
  @UseMiddleware(allow('projects', 'read'))
  async keyAccountWarnings(
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'The moment (default now).' }) at: Date | null,
    @Ctx() ctx: Context,
  ): Promise<KeyAccountWarning[]> {
    const principal = requirePrincipal(ctx);
    const personId = principal.kind === 'user' ? principal.personId : null;
    if (personId === null) return [];
    const moment = at ?? ctx.now;
    return ctx.db.transaction(async (em) => {
      const owned = await em
        .getRepository(Stakeholder)
        .createQueryBuilder('s')
        .select('DISTINCT s.customerId', 'customerId')
        .where('s.relationshipOwnerId = :personId', { personId })
        .getRawMany<{ customerId: number | string }>();
      const acting = await em
        .getRepository(RelationshipPlanAction)
        .createQueryBuilder('a')
        .select('DISTINCT a.customerId', 'customerId')
        .where('a.ownerId = :personId', { personId })
        .getRawMany<{ customerId: number | string }>();
      const ids = [...new Set([...owned, ...acting].map((r) => Number(r.customerId)))];
      if (ids.length === 0) return [];
      const customers = await readableRows(
        ctx,
        em,
        Customer,
        await em.find(Customer, { where: { id: In(ids), tier: In(['S', 'A']) }, order: { name: 'ASC', id: 'ASC' } }),
      );
      if (customers.length === 0) return [];
      const customerIds = customers.map((c) => c.id);
      const stakeholders = await em.find(Stakeholder, { where: { customerId: In(customerIds) }, order: { id: 'ASC' } });
      const histories = await historiesOf(
        em,
        stakeholders.map((s) => s.id),
      );
      const accounts: AccountMap[] = customers.map((c) => ({
        customerId: String(c.id),
        tier: c.tier as CustomerTier,
        stakeholders: stakeholders
          .filter((s) => s.customerId === c.id)
          .map((s) => ({
            id: String(s.id),
            role: s.decisionRole as DecisionRole,
            attitudes: (histories.get(s.id) ?? []).map((h) => ({ attitude: h.attitude as Attitude, at: h.at })),
          })),
      }));
      const warnings = new Map(domainKeyAccountWarnings(accounts, moment).map((w) => [w.customerId, w]));
      const actions = await em.find(RelationshipPlanAction, {
        where: { customerId: In(customerIds), ownerId: personId },
      });
      const overdue = overduePlanActions(
        actions.map((a) => ({ ...a, id: String(a.id).padStart(12, '0'), row: a })),
        moment,
      ).map((a) => a.row);
      const byId = new Map(stakeholders.map((s) => [String(s.id), s]));
      const out: KeyAccountWarning[] = [];
      for (const customer of customers) {
        const warning = warnings.get(String(customer.id));
        const late = overdue.filter((a) => a.customerId === customer.id);
        const codes: string[] = [...(warning?.codes ?? [])];
        if (late.length > 0) codes.push('PLAN_ACTIONS_OVERDUE');
        if (codes.length === 0) continue;
        out.push({
          customer,
          codes,
          hostile: (warning?.hostile ?? []).map((id) => byId.get(id)!),
          unknown: (warning?.unknown ?? []).map((id) => byId.get(id)!),
          overdueActions: late,
        });
      }
      return out;
    });
  }
}

@Resolver(() => RelationshipPlanAction)
export class RelationshipPlanActionFieldResolver {
  @FieldResolver(() => Boolean, { description: 'Not done and past its due date (now).' })
  overdue(@Root() a: RelationshipPlanAction, @Ctx() ctx: Context): boolean {
    return overduePlanActions([{ id: String(a.id), dueDate: a.dueDate, doneAt: a.doneAt }], ctx.now).length > 0;
  }
}

@Resolver(() => Customer)
export class CustomerPowerMapResolver {
  @FieldResolver(() => [Stakeholder], {
    description: "The customer's power map: every stakeholder (the customer's and its opportunities' maps), by id.",
  })
  stakeholders(@Root() c: Customer, @Ctx() ctx: Context): Promise<Stakeholder[]> {
    return ctx.loaders.manyBy(Stakeholder, 'customerId').load(c.id);
  }

  @FieldResolver(() => [RelationshipPlanAction], { description: 'The relationship plan: every action, by id.' })
  planActions(@Root() c: Customer, @Ctx() ctx: Context): Promise<RelationshipPlanAction[]> {
    return ctx.loaders.manyBy(RelationshipPlanAction, 'customerId').load(c.id);
  }
}

@Resolver(() => Opportunity)
export class OpportunityPowerMapResolver {
  @FieldResolver(() => [Stakeholder], {
    description: "The opportunity's power map: the stakeholders mapped for it (the customer's own map is on Customer).",
  })
  stakeholders(@Root() o: Opportunity, @Ctx() ctx: Context): Promise<Stakeholder[]> {
    return ctx.loaders.manyBy(Stakeholder, 'opportunityId').load(o.id);
  }
}
