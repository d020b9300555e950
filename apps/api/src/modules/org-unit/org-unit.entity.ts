import { Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseRecord, IdColumn, KeyColumn, StringColumn } from '../../platform/columns';

@ObjectType({
  description:
    'A unit of the organisation tree: HQ → region → representative office → system department. Scopes are subtrees.',
})
@Entity('org_units')
export class OrgUnit extends BaseRecord {
  @Field({ description: 'Display name.' })
  @StringColumn(200)
  name: string;

  @Field({ description: 'Unique short code, e.g. "HQ" or "R-EAST".' })
  @Index('uq_org_units_code', { unique: true })
  @KeyColumn(64)
  code: string;

  @Field(() => ID, { nullable: true, description: 'Parent unit; null for a root (HQ).' })
  @IdColumn({ nullable: true })
  parentId: number | null;

  @Field({ description: 'HQ, REGION, REP_OFFICE, SYSTEM_DEPT or OTHER.' })
  @StringColumn(32)
  kind: string;
}
