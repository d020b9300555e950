import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { EntityManager, In } from 'typeorm';
import { createCrudResolver, CrudSpec, guardedUpdate, loadForWrite, toId } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { allow } from '../../platform/permissions';
import { badInput, forbidden } from '../../platform/errors';
import { checkWindow, mustExist } from '../../platform/validation';
import { writeAudit } from '../../platform/audit';
import { DateTimeScalar } from '../../platform/scalars';
import { Delegation } from './delegation.entity';
import { CreateDelegationArgs, DelegationFilter, UpdateDelegationArgs } from './delegation.args';
import { Person } from '../person/person.entity';
import { OrgUnit } from '../org-unit/org-unit.entity';
import { AuthorityRule } from '../authority-rule/authority-rule.entity';

function checkShape(d: Partial<Delegation>): void {
  const errors: Record<string, string> = {};
  if ((d.sourceRuleId ?? null) === null === ((d.sourceDelegationId ?? null) === null)) errors.sourceRuleId = 'give exactly one of sourceRuleId and sourceDelegationId';
  if (d.delegatorId !== undefined && d.delegatorId === d.delegateId) errors.delegateId = 'may not be the delegator';
  if ((d.requiredRole ?? null) === null !== ((d.requiredLevel ?? null) === null)) errors.requiredLevel = 'requiredRole and requiredLevel go together';
  if (Object.keys(errors).length) throw badInput(errors);
}

/** Every delegation below `rootId` (re-delegated from it, transitively). */
export async function descendantsOf(em: EntityManager, rootId: number): Promise<Delegation[]> {
  const found: Delegation[] = [];
  let frontier = [rootId];
  const seen = new Set(frontier);
  while (frontier.length) {
    const children = await em.findBy(Delegation, { sourceDelegationId: In(frontier) });
    frontier = [];
    for (const child of children) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      found.push(child);
      frontier.push(child.id);
    }
  }
  return found;
}

const inForceAt = (d: Delegation, at: Date) => d.revokedAt === null || d.revokedAt.getTime() > at.getTime();

export const delegationSpec: CrudSpec<Delegation> = {
  entity: Delegation,
  name: 'Delegation',
  plural: 'Delegations',
  label: 'delegation',
  group: 'authority',
  filter: DelegationFilter,
  createArgs: CreateDelegationArgs,
  updateArgs: UpdateDelegationArgs,
  remove: 'revoke',
  search: ['reason'],
  orgUnitColumn: 'scopeOrgUnitId',
  dateColumn: 'validFrom',
  money: [{ arg: 'limit', column: 'limitMinor', currencyColumn: 'currency' }],
  readOnlyColumns: ['revokedAt', 'revokeReason'],
  hooks: {
    async beforeCreate(values, { em }) {
      checkShape(values);
      checkWindow(values.validFrom, values.validTo);
      values.redelegableDepth ??= 0;
      await mustExist(em, Person, values.delegatorId, 'delegatorId', 'person');
      await mustExist(em, Person, values.delegateId, 'delegateId', 'person');
      await mustExist(em, OrgUnit, values.scopeOrgUnitId, 'scopeOrgUnitId', 'org unit');
      await mustExist(em, AuthorityRule, values.sourceRuleId, 'sourceRuleId', 'authority rule');
      await mustExist(em, Delegation, values.sourceDelegationId, 'sourceDelegationId', 'delegation');
    },
    beforeUpdate(patch, { before }) {
      checkWindow(before?.validFrom, patch.validTo === undefined ? before?.validTo : patch.validTo);
    },
  },
};

export const DelegationCrudResolver = createCrudResolver(delegationSpec);

@Resolver(() => Delegation)
export class DelegationResolver {
  @Mutation(() => [Delegation], { description: 'Revokes from `at` (default now); returns every delegation that ends with it, this one first.' })
  @UseMiddleware(allow('authority', 'write'))
  async revokeDelegation(
    @Arg('id', () => ID, { description: 'The delegation.' }) id: string,
    @Arg('reason', { description: 'Why it is revoked.' }) reason: string,
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'From when (default now).' }) at: Date | undefined,
    @Ctx() ctx: Context,
  ): Promise<Delegation[]> {
    if (reason.trim().length < 3) throw badInput({ reason: 'give a reason (at least 3 characters)' });
    const when = at ?? ctx.now;
    const rootId = toId(id);
    return ctx.db.transaction(async (em) => {
      const root = await loadForWrite(em, delegationSpec, rootId);
      const scope = await ctx.scopeUnits();
      if (scope && !scope.has(root.scopeOrgUnitId)) throw forbidden(`Delegation ${rootId} is outside your org scope.`);
      const affected = [root, ...(await descendantsOf(em, rootId))].filter((d) => inForceAt(d, when));
      const result: Delegation[] = [];
      for (const d of affected) {
        const after = await guardedUpdate(em, delegationSpec, d.id, d.version, { revokedAt: when, revokeReason: d.id === rootId ? reason : `revoked with delegation ${rootId}: ${reason}` }, ctx.now);
        await writeAudit(em, ctx, { action: 'revoke', entityType: 'Delegation', entityId: d.id, before: d, after });
        result.push(after);
      }
      return result;
    });
  }

  @Query(() => [Delegation], { description: 'The delegations that would end if this one were revoked at `at`.' })
  @UseMiddleware(allow('authority', 'read'))
  async delegationImpact(
    @Arg('id', () => ID, { description: 'The delegation.' }) id: string,
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'The moment (default now).' }) at: Date | undefined,
    @Ctx() ctx: Context,
  ): Promise<Delegation[]> {
    const when = at ?? ctx.now;
    const rootId = toId(id);
    const root = await ctx.db.manager.findOneBy(Delegation, { id: rootId });
    if (!root) return [];
    return [root, ...(await descendantsOf(ctx.db.manager, rootId))].filter((d) => inForceAt(d, when));
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who delegates.' })
  delegator(@Root() d: Delegation, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Person).load(d.delegatorId);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who receives.' })
  delegate(@Root() d: Delegation, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Person).load(d.delegateId);
  }
}
