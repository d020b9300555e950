import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { mustExist } from '../../platform/validation';
import { DecisionBody, DecisionBodySeat } from './decision-body.entity';
import * as A from './decision-body.args';
import { OrgUnit } from '../org-unit';
import { AuthorityRule } from '../authority-rule';

export const decisionBodySpec: CrudSpec<DecisionBody> = {
  entity: DecisionBody,
  name: 'DecisionBody',
  plural: 'DecisionBodies',
  label: 'decision body',
  filter: A.DecisionBodyFilter,
  createArgs: A.CreateDecisionBodyArgs,
  updateArgs: A.UpdateDecisionBodyArgs,
  remove: 'hard',
  search: ['name'],
  // Bodies above the subtree (e.g. HQ's grade I team) decide on its projects: readable, read-only.
  scope: { kind: 'orgUnit', column: 'orgUnitId', ancestors: 'read-only', nullMeans: 'company-wide' },
  dependents: [{ entity: AuthorityRule, column: 'decisionBodyId', label: 'authority rules' }],
  hooks: {
    beforeCreate: (values, { em }) => mustExist(em, OrgUnit, values.orgUnitId, 'orgUnitId', 'org unit'),
    async afterWrite(record, { em, args, ctx }) {
      const seats = args.seats as A.DecisionBodySeatInput[] | undefined;
      if (!seats) return;
      await em.delete(DecisionBodySeat, { decisionBodyId: record.id });
      let order = 0;
      for (const seat of seats) {
        await em.insert(DecisionBodySeat, {
          decisionBodyId: record.id,
          title: seat.title,
          alternativeTitles: seat.alternativeTitles ?? [],
          fixed: seat.fixed,
          sortOrder: order++,
          version: 1,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
      }
    },
    async beforeDelete({ em, before }) {
      const rules = await em.count(AuthorityRule, { where: { decisionBodyId: before!.id } });
      if (rules === 0) await em.delete(DecisionBodySeat, { decisionBodyId: before!.id });
    },
  },
};

export const decisionBodySeatSpec: CrudSpec<DecisionBodySeat> = {
  entity: DecisionBodySeat,
  name: 'DecisionBodySeat',
  plural: 'DecisionBodySeats',
  label: 'decision body seat',
  filter: A.DecisionBodySeatFilter,
  remove: 'none',
  search: ['title'],
  scope: { kind: 'through', column: 'decisionBodyId', parent: () => DecisionBody },
};

export const DecisionBodyCrudResolver = createCrudResolver(decisionBodySpec);
export const DecisionBodySeatCrudResolver = createCrudResolver(decisionBodySeatSpec);

@Resolver(() => DecisionBody)
export class DecisionBodyFieldResolver {
  @FieldResolver(() => [DecisionBodySeat], {
    description: 'Seats, in order (set them with createDecisionBody / updateDecisionBody).',
  })
  async seats(@Root() b: DecisionBody, @Ctx() ctx: Context) {
    const seats = await ctx.loaders.manyBy(DecisionBodySeat, 'decisionBodyId').load(b.id);
    return [...seats].sort((x, y) => x.sortOrder - y.sortOrder);
  }
}
