// authorize, authorizeMany, whoMayDecide (whole or paged) and decisionRights: thin resolvers over the engine and the
// cached authority state.
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { Context } from '../../platform/context';
import { allow, assertAllowed } from '../../platform/permissions';
import { asInstances, plainArguments } from '../../platform/plain-arguments';
import { validateArgument } from '../../platform/quick-validation';
import { DEFAULT_LIMITS } from '../../platform/limits';
import { DateTimeScalar } from '../../platform/scalars';
import { AuthorityChain } from './authority-chain.types';
import { OrgUnit } from '../org-unit';
import { Person } from '../person';
import {
  AuthorityChainBody,
  AuthorizationResultType,
  AuthorizeInput,
  CaseInput,
  DeciderPageType,
  DeciderType,
} from './authorization.types';
import { AUTHORIZE_MANY_MAX, authorizeManyQuestion, authorizeQuestion, ChainView } from './authorization.service';
import { WHO_MAY_DECIDE_MAX_PAGE, whoMayDecidePage } from './who-may-decide';
import { decisionRightsQuestion, DecisionRightType } from './decision-rights';

/**
 * authorizeMany's answer: the caller may read authority, every input is valid, then the question. The field is answered
 * with its arguments as graphql-js coerced them (platform/plain-arguments.ts); the method below declares it.
 */
async function answerAuthorizeMany(inputs: readonly object[], ctx: Context): Promise<AuthorizationResultType[]> {
  assertAllowed(ctx, 'authority', 'read');
  const instances = asInstances(AuthorizeInput, inputs);
  await validateArgument(instances);
  return authorizeManyQuestion(ctx, instances);
}
plainArguments('authorizeMany', (args, ctx) => answerAuthorizeMany(args.inputs as object[], ctx));

const FIRST_DESCRIPTION =
  `At most this many deciders (1 to ${WHO_MAY_DECIDE_MAX_PAGE}); ` + 'without it, every decider from `after` on.';
const AFTER_DESCRIPTION =
  'The deciders after this cursor (a `cursor` or `endCursor` returned for the same input); without it, from the first.';

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

  @Query(() => [AuthorizationResultType], {
    description:
      `Several authorize questions in one request (1 to ${AUTHORIZE_MANY_MAX} inputs), answered in order from one ` +
      'revision of the change log, which every result reports (and `extensions.revision`). Each input may ask as of ' +
      'its own `at` and `asKnownAt`; the highest `atLeastRevision` among them is awaited once. A bad input fails the ' +
      'whole request, its error naming it (e.g. `inputs[3].personId`). The query cost counts the selection once per ' +
      `input (limit ${DEFAULT_LIMITS.maxCost.toLocaleString('en')} per request): ${AUTHORIZE_MANY_MAX} inputs fit ` +
      'with every field of AuthorizationResult selected.',
  })
  authorizeMany(
    @Arg('inputs', () => [AuthorizeInput], {
      description: `The questions, each a person and a case (1 to ${AUTHORIZE_MANY_MAX}).`,
    })
    inputs: AuthorizeInput[],
    @Ctx() ctx: Context,
  ): Promise<AuthorizationResultType[]> {
    return answerAuthorizeMany(inputs, ctx);
  }

  @Query(() => [DeciderType], {
    description:
      'Everyone who may take this decision, each with the chains that allow it; for decision bodies, the ' +
      'seats, who fills each, and whether quorum can be reached. Deciders who hold a rule directly come first, then ' +
      'by name and id; `first` and `after` page through them (whoMayDecidePage adds the total count).',
  })
  @UseMiddleware(allow('authority', 'read'))
  async whoMayDecide(
    @Arg('input', () => CaseInput, { description: 'The case.' }) input: CaseInput,
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<DeciderType[]> {
    return (await whoMayDecidePage(ctx, input, first, after, false)).items;
  }

  @Query(() => DeciderPageType, {
    description:
      'whoMayDecide by pages, with the total count and the bodies of the page once (same order and cursors).',
  })
  @UseMiddleware(allow('authority', 'read'))
  whoMayDecidePage(
    @Arg('input', () => CaseInput, { description: 'The case.' }) input: CaseInput,
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<DeciderPageType> {
    return whoMayDecidePage(ctx, input, first, after);
  }

  @Query(() => [DecisionRightType], {
    description:
      'Everything this person may decide at `at` (default now), as known at `asKnownAt` (default now): one right per ' +
      'chain and decision point, sorted by decision point, rules held directly before delegations, the larger limit ' +
      'first (no limit first of all), then by rule id. The reverse of whoMayDecide.',
  })
  @UseMiddleware(allow('authority', 'read'))
  decisionRights(
    @Arg('personId', () => ID, { description: 'The person.' }) personId: string,
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'The moment (effective time; default now).' })
    at: Date | null,
    @Arg('asKnownAt', () => DateTimeScalar, {
      nullable: true,
      description: 'Answer with what the system knew at this moment (recorded time; default now).',
    })
    asKnownAt: Date | null,
    @Ctx() ctx: Context,
  ): Promise<DecisionRightType[]> {
    return decisionRightsQuestion(ctx, personId, at, asKnownAt);
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

@Resolver(() => DecisionRightType)
export class DecisionRightFieldResolver {
  @FieldResolver(() => OrgUnit, {
    nullable: true,
    description: 'The org unit of `scopeOrgUnitId` (batched per request; null when outside what you may see).',
  })
  scopeOrgUnit(@Root() right: DecisionRightType, @Ctx() ctx: Context) {
    return ctx.loaders.byId(OrgUnit).load(Number(right.scopeOrgUnitId));
  }
}
