import { DataTable, List, ReferenceField, SearchInput } from 'react-admin';
import { EnumField } from '../components/fields';
import { ExportListActions } from '../export';
import { OrgUnitTree } from './OrgUnitTree';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export function OrgUnitList() {
  return (
    <List
      filters={filters}
      sort={{ field: 'code', order: 'ASC' }}
      aside={<OrgUnitTree />}
      actions={<ExportListActions />}
    >
      <DataTable rowClick="show">
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="kind">
          <EnumField source="kind" enumName="OrgUnitKind" />
        </DataTable.Col>
        <DataTable.Col source="parentId">
          <ReferenceField source="parentId" reference="OrgUnit" link="show" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
