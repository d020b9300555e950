import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { IsEmail, IsOptional, Length } from 'class-validator';
import { BaseFilter, UpdateArgsBase } from '../../platform/args';
import { DateTimeScalar } from '../../platform/scalars';

@ArgsType()
export class CreatePersonArgs {
  @Field({ description: 'Unique employee number.' })
  @Length(1, 32)
  employeeNo: string;

  @Field({ description: 'Full name.' })
  @Length(1, 200)
  name: string;

  @Field(() => String, { nullable: true, description: 'Work e-mail.' })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Work phone.' })
  @IsOptional()
  @Length(1, 64)
  phone?: string | null;

  @Field(() => ID, { description: 'Org unit.' })
  orgUnitId: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the person joined.' })
  hiredAt?: Date | null;
}

@ArgsType()
export class UpdatePersonArgs extends UpdateArgsBase {
  @Field({ nullable: true, description: 'Unique employee number.' })
  @IsOptional()
  @Length(1, 32)
  employeeNo?: string;

  @Field({ nullable: true, description: 'Full name.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Work e-mail.' })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Work phone.' })
  @IsOptional()
  @Length(1, 64)
  phone?: string | null;

  @Field(() => ID, { nullable: true, description: 'Org unit.' })
  orgUnitId?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the person joined.' })
  hiredAt?: Date | null;
}

@InputType('PersonFilter', { description: 'Filter for people.' })
export class PersonFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'People in this org unit or below.' })
  orgUnitId?: string;

  @Field({ nullable: true, description: 'Include archived people (left the company).' })
  includeArchived?: boolean;
}
