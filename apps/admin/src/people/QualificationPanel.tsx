// A person's qualification per triangle role: the level held, until when, and the gap to the next level.
import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { useDate, useEnumLabel } from '../components/fields';
import { ErrorText } from '../components/ErrorText';
import type { Operations } from '../providers/operations';
import type { QualificationStatus, TriangleRole } from '../providers/types';

type Gap = NonNullable<QualificationStatus['gap']>;

/** What is missing for the next level: dimensions short of the requirement, tenure, projects, the gate. */
export function GapView({ gap }: { gap: Gap }) {
  const translate = useTranslate();
  const dimension = useEnumLabel('Dimension');
  return (
    <Box sx={{ mt: 1 }} data-testid="qualification-gap">
      <Typography variant="subtitle2">{translate('qualification.gap', { level: gap.nextLevel })}</Typography>
      <ul style={{ margin: 0 }}>
        {gap.dimensions.map((d) => (
          <li key={d.dimension}>
            {translate('qualification.gap_dimension', {
              dimension: dimension(d.dimension),
              held: d.held,
              required: d.required,
            })}
          </li>
        ))}
        {gap.tenureMonthsMissing > 0 && (
          <li>{translate('qualification.tenure_missing', { months: gap.tenureMonthsMissing })}</li>
        )}
        {gap.projectsMissing > 0 && (
          <li>{translate('qualification.projects_missing', { count: gap.projectsMissing })}</li>
        )}
        {gap.gateFailed && <li>{translate('qualification.gate_failed')}</li>}
      </ul>
    </Box>
  );
}

export function isGap(value: unknown): value is Gap {
  return Boolean(
    value &&
    typeof value === 'object' &&
    Array.isArray((value as Gap).dimensions) &&
    typeof (value as Gap).nextLevel === 'number',
  );
}

export function QualificationStatusView({ status }: { status: QualificationStatus }) {
  const translate = useTranslate();
  const date = useDate();
  const level = useEnumLabel('Level');
  const gap = status.gap;
  return (
    <Box>
      {status.level ? (
        <Typography>
          {translate('qualification.level')}: <strong>{level(status.level)}</strong>
          {status.validUntil && (
            <>
              {' '}
              · {translate('qualification.valid_until')} {date(status.validUntil)}
            </>
          )}
        </Typography>
      ) : (
        <Typography color="text.secondary">
          {translate('qualification.none', {
            reason: status.reason ? translate(`qualification.reason.${status.reason}`, { _: status.reason }) : '—',
          })}
        </Typography>
      )}
      {gap ? (
        <GapView gap={gap} />
      ) : status.level ? (
        <Typography variant="body2">{translate('qualification.top')}</Typography>
      ) : null}
    </Box>
  );
}

function RoleStatus({ personId, role }: { personId: string; role: TriangleRole }) {
  const dataProvider = useDataProvider<Operations & ReturnType<typeof useDataProvider>>();
  const roleLabel = useEnumLabel('TriangleRole');
  const [state, setState] = useState<{ status?: QualificationStatus; error?: unknown }>({});
  useEffect(() => {
    let live = true;
    dataProvider.qualificationStatus(personId, role).then(
      (status) => live && setState({ status }),
      (error) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [dataProvider, personId, role]);
  return (
    <Card variant="outlined" sx={{ flex: 1, minWidth: 240 }}>
      <CardContent>
        <Typography variant="subtitle1">{roleLabel(role)}</Typography>
        {state.status && <QualificationStatusView status={state.status} />}
        {Boolean(state.error) && (
          <Alert severity="info">
            <ErrorText error={state.error} />
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}

export function QualificationPanel({ personId }: { personId: string }) {
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {(['AR', 'SR', 'FR'] as const).map((role) => (
        <RoleStatus key={role} personId={personId} role={role} />
      ))}
    </Stack>
  );
}
