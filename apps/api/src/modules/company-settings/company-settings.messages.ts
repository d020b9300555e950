// The settings' refusals in the reader's language: what is wrong and what to send instead.
import type { CompanySettingsError, Locale } from '@iron-triangle/domain';

/** The argument each refusal concerns. */
export function settingsField(e: CompanySettingsError): string {
  return e.code === 'SETTINGS.DECISION_DUE_DAYS_OUT_OF_RANGE'
    ? `decisionDueDays.${e.data.grade}`
    : 'materialChangeShare';
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
  }
}
