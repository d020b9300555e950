import {
  AutocompleteInput,
  DataTable,
  List,
  maxValue,
  minValue,
  NullableBooleanInput,
  NumberInput,
  ReferenceInput,
  SelectInput,
} from 'react-admin';
import { InstantInput } from '../components/InstantInput';
import { EnumField, enumChoices, LocaleDateField } from '../components/fields';
import { PersonInput } from '../components/names';
import { ExportListActions } from '../export';
import { PersonReferenceField } from '../components/PersonReferenceField';

const filters = [
  <PersonInput key="p" source="personId" alwaysOn />,
  <SelectInput key="r" source="role" choices={enumChoices('TriangleRole', ['AR', 'SR', 'FR'])} />,
  <SelectInput key="l" source="levelReached" choices={enumChoices('Level', [1, 2, 3, 4, 5])} />,
  <NullableBooleanInput key="c" source="certifies" />,
  // "Who holds AR at level 3 or more, valid on 1 March, in East China?" (each assessment on its own; talent search
  // answers with the deciding one per person).
  <NumberInput key="m" source="minLevel" label="talent.min_level" validate={[minValue(1), maxValue(10)]} />,
  <InstantInput key="v" source="validAt" label="talent.valid_at" />,
  <ReferenceInput key="o" source="orgUnitId" reference="OrgUnit">
    <AutocompleteInput optionText="name" label="talent.org_unit" />
  </ReferenceInput>,
];

export function AssessmentList() {
  return (
    <List actions={<ExportListActions />} filters={filters} sort={{ field: 'assessedAt', order: 'DESC' }}>
      <DataTable rowClick="show">
        <DataTable.Col source="personId">
          <PersonReferenceField source="personId" link="show" />
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
