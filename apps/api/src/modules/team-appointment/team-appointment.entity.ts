import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { WindowedRecord, IdColumn, JsonColumn, StringColumn } from '../../platform/columns';
import { TriangleRoleEnum } from '../../platform/enums';
import { JSONScalar } from '../../platform/scalars';

@ObjectType({
  description:
    'A person appointed to a project team in a role, for a stage and a time. Checked against the staffing rules.',
})
@Entity('team_appointments')
export class TeamAppointment extends WindowedRecord {
  @Field(() => ID, { description: 'The project.' })
  @IdColumn()
  projectId: number;

  @Field(() => ID, { description: 'The person appointed.' })
  @IdColumn()
  personId: number;

  @Field(() => TriangleRoleEnum, { description: 'Role on the team.' })
  @StringColumn(16)
  role: string;

  @Field(() => String, {
    nullable: true,
    description: 'LTC stage the appointment is published for; null for all stages.',
  })
  @StringColumn(32, { nullable: true })
  stage: string | null;

  @Field(() => Int, { nullable: true, description: 'Qualification level the person held for the role at the start.' })
  @Column({ type: 'integer', nullable: true })
  qualificationLevel: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why an appointment below the staffing rule was allowed (an authorized exception).',
  })
  @Column({ type: 'text', nullable: true })
  exceptionReason: string | null;

  @Field(() => JSONScalar, {
    nullable: true,
    description: 'The staffing check made at appointment: rule, required and held level.',
  })
  @JsonColumn()
  staffingCheck: Record<string, unknown> | null;
}
