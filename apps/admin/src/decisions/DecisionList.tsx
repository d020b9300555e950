import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SelectInput } from 'react-admin';
import { EnumField, enumChoices, LocaleDateField } from '../components/fields';
import { DECISION_OUTCOMES, DECISION_POINTS } from '../providers/types';
import { ExportListActions } from '../export';
import { PersonReferenceField } from '../components/PersonReferenceField';

const filters = [
  <ReferenceInput key="p" source="projectId" reference="Project" alwaysOn>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="d" source="decisionPoint" choices={enumChoices('DecisionPoint', DECISION_POINTS)} />,
  <SelectInput key="o" source="outcome" choices={enumChoices('DecisionOutcome', DECISION_OUTCOMES)} />,
];

export function DecisionList() {
  return (
    <List actions={<ExportListActions />} filters={filters} sort={{ field: 'decidedAt', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="decidedAt">
          <LocaleDateField source="decidedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="projectId">
          <ReferenceField source="projectId" reference="Project" link="show" />
        </DataTable.Col>
        <DataTable.Col source="decisionPoint">
          <EnumField source="decisionPoint" enumName="DecisionPoint" />
        </DataTable.Col>
        <DataTable.Col source="outcome">
          <EnumField source="outcome" enumName="DecisionOutcome" />
        </DataTable.Col>
        <DataTable.Col source="deciderId">
          <PersonReferenceField source="deciderId" link="show" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
