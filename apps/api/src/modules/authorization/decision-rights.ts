// decisionRights: everything a person may decide at a moment (the domain's decisionRights), as the API answers it.
import { CURRENCY_EXPONENTS, DecisionRight, decisionRights, formatMinor } from '@iron-triangle/domain';
import { Field, ID, ObjectType } from 'type-graphql';
import type { Context } from '../../platform/context';
import { AuthorityChange } from '../../platform/change-log';
import { DecisionPointEnum, DecisionRightViaEnum, ProjectGradeEnum, TriangleRoleEnum } from '../../platform/enums';
import { badInput } from '../../platform/errors';
import { toId } from '../../platform/crud';
import { DateTimeScalar, MoneyScalar } from '../../platform/scalars';
import { assertReadable, callerScope } from '../../platform/scope';
import { Person } from '../person';
import { AuthorityChain } from './authority-chain.types';
import { authoritySnapshotAsOf } from './as-of';
import { answerRecords, correctionsConcerning } from './corrections';
import { personExists, toChainView } from './authorization.service';

@ObjectType('DecisionRight', {
  description:
    'Something a person may decide: a decision point, for grades, within an org subtree, up to a limit, for a ' +
    'window, through one chain (a rule held directly, or delegations received). A case fits when its point, ' +
    'grade, unit, amount and currency do; a team member of the case may not decide it (conflict of interest) ' +
    "except through a project role's rule.",
})
export class DecisionRightType {
  @Field(() => DecisionPointEnum, { description: 'The decision point.' })
  decisionPoint: string;

  @Field(() => [ProjectGradeEnum], { description: 'The grades every link of the chain covers.' })
  grades: string[];

  @Field(() => ID, {
    description:
      "The org unit whose subtree the right covers: the deepest of the chain's scopes; for a decision body, the unit " +
      'where the person sits (a unit below it with its own holder of the seat is that holder’s).',
  })
  scopeOrgUnitId: string;

  @Field(() => MoneyScalar, { nullable: true, description: "The smallest limit of the chain's links; null: no limit." })
  limit: string | null;

  @Field({ description: 'The currency of the limit and of the cases the right covers.' })
  currency: string;

  @Field(() => DateTimeScalar, { description: "Start of the window: the latest start of the chain's links." })
  validFrom: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "End of the window (exclusive): the earliest end of the chain's links; null while open.",
  })
  validTo: Date | null;

  @Field(() => DecisionRightViaEnum, {
    description: 'DELEGATION when the chain has more than one link; otherwise how the rule is held.',
  })
  via: string;

  @Field(() => TriangleRoleEnum, {
    nullable: true,
    description:
      "For a project role's rule: the right counts only on projects where the rule's holder on the chain (the " +
      'person, or the first delegator) holds this role.',
  })
  projectRole: string | null;

  @Field({
    description:
      "True for a decision body's rule: the person decides only as a member of the body (its quorum is needed); " +
      '`chain.body` names the seats.',
  })
  quorumRequired: boolean;

  @Field(() => AuthorityChain, { description: 'The chain, rule first: the same type authorize returns.' })
  chain: AuthorityChain;

  @Field({ description: 'The revision of the change log the answer was read from (the same for every right).' })
  revision: string;

  @Field(() => [AuthorityChange], {
    description: "Corrections of the past that decide a record this right's chain rests on.",
  })
  corrections: AuthorityChange[];
}

function toRightView(r: DecisionRight): Omit<DecisionRightType, 'revision' | 'corrections'> {
  return {
    decisionPoint: r.decisionPoint,
    grades: [...r.grades],
    scopeOrgUnitId: r.scopeOrgUnitId,
    limit: r.limit === null ? null : formatMinor(r.limit.minor, CURRENCY_EXPONENTS[r.limit.currency] ?? 2),
    currency: r.currency,
    validFrom: r.window.from,
    validTo: r.window.to,
    via: r.via,
    projectRole: r.projectRole,
    quorumRequired: r.quorumRequired,
    chain: toChainView(r.chain),
  };
}

/**
 * decisionRights, as the API answers it: as of `at` and as known at `asKnownAt` (both default to now), for a person the
 * caller may see (a scoped caller gets NOT_FOUND alike for a person outside their scope and for none at all).
 */
export async function decisionRightsQuestion(
  ctx: Context,
  personIdArg: string,
  at: Date | null | undefined,
  asKnownAt: Date | null | undefined,
): Promise<DecisionRightType[]> {
  const personId = String(toId(personIdArg, 'personId'));
  if (asKnownAt && asKnownAt.getTime() > ctx.now.getTime())
    throw badInput({ asKnownAt: 'is in the future: the system cannot know yet what it will know then' });
  if ((await callerScope(ctx)) !== null)
    await assertReadable(
      ctx,
      ctx.db.manager,
      Person,
      await ctx.db.manager.findOneBy(Person, { id: Number(personId) }),
      personId,
    );
  const asOf = await authoritySnapshotAsOf(ctx, at, asKnownAt);
  if (!personExists(asOf.snapshot, personId)) throw badInput({ personId: `person ${personId} does not exist` });
  ctx.revisions.read = asOf.revision;
  return decisionRights(personId, asOf.at, asOf.snapshot.index).map((right) => {
    const view = toRightView(right);
    return {
      ...view,
      revision: asOf.revision,
      corrections: correctionsConcerning(
        asOf.corrections,
        answerRecords([personId], [view.chain as ReturnType<typeof toChainView>]),
      ),
    };
  });
}
