import { Column, Entity, Index } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseRecord, DateTimeColumn, IdColumn, JsonColumn, KeyColumn, StringColumn } from '../../platform/columns';
import { TriangleRoleEnum } from '../../platform/enums';
import { DateTimeScalar, JSONScalar } from '../../platform/scalars';

@ObjectType({
  description:
    "A role model: what a triangle role is assessed on (AR's four role cognitions, SR's 5P, FR's HEROS). Versioned.",
})
@Entity('role_models')
export class RoleModel extends BaseRecord {
  @Field(() => TriangleRoleEnum, { description: 'The role it describes (one model per role).' })
  @KeyColumn(16, { unique: true })
  role: string;

  @Field({ description: 'English name.' })
  @StringColumn(200)
  name: string;

  @Field({ description: 'Chinese name.' })
  @StringColumn(200)
  nameZh: string;

  @Field(() => String, { nullable: true, description: 'What the model is for.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;
}

@ObjectType({
  description:
    'A version of a role model. Assessments point at a version, so a new version never rewrites old assessments.',
})
@Entity('role_model_versions')
@Index('uq_role_model_versions', ['roleModelId', 'versionNo'], { unique: true })
export class RoleModelVersion extends BaseRecord {
  @Field(() => ID, { description: 'The role model.' })
  @IdColumn()
  roleModelId: number;

  @Field(() => Int, { description: 'Version number, 1, 2, …' })
  @Column({ type: 'integer' })
  versionNo: number;

  @Field({ description: 'DRAFT, PUBLISHED or RETIRED.' })
  @StringColumn(16)
  status: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was published.' })
  @DateTimeColumn({ nullable: true })
  publishedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'What changed in this version.' })
  @Column({ type: 'text', nullable: true })
  notes: string | null;
}

@ObjectType({
  description: 'A dimension of a role model version (e.g. AR "SPD", SR "PLAN", FR "H"), with its behaviour indicators.',
})
@Entity('role_model_dimensions')
@Index('uq_role_model_dimensions', ['roleModelVersionId', 'code'], { unique: true })
export class RoleModelDimension extends BaseRecord {
  @Field(() => ID, { description: 'The role model version.' })
  @IdColumn()
  roleModelVersionId: number;

  @Field({ description: 'Dimension code, unique within the version.' })
  @KeyColumn(32)
  code: string;

  @Field({ description: 'English name.' })
  @StringColumn(200)
  name: string;

  @Field({ description: 'Chinese name.' })
  @StringColumn(200)
  nameZh: string;

  @Field(() => JSONScalar, { description: 'Key behaviours that show the dimension: [{ code, name: { en, zh-CN } }].' })
  @JsonColumn({ nullable: false })
  indicators: Array<{ code: string; name: Record<string, string> }>;

  @Field(() => Int, { description: 'Display order.' })
  @Column({ type: 'integer', default: 0 })
  sortOrder: number;
}
