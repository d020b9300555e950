// The settings' refusals in the reader's language: what is wrong and what to send instead.
import type { CompanySettingsError, Locale } from '@iron-triangle/domain';

/** The argument each refusal concerns. */
export function settingsField(e: CompanySettingsError): string {
  switch (e.code) {
    case 'SETTINGS.DECISION_DUE_DAYS_OUT_OF_RANGE':
      return `decisionDueDays.${e.data.grade}`;
    case 'SALES.STAGE_PROBABILITIES_INVALID':
      return e.data.stage === null ? 'stageProbabilities' : `stageProbabilities.${e.data.stage}`;
    case 'SALES.LEAD_THRESHOLDS_NOT_ORDERED':
      return 'leadSizeThresholds';
    default:
      return 'materialChangeShare';
  }
}

export function settingsMessage(e: CompanySettingsError, locale: Locale): string {
  const zh = locale === 'zh-CN';
  switch (e.code) {
    case 'SETTINGS.MATERIAL_CHANGE_SHARE_NOT_A_NUMBER':
      return zh
        ? `重大变更比例“${e.data.value}”不是百分数：请填写不带百分号的数字，例如 10 或 12.5（最多 4 位小数）。`
        : `The material share "${e.data.value}" is not a percentage: send a plain number such as 10 or 12.5 ` +
            '(at most 4 decimals, no % sign).';
    case 'SETTINGS.MATERIAL_CHANGE_SHARE_OUT_OF_RANGE':
      return zh
        ? `重大变更比例 ${e.data.value}% 超出范围：须大于 ${e.data.min}% 且不超过 ${e.data.max}%。`
        : `The material share ${e.data.value} % is out of range: it must be above ${e.data.min} % and at most ` +
            `${e.data.max} %.`;
    case 'SETTINGS.DECISION_DUE_DAYS_OUT_OF_RANGE':
      return zh
        ? `${e.data.grade} 级项目的决策期限 ${e.data.value} 天超出范围：须为 ${e.data.min} 至 ${e.data.max} 之间的整数天。`
        : `The decision due time of ${e.data.value} days for grade ${e.data.grade} projects is out of range: give ` +
            `whole days from ${e.data.min} to ${e.data.max}.`;
    case 'SALES.STAGE_PROBABILITIES_INVALID':
      return zh
        ? `阶段概率无效（${e.data.stage ?? '?'}：${e.data.value ?? '空'}）：每个阶段须为 0 至 100 的整数百分比，` +
            '沿漏斗严格递增，成交为 100，丢单为 0。'
        : `The stage probabilities are invalid at ${e.data.stage ?? '?'} (${e.data.value ?? 'none'}): give whole ` +
            'percents from 0 to 100, rising strictly along the funnel, with DEAL at 100 and LOST at 0.';
    case 'SALES.LEAD_THRESHOLDS_NOT_ORDERED':
      return zh
        ? '线索规模阈值须为正数并严格递减：公司级重大 > 重大 > 重要 > 0。'
        : 'The lead size thresholds must be positive and descend strictly: company-level major > major > ' +
            'important > 0.';
  }
}
