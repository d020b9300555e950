// The dialog of a step that asks before it runs (convert a lead, drop it, move an opportunity's stage, make its
// project, revoke a delegation): a title, what the step needs, Cancel and the step's own button. Pressing it runs
// the step once (the button waits meanwhile); the dialog closes when the step is done and otherwise says why it was
// refused, staying open so that the input can be corrected.
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { ReactNode, useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useErrorMessage } from './ErrorText';

export interface ConfirmRunDialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** The step's button. */
  confirmLabel: ReactNode;
  /** The step; the dialog closes once it resolves and shows its error when it rejects. */
  run: () => Promise<unknown>;
  /** False while the input is not complete (a required reason…). */
  ready?: boolean;
  /** An error from elsewhere (what the dialog loaded to show), shown like the step's own. */
  error?: unknown;
  color?: 'primary' | 'error';
  maxWidth?: 'xs' | 'sm' | 'md';
  confirmTestId?: string;
  errorTestId?: string;
  children?: ReactNode;
}

export function ConfirmRunDialog({
  open,
  onClose,
  title,
  confirmLabel,
  run,
  ready = true,
  error: loadError,
  color = 'primary',
  maxWidth = 'sm',
  confirmTestId,
  errorTestId,
  children,
}: ConfirmRunDialogProps) {
  const translate = useTranslate();
  const message = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // A dialog opened again starts without the last attempt's error.
  useEffect(() => {
    if (open) setError(null);
  }, [open]);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await run();
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const shown = error ?? loadError;
  return (
    <Dialog open={open} onClose={onClose} maxWidth={maxWidth} fullWidth>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {children}
        {Boolean(shown) && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid={errorTestId}>
            {message(shown)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          color={color}
          variant="contained"
          disabled={busy || !ready}
          onClick={confirm}
          data-testid={confirmTestId}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
