import { AutocompleteInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';
import { after } from '../components/validators';
import { GRADES, TRIANGLE_ROLES } from '../providers/types';
import { InstantInput } from '../components/InstantInput';

export function StaffingRuleInputs() {
  return (
    <>
      <SelectInput source="grade" choices={enumChoices('ProjectGrade', GRADES)} validate={required()} />
      <SelectInput source="role" choices={enumChoices('TriangleRole', TRIANGLE_ROLES)} validate={required()} />
      <SelectInput source="minLevel" choices={enumChoices('Level', [1, 2, 3, 4, 5])} validate={required()} />
      <ReferenceInput source="orgUnitId" reference="OrgUnit">
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <InstantInput source="validFrom" validate={required()} defaultValue={new Date().toISOString()} />
      <InstantInput source="validTo" validate={after('validFrom')} />
      <TextInput source="note" multiline fullWidth />
    </>
  );
}
