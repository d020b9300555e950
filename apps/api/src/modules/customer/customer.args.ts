import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { BaseFilter, UpdateArgsBase } from '../../platform/args';
import { CustomerTierEnum } from '../../platform/enums';

@ArgsType()
export class CreateCustomerArgs {
  @Field({ description: 'Customer name.' })
  @Length(1, 200)
  name: string;

  @Field(() => String, { nullable: true, description: 'Unique customer code.' })
  @IsOptional()
  @Length(1, 64)
  code?: string | null;

  @Field(() => CustomerTierEnum, { description: 'Tier S, A, B or C.' })
  tier: string;

  @Field(() => ID, { description: 'Owning org unit.' })
  orgUnitId: string;

  @Field(() => String, { nullable: true, description: 'Industry.' })
  @IsOptional()
  @Length(1, 100)
  industry?: string | null;
}

@ArgsType()
export class UpdateCustomerArgs extends UpdateArgsBase {
  @Field({ nullable: true, description: 'Customer name.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Unique customer code.' })
  @IsOptional()
  @Length(1, 64)
  code?: string | null;

  @Field(() => CustomerTierEnum, { nullable: true, description: 'Tier S, A, B or C.' })
  tier?: string;

  @Field(() => ID, { nullable: true, description: 'Owning org unit.' })
  orgUnitId?: string;

  @Field(() => String, { nullable: true, description: 'Industry.' })
  @IsOptional()
  @Length(1, 100)
  industry?: string | null;
}

@InputType('CustomerFilter', { description: 'Filter for customers.' })
export class CustomerFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Owned by this org unit or below.' })
  orgUnitId?: string;

  @Field(() => [CustomerTierEnum], { nullable: true, description: 'Only these tiers.' })
  tier?: string[];
}
