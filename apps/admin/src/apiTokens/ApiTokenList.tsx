import { DataTable, List, ReferenceField } from 'react-admin';
import { LocaleDateField } from '../components/fields';

export function ApiTokenList() {
  return (
    <List>
      <DataTable rowClick="edit">
        <DataTable.Col source="name" />
        <DataTable.Col source="userId"><ReferenceField source="userId" reference="User" /></DataTable.Col>
        <DataTable.Col source="createdAt"><LocaleDateField source="createdAt" showTime /></DataTable.Col>
        <DataTable.Col source="expiresAt"><LocaleDateField source="expiresAt" showTime /></DataTable.Col>
        <DataTable.Col source="lastUsedAt"><LocaleDateField source="lastUsedAt" showTime /></DataTable.Col>
        <DataTable.Col source="revokedAt"><LocaleDateField source="revokedAt" showTime /></DataTable.Col>
      </DataTable>
    </List>
  );
}
