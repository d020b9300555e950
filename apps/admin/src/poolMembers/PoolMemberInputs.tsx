import { AutocompleteInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';
import { decimal } from '../components/validators';
import { PercentInput } from '../components/percent';
import { TRIANGLE_ROLES } from '../providers/types';

export function PoolMemberInputs() {
  return (
    <>
      <ReferenceInput source="poolId" reference="IncentivePool">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <ReferenceInput source="personId" reference="Person">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <SelectInput source="role" choices={enumChoices('TriangleRole', TRIANGLE_ROLES)} validate={required()} />
      <PercentInput source="weight" validate={[required(), decimal]} />
      <TextInput source="coefficient" validate={[required(), decimal]} defaultValue="1" />
      <TextInput source="participation" validate={[required(), decimal]} defaultValue="1" />
    </>
  );
}
