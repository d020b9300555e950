import { currentLocale, localeFromTag, rememberLocale } from './locale';

describe('locale', () => {
  it('maps any Chinese browser language to zh-CN and everything else to English', () => {
    expect(localeFromTag('zh-CN')).toBe('zh-CN');
    expect(localeFromTag('zh-TW')).toBe('zh-CN');
    expect(localeFromTag('zh')).toBe('zh-CN');
    expect(localeFromTag('en-GB')).toBe('en');
    expect(localeFromTag('de')).toBe('en');
    expect(localeFromTag(undefined)).toBe('en');
  });

  it('prefers the remembered choice to the browser', () => {
    localStorage.clear();
    rememberLocale('zh-CN');
    expect(currentLocale()).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    rememberLocale('en');
    expect(currentLocale()).toBe('en');
  });
});
