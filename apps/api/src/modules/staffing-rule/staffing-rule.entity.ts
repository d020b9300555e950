import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { WindowedRecord, IdColumn, StringColumn } from '../../platform/columns';
import { ProjectGradeEnum, TriangleRoleEnum } from '../../platform/enums';

@ObjectType({
  description:
    'Minimum qualification for a team role on projects of a grade (e.g. grade I needs AR ≥ 3). End-dated, ' +
    'never deleted.',
})
@Entity('staffing_rules')
export class StaffingRule extends WindowedRecord {
  @Field(() => TriangleRoleEnum, { description: 'The team role.' })
  @StringColumn(16)
  role: string;

  @Field(() => ProjectGradeEnum, { description: 'The project grade.' })
  @StringColumn(3)
  grade: string;

  @Field(() => Int, { description: 'Minimum qualification level for the role.' })
  @Column({ type: 'integer' })
  minLevel: number;

  @Field(() => ID, { nullable: true, description: 'Org subtree the rule applies to; null: everywhere.' })
  @IdColumn({ nullable: true })
  orgUnitId: number | null;

  @Field(() => String, { nullable: true, description: 'Why the rule exists.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
