import { ArrayInput, required, SelectInput, SimpleFormIterator, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';
import { TRIANGLE_ROLES } from '../providers/types';

/** Behaviours are edited one per line and stored as a list. */
const toLines = (value: unknown) => (Array.isArray(value) ? value.join('\n') : (value as string) ?? '');
const fromLines = (value: string) => value.split('\n').map((line) => line.trim()).filter(Boolean);

export function RoleModelInputs() {
  return (
    <>
      <SelectInput source="role" choices={enumChoices('TriangleRole', TRIANGLE_ROLES)} validate={required()} />
      <TextInput source="name" validate={required()} />
      <TextInput source="nameZh" />
      <ArrayInput source="dimensions" label="roleModel.dimensions" validate={required()}>
        <SimpleFormIterator inline>
          <TextInput source="code" label="resources.RoleModel.fields.code" validate={required()} sx={{ width: 120 }} />
          <TextInput source="name" label="resources.RoleModel.fields.name" validate={required()} />
          <TextInput source="nameZh" label="resources.RoleModel.fields.nameZh" />
          <TextInput source="behaviours" label="roleModel.behaviours" multiline format={toLines} parse={fromLines} sx={{ minWidth: 320 }} />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}
