// Both languages, the browser's (or the remembered) choice first; a switch is remembered for the sign-in screen too.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { currentLocale, Locale, rememberLocale } from '../i18n/locale';
import { LANGUAGE_NAMES } from '../i18n/signIn';

const messages = { en, 'zh-CN': zhCN } as const;

export function buildI18nProvider(initial: Locale = currentLocale()) {
  const provider = polyglotI18nProvider(
    (locale) => messages[locale as Locale] ?? en,
    initial,
    [
      { locale: 'en', name: LANGUAGE_NAMES.en },
      { locale: 'zh-CN', name: LANGUAGE_NAMES['zh-CN'] },
    ],
    { allowMissing: false },
  );
  return {
    ...provider,
    changeLocale: async (locale: string, options?: unknown) => {
      rememberLocale(locale as Locale);
      return provider.changeLocale(locale, options);
    },
  };
}
