import { Box, Typography } from '@mui/material';
import {
  CreateButton,
  DataTable,
  NumberField,
  ReferenceField,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { FieldGrid } from '../components/FieldGrid';
import { EnumChipsField, EnumField, LocaleDateField, MoneyField } from '../components/fields';
import { DelegationChain } from './DelegationChain';
import { RevokeButton } from './RevokeButton';
import { HistoryTab } from '../history/HistoryTab';
import { DelegationRepresentation, RecordTitle } from '../components/names';
import { PersonReferenceField } from '../components/PersonReferenceField';

/** The delegation's chain, facts and the delegations made from it. */
function DelegationDetails({ label: _label }: { label?: false }) {
  const translate = useTranslate();
  return (
    <Box>
      <DelegationChain />
      <Box sx={{ mt: 2 }} />
      <FieldGrid>
        <ReferenceField source="sourceRuleId" reference="AuthorityRule" link="show" emptyText="—" />
        <ReferenceField source="sourceDelegationId" reference="Delegation" link="show" emptyText="—" />
        <PersonReferenceField source="delegatorId" link="show" />
        <PersonReferenceField source="delegateId" link="show" />
        <EnumChipsField source="decisionPoints" enumName="DecisionPoint" />
        <EnumChipsField source="grades" enumName="ProjectGrade" />
        <ReferenceField source="scopeOrgUnitId" reference="OrgUnit" link="show" />
        <MoneyField source="limit" emptyKey="app.unlimited" />
        <LocaleDateField source="validFrom" />
        <LocaleDateField source="validTo" emptyKey="app.open_ended" />
        <NumberField source="redelegableDepth" />
        <EnumField source="requiredRole" enumName="TriangleRole" />
        <NumberField source="requiredLevel" emptyText="—" />
        <TextField source="reason" />
        <LocaleDateField source="revokedAt" showTime emptyKey="app.none" />
        <TextField source="revokeReason" emptyText="—" />
      </FieldGrid>
      <Typography variant="subtitle1">{translate('delegation.children')}</Typography>
      <ReferenceManyField reference="Delegation" target="sourceDelegationId" label={false}>
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="delegateId">
            <PersonReferenceField source="delegateId" />
          </DataTable.Col>
          <DataTable.Col source="limit">
            <MoneyField source="limit" emptyKey="app.unlimited" />
          </DataTable.Col>
          <DataTable.Col source="validTo">
            <LocaleDateField source="validTo" emptyKey="app.open_ended" />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
}

/** Hands part of this delegation further down, when it may be delegated again and is still in force. */
function RedelegateButton() {
  const record = useRecordContext();
  if (!record || record.revokedAt || !(Number(record.redelegableDepth) > 0)) return null;
  return (
    <CreateButton
      resource="Delegation"
      label="delegation.redelegate"
      state={{
        record: {
          sourceKind: 'DELEGATION',
          sourceDelegationId: record.id,
          delegatorId: record.delegateId,
          currency: record.currency,
        },
      }}
    />
  );
}

export function DelegationShow() {
  return (
    <Show
      title={
        <RecordTitle resource="Delegation">
          <DelegationRepresentation />
        </RecordTitle>
      }
      actions={
        <TopToolbar>
          <RedelegateButton />
          <RevokeButton />
        </TopToolbar>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="ra.message.details">
          <DelegationDetails label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="history.tab" path="history">
          <HistoryTab label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
