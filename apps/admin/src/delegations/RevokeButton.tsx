// Revoking shows first which delegations will end with this one (delegationImpact), then asks for a reason.
import BlockIcon from '@mui/icons-material/Block';
import { Button, List as MuiList, ListItem, TextField as MuiTextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { canAccess } from '../auth/canAccess';
import { loadSession } from '../auth/session';
import { ConfirmRunDialog } from '../components/ConfirmRunDialog';
import { useDate, useMoney } from '../components/fields';
import { DelegationText } from '../components/names';
import { RecordName } from '../components/RecordName';
import type { Operations } from '../providers/operations';
import type { DelegationRecord } from '../providers/types';

export function RevokeButton() {
  const record = useRecordContext<DelegationRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider() as unknown as Operations;
  const notify = useNotify();
  const refresh = useRefresh();
  const money = useMoney();
  const date = useDate();
  const [open, setOpen] = useState(false);
  const [impact, setImpact] = useState<DelegationRecord[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [reason, setReason] = useState('');

  useEffect(() => {
    if (!open || !record) return;
    setImpact(null);
    setLoadError(null);
    dataProvider.delegationImpact(String(record.id)).then(setImpact, setLoadError);
  }, [open, record, dataProvider]);

  const user = loadSession()?.user;
  if (!record || record.revokedAt || !canAccess(user?.role, 'Delegation', 'revoke')) return null;
  // A LEADER revokes only what they delegated themselves (the API refuses the others): offered only then.
  if (user?.role === 'LEADER' && String(user.personId ?? '') !== String(record.delegatorId)) return null;

  const others = (impact ?? []).filter((d) => String(d.id) !== String(record.id));
  const revoke = async () => {
    const ended = await dataProvider.revokeDelegation(String(record.id), reason.trim());
    notify('delegation.revoked', { type: 'success', messageArgs: { count: ended.length } });
    refresh();
  };

  return (
    <>
      <Button color="error" startIcon={<BlockIcon />} onClick={() => setOpen(true)}>
        {translate('delegation.revoke')}
      </Button>
      <ConfirmRunDialog
        open={open}
        onClose={() => setOpen(false)}
        title={
          <>
            {translate('delegation.revoke_title')}: <DelegationText record={record} />
          </>
        }
        confirmLabel={translate('delegation.revoke')}
        run={revoke}
        ready={Boolean(reason.trim())}
        error={loadError}
        color="error"
      >
        {impact === null && !loadError && <Typography>{translate('app.loading')}</Typography>}
        {impact !== null &&
          (others.length === 0 ? (
            <Typography>{translate('delegation.revoke_impact_none')}</Typography>
          ) : (
            <>
              <Typography>{translate('delegation.revoke_impact')}</Typography>
              <MuiList dense data-testid="revoke-impact">
                {others.map((d) => (
                  <ListItem key={d.id}>
                    <RecordName resource="Person" id={d.delegatorId} /> →{' '}
                    <RecordName resource="Person" id={d.delegateId} />
                    {' · '}
                    {d.limit ? money(d.limit, d.currency) : translate('app.unlimited')}
                    {' · '}
                    {date(d.validFrom)}–{d.validTo ? date(d.validTo) : translate('app.open_ended')}
                  </ListItem>
                ))}
              </MuiList>
            </>
          ))}
        <MuiTextField
          label={translate('delegation.revoke_reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          fullWidth
          required
          multiline
          sx={{ mt: 2 }}
        />
      </ConfirmRunDialog>
    </>
  );
}
