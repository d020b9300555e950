// companySettings and updateCompanySettings: one record, read by every signed-in user, changed by administrators at
// the version they read; each change checked by the domain, audited, and kept in the change log.
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import {
  CURRENCY_EXPONENTS,
  formatMinor,
  LeadSizeThresholds,
  parseMoney,
  validateCompanySettings,
} from '@iron-triangle/domain';
import type { Context } from '../../platform/context';
import { allow } from '../../platform/permissions';
import { badInput, conflict, notFound } from '../../platform/errors';
import { refusal } from '../../platform/refusal';
import { guardedUpdate } from '../../platform/crud';
import { lockedRow } from '../../platform/db';
import { writeAudit } from '../../platform/audit';
import { localeOf } from '../../platform/locale';
import { jsonSafe } from '../../platform/json-safe';
import { declareScope } from '../../platform/scope';
import { AuthorityChange, historyOf, lockRevision, recordChange } from '../../platform/change-log';
import {
  CompanySettings,
  LeadSizeThresholdsType,
  SETTINGS_ID,
  StageProbabilitiesType,
} from './company-settings.entity';
import { CompanySettingsInput, LeadSizeThresholdsInput } from './company-settings.input';
import { settingsField, settingsMessage } from './company-settings.messages';
import { storedThresholds, toSettings } from './company-settings.service';

/** The thresholds after the input: amounts parsed in the (new) currency, fields left out kept. */
function mergedThresholds(current: LeadSizeThresholds, input: LeadSizeThresholdsInput | null | undefined) {
  if (!input) return current;
  const currency = input.currency ?? current.currency;
  const errors: Record<string, string> = {};
  const amount = (key: 'companyMajor' | 'major' | 'important'): bigint => {
    const raw = input[key];
    if (raw === null || raw === undefined) return current[key];
    const parsed = parseMoney(raw, currency);
    if (!parsed.ok) {
      errors[`leadSizeThresholds.${key}`] = `"${raw}" is not an amount in ${currency}`;
      return current[key];
    }
    return parsed.value.minor;
  };
  const merged = {
    currency,
    companyMajor: amount('companyMajor'),
    major: amount('major'),
    important: amount('important'),
  };
  if (Object.keys(errors).length) throw badInput(errors);
  return merged;
}

declareScope(CompanySettings, 'CompanySettings', {
  kind: 'reference',
  why: 'company-wide policy: every signed-in user reads it, administrators change it',
});

@Resolver(() => CompanySettings)
export class CompanySettingsResolver {
  @Query(() => CompanySettings, { description: 'The company settings (one record).' })
  @UseMiddleware(allow('settings', 'read'))
  async companySettings(@Ctx() ctx: Context): Promise<CompanySettings> {
    const row = await ctx.db.manager.findOneBy(CompanySettings, { id: SETTINGS_ID });
    if (!row) throw notFound('CompanySettings', SETTINGS_ID);
    return row;
  }

