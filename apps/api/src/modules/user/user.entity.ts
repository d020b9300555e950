import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseRecord, DateTimeColumn, IdColumn, KeyColumn, StringColumn } from '../../platform/columns';
import { UserRoleEnum } from '../../platform/enums';
import { DateTimeScalar } from '../../platform/scalars';

@ObjectType({ description: 'A person who signs in to the portal or the API. Deleting a user disables it.' })
@Entity('users')
export class User extends BaseRecord {
  @Field({ description: 'Sign-in e-mail, unique (stored lower-case).' })
  @KeyColumn(200, { unique: true })
  email: string;

  @StringColumn(255)
  passwordHash: string;

  @Field(() => UserRoleEnum, { description: 'ADMIN, HR, LEADER or VIEWER.' })
  @StringColumn(16)
  role: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The employee this user is, if any (a LEADER is scoped to their org units).',
  })
  @IdColumn({ nullable: true })
  personId: number | null;

  /** Carried in every session token and compared on every request; bumped to end all the user's sessions. */
  @Column({ type: 'integer', default: 0 })
  sessionVersion: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Last successful sign-in.' })
  @DateTimeColumn({ nullable: true })
  lastLoginAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the user was disabled; null while active.' })
  @DateTimeColumn({ nullable: true })
  archivedAt: Date | null;
}
