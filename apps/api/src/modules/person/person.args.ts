import { ArgsType, ClassType, Field, ID, InputType } from 'type-graphql';
import { IsEmail, IsOptional, Length } from 'class-validator';
import { ArgsMode, BaseFilter, NoArgs, optionalOnUpdate, UpdateArgsBase } from '../../platform/args';
import { DateTimeScalar } from '../../platform/scalars';

/** A person's fields, declared once: required on create (but email, phone, hiredAt), optional on update. */
function PersonFields<TBase extends ClassType>(Base: TBase, mode: ArgsMode) {
  const optional = mode === 'update';

  @ArgsType()
  class Fields extends Base {
    @Field({ nullable: optional, description: 'Unique employee number.' })
    @optionalOnUpdate(mode)
    @Length(1, 32)
    employeeNo?: string;

    @Field({ nullable: optional, description: 'Full name.' })
    @optionalOnUpdate(mode)
    @Length(1, 200)
    name?: string;

    @Field(() => String, {
      nullable: true,
      description: 'The name in Latin letters (trimmed, at most 200 characters; blank or null: none).',
    })
    latinName?: string | null;

    @Field(() => String, { nullable: true, description: 'Work e-mail.' })
    @IsOptional()
    @IsEmail()
    email?: string | null;

    @Field(() => String, { nullable: true, description: 'Work phone.' })
    @IsOptional()
    @Length(1, 64)
    phone?: string | null;

    @Field(() => ID, { nullable: optional, description: 'Org unit.' })
    orgUnitId?: string;

    @Field(() => DateTimeScalar, { nullable: true, description: 'When the person joined.' })
    hiredAt?: Date | null;
  }
  return Fields;
}

@ArgsType()
export class CreatePersonArgs extends PersonFields(NoArgs, 'create') {}

@ArgsType()
export class UpdatePersonArgs extends PersonFields(UpdateArgsBase, 'update') {}

@InputType('PersonFilter', { description: 'Filter for people.' })
export class PersonFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'People in this org unit or below.' })
  orgUnitId?: string;

  @Field({ nullable: true, description: 'Include archived people (left the company).' })
  includeArchived?: boolean;
}
