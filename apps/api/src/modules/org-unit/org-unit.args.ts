import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { IsIn, IsOptional, Length, Matches } from 'class-validator';
import { BaseFilter, UpdateArgsBase } from '../../platform/args';

export const ORG_UNIT_KINDS = ['HQ', 'REGION', 'REP_OFFICE', 'SYSTEM_DEPT', 'OTHER'];

@ArgsType()
export class CreateOrgUnitArgs {
  @Field({ description: 'Display name.' })
  @Length(1, 200)
  name: string;

  @Field({ description: 'Unique short code (letters, digits, "-", "_").' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'code must be 1..64 letters, digits, "-" or "_"' })
  code: string;

  @Field(() => ID, { nullable: true, description: 'Parent unit; omit for a root.' })
  parentId?: string | null;

  @Field({ description: 'HQ, REGION, REP_OFFICE, SYSTEM_DEPT or OTHER.' })
  @IsIn(ORG_UNIT_KINDS)
  kind: string;
}

@ArgsType()
export class UpdateOrgUnitArgs extends UpdateArgsBase {
  @Field({ nullable: true, description: 'Display name.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field({ nullable: true, description: 'Unique short code.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'code must be 1..64 letters, digits, "-" or "_"' })
  code?: string;

  @Field(() => ID, { nullable: true, description: 'Parent unit; null makes it a root.' })
  parentId?: string | null;

  @Field({ nullable: true, description: 'HQ, REGION, REP_OFFICE, SYSTEM_DEPT or OTHER.' })
  @IsOptional()
  @IsIn(ORG_UNIT_KINDS)
  kind?: string;
}

@InputType('OrgUnitFilter', { description: 'Filter for org units.' })
export class OrgUnitFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'This unit and everything below it.' })
  orgUnitId?: string;

  @Field(() => ID, { nullable: true, description: 'Direct children of this unit.' })
  parentId?: string;

  @Field({ nullable: true, description: 'Only this kind.' })
  kind?: string;
}
