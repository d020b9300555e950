import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { IsOptional, Matches } from 'class-validator';
import { BaseFilter, UpdateArgsBase } from '../../platform/args';
import { DateTimeScalar } from '../../platform/scalars';

const TITLE = /^[A-Z][A-Z0-9_]{1,63}$/;
const TITLE_MESSAGE = 'title must be an upper-case code such as BU_PRESIDENT';

@ArgsType()
export class CreatePositionAssignmentArgs {
  @Field(() => ID, { description: 'Who holds the position.' })
  personId: string;

  @Field({ description: 'Position title code, e.g. "BU_PRESIDENT".' })
  @Matches(TITLE, { message: TITLE_MESSAGE })
  title: string;

  @Field(() => ID, { description: 'Where the position is held.' })
  orgUnitId: string;

  @Field(() => DateTimeScalar, { description: 'Start (inclusive).' })
  validFrom: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End (exclusive); omit while open.' })
  validTo?: Date | null;
}

@ArgsType()
export class UpdatePositionAssignmentArgs extends UpdateArgsBase {
  @Field(() => ID, { nullable: true, description: 'Who holds the position.' })
  personId?: string;

  @Field({ nullable: true, description: 'Position title code.' })
  @IsOptional()
  @Matches(TITLE, { message: TITLE_MESSAGE })
  title?: string;

  @Field(() => ID, { nullable: true, description: 'Where the position is held.' })
  orgUnitId?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Start (inclusive).' })
  validFrom?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End (exclusive); null while open.' })
  validTo?: Date | null;
}

@InputType('PositionAssignmentFilter', { description: 'Filter for position assignments.' })
export class PositionAssignmentFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Held in this org unit or below.' })
  orgUnitId?: string;

  @Field(() => ID, { nullable: true, description: 'Held by this person.' })
  personId?: string;

  @Field({ nullable: true, description: 'Only this title.' })
  title?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only assignments in force at this instant.' })
  activeAt?: Date;
}
