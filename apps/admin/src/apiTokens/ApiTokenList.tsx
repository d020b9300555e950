import { BooleanInput, DataTable, DeleteWithConfirmButton, List } from 'react-admin';
import { EnumChipsField, LocaleDateField } from '../components/fields';

export function ApiTokenList() {
  return (
    <List
      exporter={false}
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={[<BooleanInput key="r" source="includeRevoked" alwaysOn />]}
    >
      <DataTable rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="scopes">
          <EnumChipsField source="scopes" enumName="TokenScope" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <LocaleDateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="expiresAt">
          <LocaleDateField source="expiresAt" showTime emptyKey="app.open_ended" />
        </DataTable.Col>
        <DataTable.Col source="revokedAt">
          <LocaleDateField source="revokedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="revokeReason" />
        <DataTable.Col>
          <DeleteWithConfirmButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
