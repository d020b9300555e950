import { DataTable, List, SearchInput, SelectInput } from 'react-admin';
import { EnumField, enumChoices, LocaleDateField, MoneyField } from '../components/fields';
import { POOL_STATUSES } from '../providers/types';
import { ExportListActions } from '../export';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="s" source="status" choices={enumChoices('PoolStatus', POOL_STATUSES)} alwaysOn />,
];

export function IncentivePoolList() {
  return (
    <List actions={<ExportListActions />} filters={filters}>
      <DataTable rowClick="show">
        <DataTable.Col source="name" />
        <DataTable.Col source="status">
          <EnumField source="status" enumName="PoolStatus" />
        </DataTable.Col>
        <DataTable.Col source="baseAmount" align="right">
          <MoneyField source="baseAmount" />
        </DataTable.Col>
        <DataTable.Col source="fundedAmount" align="right">
          <MoneyField source="fundedAmount" emptyKey="app.none" />
        </DataTable.Col>
        <DataTable.Col source="periodFrom">
          <LocaleDateField source="periodFrom" />
        </DataTable.Col>
        <DataTable.Col source="periodTo">
          <LocaleDateField source="periodTo" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
