// The contract's names on a change-log entry: `version` (the record's version after the change) and a non-null
// `effectiveFrom` (the beginning of time, 1970-01-01T00:00:00Z, when the entry holds since the record began, as
// `holdsSinceRecordBegan` says).
import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { DateTimeScalar } from '../scalars';
import { AuthorityChange } from './change.entity';

export const SINCE_RECORD_BEGAN = new Date(0);

@Resolver(() => AuthorityChange)
export class AuthorityChangeFieldResolver {
  @FieldResolver(() => Int, { description: "The record's version after the change (its optimistic-locking version)." })
  version(@Root() entry: AuthorityChange): number {
    return entry.recordVersion;
  }

  @FieldResolver(() => DateTimeScalar, {
    description:
      'From when the change holds (effective time). 1970-01-01T00:00:00Z when it holds since the record began (a new ' +
      "record, whose validity window says when it applies, or a correction of the record's whole life): see " +
      '`holdsSinceRecordBegan`.',
  })
  effectiveFrom(@Root() entry: AuthorityChange): Date {
    return entry.effectiveFrom ?? SINCE_RECORD_BEGAN;
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the change holds since the record began rather than from `effectiveFrom`.',
  })
  holdsSinceRecordBegan(@Root() entry: AuthorityChange): boolean {
    return entry.effectiveFrom === null;
  }
}
