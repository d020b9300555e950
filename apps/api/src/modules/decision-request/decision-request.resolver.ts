// Decision requests as records (react-admin's convention, read-only: they change through the operations), scoped as
// their project, with the fields the portal shows: the project, the people waiting, the escalations and the votes.
import { Ctx, Field, FieldResolver, ID, InputType, Resolver, Root } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { BaseFilter } from '../../platform/args';
import { createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { declareScope } from '../../platform/scope';
import { DecisionPointEnum } from '../../platform/enums';
import { Project } from '../project';
import { Person } from '../person';
import { Decision } from '../decision';
import {
  DecisionRequest,
  DecisionRequestEscalation,
  DecisionRequestRecipient,
  DecisionRequestStatusEnum,
  DecisionRequestVote,
} from './decision-request.entity';

@InputType('DecisionRequestFilter', { description: 'Filter for decision requests (from/to apply to requestedAt).' })
export class DecisionRequestFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'On this project.' })
  @IsOptional()
  projectId?: string;

  @Field(() => [DecisionRequestStatusEnum], { nullable: true, description: 'In these statuses.' })
  @IsOptional()
  status?: string[];

  @Field(() => [DecisionPointEnum], { nullable: true, description: 'At these decision points.' })
  @IsOptional()
  decisionPoint?: string[];

  @Field(() => ID, { nullable: true, description: 'Asked by this person.' })
  @IsOptional()
  requesterId?: string;
}

/** Requests change only through requestDecision, decideRequest, withdrawDecisionRequest and escalation. */
export const decisionRequestSpec: CrudSpec<DecisionRequest> = {
  entity: DecisionRequest,
  name: 'DecisionRequest',
  plural: 'DecisionRequests',
  label: 'decision request',
  filter: DecisionRequestFilter,
  remove: 'none',
  search: ['note'],
  scope: { kind: 'through', column: 'projectId', parent: () => Project },
  dateColumn: 'requestedAt',
  nested: {
    project: { kind: 'one', entity: () => Project, column: 'projectId', description: 'The project.' },
    requester: {
      kind: 'one',
      entity: () => Person,
      column: 'requesterId',
      description: 'The person who asked (null: an administrator, a token, or outside what you may see).',
    },
    decision: {
      kind: 'one',
      entity: () => Decision,
      column: 'decisionId',
      description: 'The decision that completed it.',
    },
  },
};

export const DecisionRequestCrudResolver = createCrudResolver(decisionRequestSpec);

declareScope(DecisionRequestRecipient, 'DecisionRequestRecipient', {
  kind: 'through',
  column: 'requestId',
  parent: () => DecisionRequest,
});

@Resolver(() => DecisionRequest)
export class DecisionRequestFieldResolver {
  @FieldResolver(() => [DecisionRequestRecipient], {
    description:
      'Everyone it was routed to, in the order they got it (level 0 first, then each escalation), with how they may ' +
      'decide and whether they acted.',
  })
  recipients(@Root() r: DecisionRequest, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(DecisionRequestRecipient, 'requestId').load(r.id);
  }

  @FieldResolver(() => [DecisionRequestEscalation], { description: 'Every escalation, oldest first.' })
  escalations(@Root() r: DecisionRequest): DecisionRequestEscalation[] {
    return (r.escalationLog ?? []).map((e) => ({ ...e, at: new Date(e.at), missedDueAt: new Date(e.missedDueAt) }));
  }

  @FieldResolver(() => [DecisionRequestVote], {
    description: 'The decisions recorded from it, oldest first (a decision body: one per vote).',
  })
  votes(@Root() r: DecisionRequest): DecisionRequestVote[] {
    return (r.voteLog ?? []).map((v) => ({ ...v, at: new Date(v.at) }));
  }

  @FieldResolver(() => Boolean, { description: 'Pending and past its due date (now).' })
  overdue(@Root() r: DecisionRequest, @Ctx() ctx: Context): boolean {
    return r.status === 'PENDING' && r.dueAt.getTime() <= ctx.now.getTime();
  }
}

@Resolver(() => DecisionRequestRecipient)
export class DecisionRequestRecipientFieldResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The person (null: outside what you may see).' })
  person(@Root() r: DecisionRequestRecipient, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Person).load(r.personId);
  }
}
