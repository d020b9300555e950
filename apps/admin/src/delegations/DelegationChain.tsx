import { Alert, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { ChainView } from '../components/ChainView';
import { ErrorText } from '../components/ErrorText';
import type { AuthorityChain, DelegationRecord } from '../providers/types';
import { buildDelegationChain, RuleRecord } from './chain';

export function DelegationChain() {
  const record = useRecordContext<DelegationRecord>();
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const [state, setState] = useState<{ chain?: AuthorityChain; error?: unknown }>({});
  useEffect(() => {
    if (!record) return;
    let live = true;
    buildDelegationChain(
      record,
      async (id) => (await dataProvider.getOne<DelegationRecord>('Delegation', { id })).data,
      async (id) => (await dataProvider.getOne<RuleRecord>('AuthorityRule', { id })).data,
    ).then(
      (chain) => live && setState({ chain }),
      (error) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [record, dataProvider]);
  return (
    <>
      <Typography variant="subtitle1">{translate('delegation.chain')}</Typography>
      {state.chain && <ChainView chain={state.chain} />}
      {Boolean(state.error) && (
        <Alert severity="warning">
          <ErrorText error={state.error} />
        </Alert>
      )}
    </>
  );
}
