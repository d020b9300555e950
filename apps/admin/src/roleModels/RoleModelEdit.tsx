// A role model is never rewritten: saving creates the next version, so assessments keep the version they used.
import { Alert } from '@mui/material';
import { Edit, SaveButton, SimpleForm, Toolbar, useCreate, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { RoleModelInputs } from './RoleModelInputs';

function VersionNote() {
  const record = useRecordContext();
  const translate = useTranslate();
  return <Alert severity="info" sx={{ mb: 2 }}>{translate('roleModel.version_note', { version: Number(record?.version ?? 0) + 1 })}</Alert>;
}

export function RoleModelEdit() {
  const [create] = useCreate();
  const notify = useNotify();
  const redirect = useRedirect();
  const saveAsNewVersion = async (values: Record<string, unknown>) => {
    const { id: _id, version: _version, createdAt: _createdAt, ...data } = values;
    try {
      const created = await create('RoleModel', { data }, { returnPromise: true });
      notify('ra.notification.created', { type: 'success', messageArgs: { smart_count: 1 } });
      redirect('show', 'RoleModel', created.id);
      return undefined;
    } catch (error) {
      return (error as { body?: { errors?: Record<string, string> } }).body?.errors ?? {};
    }
  };
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm onSubmit={saveAsNewVersion} toolbar={<Toolbar><SaveButton label="roleModel.new_version" /></Toolbar>}>
        <VersionNote />
        <RoleModelInputs />
      </SimpleForm>
    </Edit>
  );
}
