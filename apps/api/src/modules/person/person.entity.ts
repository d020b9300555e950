import { Entity } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseRecord, DateTimeColumn, IdColumn, KeyColumn, StringColumn } from '../../platform/columns';
import { DateTimeScalar } from '../../platform/scalars';

@ObjectType({ description: 'An employee. Never hard-deleted: deletePerson archives.' })
@Entity('people')
export class Person extends BaseRecord {
  @Field({ description: 'Unique employee number.' })
  @KeyColumn(32, { unique: true })
  employeeNo: string;

  @Field({ description: 'Full name, as written in the person’s own script (e.g. 王伟).' })
  @StringColumn(200)
  name: string;

  @Field(() => String, {
    nullable: true,
    description: 'The name in Latin letters (e.g. Wang Wei, the pinyin of 王伟); null when `name` is already one.',
  })
  @StringColumn(200, { nullable: true })
  latinName: string | null;

  @Field(() => String, { nullable: true, description: 'Work e-mail address.' })
  @StringColumn(200, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Work phone number.' })
  @StringColumn(64, { nullable: true })
  phone: string | null;

  @Field(() => ID, { description: 'The org unit the person belongs to.' })
  @IdColumn()
  orgUnitId: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the person joined (tenure counts from here).' })
  @DateTimeColumn({ nullable: true })
  hiredAt: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the person was archived (left); null while active.',
  })
  @DateTimeColumn({ nullable: true })
  archivedAt: Date | null;
}
