// A draft of a role model with its dimensions and key behaviours; saved, it returns to the role model's page,
// where it is published. A version in force or retired is not changed here: a new draft is started instead.
import { Alert } from '@mui/material';
import { Edit, RaRecord, SimpleForm, useRecordContext, useTranslate } from 'react-admin';
import { RoleModelVersionInputs } from './RoleModelVersionInputs';

const backToModel = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>) =>
  `RoleModel/${String(data?.roleModelId ?? '')}/show`;

function DraftForm() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  if (record.status !== 'DRAFT') {
    return (
      <Alert severity="info" sx={{ m: 2 }} data-testid="role-model-version-not-draft">
        {translate('roleModelVersions.not_a_draft', { versionNo: record.versionNo })}
      </Alert>
    );
  }
  return (
    <SimpleForm>
      <RoleModelVersionInputs />
    </SimpleForm>
  );
}

export function RoleModelVersionEdit() {
  return (
    <Edit redirect={backToModel} mutationMode="pessimistic">
      <DraftForm />
    </Edit>
  );
}
