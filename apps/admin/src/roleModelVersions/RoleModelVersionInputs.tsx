// A role-model version's form: its dimensions, each with its key behaviours edited as rows (code, English, 中文).
// On create the model and number are chosen (a model's first version); a draft's status changes only by publishing.
import {
  AddItemButton,
  ArrayInput,
  AutocompleteInput,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';

/** The key behaviours of one dimension, one row each, added and removed with the row buttons. */
export function BehavioursInput() {
  return (
    <ArrayInput source="indicators" label="roleModel.behaviours" defaultValue={[]}>
      <SimpleFormIterator
        inline
        disableReordering
        addButton={<AddItemButton label="roleModelVersions.add_behaviour" />}
      >
        <TextInput source="code" label="roleModelVersions.behaviour_code" validate={required()} sx={{ width: 110 }} />
        <TextInput
          source="name.en"
          label="roleModelVersions.behaviour_en"
          validate={required()}
          sx={{ minWidth: 260 }}
        />
        <TextInput
          source="name.zh-CN"
          label="roleModelVersions.behaviour_zh"
          validate={required()}
          sx={{ minWidth: 200 }}
        />
      </SimpleFormIterator>
    </ArrayInput>
  );
}

export function RoleModelVersionInputs({ creating = false }: { creating?: boolean }) {
  return (
    <>
      {creating && (
        <>
          <ReferenceInput source="roleModelId" reference="RoleModel">
            <AutocompleteInput optionText="name" validate={required()} />
          </ReferenceInput>
          <NumberInput source="versionNo" validate={[required(), minValue(1)]} />
        </>
      )}
      <TextInput source="notes" multiline fullWidth />
      <ArrayInput source="dimensions" label="roleModel.dimensions" validate={required()}>
        <SimpleFormIterator fullWidth addButton={<AddItemButton label="roleModelVersions.add_dimension" />}>
          <TextInput
            source="code"
            label="resources.RoleModelDimension.fields.code"
            validate={required()}
            sx={{ width: 110 }}
          />
          <TextInput source="name" label="resources.RoleModelDimension.fields.name" validate={required()} />
          <TextInput source="nameZh" label="resources.RoleModelDimension.fields.nameZh" validate={required()} />
          <BehavioursInput />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}
