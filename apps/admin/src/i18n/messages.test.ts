import { en } from './en';
import { zhCN } from './zh-CN';
import { signInMessages } from './signIn';

function flatten(messages: object, prefix = ''): Map<string, unknown> {
  const result = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') flatten(value, path).forEach((v, k) => result.set(k, v));
    else result.set(path, value);
  }
  return result;
}

describe('messages', () => {
  const english = flatten(en);
  const chinese = flatten(zhCN);

  it('has exactly the same keys in English and Chinese', () => {
    const onlyEn = [...english.keys()].filter((k) => !chinese.has(k));
    const onlyZh = [...chinese.keys()].filter((k) => !english.has(k));
    expect({ onlyEn, onlyZh }).toEqual({ onlyEn: [], onlyZh: [] });
  });

  it('labels record fields without placeholders (a form or column shows the label as it is)', () => {
    const withPlaceholder = [...english.entries(), ...chinese.entries()]
      .filter(([k, v]) => /^resources\.[^.]+\.fields\./.test(k) && /%\{/.test(String(v)))
      .map(([k, v]) => `${k}: ${String(v)}`);
    expect(withPlaceholder).toEqual([]);
  });

  it('covers every react-admin key in Chinese', () => {
    const raKeys = [...english.keys()].filter((k) => k.startsWith('ra.'));
    expect(raKeys.length).toBeGreaterThanOrEqual(160);
    raKeys.forEach((k) => expect(chinese.has(k)).toBe(true));
  });

  it('has no empty strings (ra.boolean.null is a deliberate blank)', () => {
    for (const [name, table] of [
      ['en', english],
      ['zh-CN', chinese],
    ] as const) {
      const empty = [...table.entries()]
        .filter(([k, v]) => k !== 'ra.boolean.null' && (typeof v !== 'string' || v.trim() === ''))
        .map(([k]) => `${name}:${k}`);
      expect(empty).toEqual([]);
    }
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (s: unknown) => [...new Set([...String(s).matchAll(/%\{(\w+)\}/g)].map((m) => m[1]))].sort();
    const mismatched = [...english.keys()].filter(
      (k) => placeholders(english.get(k)).join() !== placeholders(chinese.get(k)).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('writes Chinese in its single plural form (polyglot would always show the first of "a |||| b")', () => {
    expect([...chinese.entries()].filter(([, v]) => String(v).includes('||||')).map(([k]) => k)).toEqual([]);
  });

  it('has the same sign-in keys in both languages', () => {
    expect([...flatten(signInMessages['zh-CN']).keys()]).toEqual([...flatten(signInMessages.en).keys()]);
  });
});
