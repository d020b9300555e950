import { Column, Entity } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import type { ProjectGrade } from '@iron-triangle/domain';
import { BaseRecord, JsonColumn, StringColumn } from '../../platform/columns';

@ObjectType('DecisionDueDays', { description: 'Calendar days a decision request may wait, per project grade.' })
export class DecisionDueDays {
  @Field(() => Int, { description: 'Grade I projects.' })
  I: number;

  @Field(() => Int, { description: 'Grade II projects.' })
  II: number;

  @Field(() => Int, { description: 'Grade III projects.' })
  III: number;
}

/** The one row of company settings (see SETTINGS_ID). */
@ObjectType('CompanySettings', {
  description:
    'The company settings: the policy choices the rules read. One record for the company; every signed-in user ' +
    'reads it, administrators change it (updateCompanySettings), and it keeps a history.',
})
@Entity('company_settings')
export class CompanySettings extends BaseRecord {
  @Field({
    description:
      'The material share, in percent (a decimal string, above 0 and at most 100; default "10"): a project change ' +
      'that raises the amount by more than this share of the amount an approval was taken at, or raises the grade, ' +
      'reopens that approval.',
  })
  @StringColumn(16)
  materialChangeShare: string;

  @Field({
    description:
      "Whether the project's Sponsor has a conflict of interest too. Off (the default): AR, SR, FR and core " +
      'members may not decide on their own project through a position or a decision body; the Sponsor may, as the ' +
      "one who takes the project's key decisions.",
  })
  @Column({ type: 'boolean', default: false })
  sponsorConflictOfInterest: boolean;

  @Field({
    description:
      'Whether ATI on a project whose opportunity has no decision maker on its power map is refused ' +
      '(SALES.NO_DECISION_MAKER_MAPPED). On by default; a project without an opportunity is not checked.',
  })
  @Column({ type: 'boolean', default: true })
  requireDecisionMakerForAti: boolean;

  @Field(() => DecisionDueDays, {
    description: 'How many calendar days a decision request may wait before it escalates, per grade (1–90).',
  })
  @JsonColumn({ nullable: false })
  decisionDueDays: Record<ProjectGrade, number>;
}

/** The id of the settings row (seeded by the migration). */
export const SETTINGS_ID = 1;
