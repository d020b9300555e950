// A framework version's own steps: "New version" (a draft copy to change) and "Publish" (a draft becomes the active
// version, the one before it is retired), and the notice that a version assessments use can no longer change.
import { Alert, Box, Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRedirect, useRefresh, useTranslate } from 'react-admin';
import { canAccess } from '../auth/canAccess';
import { loadSession } from '../auth/session';
import { useErrorMessage } from '../components/ErrorText';
import type { Operations } from '../providers/operations';

/** The fields of a framework record the version steps read. */
export interface FrameworkVersionRecord {
  id: string;
  version: number;
  versionNo?: number;
  status?: string;
  frozen?: boolean;
  assessmentCount?: number;
}

/** "Used by N assessments — create a new version to change it", for a version that assessments use. */
export function FrozenNotice() {
  const record = useRecordContext<FrameworkVersionRecord>();
  const translate = useTranslate();
  if (!record?.frozen) return null;
  return (
    <Alert severity="info" sx={{ my: 1 }} data-testid="framework-frozen">
      {translate('framework.frozen', { count: record.assessmentCount ?? 0 })}
    </Alert>
  );
}

export function FrameworkVersionActions() {
  const record = useRecordContext<FrameworkVersionRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider() as unknown as Operations;
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const message = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!record) return null;
  const role = loadSession()?.user.role;
  const draft = record.status === 'DRAFT';
  const mayCopy = !draft && canAccess(role, 'QualificationFramework', 'create');
  const mayPublish = draft && canAccess(role, 'QualificationFramework', 'edit');

  const step = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const newVersion = () =>
    step(async () => {
      const created = await dataProvider.createFrameworkVersion(String(record.id));
      notify('framework.version_created', { type: 'success', messageArgs: { versionNo: created.versionNo } });
      redirect('edit', 'QualificationFramework', created.id);
    });
  const publish = () =>
    step(async () => {
      const published = await dataProvider.publishFramework(String(record.id), record.version);
      notify('framework.published', { type: 'success', messageArgs: { versionNo: published.versionNo } });
      refresh();
    });

  return (
    <Box sx={{ my: 1 }}>
      <FrozenNotice />
      {draft && (
        <Alert severity="warning" sx={{ my: 1 }} data-testid="framework-draft">
          {translate('framework.draft_notice')}
        </Alert>
      )}
      {(mayCopy || mayPublish) && (
        <Stack direction="row" spacing={1}>
          {mayCopy && (
            <Button variant="outlined" disabled={busy} onClick={newVersion} data-testid="framework-new-version">
              {translate('framework.new_version')}
            </Button>
          )}
          {mayPublish && (
            <Button variant="contained" disabled={busy} onClick={publish} data-testid="framework-publish">
              {translate('framework.publish')}
            </Button>
          )}
        </Stack>
      )}
      {Boolean(error) && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {message(error)}
        </Alert>
      )}
    </Box>
  );
}