  @Mutation(() => CompanySettings, {
    description:
      'Changes the company settings (administrators only): pass the `version` you read; a stale one is refused ' +
      'with CONFLICT. Fields left out keep their value. Values out of range are refused with BAD_USER_INPUT, one ' +
      'reason per problem (SETTINGS.MATERIAL_CHANGE_SHARE_NOT_A_NUMBER, SETTINGS.MATERIAL_CHANGE_SHARE_OUT_OF_RANGE, ' +
      'SETTINGS.DECISION_DUE_DAYS_OUT_OF_RANGE, SALES.STAGE_PROBABILITIES_INVALID, ' +
      'SALES.LEAD_THRESHOLDS_NOT_ORDERED). Audited and kept in the change log.',
  })
  @UseMiddleware(allow('settings', 'write'))
  updateCompanySettings(
    @Arg('input', () => CompanySettingsInput, { description: 'The settings to change.' }) input: CompanySettingsInput,
    @Arg('version', () => Int, { description: 'The version you read.' }) version: number,
    @Ctx() ctx: Context,
  ): Promise<CompanySettings> {
    return ctx.db.transaction(async (em) => {
      await lockRevision(em);
      const before = await lockedRow(em, CompanySettings, SETTINGS_ID);
      if (!before) throw notFound('CompanySettings', SETTINGS_ID);
      if (before.version !== version) throw conflict('CompanySettings', SETTINGS_ID, version, before.version);
      const current = toSettings(before);
      const due = input.decisionDueDays;
      const checked = validateCompanySettings({
        materialChangeShare: input.materialChangeShare ?? current.materialChangeShare,
        sponsorConflictOfInterest: input.sponsorConflictOfInterest ?? current.sponsorConflictOfInterest,
        requireDecisionMakerForAti: input.requireDecisionMakerForAti ?? current.requireDecisionMakerForAti,
        decisionDueDays: {
          I: due?.I ?? current.decisionDueDays.I,
          II: due?.II ?? current.decisionDueDays.II,
          III: due?.III ?? current.decisionDueDays.III,
        },
        stageProbabilities: {
          POTENTIAL: input.stageProbabilities?.POTENTIAL ?? current.stageProbabilities.POTENTIAL,
          INTENT: input.stageProbabilities?.INTENT ?? current.stageProbabilities.INTENT,
          NEGOTIATION: input.stageProbabilities?.NEGOTIATION ?? current.stageProbabilities.NEGOTIATION,
          DEAL: input.stageProbabilities?.DEAL ?? current.stageProbabilities.DEAL,
          LOST: input.stageProbabilities?.LOST ?? current.stageProbabilities.LOST,
        },
        leadSizeThresholds: mergedThresholds(current.leadSizeThresholds, input.leadSizeThresholds),
      });
      if (!checked.ok) {
        const locale = localeOf(ctx);
        const fieldErrors: Record<string, string> = {};
        for (const e of checked.error) fieldErrors[settingsField(e)] = settingsMessage(e, 'en');
        throw refusal(
          'BAD_USER_INPUT',
          null,
          checked.error.map((e) => ({
            code: e.code,
            message: settingsMessage(e, locale),
            data: jsonSafe(e.data),
            field: settingsField(e),
          })),
          { fieldErrors },
        );
      }
      const after = await guardedUpdate(
        em,
        { entity: CompanySettings, name: 'CompanySettings' },
        SETTINGS_ID,
        version,
        {
          materialChangeShare: checked.value.materialChangeShare,
          sponsorConflictOfInterest: checked.value.sponsorConflictOfInterest,
          requireDecisionMakerForAti: checked.value.requireDecisionMakerForAti,
          decisionDueDays: { ...checked.value.decisionDueDays },
          stageProbabilities: { ...checked.value.stageProbabilities },
          leadSizeThresholds: storedThresholds(checked.value.leadSizeThresholds),
        },
        ctx.now,
      );
      await recordChange(em, ctx, 'CompanySettings', SETTINGS_ID, 'UPDATE');
      await writeAudit(em, ctx, {
        action: 'update',
        entityType: 'CompanySettings',
        entityId: SETTINGS_ID,
        before,
        after,
      });
      return after;
    });
  }

  @FieldResolver(() => StageProbabilitiesType, {
    description:
      'The probability of each opportunity stage, in whole percent: the weights of the funnel forecasts and of an ' +
      'open opportunity without its own (defaults 10 / 30 / 70 / 100, lost 0).',
  })
  stageProbabilities(@Root() settings: CompanySettings): StageProbabilitiesType {
    return { ...toSettings(settings).stageProbabilities };
  }

  @FieldResolver(() => LeadSizeThresholdsType, {
    description:
      'The size thresholds that grade leads and opportunities made without a lead (defaults CNY 100 million, 10 ' +
      'million, 1 million).',
  })
  leadSizeThresholds(@Root() settings: CompanySettings): LeadSizeThresholdsType {
    const t = toSettings(settings).leadSizeThresholds;
    const money = (minor: bigint) => formatMinor(minor, CURRENCY_EXPONENTS[t.currency] ?? 2);
    return {
      currency: t.currency,
      companyMajor: money(t.companyMajor),
      major: money(t.major),
      important: money(t.important),
    };
  }

  @FieldResolver(() => [AuthorityChange], {
    description:
      'Every version of the settings, oldest first: who changed what, when it took effect and when it was recorded.',
  })
  history(@Root() settings: CompanySettings, @Ctx() ctx: Context): Promise<AuthorityChange[]> {
    return historyOf(ctx, 'CompanySettings', settings.id);
  }
}
