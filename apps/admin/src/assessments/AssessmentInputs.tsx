import {
  ArrayInput, AutocompleteInput, DateTimeInput, FormDataConsumer, maxValue, minValue, NumberInput, ReferenceInput, required, SelectInput,
  SimpleFormIterator, TextInput,
} from 'react-admin';
import { enumChoices } from '../components/fields';
import { DEFAULT_DIMENSIONS } from '../frameworks/FrameworkMatrixInput';

export const ASSESSMENT_KINDS = ['SELF', 'MANAGER', 'PANEL'] as const;

export function AssessmentInputs() {
  return (
    <>
      <ReferenceInput source="personId" reference="Person"><AutocompleteInput optionText="name" validate={required()} /></ReferenceInput>
      <SelectInput source="role" choices={enumChoices('TriangleRole', ['AR', 'SR', 'FR'])} validate={required()} />
      <FormDataConsumer>
        {({ formData }) => (
          <ReferenceInput source="frameworkId" reference="QualificationFramework" filter={formData.role ? { role: formData.role } : {}}>
            <AutocompleteInput optionText="name" validate={required()} />
          </ReferenceInput>
        )}
      </FormDataConsumer>
      <SelectInput source="kind" choices={enumChoices('AssessmentKind', ASSESSMENT_KINDS)} validate={required()} />
      <ReferenceInput source="assessorId" reference="Person"><AutocompleteInput optionText="name" /></ReferenceInput>
      <DateTimeInput source="assessedAt" validate={required()} defaultValue={new Date().toISOString()} />
      <FormDataConsumer>
        {({ formData }) => (
          <ArrayInput source="ratings" label="qualification.ratings" validate={required()}>
            <SimpleFormIterator inline>
              <SelectInput source="dimension" label="resources.Assessment.fields.dimension" choices={enumChoices('Dimension', DEFAULT_DIMENSIONS[formData.role as string] ?? [])} validate={required()} />
              <NumberInput source="rating" label="qualification.rating" validate={[required(), minValue(1), maxValue(5)]} sx={{ width: 120 }} />
              <TextInput source="evidence" label="qualification.evidence" multiline sx={{ minWidth: 360 }} validate={required()} />
            </SimpleFormIterator>
          </ArrayInput>
        )}
      </FormDataConsumer>
    </>
  );
}
