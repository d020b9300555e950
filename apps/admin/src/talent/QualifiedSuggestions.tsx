// In the team-appointment form: once a project and a role are picked, the level the staffing rules require of the
// role on that project (staffingMinimumLevel: the rule checked when the appointment is saved), prefilled as the
// minimum, and the people qualified at it from the appointment's start (qualifiedPeoplePage); picking one fills in
// the person.
import { Box, Chip, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { personDisplayName } from '../components/personName';
import { useErrorMessage } from '../components/ErrorText';
import { toInstant } from '../components/InstantInput';
import type { Operations, QualifiedPerson } from '../providers/operations';
import { MAX_LEVEL } from './TalentSearch';

/** How many people are suggested. */
export const SUGGESTIONS = 10;

export function QualifiedSuggestions() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const message = useErrorMessage();
  const dataProvider = useDataProvider() as unknown as Operations;
  const { setValue } = useFormContext();
  const [projectId, role, validFrom] = useWatch({ name: ['projectId', 'role', 'validFrom'] }) as [
    string | undefined,
    string | undefined,
    unknown,
  ];
  const at = toInstant(validFrom);
  /** The rule's minimum (undefined while unknown; null when no rule covers the role). */
  const [required, setRequired] = useState<number | null | undefined>(undefined);
  const [minLevel, setMinLevel] = useState<number>(1);
  const [people, setPeople] = useState<{ items: QualifiedPerson[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const asked = useRef(0);

  useEffect(() => {
    setRequired(undefined);
    setPeople(null);
    setError(null);
    if (!projectId || !role) return;
    const n = ++asked.current;
    dataProvider.staffingMinimumLevel(String(projectId), role, at).then(
      (level) => {
        if (n !== asked.current) return;
        setRequired(level);
        setMinLevel(level ?? 1);
      },
      (caught: unknown) => n === asked.current && setError(caught),
    );
  }, [dataProvider, projectId, role, at]);

  useEffect(() => {
    if (!projectId || !role || required === undefined) return;
    if (!Number.isInteger(minLevel) || minLevel < 1 || minLevel > MAX_LEVEL) return;
    const n = ++asked.current;
    dataProvider.qualifiedPeoplePage({ role, minLevel, at }, SUGGESTIONS).then(
      (page) => n === asked.current && setPeople({ items: page.items, total: page.totalCount }),
      (caught: unknown) => n === asked.current && setError(caught),
    );
  }, [dataProvider, projectId, role, at, required, minLevel]);

  if (!projectId || !role) return null;
  return (
    <Box sx={{ mb: 2, width: '100%' }} data-testid="qualified-suggestions">
      <Typography variant="subtitle2">{translate('talent.suggest_title')}</Typography>
      {required !== undefined && (
        <Typography variant="body2" color="text.secondary">
          {required === null
            ? translate('talent.suggest_no_rule')
            : translate('talent.suggest_required', { level: required })}
        </Typography>
      )}
      <TextField
        type="number"
        size="small"
        sx={{ mt: 1, width: 200 }}
        label={translate('talent.min_level')}
        value={minLevel}
        slotProps={{ htmlInput: { min: 1, max: MAX_LEVEL, step: 1 } }}
        onChange={(event) => setMinLevel(Number(event.target.value))}
      />
      {Boolean(error) && (
        <Typography color="error" variant="body2">
          {message(error)}
        </Typography>
      )}
      {people && people.items.length === 0 && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('talent.suggest_none')}
        </Typography>
      )}
      {people && people.items.length > 0 && (
        <>
          <Typography variant="body2" sx={{ mt: 1 }}>
            {translate('talent.suggest_pick', { smart_count: people.total, shown: people.items.length })}
          </Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }}>
            {people.items.map((p) => (
              <Chip
                key={p.personId}
                label={translate('talent.suggest_person', {
                  name: personDisplayName(p.person, locale),
                  level: p.level,
                })}
                onClick={() => setValue('personId', p.personId, { shouldDirty: true, shouldValidate: true })}
              />
            ))}
          </Stack>
        </>
      )}
    </Box>
  );
}
