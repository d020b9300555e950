// A key behaviour (indicator) of a role-model dimension: a code and its name per language.
export interface Indicator {
  code: string;
  name: Record<string, string>;
}

export function indicatorName(indicator: Indicator, locale: string): string {
  return indicator.name?.[locale] || indicator.name?.en || indicator.code;
}
