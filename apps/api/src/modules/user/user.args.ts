import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { IsEmail, IsOptional, Length } from 'class-validator';
import { BaseFilter, UpdateArgsBase } from '../../platform/args';
import { UserRoleEnum } from '../../platform/enums';

@ArgsType()
export class CreateUserArgs {
  @Field({ description: 'Sign-in e-mail.' })
  @IsEmail()
  email: string;

  @Field({ description: 'Initial password (at least 8 characters).' })
  @Length(8, 200)
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

  @Field({ nullable: true, description: 'New password (at least 8 characters).' })
  @IsOptional()
  @Length(8, 200)
  password?: string;

  @Field(() => UserRoleEnum, { nullable: true, description: 'ADMIN, HR, LEADER or VIEWER.' })
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
