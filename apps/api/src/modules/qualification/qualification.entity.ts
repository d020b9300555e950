import { Column, Entity, Index } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseRecord, IdColumn, KeyColumn, StringColumn } from '../../platform/columns';
import { TriangleRoleEnum } from '../../platform/enums';

@ObjectType({
  description:
    'A version of a qualification framework for a role: its levels, their requirements and how long a result ' +
    'stays valid. Once an assessment uses a version it is frozen (its levels, requirements, validity and ' +
    'certification rule never change); createFrameworkVersion copies it into a DRAFT, publishFramework makes that ' +
    'the ACTIVE version of its lineage.',
})
@Entity('qualification_frameworks')
@Index('uq_qualification_frameworks_lineage', ['lineageId', 'versionNo'], { unique: true })
export class QualificationFramework extends BaseRecord {
  @Field(() => TriangleRoleEnum, { description: 'The role it qualifies for.' })
  @StringColumn(16)
  role: string;

  @Field(() => ID, { description: 'The role model version whose dimensions the requirements refer to.' })
  @IdColumn()
  roleModelVersionId: number;

  @Field({ description: 'Name of the framework.' })
  @StringColumn(200)
  name: string;

  @Field(() => Int, { description: 'Months an assessment result stays valid.' })
  @Column({ type: 'integer' })
  validityMonths: number;

  @Field({ description: 'DRAFT, ACTIVE or RETIRED.' })
  @StringColumn(16)
  status: string;

  @Field({ description: 'Whether manager assessments certify (panel assessments always do, self-assessments never).' })
  @Column({ type: 'boolean', default: false })
  managerMayCertify: boolean;

  @Field(() => Int, {
    description: 'The version within its lineage: 1 for a new framework, then 2, 3, … (createFrameworkVersion).',
  })
  @Column({ type: 'integer', default: 1 })
  versionNo: number;

  /**
   * The lineage: the id of its first version, shared by every version made from it. Set in the transaction that
   * creates a framework (its own id); null reads as the row's own id (lineageOf). GraphQL: a field resolver.
   */
  @IdColumn({ nullable: true })
  lineageId: number | null;

  @Field(() => ID, { nullable: true, description: 'The version it was copied from; null for a first version.' })
  @IdColumn({ nullable: true })
  previousVersionId: number | null;
}

@ObjectType({ description: 'A level of a framework (1 beginner … 5 senior expert) with its gates.' })
@Entity('qualification_levels')
@Index('uq_qualification_levels', ['frameworkId', 'level'], { unique: true })
export class QualificationLevel extends BaseRecord {
  @Field(() => ID, { description: 'The framework.' })
  @IdColumn()
  frameworkId: number;

  @Field(() => Int, { description: 'Level number, 1..5 by default.' })
  @Column({ type: 'integer' })
  level: number;

  @Field({ description: 'English name, e.g. "Backbone".' })
  @StringColumn(100)
  name: string;

  @Field({ description: 'Chinese name, e.g. "骨干".' })
  @StringColumn(100)
  nameZh: string;

  @Field(() => Int, { description: 'Minimum tenure in the role, in months.' })
  @Column({ type: 'integer', default: 0 })
  minTenureMonths: number;

  @Field(() => Int, { description: 'Minimum number of projects in the role.' })
  @Column({ type: 'integer', default: 0 })
  minProjects: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Performance gate: minimum appraisal rating (A, B+, B, C, D) in each of the last `gatePeriods` ' +
      'periods; null: no gate.',
  })
  @StringColumn(4, { nullable: true })
  gateMinimumRating: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of recent appraisal periods the gate looks at.' })
  @Column({ type: 'integer', nullable: true })
  gatePeriods: number | null;
}

@ObjectType({ description: 'A requirement of a level: minimum proficiency (1..5) on one dimension.' })
@Entity('level_requirements')
@Index('uq_level_requirements', ['levelId', 'dimensionCode'], { unique: true })
export class LevelRequirement extends BaseRecord {
  @Field(() => ID, { description: 'The qualification level.' })
  @IdColumn()
  levelId: number;

  @Field({ description: 'Dimension code of the role model version.' })
  @KeyColumn(32)
  dimensionCode: string;

  @Field(() => Int, { description: 'Minimum proficiency on a 1..5 scale.' })
  @Column({ type: 'integer' })
  minProficiency: number;
}
