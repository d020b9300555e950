import { Column, Entity, Index } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseRecord, DateTimeColumn, IdColumn, JsonColumn, KeyColumn, StringColumn } from '../../platform/columns';
import { AssessmentKindEnum, TriangleRoleEnum } from '../../platform/enums';
import { DateTimeScalar, JSONScalar } from '../../platform/scalars';

@ObjectType({
  description:
    'An assessment of a person against a framework version: ratings per dimension, and the evaluated ' +
    'result (level, validity, gap).',
})
@Entity('assessments')
@Index('ix_assessments_person_role', ['personId', 'role'])
export class Assessment extends BaseRecord {
  @Field(() => ID, { description: 'Who was assessed.' })
  @IdColumn()
  personId: number;

  @Field(() => TriangleRoleEnum, { description: 'The role assessed for.' })
  @StringColumn(16)
  role: string;

  @Field(() => ID, { description: 'The framework used.' })
  @IdColumn()
  frameworkId: number;

  @Field(() => ID, { description: 'The role model version the ratings refer to (fixed at recording).' })
  @IdColumn()
  roleModelVersionId: number;

  @Field(() => AssessmentKindEnum, { description: 'SELF, MANAGER or PANEL.' })
  @StringColumn(16)
  kind: string;

  @Field(() => ID, { nullable: true, description: 'The assessor (a person).' })
  @IdColumn({ nullable: true })
  assessorId: number | null;

  @Field(() => DateTimeScalar, { description: 'When the assessment was made; its result counts from then.' })
  @DateTimeColumn()
  assessedAt: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Since when the person is in the role (tenure counts from here); default: first appointment in the role.',
  })
  @DateTimeColumn({ nullable: true })
  inRoleSince: Date | null;

  @Field(() => Int, {
    description:
      'Completed projects in the role at assessment; default: closed projects with an appointment in the role.',
  })
  @Column({ type: 'integer', default: 0 })
  completedProjects: number;

  @Field(() => JSONScalar, {
    nullable: true,
    description: 'Appraisal ratings: [{ period, endsAt, rating }] with rating A, B+, B, C or D.',
  })
  @JsonColumn()
  performance: Array<{ period: string; endsAt: string; rating: string }> | null;

  @Field(() => Int, { nullable: true, description: 'Whole months in the role at assessment (evaluated).' })
  @Column({ type: 'integer', nullable: true })
  tenureMonths: number | null;

  @Field({ description: 'Whether this result certifies (panel, or manager where the framework allows).' })
  @Column({ type: 'boolean', default: false })
  certifies: boolean;

  @Field(() => Int, { nullable: true, description: 'Level reached (evaluated); null when none.' })
  @Column({ type: 'integer', nullable: true })
  levelReached: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End of validity of the result (exclusive).' })
  @DateTimeColumn({ nullable: true })
  validUntil: Date | null;

  @Field(() => JSONScalar, {
    nullable: true,
    description: 'Gap to the next level: dimensions short and by how much, tenure, projects, gate.',
  })
  @JsonColumn()
  gap: Record<string, unknown> | null;

  @Field(() => JSONScalar, { nullable: true, description: 'The full evaluation, for explanation.' })
  @JsonColumn()
  evaluation: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'Free comment.' })
  @Column({ type: 'text', nullable: true })
  comment: string | null;
}

@ObjectType({ description: 'A rating of one dimension in an assessment, with its evidence.' })
@Entity('assessment_ratings')
@Index('uq_assessment_ratings', ['assessmentId', 'dimensionCode'], { unique: true })
export class AssessmentRating extends BaseRecord {
  @Field(() => ID, { description: 'The assessment.' })
  @IdColumn()
  assessmentId: number;

  @Field({ description: 'Dimension code.' })
  @KeyColumn(32)
  dimensionCode: string;

  @Field(() => Int, { description: 'Proficiency 1..5.' })
  @Column({ type: 'integer' })
  score: number;

  @Field(() => String, { nullable: true, description: 'Evidence for the score.' })
  @Column({ type: 'text', nullable: true })
  evidence: string | null;
}
