// The pool's lifecycle buttons; each is enabled only when the status and the user's role allow, with the reason shown.
import { Alert, Box, Button, Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRedirect, useRefresh, useTranslate } from 'react-admin';
import { canAccess } from '../auth/canAccess';
import { loadSession } from '../auth/session';
import { useErrorMessage } from '../components/ErrorText';
import { useEnumLabel } from '../components/fields';
import type { Operations } from '../providers/operations';
import type { IncentivePoolRecord } from '../providers/types';
import type { PoolWithTraces } from './traces';
import { AllocationTable } from './AllocationTable';
import { PoolStep, poolStepState } from './poolActions';

const STEPS: Array<{ step: PoolStep; label: string }> = [
  { step: 'fund', label: 'pool.fund' },
  { step: 'allocate', label: 'pool.allocate' },
  { step: 'approve', label: 'pool.approve' },
  { step: 'lock', label: 'pool.lock' },
];

export function PoolActions() {
  const record = useRecordContext<IncentivePoolRecord>();
  const translate = useTranslate();
  const statusLabel = useEnumLabel('PoolStatus');
  const dataProvider = useDataProvider() as unknown as Operations;
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const message = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<PoolWithTraces | null>(null);
  if (!record) return null;
  const role = loadSession()?.user.role;

  const run = async (step: PoolStep) => {
    setBusy(true);
    setError(null);
    try {
      const pool =
        step === 'allocate'
          ? await dataProvider.allocatePool(String(record.id), false)
          : await dataProvider.poolStep(
              step === 'fund' ? 'fundPool' : step === 'approve' ? 'approvePool' : 'lockPool',
              String(record.id),
            );
      setPreview(null);
      notify('pool.done', { type: 'success', messageArgs: { status: statusLabel(pool.status) } });
      refresh();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const runPreview = async () => {
    setBusy(true);
    setError(null);
    try {
      setPreview(await dataProvider.allocatePool(String(record.id), true));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const adjust = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await dataProvider.createAdjustmentPool(
        String(record.id),
        translate('pool.adjustment_name', { name: record.name }),
      );
      redirect('show', 'IncentivePool', created.id);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const reasonText = (step: PoolStep) => {
    const state = poolStepState(step, record.status, role);
    if (state.enabled) return '';
    return state.reason === 'role'
      ? translate('pool.why_not.role')
      : translate('pool.why_not.status', { status: statusLabel(state.status) });
  };
  const previewState = poolStepState('allocate', record.status, role);
  // Only the steps the user's role may take are offered; one who may take none (HR, a viewer) sees no buttons.
  const steps = STEPS.filter(({ step }) => canAccess(role, 'IncentivePool', step));
  const mayAdjust = canAccess(role, 'IncentivePool', 'adjust');
  if (steps.length === 0 && !mayAdjust) return null;

  return (
    <Box sx={{ my: 1 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        {canAccess(role, 'IncentivePool', 'allocate') && (
          <Tooltip title={reasonText('allocate')}>
            <span>
              <Button variant="outlined" disabled={busy || !previewState.enabled} onClick={runPreview}>
                {translate('pool.allocate_preview')}
              </Button>
            </span>
          </Tooltip>
        )}
        {steps.map(({ step, label }) => {
          const state = poolStepState(step, record.status, role);
          return (
            <Box key={step} sx={{ display: 'flex', flexDirection: 'column' }}>
              <Button
                variant="contained"
                disabled={busy || !state.enabled}
                onClick={() => run(step)}
                data-testid={`pool-${step}`}
              >
                {translate(label)}
              </Button>
              {!state.enabled && (
                <Typography variant="caption" color="text.secondary" data-testid={`pool-${step}-reason`}>
                  {reasonText(step)}
                </Typography>
              )}
            </Box>
          );
        })}
      </Stack>
      {record.status === 'LOCKED' && mayAdjust && (
        <Button sx={{ mt: 1 }} variant="outlined" disabled={busy} onClick={adjust} data-testid="pool-adjust">
          {translate('pool.adjust')}
        </Button>
      )}
      {Boolean(error) && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {message(error)}
        </Alert>
      )}
      {preview && (
        <Box sx={{ mt: 2 }} data-testid="allocation-preview">
          <Typography variant="subtitle1">{translate('pool.allocate_preview')}</Typography>
          <AllocationTable pool={preview} />
        </Box>
      )}
    </Box>
  );
}
