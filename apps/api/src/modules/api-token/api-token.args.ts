import { Field, InputType } from 'type-graphql';
import { BaseFilter } from '../../platform/args';

@InputType('ApiTokenFilter', { description: 'Filter for API tokens.' })
export class ApiTokenFilter extends BaseFilter {
  @Field({ nullable: true, description: 'Include revoked tokens.' })
  includeRevoked?: boolean;
}
