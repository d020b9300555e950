import { Typography } from '@mui/material';
import { AutocompleteInput, BooleanInput, FormDataConsumer, ReferenceInput, required, SelectInput, TextInput, useTranslate } from 'react-admin';
import { enumChoices } from '../components/fields';
import { currencyCode, decimal } from '../components/validators';
import { GRADES } from '../providers/types';
import { STAGES } from '../teamAppointments/TeamAppointmentInputs';

/** A grade set by hand needs a justification; without one the API computes the grade from the criteria. */
function GradeJustification() {
  const translate = useTranslate();
  return (
    <FormDataConsumer>
      {({ formData }) => (formData.grade ? <TextInput source="gradeJustification" multiline fullWidth validate={required()} helperText={translate('project.grade_why')} /> : null)}
    </FormDataConsumer>
  );
}

export const GRADING_CRITERIA = [
  'majorProductDirectionImpact', 'majorSTierCustomerImpact', 'strategicIndustryBreakthrough', 'majorBusinessModelImpact',
  'majorATierCustomerImpact', 'majorCustomerImpact',
] as const;

export function ProjectInputs() {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="name" validate={required()} />
      <TextInput source="externalRef" />
      <ReferenceInput source="customerId" reference="Customer"><AutocompleteInput optionText="name" /></ReferenceInput>
      <ReferenceInput source="orgUnitId" reference="OrgUnit"><AutocompleteInput optionText="name" validate={required()} /></ReferenceInput>
      <SelectInput source="stage" choices={enumChoices('Stage', STAGES)} validate={required()} />
      <TextInput source="amount" validate={[required(), decimal]} />
      <TextInput source="currency" defaultValue="CNY" validate={[required(), currencyCode]} />
      <Typography variant="subtitle2" sx={{ mt: 1 }}>{translate('project.criteria')}</Typography>
      {GRADING_CRITERIA.map((c) => <BooleanInput key={c} source={`gradeCriteria.${c}`} />)}
      <SelectInput source="grade" choices={enumChoices('ProjectGrade', GRADES)} helperText="project.grade_by_hand" />
      <GradeJustification />
    </>
  );
}
