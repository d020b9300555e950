// The LTC process in the reader's words: a decision point by its code and name, an out-of-sequence refusal, and why
// a material change reopened a decision.
import {
  CURRENCY_EXPONENTS,
  DECISION_POINT_NAMES,
  DecisionPoint,
  Locale,
  SequenceRefusal,
} from '@iron-triangle/domain';

/** "ATB (approve to bid)" / "ATB（投标决策）". */
export function pointLabel(point: string, locale: Locale): string {
  const name = DECISION_POINT_NAMES[point as DecisionPoint];
  if (!name) return point;
  return locale === 'zh-CN' ? `${point}（${name['zh-CN']}）` : `${point} (${name.en})`;
}

const SYMBOLS: Readonly<Record<string, string>> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£' };

/** A decimal amount as people read it: "¥1,250,000.00", or "1,250,000.00 HKD" for a currency without a symbol here. */
export function displayAmount(decimal: string, currency: string): string {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction] = (negative ? decimal.slice(1) : decimal).split('.');
  const digits = (CURRENCY_EXPONENTS[currency] ?? 2) > 0 && fraction !== undefined ? `.${fraction}` : '';
  const grouped = `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${digits}`;
  const symbol = SYMBOLS[currency];
  return symbol ? `${negative ? '-' : ''}${symbol}${grouped.replace('-', '')}` : `${grouped} ${currency}`;
}

/** OUT_OF_SEQUENCE: the point that must come first (or that the project is closed), and what to do. */
export function outOfSequenceMessage(refused: SequenceRefusal, projectId: number, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const point = pointLabel(refused.data.decisionPoint, locale);
  if ('closed' in refused.data) {
    const close = pointLabel('ATCC', locale);
    return zh
      ? `项目 ${projectId} 已关闭：${close}已批准，不再作出任何决策，包括 ${point}。`
      : `Project ${projectId} is closed: ${close} is approved, so no further decision is taken on it, ${point} ` +
          `included.`;
  }
  const missing = pointLabel(refused.data.missing, locale);
  return zh
    ? `项目 ${projectId} 尚不能作出 ${point}：${missing}尚未批准（或已因重大变更重新打开）。请先完成 ${refused.data.missing}。` +
        '决策顺序：ATI → ATB → ATC，ATAC 与 ATCC 在 ATC 之后。'
    : `${point} cannot be taken on project ${projectId} yet: ${missing} is not approved (or a material change ` +
        `reopened it). Take ${refused.data.missing} first; decisions run ATI → ATB → ATC, with ATAC and ATCC ` +
        'after ATC.';
}

/** A stored cause (as `reopenedCauses` keeps it: money as decimal strings with their currency). */
type StoredCause = Record<string, unknown> & { kind?: string };

function causeText(cause: StoredCause, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const s = (key: string) => String(cause[key] ?? '');
  switch (cause.kind) {
    case 'AMOUNT_UP': {
      const from = displayAmount(s('from'), s('currency'));
      const to = displayAmount(s('to'), s('currency'));
      const percent = cause.percent === null || cause.percent === undefined ? null : s('percent');
      if (zh)
        return percent === null
          ? `金额由 ${from} 增至 ${to}（超过 ${s('share')}% 的重大变更比例）`
          : `金额上调 ${percent}%，由 ${from} 增至 ${to}（超过 ${s('share')}% 的重大变更比例）`;
      return percent === null
        ? `amount up from ${from} to ${to} (more than the ${s('share')} % material share)`
        : `amount up ${percent} % from ${from} to ${to} (more than the ${s('share')} % material share)`;
    }
    case 'GRADE_UP':
      return zh ? `项目等级由 ${s('from')} 级升至 ${s('to')} 级` : `grade up from ${s('from')} to ${s('to')}`;
    case 'CURRENCY_CHANGED': {
      const from = displayAmount(s('from'), s('fromCurrency'));
      const to = displayAmount(s('to'), s('toCurrency'));
      return zh
        ? `金额币种由 ${s('fromCurrency')} 改为 ${s('toCurrency')}（${from} → ${to}）`
        : `currency changed from ${from} to ${to}`;
    }
    case 'DEPENDS_ON':
      return zh
        ? `前置决策 ${pointLabel(s('decisionPoint'), locale)}已重新打开`
        : `${pointLabel(s('decisionPoint'), locale)}, which it follows, was reopened`;
    default:
      return s('kind');
  }
}

/** Why a decision was reopened, in words ("amount up 25 % from ¥1,000,000.00 to ¥1,250,000.00 (…)"). */
export function reopenedReasonText(causes: readonly StoredCause[] | null, locale: Locale): string | null {
  if (!causes || causes.length === 0) return null;
  return causes.map((c) => causeText(c, locale)).join(locale === 'zh-CN' ? '；' : '; ');
}
