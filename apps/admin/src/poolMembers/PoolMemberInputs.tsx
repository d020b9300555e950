import { AutocompleteInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';
import { decimal } from '../components/validators';
import { TRIANGLE_ROLES } from '../providers/types';
import { PersonInput } from '../components/names';

export function PoolMemberInputs() {
  return (
    <>
      <ReferenceInput source="poolId" reference="IncentivePool">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <PersonInput source="personId" validate={required()} />
      <SelectInput source="role" choices={enumChoices('TriangleRole', TRIANGLE_ROLES)} validate={required()} />
      <TextInput source="weight" validate={[required(), decimal]} />
      <TextInput source="coefficient" validate={[required(), decimal]} defaultValue="1" />
      <TextInput source="participation" validate={[required(), decimal]} defaultValue="1" />
    </>
  );
}
