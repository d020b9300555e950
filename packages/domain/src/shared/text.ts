// Names the portal shows in both of its languages; the domain carries them as data, never as messages.

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A name in every locale the product speaks. */
export type LocalizedText = { readonly [L in Locale]: string };

/** The locales whose text is empty or only white space. */
export function missingLocales(text: LocalizedText | undefined | null): Locale[] {
  return LOCALES.filter((locale) => typeof text?.[locale] !== 'string' || text[locale].trim() === '');
}
