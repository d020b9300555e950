import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { Decision } from './decision.entity';
import { DecisionFilter } from './decision.args';
import { Project } from '../project';
import { Person } from '../person';
import { localeOf } from '../../platform/locale';
import { reopenedReasonText } from './decision.messages';

/**
 * Decisions are append-only: recorded by recordDecision (with the authorization engine), never deleted; the only
 * change is a material change to the project reopening one (reopenedAt, reopenedCauses).
 */
export const decisionSpec: CrudSpec<Decision> = {
  entity: Decision,
  name: 'Decision',
  plural: 'Decisions',
  label: 'decision',
  filter: DecisionFilter,
  remove: 'none',
  search: ['comment'],
  scope: { kind: 'through', column: 'projectId', parent: () => Project },
  dateColumn: 'decidedAt',
};

export const DecisionCrudResolver = createCrudResolver(decisionSpec);

@Resolver(() => Decision)
export class DecisionFieldResolver {
  @FieldResolver(() => Project, { nullable: true, description: 'The project.' })
  project(@Root() d: Decision, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Project).load(d.projectId);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who decided.' })
  decider(@Root() d: Decision, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Person).load(d.deciderId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Why a material change reopened the decision, in the caller's language (Accept-Language), e.g. " +
      '"amount up 25 % from ¥1,000,000.00 to ¥1,250,000.00 (more than the 10 % material share)"; null while it ' +
      'counts.',
  })
  reopenedReason(@Root() d: Decision, @Ctx() ctx: Context): string | null {
    return d.reopenedAt ? reopenedReasonText(d.reopenedCauses, localeOf(ctx)) : null;
  }
}
