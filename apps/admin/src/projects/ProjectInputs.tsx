import { Typography } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  FormDataConsumer,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../components/fields';
import { currencyCode, decimal } from '../components/validators';
import { GRADES } from '../providers/types';
import { STAGES } from '../teamAppointments/TeamAppointmentInputs';

/** A grade set by hand needs a justification; without one the API computes the grade from the criteria. */
function GradeByHand() {
  return (
    <FormDataConsumer>
      {({ formData }) =>
        formData.gradeByHand ? (
          <>
            <SelectInput source="grade" choices={enumChoices('ProjectGrade', GRADES)} validate={required()} />
            <TextInput source="gradeJustification" multiline fullWidth validate={required()} />
          </>
        ) : null
      }
    </FormDataConsumer>
  );
}

/**
 * The grade is computed from the criteria unless set by hand with a justification; the form-only
 * `gradeByHand` decides which, and only the criteria's own flags are sent.
 */
export function toProjectInput({ gradeByHand, gradeCriteria, ...values }: Record<string, unknown>) {
  const criteria = Object.fromEntries(
    GRADING_CRITERIA.map((c) => [c, Boolean((gradeCriteria as Record<string, unknown> | null)?.[c])]),
  );
  return gradeByHand
    ? { ...values, gradeCriteria: criteria }
    : { ...values, gradeCriteria: criteria, grade: null, gradeJustification: null };
}

export const GRADING_CRITERIA = [
  'majorProductDirectionImpact',
  'majorSTierCustomerImpact',
  'strategicIndustryBreakthrough',
  'majorBusinessModelImpact',
  'majorATierCustomerImpact',
  'majorCustomerImpact',
] as const;

export function ProjectInputs() {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="name" validate={required()} />
      <TextInput source="externalRef" />
      <ReferenceInput source="customerId" reference="Customer">
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <ReferenceInput source="orgUnitId" reference="OrgUnit">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <SelectInput source="stage" choices={enumChoices('Stage', STAGES)} validate={required()} />
      <TextInput source="amount" validate={[required(), decimal]} />
      <TextInput source="currency" defaultValue="CNY" validate={[required(), currencyCode]} />
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {translate('project.criteria')}
      </Typography>
      {GRADING_CRITERIA.map((c) => (
        <BooleanInput key={c} source={`gradeCriteria.${c}`} />
      ))}
      <BooleanInput source="gradeByHand" label="project.set_by_hand" helperText="project.grade_by_hand" />
      <GradeByHand />
    </>
  );
}
