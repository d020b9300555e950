import { Field, ID, InputType } from 'type-graphql';
import { BaseFilter } from '../../platform/args';
import { DecisionOutcomeEnum, DecisionPointEnum } from '../../platform/enums';

@InputType('DecisionFilter', { description: 'Filter for decisions (from/to apply to decidedAt).' })
export class DecisionFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'On this project.' })
  projectId?: string;

  @Field(() => ID, { nullable: true, description: 'By this person.' })
  deciderId?: string;

  @Field(() => [DecisionPointEnum], { nullable: true, description: 'At these decision points.' })
  decisionPoint?: string[];

  @Field(() => [DecisionOutcomeEnum], { nullable: true, description: 'With these outcomes.' })
  outcome?: string[];
}
