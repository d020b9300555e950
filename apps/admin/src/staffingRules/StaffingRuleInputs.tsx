import { AutocompleteInput, DateTimeInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';
import { after } from '../components/validators';
import { GRADES, TRIANGLE_ROLES } from '../providers/types';

export function StaffingRuleInputs() {
  return (
    <>
      <SelectInput source="grade" choices={enumChoices('ProjectGrade', GRADES)} validate={required()} />
      <SelectInput source="role" choices={enumChoices('TriangleRole', TRIANGLE_ROLES)} validate={required()} />
      <SelectInput source="minLevel" choices={enumChoices('Level', [1, 2, 3, 4, 5])} validate={required()} />
      <ReferenceInput source="orgUnitId" reference="OrgUnit"><AutocompleteInput optionText="name" /></ReferenceInput>
      <DateTimeInput source="validFrom" validate={required()} defaultValue={new Date().toISOString()} />
      <DateTimeInput source="validTo" validate={after('validFrom')} />
      <TextInput source="note" multiline fullWidth />
    </>
  );
}
