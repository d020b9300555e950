import { CheckboxGroupInput, required, TextInput } from 'react-admin';
import { TOKEN_SCOPES } from '@iron-triangle/domain';
import { enumChoices } from '../components/fields';
import { requiredList } from '../components/validators';
import { InstantInput } from '../components/InstantInput';

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
