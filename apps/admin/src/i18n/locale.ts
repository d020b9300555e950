// Which language the portal speaks: the user's choice, else the browser's; no react-admin here (entry chunk).
export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
const KEY = 'ironTriangle.locale';

/** Maps a BCP 47 tag (navigator.language) to a portal locale: any Chinese → zh-CN, anything else → en. */
export function localeFromTag(tag: string | null | undefined): Locale {
  return tag && /^zh\b/i.test(tag) ? 'zh-CN' : 'en';
}

export function currentLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(KEY);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {
    // storage blocked: fall back to the browser
  }
  return localeFromTag(globalThis.navigator?.language);
}

export function rememberLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(KEY, locale);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
  if (globalThis.document) globalThis.document.documentElement.lang = locale;
}
