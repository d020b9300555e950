// The columns of what an authority covers — decision points, grades, org subtree, limit, currency, window — are the
// same on an authority rule and on a delegation. They are declared once here (TypeORM columns and GraphQL fields)
// and each entity extends the class made for it; only the descriptions that have always differed are passed in.
import { Field, ID, ObjectType } from 'type-graphql';
import { WindowedRecord, IdColumn, JsonColumn, MoneyColumn, StringColumn } from '../../platform/columns';
import { DecisionPointEnum, ProjectGradeEnum } from '../../platform/enums';
import { MoneyScalar } from '../../platform/scalars';
import { moneyString } from '../../platform/money';

/** The field descriptions that differ between rules and delegations. */
export interface GrantColumnDescriptions {
  decisionPoints: string;
  grades: string;
  scopeOrgUnitId: string;
  limit: string;
}

/**
 * The grant columns on top of BaseRecord. `name` names the abstract GraphQL type (never reachable from a query,
 * so never in the schema), which must be unique per call.
 */
export function GrantColumns(name: string, text: GrantColumnDescriptions) {
  @ObjectType(name, { description: 'The grant columns of an entity (an abstract base; not used on its own).' })
  abstract class Grant extends WindowedRecord {
    @Field(() => [DecisionPointEnum], { description: text.decisionPoints })
    @JsonColumn({ nullable: false })
    decisionPoints: string[];

    @Field(() => [ProjectGradeEnum], { description: text.grades })
    @JsonColumn({ nullable: false })
    grades: string[];

    @Field(() => ID, { description: text.scopeOrgUnitId })
    @IdColumn()
    scopeOrgUnitId: number;

    @MoneyColumn({ nullable: true })
    limitMinor: bigint | null;

    @Field({ description: 'Currency of the limit.' })
    @StringColumn(3)
    currency: string;

    @Field(() => MoneyScalar, { name: 'limit', nullable: true, description: text.limit })
    get limit(): string | null {
      return moneyString(this.limitMinor, this.currency);
    }
  }
  return Grant;
}
