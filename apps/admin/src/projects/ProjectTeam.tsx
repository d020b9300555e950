// The project's triangle team grouped by LTC stage.
import { Box, Chip, Stack, Typography } from '@mui/material';
import { useGetManyReference, useRecordContext, useTranslate } from 'react-admin';
import { useDate, useEnumLabel } from '../components/fields';
import { RecordName } from '../components/RecordName';

interface Appointment {
  id: string;
  personId: string;
  role: string;
  stage?: string | null;
  validFrom: string;
  validTo?: string | null;
}

export function ProjectTeam() {
  const record = useRecordContext();
  const translate = useTranslate();
  const stageLabel = useEnumLabel('Stage');
  const role = useEnumLabel('TriangleRole');
  const date = useDate();
  const { data, isPending } = useGetManyReference<Appointment & { id: string }>(
    'TeamAppointment',
    {
      target: 'projectId',
      id: record?.id,
      pagination: { page: 1, perPage: 200 },
      sort: { field: 'validFrom', order: 'ASC' },
    },
    { enabled: Boolean(record?.id) },
  );
  if (isPending) return <Typography>{translate('app.loading')}</Typography>;
  const byStage = new Map<string, Appointment[]>();
  for (const a of data ?? []) {
    const key = a.stage ?? '';
    byStage.set(key, [...(byStage.get(key) ?? []), a]);
  }
  if (byStage.size === 0) return <Typography color="text.secondary">{translate('dashboard.nothing')}</Typography>;
  return (
    <Stack spacing={2}>
      {[...byStage.entries()].map(([stage, list]) => (
        <Box key={stage}>
          <Typography variant="subtitle1">{stage ? stageLabel(stage) : translate('project.no_stage')}</Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {list.map((a) => (
              <Chip
                key={a.id}
                variant="outlined"
                label={
                  <>
                    {role(a.role)} · <RecordName resource="Person" id={a.personId} /> · {date(a.validFrom)}–
                    {a.validTo ? date(a.validTo) : translate('app.open_ended')}
                  </>
                }
              />
            ))}
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}
