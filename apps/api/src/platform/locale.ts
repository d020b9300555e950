// The caller's language for messages: Accept-Language zh-CN (or any zh) or en; English by default.
import type { Locale } from '@iron-triangle/domain';
import type { Context } from './context';

// A symbol property (not a WeakMap): Apollo shallow-copies the context per operation, and copies it along.
const LOCALE = Symbol('locale');
type WithLocale = { [LOCALE]?: Locale };

/** Picks the first supported language by preference (q values honoured). */
export function localeFromHeader(header: string | undefined | null): Locale {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.tag !== '' && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

/** Remembers the request's language with its context (called where the context is made). */
export function withLocale<C extends Context>(ctx: C, acceptLanguage: string | undefined | null): C {
  (ctx as C & WithLocale)[LOCALE] = localeFromHeader(acceptLanguage);
  return ctx;
}

export function localeOf(ctx: Context): Locale {
  return (ctx as Context & WithLocale)[LOCALE] ?? 'en';
}
