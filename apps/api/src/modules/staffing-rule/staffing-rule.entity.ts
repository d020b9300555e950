import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseRecord, DateTimeColumn, IdColumn, StringColumn } from '../../platform/columns';
import { ProjectGradeEnum, TriangleRoleEnum } from '../../platform/enums';
import { DateTimeScalar } from '../../platform/scalars';

@ObjectType({
  description:
    'Minimum qualification for a team role on projects of a grade (e.g. grade I needs AR ≥ 3). End-dated, ' +
    'never deleted.',
})
@Entity('staffing_rules')
export class StaffingRule extends BaseRecord {
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

  @Field(() => DateTimeScalar, { description: 'Start (inclusive, UTC).' })
  @DateTimeColumn()
  validFrom: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End (exclusive, UTC); null while open.' })
  @DateTimeColumn({ nullable: true })
  validTo: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the rule exists.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
