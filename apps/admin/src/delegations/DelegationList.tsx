import { DataTable, List, useRecordContext, useTranslate } from 'react-admin';
import { Chip } from '@mui/material';
import { EnumChipsField, LocaleDateField, MoneyField, useDate } from '../components/fields';
import { InstantInput } from '../components/InstantInput';
import { PersonInput } from '../components/names';
import { ExportListActions } from '../export';
import { PersonReferenceField } from '../components/PersonReferenceField';

const filters = [
  <PersonInput key="from" source="delegatorId" alwaysOn />,
  <PersonInput key="to" source="delegateId" alwaysOn />,
  <InstantInput key="active" source="activeAt" />,
];

function Status() {
  const record = useRecordContext();
  const translate = useTranslate();
  const date = useDate();
  return record?.revokedAt ? (
    <Chip
      size="small"
      color="default"
      label={translate('h16words.revoked_on', { at: date(String(record.revokedAt), true) })}
    />
  ) : (
    <Chip size="small" color="success" label={translate('delegation.active')} />
  );
}

export function DelegationList() {
  return (
    <List actions={<ExportListActions />} filters={filters} sort={{ field: 'validFrom', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="delegatorId">
          <PersonReferenceField source="delegatorId" />
        </DataTable.Col>
        <DataTable.Col source="delegateId">
          <PersonReferenceField source="delegateId" />
        </DataTable.Col>
        <DataTable.Col source="decisionPoints">
          <EnumChipsField source="decisionPoints" enumName="DecisionPoint" />
        </DataTable.Col>
        <DataTable.Col source="grades">
          <EnumChipsField source="grades" enumName="ProjectGrade" />
        </DataTable.Col>
        <DataTable.Col source="limit" align="right">
          <MoneyField source="limit" emptyKey="app.unlimited" />
        </DataTable.Col>
        <DataTable.Col source="validFrom">
          <LocaleDateField source="validFrom" />
        </DataTable.Col>
        <DataTable.Col source="validTo">
          <LocaleDateField source="validTo" emptyKey="app.open_ended" />
        </DataTable.Col>
        <DataTable.Col source="revokedAt">
          <Status />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
