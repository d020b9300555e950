// The `change` argument of every update and delete of a record that keeps a history: when the change takes effect,
// and whether it corrects the past (ADMIN only, with a reason).
import { classifyEffectiveMoment } from '@iron-triangle/domain';
import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { Context } from '../context';
import { AppError } from '../errors';
import { DateTimeScalar } from '../scalars';
import type { ChangeOptions } from './record';

@InputType({
  description:
    'When a change takes effect. By default it takes effect now and never changes what was true before. ' +
    'Changing the past is a correction: `correction: true` with a `reason` (ADMIN only), from `effectiveFrom` ' +
    '(or, without it, for the whole life of the record).',
})
export class ChangeInput {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'From when the change holds (default now). A moment in the past needs `correction: true`; a change planned ' +
      'for later is a record whose validity window starts later.',
  })
  effectiveFrom?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether this corrects the past (ADMIN only).' })
  correction?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Why the past is corrected (required for a correction).' })
  @MaxLength(1000)
  reason?: string | null;
}

/** How far before now an effective moment still counts as now (clocks differ slightly). */
export const CORRECTION_TOLERANCE_MS = 60_000;

/** How the writes of a mutation are recorded, from its `change` argument; refused before anything is written. */
export function changeOptionsOf(ctx: Pick<Context, 'principal' | 'now'>, input: ChangeInput | null | undefined) {
  const asked = input?.effectiveFrom ?? null;
  const checked = classifyEffectiveMoment(asked, input?.correction === true, ctx.now, CORRECTION_TOLERANCE_MS);
  if (checked.kind === 'refused') {
    if (checked.code === 'EFFECTIVE_FROM_IN_FUTURE') {
      throw new AppError(
        'EFFECTIVE_FROM_IN_FUTURE',
        `change.effectiveFrom ${asked?.toISOString()} is in the future. A change takes effect when it is made; to ` +
          'plan one, give the record a validity window that starts later.',
        { field: 'change.effectiveFrom' },
      );
    }
    throw new AppError(
      'CORRECTION_REQUIRED',
      `change.effectiveFrom ${asked?.toISOString()} is in the past: changing what was true then is a correction. ` +
        'Send change.correction: true with a reason (administrators only), or leave effectiveFrom out to change ' +
        'the record from now on.',
      { field: 'change.effectiveFrom' },
    );
  }
  const reason = input?.reason?.trim() || null;
  if (checked.kind === 'correction') {
    const p = ctx.principal;
    if (!p || p.kind !== 'user' || p.role !== 'ADMIN') {
      throw new AppError(
        'CORRECTION_NOT_ALLOWED',
        'Only an administrator may correct the past. Leave change.correction out to change the record from now ' +
          'on, or ask an administrator.',
        { field: 'change.correction' },
      );
    }
    if (!reason) {
      throw new AppError(
        'CORRECTION_REASON_REQUIRED',
        'A correction needs a reason (change.reason): it is kept in the history and shown with every answer it ' +
          'affects.',
        { field: 'change.reason' },
      );
    }
  }
  const options: ChangeOptions =
    checked.kind === 'correction'
      ? { kind: 'correction', effectiveFrom: checked.effectiveFrom, reason }
      : { kind: 'ordinary', effectiveFrom: null, reason };
  return options;
}
