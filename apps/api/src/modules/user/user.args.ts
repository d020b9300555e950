import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { IsEmail, IsOptional, Length } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../platform/passwords';
import { BaseFilter, UpdateArgsBase } from '../../platform/args';
import { UserRoleEnum } from '../../platform/enums';

const PASSWORD_LENGTH_MESSAGE = `password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long`;

@ArgsType()
export class CreateUserArgs {
  @Field({ description: 'Sign-in e-mail.' })
  @IsEmail()
  email: string;

  @Field({ description: 'Initial password: at least 12 characters, not one of the common passwords.' })
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, { message: PASSWORD_LENGTH_MESSAGE })
  password: string;

  @Field(() => UserRoleEnum, { description: 'ADMIN, HR, LEADER or VIEWER.' })
  role: string;

  @Field(() => ID, { nullable: true, description: 'The employee this user is.' })
  personId?: string | null;
}

@ArgsType()
export class UpdateUserArgs extends UpdateArgsBase {
  @Field({ nullable: true, description: 'Sign-in e-mail.' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @Field({
    nullable: true,
    description: "New password: at least 12 characters, not one of the common passwords. Ends the user's sessions.",
  })
  @IsOptional()
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, { message: PASSWORD_LENGTH_MESSAGE })
  password?: string;

  @Field(() => UserRoleEnum, {
    nullable: true,
    description: "ADMIN, HR, LEADER or VIEWER. A change ends the user's sessions.",
  })
  role?: string;

  @Field(() => ID, { nullable: true, description: 'The employee this user is.' })
  personId?: string | null;
}

@InputType('UserFilter', { description: 'Filter for users.' })
export class UserFilter extends BaseFilter {
  @Field(() => UserRoleEnum, { nullable: true, description: 'Only this role.' })
  role?: string;

  @Field({ nullable: true, description: 'Include disabled users.' })
  includeArchived?: boolean;
}
