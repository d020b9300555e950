import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { BaseFilter, UpdateArgsBase } from '../../platform/args';
import { ProjectGradeEnum } from '../../platform/enums';

@InputType('DecisionBodySeatInput', { description: 'A seat: a position title, fixed or on demand.' })
export class DecisionBodySeatInput {
  @Field({ description: 'Position title.' })
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'title must be an upper-case code such as BU_PRESIDENT' })
  title: string;

  @Field(() => [String], { nullable: true, description: 'Other titles that may fill the seat.' })
  alternativeTitles?: string[];

  @Field({ description: 'True: always sits; false: on demand.' })
  fixed: boolean;
}

@ArgsType()
export class CreateDecisionBodyArgs {
  @Field({ description: 'Name.' })
  @Length(1, 200)
  name: string;

  @Field({ description: 'Quorum rule, e.g. "ALL_FIXED".' })
  @Length(1, 200)
  quorum: string;

  @Field(() => ProjectGradeEnum, { nullable: true, description: 'Grade it decides for.' })
  grade?: string | null;

  @Field(() => ID, { nullable: true, description: 'Org unit whose positions fill the seats.' })
  orgUnitId?: string | null;

  @Field(() => [DecisionBodySeatInput], { description: 'Seats, in order.' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(30)
  seats: DecisionBodySeatInput[];
}

@ArgsType()
export class UpdateDecisionBodyArgs extends UpdateArgsBase {
  @Field({ nullable: true, description: 'Name.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field({ nullable: true, description: 'Quorum rule.' })
  @IsOptional()
  @Length(1, 200)
  quorum?: string;

  @Field(() => ProjectGradeEnum, { nullable: true, description: 'Grade it decides for.' })
  grade?: string | null;

  @Field(() => ID, { nullable: true, description: 'Org unit whose positions fill the seats.' })
  orgUnitId?: string | null;

  @Field(() => [DecisionBodySeatInput], { nullable: true, description: 'Replaces all seats.' })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(30)
  seats?: DecisionBodySeatInput[];
}

@InputType('DecisionBodyFilter', { description: 'Filter for decision bodies.' })
export class DecisionBodyFilter extends BaseFilter {
  @Field(() => ProjectGradeEnum, { nullable: true, description: 'For this grade.' })
  grade?: string;
}

@InputType('DecisionBodySeatFilter', { description: 'Filter for decision body seats.' })
export class DecisionBodySeatFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this body.' })
  decisionBodyId?: string;
}
