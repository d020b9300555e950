import { DataTable, List, NullableBooleanInput, ReferenceField, SelectInput } from 'react-admin';
import { EnumField, enumChoices, LocaleDateField } from '../components/fields';
import { PersonInput } from '../components/names';
import { ExportListActions } from '../export';

const filters = [
  <PersonInput key="p" source="personId" alwaysOn />,
  <SelectInput key="r" source="role" choices={enumChoices('TriangleRole', ['AR', 'SR', 'FR'])} />,
  <SelectInput key="l" source="levelReached" choices={enumChoices('Level', [1, 2, 3, 4, 5])} />,
  <NullableBooleanInput key="c" source="certifies" />,
];

export function AssessmentList() {
  return (
    <List actions={<ExportListActions />} filters={filters} sort={{ field: 'assessedAt', order: 'DESC' }}>
      <DataTable rowClick="show">
        <DataTable.Col source="personId">
          <ReferenceField source="personId" reference="Person" link="show" />
        </DataTable.Col>
        <DataTable.Col source="role">
          <EnumField source="role" enumName="TriangleRole" />
        </DataTable.Col>
        <DataTable.Col source="kind">
          <EnumField source="kind" enumName="AssessmentKind" />
        </DataTable.Col>
        <DataTable.Col source="assessedAt">
          <LocaleDateField source="assessedAt" />
        </DataTable.Col>
        <DataTable.Col source="levelReached">
          <EnumField source="levelReached" enumName="Level" />
        </DataTable.Col>
        <DataTable.Col source="validUntil">
          <LocaleDateField source="validUntil" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
