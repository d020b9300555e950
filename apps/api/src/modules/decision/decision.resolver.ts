import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { Decision } from './decision.entity';
import { DecisionFilter } from './decision.args';
import { Project } from '../project';
import { Person } from '../person';

/** Decisions are append-only: recorded by recordDecision (with the authorization engine), never changed or deleted. */
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
}
