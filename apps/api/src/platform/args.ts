// Argument and filter bases shared by every record type.
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, MaxLength, Min } from 'class-validator';
import { DateTimeScalar } from './scalars';

@ArgsType()
export class UpdateArgsBase {
  @Field(() => ID, { description: 'The record to change.' })
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT.' })
  @Min(1)
  version: number;
}

@InputType('BaseFilter', {
  description: 'Filter fields every record type has (an abstract base; not used on its own).',
})
export class BaseFilter {
  @Field({ nullable: true, description: 'Text search (case-insensitive, in names and codes).' })
  @IsOptional()
  @MaxLength(200)
  q?: string;

  @Field(() => [ID], { nullable: true, description: 'Only these ids.' })
  @IsOptional()
  ids?: string[];

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Created (or dated, per type) at or after this instant.',
  })
  @IsOptional()
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Created (or dated, per type) before this instant.' })
  @IsOptional()
  to?: Date;
}

/**
 * Whether an argument class made from a shared field set creates a record (the fields it needs are required) or
 * changes one (any subset, each still checked when given). type-graphql inherits the fields of an @ArgsType base
 * class, class-validator its checks.
 */
export type ArgsMode = 'create' | 'update';

/** A base with no fields, for argument classes that extend nothing else. */
export class NoArgs {}

/** class-validator's IsOptional on the update variant only: on create the field is required. */
export const optionalOnUpdate = (mode: ArgsMode): PropertyDecorator =>
  mode === 'update' ? IsOptional() : () => undefined;
