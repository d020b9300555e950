// The steps of a lead: verify (by someone other than its finder), convert to an opportunity (refused with the missing
// facts named), drop (with a reason). Shown to those who may edit leads; the API decides the rest.
import BlockIcon from '@mui/icons-material/Block';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import VerifiedIcon from '@mui/icons-material/Verified';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField as MuiTextField,
} from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router';
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
  const message = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!record || record.status !== 'OPEN' || !mayWrite('Lead', 'edit', record)) return null;
  const convert = async () => {
    setBusy(true);
    setError(null);
    try {
      const opportunity = await convertLeadToOpportunity(String(record.id), name.trim());
      notify('sales.converted', { type: 'success' });
      setOpen(false);
      navigate(`/Opportunity/${opportunity.id}/show`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button startIcon={<TrendingUpIcon />} onClick={() => setOpen(true)} data-testid="lead-convert">
        {translate('sales.convert')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('sales.convert_title')}</DialogTitle>
        <DialogContent>
          <MissingForOpportunity />
          <MuiTextField
            label={translate('sales.opportunity_name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            fullWidth
            sx={{ mt: 2 }}
          />
          {Boolean(error) && (
            <Alert severity="error" sx={{ mt: 2 }} data-testid="lead-convert-error">
              {message(error)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={busy} onClick={convert} data-testid="lead-convert-confirm">
            {translate('sales.convert')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

export function DropLeadButton() {
  const record = useRecordContext<LeadRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const message = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!record || record.status !== 'OPEN' || !mayWrite('Lead', 'edit', record)) return null;
  const drop = async () => {
    setBusy(true);
    setError(null);
    try {
      await dropLead(String(record.id), reason.trim());
      notify('sales.dropped', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button color="error" startIcon={<BlockIcon />} onClick={() => setOpen(true)} data-testid="lead-drop">
        {translate('sales.drop')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('sales.drop_title')}</DialogTitle>
        <DialogContent>
          <MuiTextField
            label={translate('sales.drop_reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            fullWidth
            required
            multiline
            sx={{ mt: 1 }}
          />
          {Boolean(error) && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {message(error)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button color="error" variant="contained" disabled={busy || !reason.trim()} onClick={drop}>
            {translate('sales.drop')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
