// The display name of a referenced record (person, org unit…), fetched through the data provider's cache.
import { useGetOne, useTranslate } from 'react-admin';

export function RecordName({ resource, id, field = 'name' }: { resource: string; id?: string | null; field?: string }) {
  const translate = useTranslate();
  const { data } = useGetOne(resource, { id: id ?? '' }, { enabled: Boolean(id) });
  if (!id) return <>{translate('app.none')}</>;
  return <>{(data?.[field] as string | undefined) ?? `#${id}`}</>;
}
