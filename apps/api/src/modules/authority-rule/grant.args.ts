// What an authority covers and for how long — decision points, grades, org subtree, limit, currency, window — is
// the same field set on an authority rule (create and update) and on a delegation (create). It is declared once
// here and made for each argument class: required on create, optional on update (type-graphql inherits the
// fields of an @ArgsType base class, class-validator its checks). Each operation keeps its own wording where the
// schema has always had one.
import { ArgsType, ClassType, Field, ID } from 'type-graphql';
import { ArrayMinSize, Matches } from 'class-validator';
import { ArgsMode, NoArgs, optionalOnUpdate } from '../../platform/args';
import { DecisionPointEnum, ProjectGradeEnum } from '../../platform/enums';
import { DateTimeScalar, MoneyScalar } from '../../platform/scalars';

export const CURRENCY_CODE = /^[A-Z]{3}$/;
export const CURRENCY_CODE_MESSAGE = 'currency must be an ISO 4217 code such as CNY';

/** The descriptions that differ between rules and delegations, and between create and update. */
export interface GrantDescriptions {
  decisionPoints: string;
  grades: string;
  limit: string;
}

export { NoArgs };

export function GrantArgs<TBase extends ClassType>(Base: TBase, mode: ArgsMode, text: GrantDescriptions) {
  const optional = mode === 'update';

  @ArgsType()
  class Grant extends Base {
    @Field(() => [DecisionPointEnum], { nullable: optional, description: text.decisionPoints })
    @optionalOnUpdate(mode)
    @ArrayMinSize(1)
    decisionPoints?: string[];

    @Field(() => [ProjectGradeEnum], { nullable: optional, description: text.grades })
    @optionalOnUpdate(mode)
    @ArrayMinSize(1)
    grades?: string[];

    @Field(() => ID, { nullable: optional, description: 'Org subtree.' })
    scopeOrgUnitId?: string;

    @Field(() => MoneyScalar, { nullable: true, description: text.limit })
    limit?: string | null;

    @Field({ nullable: optional, description: 'Currency of the limit.' })
    @optionalOnUpdate(mode)
    @Matches(CURRENCY_CODE, { message: CURRENCY_CODE_MESSAGE })
    currency?: string;

    @Field(() => DateTimeScalar, { nullable: optional, description: 'Start.' })
    validFrom?: Date;

    @Field(() => DateTimeScalar, { nullable: true, description: 'End (exclusive).' })
    validTo?: Date | null;
  }
  return Grant;
}
