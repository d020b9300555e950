// The display name of a referenced record (person, org unit…), fetched through the data provider's cache. Names asked
// for in the same moment are read together (one getMany per resource, however many names a page shows); a record the
// reader may not see is said to be so, never shown by its id.
import { useGetManyAggregate, useTranslate, type RaRecord } from 'react-admin';
import { personDisplayName } from './personName';

/** The record itself (undefined while loading or when not visible) and the text to show for it. */
export function useRecordName(
  resource: string,
  id?: string | null,
  field = 'name',
): { record: RaRecord | undefined; text: string } {
  const translate = useTranslate();
  const { data, isPending } = useGetManyAggregate(resource, { ids: id ? [id] : [] }, { enabled: Boolean(id) });
  const record = id ? data?.find((r) => String(r.id) === String(id)) : undefined;
  if (!id) return { record, text: translate('app.none') };
  if (record) {
    // A person by the name in the reader's script (characters in zh-CN, pinyin in English).
    if (resource === 'Person' && field === 'name') return { record, text: personDisplayName(record) };
    return { record, text: String(record[field] ?? '') };
  }
  return { record, text: translate(isPending ? 'app.loading' : 'app.not_visible') };
}

export function RecordName({ resource, id, field = 'name' }: { resource: string; id?: string | null; field?: string }) {
  return <>{useRecordName(resource, id, field).text}</>;
}
