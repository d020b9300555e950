// A person's name as the reader reads it: the name as written (Chinese characters for the demo company) in zh-CN, the
// name in Latin letters (pinyin) in English when the person has one. Both stay searchable (the API's `q`).
import { currentLocale } from '../i18n/locale';

export interface NamedPerson {
  name?: string | null;
  latinName?: string | null;
}

export function personDisplayName(person: NamedPerson | null | undefined, locale: string = currentLocale()): string {
  if (!person) return '';
  const name = person.name ?? '';
  if (locale === 'zh-CN') return name || person.latinName || '';
  return person.latinName || name;
}
