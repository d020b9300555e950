import { AutocompleteInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';
import { after } from '../components/validators';
import { LTC_STAGES, TRIANGLE_ROLES } from '../providers/types';
import { InstantInput } from '../components/InstantInput';
import { PersonInput } from '../components/names';

export const STAGES = LTC_STAGES;

export function TeamAppointmentInputs() {
  return (
    <>
      <ReferenceInput source="projectId" reference="Project">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <PersonInput source="personId" validate={required()} />
      <SelectInput source="role" choices={enumChoices('TriangleRole', TRIANGLE_ROLES)} validate={required()} />
      <SelectInput source="stage" choices={enumChoices('Stage', STAGES)} />
      <InstantInput source="validFrom" validate={required()} />
      <InstantInput source="validTo" validate={after('validFrom')} />
      <TextInput source="exceptionReason" multiline fullWidth />
    </>
  );
}
