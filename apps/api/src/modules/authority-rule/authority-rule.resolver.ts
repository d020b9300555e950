import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { badInput } from '../../platform/errors';
import { checkWindow, mustExist } from '../../platform/validation';
import { AuthorityRule } from './authority-rule.entity';
import { AuthorityRuleFilter, CreateAuthorityRuleArgs, UpdateAuthorityRuleArgs } from './authority-rule.args';
import { OrgUnit } from '../org-unit';
import { DecisionBody } from '../decision-body';

/** Each holder kind names exactly its own holder fields. */
function checkHolder(r: Partial<AuthorityRule>): void {
  const errors: Record<string, string> = {};
  if (r.holderKind === 'POSITION') {
    if (!r.holderTitle) errors.holderTitle = 'is required for a POSITION holder';
    if (!r.holderOrgUnitId) errors.holderOrgUnitId = 'is required for a POSITION holder';
  } else if (r.holderKind === 'DECISION_BODY') {
    if (!r.decisionBodyId) errors.decisionBodyId = 'is required for a DECISION_BODY holder';
  } else if (r.holderKind === 'PROJECT_ROLE') {
    if (!r.holderRole) errors.holderRole = 'is required for a PROJECT_ROLE holder';
  }
  if (r.limitMinor !== null && r.limitMinor !== undefined && r.limitMinor < 0n) errors.limit = 'may not be negative';
  if (Object.keys(errors).length) throw badInput(errors);
}

export const authorityRuleSpec: CrudSpec<AuthorityRule> = {
  entity: AuthorityRule,
  name: 'AuthorityRule',
  plural: 'AuthorityRules',
  label: 'authority rule',
  filter: AuthorityRuleFilter,
  createArgs: CreateAuthorityRuleArgs,
  updateArgs: UpdateAuthorityRuleArgs,
  remove: 'end-date',
  search: ['name', 'holderTitle'],
  // Company and regional rules above the subtree govern its projects: readable, read-only.
  scope: { kind: 'orgUnit', column: 'scopeOrgUnitId', ancestors: 'read-only' },
  references: { decisionBodyId: () => DecisionBody },
  dateColumn: 'validFrom',
  money: [{ arg: 'limit', column: 'limitMinor', currencyColumn: 'currency' }],
  hooks: {
    async beforeCreate(values, { em }) {
      checkHolder(values);
      checkWindow(values.validFrom, values.validTo);
      values.delegableDepth ??= 0;
      await mustExist(em, OrgUnit, values.scopeOrgUnitId, 'scopeOrgUnitId', 'org unit');
      await mustExist(em, OrgUnit, values.holderOrgUnitId, 'holderOrgUnitId', 'org unit');
      await mustExist(em, DecisionBody, values.decisionBodyId, 'decisionBodyId', 'decision body');
    },
    async beforeUpdate(patch, { em, before }) {
      checkHolder({ ...before, ...patch });
      checkWindow(patch.validFrom ?? before?.validFrom, patch.validTo === undefined ? before?.validTo : patch.validTo);
      await mustExist(em, OrgUnit, patch.scopeOrgUnitId, 'scopeOrgUnitId', 'org unit');
    },
  },
};

export const AuthorityRuleCrudResolver = createCrudResolver(authorityRuleSpec);

@Resolver(() => AuthorityRule)
export class AuthorityRuleFieldResolver {
  @FieldResolver(() => OrgUnit, { nullable: true, description: 'The org subtree.' })
  scopeOrgUnit(@Root() r: AuthorityRule, @Ctx() ctx: Context) {
    return ctx.loaders.byId(OrgUnit).load(r.scopeOrgUnitId);
  }

  @FieldResolver(() => DecisionBody, { nullable: true, description: 'The decision body (DECISION_BODY holder).' })
  decisionBody(@Root() r: AuthorityRule, @Ctx() ctx: Context) {
    return r.decisionBodyId === null ? null : ctx.loaders.byId(DecisionBody).load(r.decisionBodyId);
  }
}
