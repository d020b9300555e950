import { ReactNode } from 'react';
import { AutocompleteInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';
import { after } from '../components/validators';
import { LTC_STAGES, TRIANGLE_ROLES } from '../providers/types';
import { InstantInput } from '../components/InstantInput';
import { PersonInput } from '../components/names';

export const STAGES = LTC_STAGES;

/** `suggestions`: shown after the project and the role, before the person (the create form suggests people). */
export function TeamAppointmentInputs({ suggestions }: { suggestions?: ReactNode } = {}) {
  return (
    <>
      <ReferenceInput source="projectId" reference="Project">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <SelectInput source="role" choices={enumChoices('TriangleRole', TRIANGLE_ROLES)} validate={required()} />
      {suggestions}
      <PersonInput source="personId" validate={required()} />
      <SelectInput source="stage" choices={enumChoices('Stage', STAGES)} />
      <InstantInput source="validFrom" validate={required()} />
      <InstantInput source="validTo" validate={after('validFrom')} />
      <TextInput source="exceptionReason" multiline fullWidth />
    </>
  );
}
