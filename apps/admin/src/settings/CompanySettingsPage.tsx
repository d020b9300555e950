// The company settings page: the policy choices the rules read (the material share, the Sponsor's conflict of
// interest, decision due days, ATI's decision-maker check, the stage probabilities in percent, the lead size
// thresholds). Everyone signed in reads them; administrators change them at the version they read. A refusal of
// the API is shown beside the field it concerns, in the reader's language.
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  FormControlLabel,
  FormHelperText,
  InputAdornment,
  LinearProgress,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { roleMay } from '@iron-triangle/domain';
import { loadSession } from '../auth/session';
import { useErrorMessage } from '../components/ErrorText';
import { GraphQLRequestError, reasonsOf } from '../graphql/client';
import {
  CompanySettingsData,
  draftOf,
  fetchCompanySettings,
  GRADES,
  inputOf,
  OPEN_STAGES,
  saveCompanySettings,
  SettingsDraft,
  THRESHOLDS,
} from './settingsApi';

function Section({ title, help, children }: { title: string; help: string; children: ReactNode }) {
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 3 }}>
      <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5, maxWidth: 760 }}>
        {help}
      </Typography>
      {children}
    </Box>
  );
}

export function CompanySettingsPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const describe = useErrorMessage();
  const role = loadSession()?.user.role;
  const canWrite = Boolean(role && roleMay(role, 'settings', 'write'));
  const [settings, setSettings] = useState<CompanySettingsData | null>(null);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    fetchCompanySettings()
      .then((s) => {
        if (!live) return;
        setSettings(s);
        setDraft(draftOf(s));
      })
      .catch((error: unknown) => live && setFailure(describe(error)));
    return () => {
      live = false;
    };
    // Read once when the page opens.
  }, []);

  if (!draft || !settings) {
    return (
      <Card sx={{ mt: 2 }}>
        <Title title={translate('companySettings.title')} />
        <CardContent>{failure ? <Alert severity="error">{failure}</Alert> : <LinearProgress />}</CardContent>
      </Card>
    );
  }

  const change = (update: (d: SettingsDraft) => SettingsDraft) => setDraft(update(draft));
  const fieldError = (field: string) => errors[field];
  const text = (field: string, value: string, onChange: (v: string) => void, label: string, percent = false) => (
    <TextField
      key={field}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(fieldError(field))}
      helperText={fieldError(field) ?? ' '}
      disabled={!canWrite}
      size="small"
      sx={{ width: 220, mr: 2 }}
      slotProps={{
        htmlInput: { 'data-testid': `settings-${field}` },
        input: percent ? { endAdornment: <InputAdornment position="end">%</InputAdornment> } : undefined,
      }}
    />
  );

  const save = async () => {
    setFailure(null);
    const checked = inputOf(draft);
    if ('errors' in checked) {
      setErrors(Object.fromEntries(Object.entries(checked.errors).map(([k, key]) => [k, translate(key)])));
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const saved = await saveCompanySettings(checked.input, settings.version);
      setSettings(saved);
      setDraft(draftOf(saved));
      notify('companySettings.saved', { type: 'info' });
    } catch (error) {
      const reasons = error instanceof GraphQLRequestError ? reasonsOf(error.extensions) : [];
      const byField: Record<string, string> = {};
      for (const reason of reasons) {
        // The code's words in the reader's language; the API's own (sent in that language) for a code we lack.
        const said = translate(`errors.${reason.code}`, { _: reason.message });
        const field = reason.field ?? '';
        byField[field] = byField[field] ? `${byField[field]} ${said}` : said;
      }
      setErrors(byField);
      if (!reasons.some((r) => r.field)) setFailure(describe(error));
      else setFailure(translate('companySettings.refused'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }} data-testid="company-settings">
      <Title title={translate('companySettings.title')} />
      <CardContent>
        {!canWrite && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('companySettings.readOnly')}
          </Alert>
        )}
        <Section
          title={translate('companySettings.sales.title')}
          help={translate('companySettings.sales.requireDecisionMakerHelp')}
        >
          <FormControlLabel
            control={
              <Switch
                checked={draft.requireDecisionMakerForAti}
                onChange={(e) => change((d) => ({ ...d, requireDecisionMakerForAti: e.target.checked }))}
                disabled={!canWrite}
                slotProps={{ input: { 'data-testid': 'settings-requireDecisionMakerForAti' } as never }}
              />
            }
            label={translate('companySettings.sales.requireDecisionMaker')}
          />
        </Section>
        <Section
          title={translate('companySettings.probabilities.title')}
          help={translate('companySettings.probabilities.help')}
        >
          <Box>
            {OPEN_STAGES.map((stage) =>
              text(
                `stageProbabilities.${stage}`,
                draft.stageProbabilities[stage],
                (v) => change((d) => ({ ...d, stageProbabilities: { ...d.stageProbabilities, [stage]: v } })),
                translate(`companySettings.probabilities.${stage}`),
                true,
              ),
            )}
          </Box>
          <Typography variant="body2" color="text.secondary" data-testid="settings-fixed-stages">
            {translate('companySettings.probabilities.fixed', {
              deal: settings.stageProbabilities.DEAL,
              lost: settings.stageProbabilities.LOST,
            })}
          </Typography>
          {fieldError('stageProbabilities') && (
            <FormHelperText error data-testid="settings-error-stageProbabilities">
              {fieldError('stageProbabilities')}
            </FormHelperText>
          )}
        </Section>
        <Section
          title={translate('companySettings.thresholds.title')}
          help={translate('companySettings.thresholds.help')}
        >
          <Box>
            {text(
              'leadSizeThresholds.currency',
              draft.leadSizeThresholds.currency,
              (v) => change((d) => ({ ...d, leadSizeThresholds: { ...d.leadSizeThresholds, currency: v } })),
              translate('companySettings.thresholds.currency'),
            )}
            {THRESHOLDS.map((key) =>
              text(
                `leadSizeThresholds.${key}`,
                draft.leadSizeThresholds[key],
                (v) => change((d) => ({ ...d, leadSizeThresholds: { ...d.leadSizeThresholds, [key]: v } })),
                translate(`companySettings.thresholds.${key}`),
              ),
            )}
          </Box>
          {fieldError('leadSizeThresholds') && (
            <FormHelperText error data-testid="settings-error-leadSizeThresholds">
              {fieldError('leadSizeThresholds')}
            </FormHelperText>
          )}
        </Section>
        <Section
          title={translate('companySettings.decisions.title')}
          help={translate('companySettings.decisions.help')}
        >
          <Box>
            {GRADES.map((grade) =>
              text(
                `decisionDueDays.${grade}`,
                draft.decisionDueDays[grade],
                (v) => change((d) => ({ ...d, decisionDueDays: { ...d.decisionDueDays, [grade]: v } })),
                translate('companySettings.decisions.days', { grade }),
              ),
            )}
          </Box>
          <Box>
            {text(
              'materialChangeShare',
              draft.materialChangeShare,
              (v) => change((d) => ({ ...d, materialChangeShare: v })),
              translate('companySettings.decisions.materialShare'),
              true,
            )}
          </Box>
          <FormControlLabel
            control={
              <Switch
                checked={draft.sponsorConflictOfInterest}
                onChange={(e) => change((d) => ({ ...d, sponsorConflictOfInterest: e.target.checked }))}
                disabled={!canWrite}
              />
            }
            label={translate('companySettings.decisions.sponsorConflict')}
          />
        </Section>
        {failure && (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="settings-failure">
            {failure}
          </Alert>
        )}
        {canWrite && (
          <Button variant="contained" onClick={save} disabled={saving} data-testid="settings-save">
            {translate('companySettings.save')}
          </Button>
        )}
      </CardContent>
    </Card>
  );
}

export default CompanySettingsPage;
