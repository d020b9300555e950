import {
  BooleanField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Typography } from '@mui/material';
import { ChainView } from '../components/ChainView';
import { EnumField, LocaleDateField } from '../components/fields';
import type { AuthorityChain } from '../providers/types';
import { DecisionRepresentation, RecordTitle } from '../components/names';
import { PersonReferenceField } from '../components/PersonReferenceField';

function Chain() {
  const record = useRecordContext();
  const translate = useTranslate();
  const chain = record?.chain as AuthorityChain | undefined;
  return (
    <>
      <Typography variant="subtitle2">{translate('chain.title')}</Typography>
      {chain ? <ChainView chain={chain} personId={record?.deciderId as string} /> : null}
    </>
  );
}

export function DecisionShow() {
  return (
    <Show
      title={
        <RecordTitle resource="Decision">
          <DecisionRepresentation />
        </RecordTitle>
      }
    >
      <SimpleShowLayout>
        <ReferenceField source="projectId" reference="Project" link="show" />
        <EnumField source="decisionPoint" enumName="DecisionPoint" />
        <EnumField source="outcome" enumName="DecisionOutcome" />
        <PersonReferenceField source="deciderId" link="show" />
        <LocaleDateField source="decidedAt" showTime />
        <BooleanField source="complete" />
        <TextField source="comment" emptyText="—" />
        <Chain />
      </SimpleShowLayout>
    </Show>
  );
}
