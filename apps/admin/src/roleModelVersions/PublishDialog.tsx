// "Publish": the draft beside the version in force, then one call (publishRoleModelVersion) that puts the draft in
// force and retires the version before it in the same transaction; a refusal is shown in words and nothing changes.
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetManyReference, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useErrorMessage } from '../components/ErrorText';
import type { Operations } from '../providers/operations';
import { DimensionContent, versionDiff } from './diff';
import { VersionDiff } from './VersionDiff';

export interface VersionRow {
  id: string;
  version: number;
  versionNo: number;
  status?: string;
}

function useDimensions(versionId: string | undefined) {
  return useGetManyReference<DimensionContent & { id: string; sortOrder?: number }>(
    'RoleModelDimension',
    {
      target: 'roleModelVersionId',
      id: versionId,
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'sortOrder', order: 'ASC' },
    },
    { enabled: Boolean(versionId) },
  );
}

export function PublishDialog({
  draft,
  inForce,
  onClose,
}: {
  draft: VersionRow;
  inForce: VersionRow | null;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const dataProvider = useDataProvider() as unknown as Operations;
  const notify = useNotify();
  const refresh = useRefresh();
  const message = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const before = useDimensions(inForce?.id);
  const after = useDimensions(draft.id);
  const loading = after.isPending || (Boolean(inForce) && before.isPending);

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const published = await dataProvider.publishRoleModelVersion(String(draft.id), draft.version);
      notify('roleModelVersions.published', { type: 'success', messageArgs: { versionNo: published.versionNo } });
      refresh();
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="publish-version-title">
      <DialogTitle id="publish-version-title">
        {translate('roleModelVersions.publish_title', { versionNo: draft.versionNo })}
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {inForce
            ? translate('roleModelVersions.publish_explain', { versionNo: draft.versionNo, old: inForce.versionNo })
            : translate('roleModelVersions.publish_first', { versionNo: draft.versionNo })}
        </Typography>
        {!loading && (
          <VersionDiff
            diff={versionDiff(inForce ? (before.data ?? []) : [], after.data ?? [])}
            inForceLabel={
              inForce
                ? translate('roleModelVersions.in_force_label', { versionNo: inForce.versionNo })
                : translate('roleModelVersions.none_in_force')
            }
            draftLabel={translate('roleModelVersions.draft_label', { versionNo: draft.versionNo })}
          />
        )}
        {Boolean(error) && (
          <Alert severity="error" sx={{ mt: 1 }} data-testid="publish-error">
            {message(error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" onClick={publish} disabled={busy || loading} data-testid="publish-confirm">
          {translate('roleModelVersions.publish')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
