import { Field, ObjectType } from 'type-graphql';
import { AuthorityChange } from '../../platform/change-log';

@ObjectType('AuthorityChangePage', {
  description:
    'A page of the change log, in revision order. Pass `endCursor` back as `after` for the next page, and keep ' +
    'passing it to poll for later entries (or subscribe to `authorityChanged`).',
})
export class AuthorityChangePage {
  @Field(() => [AuthorityChange], { description: 'The entries, oldest first (at most `first`).' })
  nodes: AuthorityChange[];

  @Field(() => String, {
    nullable: true,
    description:
      'Where the next page starts (opaque): after the last entry of this page, or, when this page reached the ' +
      'end, after `revision` (so entries left out by the filters are not read again).',
  })
  endCursor: string | null;

  @Field({ description: 'Whether entries after this page were already committed when it was read.' })
  hasNextPage: boolean;

  @Field({
    description:
      'The latest committed revision when the page was read (a decimal string): the page holds every matching ' +
      'entry up to it.',
  })
  revision: string;
}
