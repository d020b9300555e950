import { AutocompleteInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';

export const ORG_UNIT_KINDS = ['HQ', 'REGION', 'REP_OFFICE', 'SYSTEM_DEPT', 'OTHER'] as const;

export function OrgUnitInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} />
      <TextInput source="code" validate={required()} />
      <SelectInput source="kind" choices={enumChoices('OrgUnitKind', ORG_UNIT_KINDS)} validate={required()} />
      <ReferenceInput source="parentId" reference="OrgUnit">
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
    </>
  );
}
