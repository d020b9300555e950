import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EntityManager, In } from 'typeorm';
import { createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { badInput } from '../../platform/errors';
import { checkWindow, mustAllExist } from '../../platform/validation';
import { Delegation } from './delegation.entity';
import { CreateDelegationArgs, DelegationFilter, UpdateDelegationArgs } from './delegation.args';
import { Person } from '../person';
import { OrgUnit } from '../org-unit';
import { AuthorityRule } from '../authority-rule';
import {
  checkDelegationChange,
  checkNewDelegation,
  notifyDelegationCreated,
  notifyDelegationRevoked,
} from './delegation.operations';

function checkShape(d: Partial<Delegation>): void {
  const errors: Record<string, string> = {};
  if (((d.sourceRuleId ?? null) === null) === ((d.sourceDelegationId ?? null) === null))
    errors.sourceRuleId = 'give exactly one of sourceRuleId and sourceDelegationId';
  if (d.delegatorId !== undefined && d.delegatorId === d.delegateId) errors.delegateId = 'may not be the delegator';
  if (((d.requiredRole ?? null) === null) !== ((d.requiredLevel ?? null) === null))
    errors.requiredLevel = 'requiredRole and requiredLevel go together';
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

export const delegationSpec: CrudSpec<Delegation> = {
  entity: Delegation,
  name: 'Delegation',
  plural: 'Delegations',
  label: 'delegation',
  filter: DelegationFilter,
  createArgs: CreateDelegationArgs,
  updateArgs: UpdateDelegationArgs,
  remove: 'revoke',
  search: ['reason'],
  // Delegations above the subtree are links in the chains that govern its projects: readable, read-only.
  scope: { kind: 'orgUnit', column: 'scopeOrgUnitId', ancestors: 'read-only' },
  references: { sourceRuleId: () => AuthorityRule, sourceDelegationId: () => Delegation },
  dateColumn: 'validFrom',
  money: [{ arg: 'limit', column: 'limitMinor', currencyColumn: 'currency' }],
  readOnlyColumns: ['revokedAt', 'revokeReason'],
  // Judged by the engine: the authority counter's row is taken with the revision row.
  judged: true,
  hooks: {
    async beforeCreate(values, w) {
      const { em } = w;
      checkShape(values);
      checkWindow(values.validFrom, values.validTo);
      values.redelegableDepth ??= 0;
      await mustAllExist(em, [
        [Person, values.delegatorId, 'delegatorId', 'person'],
        [Person, values.delegateId, 'delegateId', 'person'],
        [OrgUnit, values.scopeOrgUnitId, 'scopeOrgUnitId', 'org unit'],
        [AuthorityRule, values.sourceRuleId, 'sourceRuleId', 'authority rule'],
        [Delegation, values.sourceDelegationId, 'sourceDelegationId', 'delegation'],
      ]);
      await checkNewDelegation(values, w);
    },
    async beforeUpdate(patch, w) {
      checkWindow(w.before?.validFrom, patch.validTo === undefined ? w.before?.validTo : patch.validTo);
      await checkDelegationChange(patch, w);
    },
    async alongside(record, { em, ctx, before }) {
      if (before === null) await notifyDelegationCreated(em, ctx, record);
    },
    async beforeDelete({ em, ctx, before }) {
      // deleteDelegation revokes it now (unless it already is).
      const current = before as Delegation;
      if (!current.revokedAt)
        await notifyDelegationRevoked(
          em,
          ctx,
          Object.assign(new Delegation(), current, {
            revokedAt: ctx.now,
            revokeReason: 'deleted',
          }),
        );
    },
  },
};

export const DelegationCrudResolver = createCrudResolver(delegationSpec);

@Resolver(() => Delegation)
export class DelegationResolver {
  // revokeDelegation and delegationImpact: delegation.operations.ts (judged by the engine).
  @FieldResolver(() => Person, { nullable: true, description: 'Who delegates.' })
  delegator(@Root() d: Delegation, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Person).load(d.delegatorId);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who receives.' })
  delegate(@Root() d: Delegation, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Person).load(d.delegateId);
  }
}
