import { Entity } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseRecord, IdColumn, KeyColumn, StringColumn } from '../../platform/columns';
import { CustomerTierEnum } from '../../platform/enums';

@ObjectType({ description: 'A customer, tiered S / A / B / C, looked after by an org unit.' })
@Entity('customers')
export class Customer extends BaseRecord {
  @Field({ description: 'Customer name.' })
  @StringColumn(200)
  name: string;

  @Field(() => String, { nullable: true, description: 'Unique customer code (e.g. from the CRM).' })
  @KeyColumn(64, { nullable: true, unique: true })
  code: string | null;

  @Field(() => CustomerTierEnum, { description: 'Tier: S (strategic), A, B or C.' })
  @StringColumn(1)
  tier: string;

  @Field(() => ID, { description: 'The org unit that owns the account.' })
  @IdColumn()
  orgUnitId: number;

  @Field(() => String, { nullable: true, description: 'Industry, free text.' })
  @StringColumn(100, { nullable: true })
  industry: string | null;
}
