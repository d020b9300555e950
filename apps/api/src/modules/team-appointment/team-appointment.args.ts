import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { BaseFilter, UpdateArgsBase } from '../../platform/args';
import { TriangleRoleEnum } from '../../platform/enums';
import { DateTimeScalar } from '../../platform/scalars';

@ArgsType()
export class CreateTeamAppointmentArgs {
  @Field(() => ID, { description: 'The project.' })
  projectId: string;

  @Field(() => ID, { description: 'The person appointed.' })
  personId: string;

  @Field(() => TriangleRoleEnum, { description: 'Role on the team.' })
  role: string;

  @Field(() => String, { nullable: true, description: 'LTC stage the appointment is for; omit for all stages.' })
  @IsOptional()
  @Length(1, 32)
  stage?: string | null;

  @Field(() => DateTimeScalar, { description: 'Start; the staffing rules are checked at this instant.' })
  validFrom: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End (exclusive).' })
  validTo?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Authorized exception: appoint even below the staffing rule, for this reason.',
  })
  @IsOptional()
  @Length(3, 2000)
  exceptionReason?: string | null;
}

@ArgsType()
export class UpdateTeamAppointmentArgs extends UpdateArgsBase {
  @Field(() => TriangleRoleEnum, { nullable: true, description: 'Role on the team.' })
  role?: string;

  @Field(() => String, { nullable: true, description: 'LTC stage.' })
  @IsOptional()
  @Length(1, 32)
  stage?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Start.' })
  validFrom?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End (exclusive).' })
  validTo?: Date | null;

  @Field(() => String, { nullable: true, description: 'Authorized exception reason.' })
  @IsOptional()
  @Length(3, 2000)
  exceptionReason?: string | null;
}

@InputType('TeamAppointmentFilter', { description: 'Filter for team appointments.' })
export class TeamAppointmentFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'On this project.' })
  projectId?: string;

  @Field(() => ID, { nullable: true, description: 'Of this person.' })
  personId?: string;

  @Field(() => [TriangleRoleEnum], { nullable: true, description: 'In these roles.' })
  role?: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only appointments in force at this instant.' })
  activeAt?: Date;
}
