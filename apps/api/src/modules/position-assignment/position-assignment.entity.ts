import { Entity } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { WindowedRecord, IdColumn, StringColumn } from '../../platform/columns';

@ObjectType({
  description:
    'A person holding a position title (e.g. "BU_PRESIDENT", "BUSINESS_DEPT_DIRECTOR", "INDUSTRY_HEAD") in ' +
    'an org unit, for a time.',
})
@Entity('position_assignments')
export class PositionAssignment extends WindowedRecord {
  @Field(() => ID, { description: 'Who holds the position.' })
  @IdColumn()
  personId: number;

  @Field({ description: 'Position title code, e.g. "BU_PRESIDENT".' })
  @StringColumn(64)
  title: string;

  @Field(() => ID, { description: 'Where the position is held.' })
  @IdColumn()
  orgUnitId: number;
}
