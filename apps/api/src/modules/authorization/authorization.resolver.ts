// authorize and whoMayDecide: thin resolvers over the engine and the cached authority state.
import { Arg, Ctx, FieldResolver, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { Context } from '../../platform/context';
import { allow } from '../../platform/permissions';
import { AuthorityChain } from './authority-chain.types';
import { Person } from '../person';
import {
  AuthorityChainBody,
  AuthorizationResultType,
  AuthorizeInput,
  CaseInput,
  DeciderType,
} from './authorization.types';
import { authorizeQuestion, ChainView, whoMayDecideQuestion } from './authorization.service';

@Resolver()
export class AuthorizationResolver {
  @Query(() => AuthorizationResultType, {
    description: 'May this person take this decision? As of `at` (default now).',
  })
  @UseMiddleware(allow('authority', 'read'))
  async authorize(
    @Arg('input', () => AuthorizeInput, { description: 'The person and the case.' }) input: AuthorizeInput,
    @Ctx() ctx: Context,
  ): Promise<AuthorizationResultType> {
    return (await authorizeQuestion(ctx, input.personId, input)).view;
  }

  @Query(() => [DeciderType], {
    description:
      'Everyone who may take this decision, each with the chains that allow it; for decision bodies, the ' +
      'seats, who fills each, and whether quorum can be reached.',
  })
  @UseMiddleware(allow('authority', 'read'))
  whoMayDecide(
    @Arg('input', () => CaseInput, { description: 'The case.' }) input: CaseInput,
    @Ctx() ctx: Context,
  ): Promise<DeciderType[]> {
    return whoMayDecideQuestion(ctx, input);
  }
}

@Resolver(() => DeciderType)
export class DeciderFieldResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The person (batched per request).' })
  person(@Root() decider: DeciderType, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Person).load(Number(decider.personId));
  }
}

@Resolver(() => AuthorityChain)
export class AuthorityChainFieldResolver {
  @FieldResolver(() => AuthorityChainBody, {
    nullable: true,
    description: "For a decision body's rule: the body and the seats the person acts in; null otherwise.",
  })
  body(@Root() chain: AuthorityChain): AuthorityChainBody | null {
    const body = (chain as ChainView).body;
    return body ? { bodyId: body.bodyId, seatTitles: body.seatTitles } : null;
  }
}
