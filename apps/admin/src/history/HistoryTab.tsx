// The History tab of a versioned record: its `history` read when the tab opens (never with lists or forms), drawn
// by HistoryView. A framework's tab shows its levels' and requirements' versions with its own.
import { Box, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { ErrorText } from '../components/ErrorText';
import type { Operations } from '../providers/operations';
import type { AuthorityChange } from '../providers/types';
import { HistoryView } from './HistoryView';

export function useHistory(resource: string | undefined, id: unknown, version: unknown) {
  const dataProvider = useDataProvider() as unknown as Operations;
  const [state, setState] = useState<{ entries?: AuthorityChange[]; error?: unknown }>({});
  useEffect(() => {
    if (!resource || id === undefined || id === null) return;
    let live = true;
    setState({});
    const load =
      resource === 'QualificationFramework'
        ? dataProvider.frameworkHistory(String(id))
        : dataProvider.history(resource, String(id));
    load.then(
      (entries) => live && setState({ entries }),
      (error) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
    // `version`: read again after the record is saved.
  }, [dataProvider, resource, id, version]);
  return state;
}

/** `label={false}`: no field label above it (inside a show layout's tab). */
export function HistoryTab({ resource }: { resource?: string; label?: false }) {
  const record = useRecordContext();
  const name = useResourceContext({ resource });
  const translate = useTranslate();
  const { entries, error } = useHistory(name, record?.id, record?.version);
  return (
    <Box sx={{ width: '100%' }}>
      {Boolean(error) && <ErrorText error={error} />}
      {!entries && !error && <Typography color="text.secondary">{translate('app.loading')}</Typography>}
      {entries && <HistoryView entries={entries} />}
    </Box>
  );
}
