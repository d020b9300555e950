import {
  ArrayInput,
  AutocompleteInput,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import { enumChoices } from '../components/fields';
import { indicatorsToText, textToIndicators } from './indicators';

export function RoleModelVersionInputs() {
  return (
    <>
      <ReferenceInput source="roleModelId" reference="RoleModel">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <NumberInput source="versionNo" validate={[required(), minValue(1)]} />
      <SelectInput
        source="status"
        choices={enumChoices('VersionStatus', ['DRAFT', 'PUBLISHED', 'RETIRED'])}
        defaultValue="DRAFT"
        validate={required()}
      />
      <TextInput source="notes" multiline fullWidth />
      <ArrayInput source="dimensions" label="roleModel.dimensions" validate={required()}>
        <SimpleFormIterator inline>
          <TextInput
            source="code"
            label="resources.RoleModelDimension.fields.code"
            validate={required()}
            sx={{ width: 110 }}
          />
          <TextInput source="name" label="resources.RoleModelDimension.fields.name" validate={required()} />
          <TextInput source="nameZh" label="resources.RoleModelDimension.fields.nameZh" validate={required()} />
          <TextInput
            source="indicators"
            label="roleModel.behaviours"
            helperText="roleModel.behaviours_help"
            multiline
            format={indicatorsToText}
            parse={textToIndicators}
            sx={{ minWidth: 420 }}
          />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}
