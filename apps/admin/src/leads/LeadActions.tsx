// The steps of a lead: verify (by someone other than its finder), convert to an opportunity (refused with the missing
// facts named), drop (with a reason). Shown to those who may edit leads; the API decides the rest.
import BlockIcon from '@mui/icons-material/Block';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import VerifiedIcon from '@mui/icons-material/Verified';
import { Button, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router';
import { ConfirmRunDialog } from '../components/ConfirmRunDialog';
import { useErrorMessage } from '../components/ErrorText';
import { mayWrite } from '../sales/access';
import { convertLeadToOpportunity, dropLead, verifyLead } from '../sales/salesApi';
import { MissingForOpportunity, type LeadRecord } from './LeadShow';

export function VerifyLeadButton() {
  const record = useRecordContext<LeadRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const message = useErrorMessage();
  const [busy, setBusy] = useState(false);
  if (!record || record.verifiedById || record.status !== 'OPEN' || !mayWrite('Lead', 'edit', record)) return null;
  const verify = async () => {
    setBusy(true);
    try {
      await verifyLead(String(record.id));
      notify('sales.verified', { type: 'success' });
      refresh();
    } catch (error) {
      notify(message(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button startIcon={<VerifiedIcon />} onClick={verify} disabled={busy} data-testid="lead-verify">
      {translate('sales.verify')}
    </Button>
  );
}

export function ConvertLeadButton() {
  const record = useRecordContext<LeadRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  if (!record || record.status !== 'OPEN' || !mayWrite('Lead', 'edit', record)) return null;
  const convert = async () => {
    const opportunity = await convertLeadToOpportunity(String(record.id), name.trim());
    notify('sales.converted', { type: 'success' });
    navigate(`/Opportunity/${opportunity.id}/show`);
  };
  return (
    <>
      <Button startIcon={<TrendingUpIcon />} onClick={() => setOpen(true)} data-testid="lead-convert">
        {translate('sales.convert')}
      </Button>
      <ConfirmRunDialog
        open={open}
        onClose={() => setOpen(false)}
        title={translate('sales.convert_title')}
        confirmLabel={translate('sales.convert')}
        run={convert}
        confirmTestId="lead-convert-confirm"
        errorTestId="lead-convert-error"
      >
        <MissingForOpportunity />
        <MuiTextField
          label={translate('sales.opportunity_name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          fullWidth
          sx={{ mt: 2 }}
        />
      </ConfirmRunDialog>
    </>
  );
}

export function DropLeadButton() {
  const record = useRecordContext<LeadRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!record || record.status !== 'OPEN' || !mayWrite('Lead', 'edit', record)) return null;
  const drop = async () => {
    await dropLead(String(record.id), reason.trim());
    notify('sales.dropped', { type: 'success' });
    refresh();
  };
  return (
    <>
      <Button color="error" startIcon={<BlockIcon />} onClick={() => setOpen(true)} data-testid="lead-drop">
        {translate('sales.drop')}
      </Button>
      <ConfirmRunDialog
        open={open}
        onClose={() => setOpen(false)}
        title={translate('sales.drop_title')}
        confirmLabel={translate('sales.drop')}
        run={drop}
        ready={Boolean(reason.trim())}
        color="error"
      >
        <MuiTextField
          label={translate('sales.drop_reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          fullWidth
          required
          multiline
          sx={{ mt: 1 }}
        />
      </ConfirmRunDialog>
    </>
  );
}
