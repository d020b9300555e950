import { DataTable, List, SelectInput } from 'react-admin';
import { LEAD_CLASSES } from '@iron-triangle/domain';
import { EnumField, enumChoices, LocaleDateField } from '../components/fields';
import { rowClickFor } from '../auth/rowClick';
import { ExportListActions } from '../export';
import { LEAD_STATUSES } from '../sales/enums';
import { customerColumn, expectedAmountColumn, gradeColumn, ownerColumn, salesFilters } from '../sales/salesList';

const filters = salesFilters([
  <SelectInput key="leadClass" source="leadClass" choices={enumChoices('LeadClass', LEAD_CLASSES)} />,
  <SelectInput key="status" source="status" choices={enumChoices('LeadStatus', LEAD_STATUSES)} />,
]);

export function LeadList() {
  return (
    <List actions={<ExportListActions />} filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
      {/* Everyone opens the lead's page first: its actions (verify, convert, drop) are there. */}
      <DataTable rowClick={rowClickFor('Lead') ? 'show' : false}>
        <DataTable.Col source="title" />
        {customerColumn}
        <DataTable.Col source="leadClass">
          <EnumField source="leadClass" enumName="LeadClass" />
        </DataTable.Col>
        {gradeColumn}
        <DataTable.Col source="status">
          <EnumField source="status" enumName="LeadStatus" />
        </DataTable.Col>
        {ownerColumn}
        {expectedAmountColumn}
        <DataTable.Col source="createdAt">
          <LocaleDateField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
