// A button that changes a pool's inputs (edit the pool, add a metric or a member): disabled, with the reason under it,
// when the role may not or the pool is no longer a draft.
import { Box, Typography } from '@mui/material';
import { CreateButton, EditButton, useTranslate } from 'react-admin';
import { loadSession } from '../auth/session';
import { useEnumLabel } from '../components/fields';
import type { PoolStatus } from '../providers/types';
import { InputState, PoolInputAction, poolInputState } from './poolActions';

export function usePoolInputReason(): (state: InputState) => string {
  const translate = useTranslate();
  const statusLabel = useEnumLabel('PoolStatus');
  return (state) => {
    if (state.enabled) return '';
    if (state.reason === 'role') return translate('pool.why_not.role');
    if (state.reason === 'locked') return translate('pool.why_not.locked');
    return translate('pool.why_not.draft', { status: statusLabel(state.status) });
  };
}

export function usePoolInputState(input: PoolInputAction, status: PoolStatus | undefined): InputState {
  return poolInputState(input, status, loadSession()?.user.role);
}

export function PoolInputButton({
  input,
  status,
  label,
  state: createState,
  testId,
}: {
  input: PoolInputAction;
  status: PoolStatus | undefined;
  label?: string;
  state?: Record<string, unknown>;
  testId: string;
}) {
  const state = usePoolInputState(input, status);
  const reason = usePoolInputReason()(state);
  const button =
    input.action === 'edit' ? (
      <EditButton resource={input.resource} disabled={!state.enabled} data-testid={testId} />
    ) : (
      <CreateButton
        resource={input.resource}
        label={label}
        state={createState}
        disabled={!state.enabled}
        data-testid={testId}
      />
    );
  return (
    <Box sx={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start' }}>
      {button}
      {!state.enabled && state.reason !== 'role' && (
        <Typography variant="caption" color="text.secondary" data-testid={`${testId}-reason`}>
          {reason}
        </Typography>
      )}
    </Box>
  );
}
