import { Field, ID, InputType } from 'type-graphql';
import { BaseFilter } from '../../platform/args';

@InputType('AuditEntryFilter', { description: 'Filter for audit entries (from/to apply to `at`).' })
export class AuditEntryFilter extends BaseFilter {
  @Field({ nullable: true, description: 'Of this record type, e.g. "Person".' })
  entityType?: string;

  @Field({ nullable: true, description: 'Of this record id.' })
  entityId?: string;

  @Field({ nullable: true, description: 'This action, e.g. "update".' })
  action?: string;

  @Field({ nullable: true, description: 'By USER or API_TOKEN.' })
  actorKind?: string;

  @Field(() => ID, { nullable: true, description: 'By this user or token id.' })
  actorId?: string;

  @Field({ nullable: true, description: 'In this request.' })
  requestId?: string;
}
