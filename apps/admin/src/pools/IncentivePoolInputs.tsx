import { ArrayInput, AutocompleteInput, ReferenceInput, required, SelectInput, SimpleFormIterator, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';
import { currencyCode, decimal } from '../components/validators';
import { TRIANGLE_ROLES } from '../providers/types';

export function IncentivePoolInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} />
      <ReferenceInput source="projectId" reference="Project"><AutocompleteInput optionText="name" /></ReferenceInput>
      <ReferenceInput source="orgUnitId" reference="OrgUnit"><AutocompleteInput optionText="name" /></ReferenceInput>
      <TextInput source="period" />
      <TextInput source="currency" defaultValue="CNY" validate={[required(), currencyCode]} />
      <TextInput source="baseAmount" validate={[required(), decimal]} />
      <TextInput source="attainmentGate" validate={decimal} />
      <TextInput source="cap" validate={decimal} />
      <TextInput source="acceleration" validate={decimal} />
      <ArrayInput source="metrics">
        <SimpleFormIterator inline>
          <SelectInput source="metric" label="resources.IncentivePool.fields.metric" choices={enumChoices('Metric', ['ORDERS', 'REVENUE', 'CASH'])} validate={required()} />
          <TextInput source="target" label="resources.IncentivePool.fields.target" validate={[required(), decimal]} />
          <TextInput source="actual" label="resources.IncentivePool.fields.actual" validate={decimal} />
          <TextInput source="weight" label="pool.weight" validate={[required(), decimal]} />
        </SimpleFormIterator>
      </ArrayInput>
      <ArrayInput source="members">
        <SimpleFormIterator inline>
          <ReferenceInput source="personId" reference="Person"><AutocompleteInput optionText="name" label="resources.IncentivePool.fields.personId" validate={required()} /></ReferenceInput>
          <SelectInput source="role" label="resources.IncentivePool.fields.role" choices={enumChoices('TriangleRole', TRIANGLE_ROLES)} validate={required()} />
          <TextInput source="weight" label="resources.IncentivePool.fields.weight" validate={[required(), decimal]} />
          <TextInput source="coefficient" label="resources.IncentivePool.fields.coefficient" validate={[required(), decimal]} />
          <TextInput source="participation" label="resources.IncentivePool.fields.participation" defaultValue="1" validate={[required(), decimal]} />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}
