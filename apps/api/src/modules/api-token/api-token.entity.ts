import { Entity } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseRecord, DateTimeColumn, IdColumn, JsonColumn, KeyColumn, StringColumn } from '../../platform/columns';
import { DateTimeScalar } from '../../platform/scalars';

@ObjectType({ description: 'An API token for an integration: scoped, stored hashed, shown once, revocable.' })
@Entity('api_tokens')
export class ApiToken extends BaseRecord {
  @Field({ description: 'What the token is for, e.g. "CRM sync".' })
  @StringColumn(200)
  name: string;

  @KeyColumn(64)
  tokenHash: string;

  @Field(() => [String], {
    description: 'Scopes: read, write:org, write:projects, write:qualifications, write:authority, decide, write:pools.',
  })
  @JsonColumn({ nullable: false })
  scopes: string[];

  @Field(() => ID, { nullable: true, description: 'The admin who created it.' })
  @IdColumn({ nullable: true })
  createdById: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it stops working; null: never.' })
  @DateTimeColumn({ nullable: true })
  expiresAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was revoked.' })
  @DateTimeColumn({ nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked.' })
  @StringColumn(500, { nullable: true })
  revokeReason: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The secret: returned once, by createApiToken; null ever after (only its hash is stored).',
  })
  secret?: string | null;
}
