// "As of": the two moments of a question about authority — when the decision is taken (effective time) and what the
// system knew (recorded time) — and, with the answer, what it was read from and the corrections of the past it rests
// on.
import { Alert, Box, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { InstantInput } from '../components/InstantInput';
import { formatDateTime } from '../format';
import type { AnswerBasis, AuthorityChange } from '../providers/types';
import { RecordLabel, useEffectiveText } from './HistoryView';

/** The two optional moments, kept as `at` and `asKnownAt` (empty: now). */
export function AsOfInputs() {
  return (
    <>
      <InstantInput source="at" label="asOf.at" helperText="asOf.at_help" />
      <InstantInput source="asKnownAt" label="asOf.known" helperText="asOf.known_help" />
    </>
  );
}

/** Corrections named once each (several deciders may rest on the same one), oldest first. */
export function distinctCorrections(lists: ReadonlyArray<readonly AuthorityChange[] | undefined>): AuthorityChange[] {
  const byRevision = new Map<string, AuthorityChange>();
  for (const list of lists) for (const c of list ?? []) byRevision.set(c.revision, c);
  return [...byRevision.values()].sort((a, b) => (BigInt(a.revision) < BigInt(b.revision) ? -1 : 1));
}

function CorrectionLine({ correction }: { correction: AuthorityChange }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const effective = useEffectiveText();
  const who =
    correction.actorKind === 'API_TOKEN'
      ? translate('history.actor_token', { name: correction.actorLabel ?? '' })
      : (correction.actorLabel ?? translate('history.actor_system'));
  return (
    <li data-testid="answer-correction">
      <strong>
        {translate(`resources.${correction.recordType}.name`, { smart_count: 1, _: correction.recordType })}{' '}
        <RecordLabel resource={correction.recordType} id={correction.recordId} />
      </strong>
      {locale === 'zh-CN' ? '：' : ': '}“{correction.reason}” —{' '}
      {translate('asOf.correction_line', {
        who,
        when: formatDateTime(correction.recordedAt, locale),
        from: effective(correction),
      })}
    </li>
  );
}

/** "Answered from revision N, as known at …", and the corrections the answer rests on (a warning when any). */
export function AnswerBasisView({ basis }: { basis: AnswerBasis }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const corrections = basis.corrections ?? [];
  if (!basis.revision && !corrections.length) return null;
  return (
    <Alert severity={corrections.length ? 'warning' : 'info'} sx={{ mb: 1 }} data-testid="answer-basis">
      {basis.revision && (
        <Typography variant="body2">
          {translate('asOf.answered', {
            revision: basis.revision,
            known: formatDateTime(basis.asKnownAt ?? new Date().toISOString(), locale),
          })}
        </Typography>
      )}
      {corrections.length > 0 && (
        <Box sx={{ mt: 0.5 }}>
          <Typography variant="body2">{translate('asOf.rests_on', { smart_count: corrections.length })}</Typography>
          <Box component="ul" sx={{ my: 0, pl: 2.5 }}>
            {corrections.map((c) => (
              <CorrectionLine key={c.revision} correction={c} />
            ))}
          </Box>
        </Box>
      )}
    </Alert>
  );
}
