import { AutocompleteInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';
import { decimal } from '../components/validators';
import { PercentInput } from '../components/percent';
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
      <PercentInput source="weight" validate={[required(), decimal]} />
      <TextInput source="coefficient" validate={[required(), decimal]} defaultValue="1" />
      <TextInput source="participation" validate={[required(), decimal]} defaultValue="1" />
    </>
  );
}
