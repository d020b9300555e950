// Key behaviours (indicators) are edited as text, one per line: "CODE | English | 中文".
export interface Indicator {
  code: string;
  name: Record<string, string>;
}

export function indicatorsToText(value: unknown): string {
  if (!Array.isArray(value)) return typeof value === 'string' ? value : '';
  return (value as Indicator[]).map((i) => [i.code, i.name?.en ?? '', i.name?.['zh-CN'] ?? ''].join(' | ')).join('\n');
}

export function textToIndicators(text: string): Indicator[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => {
      const [code = '', en = '', zh = ''] = line.split('|').map((part) => part.trim());
      const single = line.includes('|') ? null : line;
      return single
        ? { code: `B${index + 1}`, name: { en: single, 'zh-CN': single } }
        : { code: code || `B${index + 1}`, name: { en: en || zh, 'zh-CN': zh || en } };
    });
}

export function indicatorName(indicator: Indicator, locale: string): string {
  return indicator.name?.[locale] ?? indicator.name?.en ?? indicator.code;
}
