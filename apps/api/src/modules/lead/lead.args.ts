import { ArgsType, ClassType, Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { ArgsMode, BaseFilter, NoArgs, optionalOnUpdate, UpdateArgsBase } from '../../platform/args';
import { LeadClassEnum, LeadGradeEnum, LeadStatusEnum } from '../../platform/enums';
import { DateTimeScalar, MoneyScalar } from '../../platform/scalars';

const CURRENCY = /^[A-Z]{3}$/;

/** A lead's fields, declared once: required on create (except the facts), any subset on update. */
function LeadFields<TBase extends ClassType>(Base: TBase, mode: ArgsMode) {
  const optional = mode === 'update';

  @ArgsType()
  class Fields extends Base {
    @Field({ nullable: optional, description: 'Short title of the lead.' })
    @optionalOnUpdate(mode)
    @Length(1, 200)
    title?: string;

    @Field({ nullable: optional, description: 'Where it came from: exhibition, customer visit, partner, CRM …' })
    @optionalOnUpdate(mode)
    @Length(1, 100)
    source?: string;

    @Field(() => ID, { nullable: optional, description: 'The customer.' })
    customerId?: string;

    @Field(() => ID, { nullable: optional, description: 'The org unit that owns the lead.' })
    orgUnitId?: string;

    @Field(() => String, { nullable: true, description: "The customer's need, free text." })
    @IsOptional()
    @Length(0, 4000)
    need?: string | null;

    @Field(() => ID, {
      nullable: true,
      description: optional ? 'The AR who owns the lead.' : 'The AR who owns the lead (default: you).',
    })
    ownerId?: string;

    @Field({ nullable: true, description: 'Fact: the customer has a clear need.' })
    clearNeed?: boolean;

    @Field({ nullable: true, description: 'Fact: a clear decision maker on the customer side is known.' })
    decisionMakerKnown?: boolean;

    @Field({ nullable: true, description: 'Fact: the customer has an investment plan for the need.' })
    investmentPlan?: boolean;

    @Field(() => DateTimeScalar, { nullable: true, description: 'Fact: a start or close date the customer named.' })
    expectedDate?: Date | null;

    @Field(() => MoneyScalar, { nullable: true, description: 'Expected deal size, e.g. "12000000.00".' })
    expectedAmount?: string | null;

    @Field({
      nullable: true,
      ...(optional ? {} : { defaultValue: 'CNY' }),
      description: 'ISO 4217 currency of the amounts (default CNY).',
    })
    @IsOptional()
    @Matches(CURRENCY, { message: 'currency must be an ISO 4217 code such as CNY' })
    currency?: string;

    @Field({ nullable: true, description: 'Grading: a breakthrough into a strategic industry.' })
    strategicIndustryBreakthrough?: boolean;

    @Field({ nullable: true, description: 'Grading: a major impact on product direction.' })
    majorProductDirectionImpact?: boolean;

    @Field({ nullable: true, description: 'Grading: a major impact on the business model.' })
    majorBusinessModelImpact?: boolean;

    @Field({ nullable: true, description: 'Grading: a breakthrough into a new market.' })
    marketBreakthrough?: boolean;

    @Field(() => MoneyScalar, { nullable: true, description: "The customer's definite budget." })
    budget?: string | null;

    @Field(() => DateTimeScalar, { nullable: true, description: "The customer's definite start time." })
    startTime?: Date | null;

    @Field({ nullable: true, description: 'We have a solution that fits the need.' })
    fittingSolution?: boolean;
  }
  return Fields;
}

@ArgsType()
export class CreateLeadArgs extends LeadFields(NoArgs, 'create') {
  @Field(() => ID, { nullable: true, description: 'Who found the lead (default: you).' })
  foundById?: string;
}

@ArgsType()
export class UpdateLeadArgs extends LeadFields(UpdateArgsBase, 'update') {}

/** The filter keys leads and opportunities share: where, whose, which customer, which grades. */
@InputType('SalesRecordFilter', {
  description: 'Filter fields leads and opportunities share (an abstract base; not used on its own).',
})
export class SalesRecordFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Owned by this org unit or below.' })
  orgUnitId?: string;

  @Field(() => ID, { nullable: true, description: 'Of this customer.' })
  customerId?: string;

  @Field(() => ID, { nullable: true, description: 'Owned by this person.' })
  ownerId?: string;

  @Field(() => [LeadGradeEnum], { nullable: true, description: 'Of these grades.' })
  grade?: string[];
}

@InputType('LeadFilter', { description: 'Filter for leads.' })
export class LeadFilter extends SalesRecordFilter {
  @Field(() => [LeadClassEnum], { nullable: true, description: 'Of these classes.' })
  leadClass?: string[];

  @Field(() => [LeadStatusEnum], { nullable: true, description: 'In these statuses.' })
  status?: string[];
}

@ArgsType()
export class CreateLeadNurtureActionArgs {
  @Field(() => ID, { description: 'The lead.' })
  leadId: string;

  @Field({ description: 'What to do.' })
  @Length(1, 500)
  action: string;

  @Field(() => DateTimeScalar, { description: 'Due by then.' })
  dueDate: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was done.' })
  doneAt?: Date | null;

  @Field(() => ID, { nullable: true, description: "Who does it (default: the lead's owner)." })
  ownerId?: string;

  @Field(() => String, { nullable: true, description: 'A note.' })
  @IsOptional()
  @Length(0, 2000)
  note?: string | null;
}

@ArgsType()
export class UpdateLeadNurtureActionArgs extends UpdateArgsBase {
  @Field({ nullable: true, description: 'What to do.' })
  @IsOptional()
  @Length(1, 500)
  action?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Due by then.' })
  dueDate?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was done (null: open again).' })
  doneAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who does it.' })
  ownerId?: string;

  @Field(() => String, { nullable: true, description: 'A note.' })
  @IsOptional()
  @Length(0, 2000)
  note?: string | null;
}

@InputType('LeadNurtureActionFilter', { description: 'Filter for nurture actions.' })
export class LeadNurtureActionFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this lead.' })
  leadId?: string;

  @Field(() => ID, { nullable: true, description: 'Done by this person.' })
  ownerId?: string;

  @Field({ nullable: true, description: 'true: done ones only; false: open ones only.' })
  done?: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Open ones due before this instant (overdue).' })
  dueBefore?: Date;
}
