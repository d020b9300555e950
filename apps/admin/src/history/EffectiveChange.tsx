// When an edit takes effect. Everyone reads that it takes effect when saved (earlier versions stay); an
// administrator may instead correct the past: from a moment, or for the whole life of the record, with a reason.
// The form keeps these under `change`; providers/dataProvider.ts turns them into the mutation's `change` argument.
import { Alert, Box, Paper, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  BooleanInput,
  RadioButtonGroupInput,
  TabbedForm,
  TabbedFormProps,
  TextInput,
  Toolbar,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { useLocation } from 'react-router';
import { ReactNode } from 'react';
import { InstantInput } from '../components/InstantInput';
import { HistoryTab } from './HistoryTab';
import type { ChangeFormValues } from './change';

/** How far ahead a moment still counts as now (the API's tolerance for clocks that differ slightly). */
const TOLERANCE_MS = 60_000;

type Values = { change?: ChangeFormValues } | undefined;

const correcting = (values: Values) => values?.change?.correction === true;

/** The correction's moment: required when correcting from a moment; never in the future. */
export function validateEffectiveFrom(value: unknown, values?: Values) {
  if (!correcting(values) || values?.change?.scope === 'WHOLE') return undefined;
  if (!value) return 'ra.validation.required';
  return new Date(String(value)).getTime() > Date.now() + TOLERANCE_MS ? 'change.future' : undefined;
}

/** The correction's reason: required when correcting. */
export function validateReason(value: unknown, values?: Values) {
  return correcting(values) && !String(value ?? '').trim() ? 'ra.validation.required' : undefined;
}

// Shown only while correcting, and required then: react-admin marks the label (`isRequired` on the validator).
Object.assign(validateEffectiveFrom, { isRequired: true });
Object.assign(validateReason, { isRequired: true });

export function EffectiveChange() {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const correction = useWatch({ name: 'change.correction' }) === true;
  const scope = useWatch({ name: 'change.scope' });
  return (
    <Box data-testid="effective-change" sx={{ width: '100%', maxWidth: 720, mt: 1 }}>
      {!correction && (
        <Alert severity="info" data-testid="effective-now">
          <strong>{translate('change.effective_now_title')}</strong> {translate('change.effective_now')}
        </Alert>
      )}
      {permissions === 'ADMIN' && (
        <Box sx={{ mt: 1 }}>
          <BooleanInput source="change.correction" label="change.correct" helperText="change.correct_help" />
          {correction && (
            <Paper variant="outlined" sx={{ p: 2, borderColor: 'warning.main' }} data-testid="correction">
              <Typography variant="subtitle1" sx={{ mb: 1 }}>
                {translate('change.correct')}
              </Typography>
              <RadioButtonGroupInput
                source="change.scope"
                label="change.scope"
                defaultValue="FROM"
                choices={[
                  { id: 'FROM', name: 'change.scope_from' },
                  { id: 'WHOLE', name: 'change.scope_whole' },
                ]}
              />
              {scope !== 'WHOLE' && (
                <InstantInput
                  source="change.effectiveFrom"
                  label="change.effective_from"
                  validate={validateEffectiveFrom}
                />
              )}
              <TextInput
                source="change.reason"
                label="change.reason"
                multiline
                minRows={2}
                fullWidth
                validate={validateReason}
              />
              <Alert severity="warning">{translate('change.correction_notice')}</Alert>
            </Paper>
          )}
        </Box>
      )}
    </Box>
  );
}

const onHistoryTab = (pathname: string) => pathname.endsWith('/history');

/** The form's toolbar, except on the History tab (nothing to save there). */
function DetailsToolbar() {
  const { pathname } = useLocation();
  return onHistoryTab(pathname) ? null : <Toolbar />;
}

/** The history, read only once its tab is open (a form renders every tab). */
function HistoryWhenOpen() {
  const { pathname } = useLocation();
  return onHistoryTab(pathname) ? <HistoryTab /> : null;
}

/**
 * The edit form of a versioned record: its inputs with when the change takes effect (and, for administrators, the
 * correction of the past), and a History tab.
 */
export function VersionedForm({ children, ...props }: Omit<TabbedFormProps, 'children'> & { children: ReactNode }) {
  return (
    <TabbedForm toolbar={<DetailsToolbar />} {...props}>
      <TabbedForm.Tab label="ra.message.details">
        {children}
        <EffectiveChange />
      </TabbedForm.Tab>
      <TabbedForm.Tab label="history.tab" path="history">
        <HistoryWhenOpen />
      </TabbedForm.Tab>
    </TabbedForm>
  );
}
