import { CheckboxGroupInput, required, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';
import { requiredList } from '../components/validators';
import { InstantInput } from '../components/InstantInput';

export const TOKEN_SCOPES = [
  'read',
  'write:org',
  'write:projects',
  'write:qualifications',
  'write:authority',
  'decide',
  'write:pools',
] as const;

export function ApiTokenInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} />
      <CheckboxGroupInput
        source="scopes"
        choices={enumChoices('TokenScope', TOKEN_SCOPES)}
        validate={requiredList}
        defaultValue={['read']}
      />
      <InstantInput source="expiresAt" />
    </>
  );
}
