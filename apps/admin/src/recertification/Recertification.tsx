// Re-certification: the certifications ending within 30, 60 or 90 days, soonest first; selected ones get a
// re-assessment scheduled in one go (due date, optional assessor, note), all or nothing.
import CancelIcon from '@mui/icons-material/Cancel';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { Link, Title, useGetList, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { canAccess } from '../auth/canAccess';
import { loadSession } from '../auth/session';
import { useErrorMessage } from '../components/ErrorText';
import { useDate, useEnumLabel } from '../components/fields';
import { personDisplayName } from '../components/personName';
import { GraphQLRequestError, reasonsOf } from '../graphql/client';
import {
  ExpiringCertification,
  useCancelReassessment,
  useExpiring,
  useScheduleReassessments,
  Window,
  WINDOWS,
} from './recertificationApi';

/** Each refused item in words: whose certification, and why (the API's words for a reason we have none for). */
function useScheduleErrors() {
  const translate = useTranslate();
  const role = useEnumLabel('TriangleRole');
  const fallback = useErrorMessage();
  const [locale] = useLocaleState();
  return (error: unknown, items: ExpiringCertification[]): string[] => {
    const extensions = error instanceof GraphQLRequestError ? error.extensions : undefined;
    const reasons = reasonsOf(extensions);
    if (reasons.length === 0) return [fallback(error)];
    return reasons.map((r) => {
      const index = /^items\.(\d+)\./.exec(String(r.field ?? ''))?.[1];
      const item = index === undefined ? undefined : items[Number(index)];
      const key = `h15recert.errors.${String(r.code ?? '')}`;
      const said = translate(key, { _: r.message ?? String(r.code ?? '') });
      return item ? `${personDisplayName(item.person, locale)} (${role(item.role)}): ${said}` : said;
    });
  };
}

function ScheduleDialog({
  items,
  onClose,
  onDone,
}: {
  items: ExpiringCertification[];
  onClose: () => void;
  onDone: (count: number) => void;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const earliest = items.reduce((min, i) => (i.validUntil < min ? i.validUntil : min), items[0]!.validUntil);
  const [due, setDue] = useState(earliest.slice(0, 10));
  const [note, setNote] = useState('');
  const [search, setSearch] = useState('');
  const [assessor, setAssessor] = useState<{ id: string; name?: string; latinName?: string | null } | null>(null);
  const people = useGetList('Person', { filter: search ? { q: search } : {}, pagination: { page: 1, perPage: 20 } });
  const schedule = useScheduleReassessments();
  const errors = useScheduleErrors();
  const submit = () =>
    schedule.mutate(
      items.map((i) => ({
        assessmentId: i.assessmentId,
        dueAt: `${due}T00:00:00.000Z`,
        assessorId: assessor?.id ?? null,
        note: note.trim() ? note.trim() : null,
      })),
      { onSuccess: (written) => onDone(written.length) },
    );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="recert-dialog-title">
      <DialogTitle id="recert-dialog-title">
        {translate('h15recert.dialog_title', { smart_count: items.length })}
      </DialogTitle>
      <DialogContent>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1 }}>
          <MuiTextField
            type="date"
            label={translate('h15recert.due_date')}
            value={due}
            onChange={(e) => setDue(e.target.value)}
            helperText={translate('h15recert.due_hint')}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'recert-due' } }}
          />
          <Autocomplete
            options={(people.data ?? []) as Array<{ id: string; name?: string; latinName?: string | null }>}
            value={assessor}
            onChange={(_e, value) => setAssessor(value)}
            onInputChange={(_e, value) => setSearch(value)}
            getOptionLabel={(p) => personDisplayName(p, locale)}
            isOptionEqualToValue={(a, b) => String(a.id) === String(b.id)}
            filterOptions={(o) => o}
            renderInput={(params) => (
              <MuiTextField
                {...params}
                label={translate('h15recert.assessor')}
                helperText={translate('h15recert.assessor_hint')}
              />
            )}
          />
          <MuiTextField
            label={translate('h15recert.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
          />
          {schedule.isError &&
            errors(schedule.error, items).map((line, i) => (
              <Alert key={i} severity="error" role="alert">
                {line}
              </Alert>
            ))}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={submit} disabled={!due || schedule.isPending}>
          {translate('h15recert.schedule')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function Recertification() {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const date = useDate();
  const role = useEnumLabel('TriangleRole');
  const errorMessage = useErrorMessage();
  const [windowDays, setWindowDays] = useState<Window>(30);
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState(false);
  const { data, isPending, error } = useExpiring(windowDays);
  const cancel = useCancelReassessment();
  const cancelSchedule = (id: string) =>
    cancel.mutate(id, {
      onSuccess: () => notify(translate('h15recert.cancelled'), { type: 'info' }),
      onError: (e) => notify(errorMessage(e), { type: 'error' }),
    });
  const nodes = useMemo(() => data?.nodes ?? [], [data]);
  const open = nodes.filter((n) => !n.scheduled);
  const chosen = nodes.filter((n) => selected.includes(n.assessmentId));
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const allChosen = open.length > 0 && open.every((n) => selected.includes(n.assessmentId));
  // Scheduling writes qualifications (ADMIN, HR): a reader sees the list and what is scheduled, no controls.
  const mayPlan = canAccess(loadSession()?.user.role, 'Assessment', 'create');

  return (
    <Card sx={{ mt: 2 }} data-testid="recertification">
      <Title title={translate('h15recert.title')} />
      <CardContent>
        <Typography variant="h6">{translate('h15recert.title')}</Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {translate(mayPlan ? 'h15recert.intro' : 'h16review.recertification_intro_read')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
          <ToggleButtonGroup
            exclusive
            size="small"
            value={windowDays}
            onChange={(_e, value: Window | null) => {
              if (value) {
                setWindowDays(value);
                setSelected([]);
              }
            }}
            aria-label={translate('h15recert.window')}
          >
            {WINDOWS.map((w) => (
              <ToggleButton key={w} value={w}>
                {translate('h15recert.within_days', { days: w })}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          {mayPlan && (
            <Button
              variant="contained"
              disabled={chosen.length === 0}
              onClick={() => setDialog(true)}
              data-testid="recert-schedule"
            >
              {translate('h15recert.schedule_selected', { smart_count: chosen.length })}
            </Button>
          )}
          {data && (
            <Typography color="text.secondary">
              {translate('h15recert.total', { smart_count: data.totalCount })}
            </Typography>
          )}
        </Box>
        {isPending && <LinearProgress />}
        {error && <Alert severity="error">{errorMessage(error)}</Alert>}
        {data && nodes.length === 0 && <Typography>{translate('h15recert.none', { days: windowDays })}</Typography>}
        {nodes.length > 0 && (
          <Table size="small">
            <TableHead>
              <TableRow>
                {mayPlan && (
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={allChosen}
                      disabled={open.length === 0}
                      onChange={() => setSelected(allChosen ? [] : open.map((n) => n.assessmentId))}
                      slotProps={{ input: { 'aria-label': translate('h15recert.select_all') } }}
                    />
                  </TableCell>
                )}
                <TableCell>{translate('h15recert.person')}</TableCell>
                <TableCell>{translate('h15recert.role')}</TableCell>
                <TableCell>{translate('h15recert.level')}</TableCell>
                <TableCell>{translate('h15recert.valid_until')}</TableCell>
                <TableCell>{translate('h15recert.days_left')}</TableCell>
                <TableCell>{translate('h15recert.scheduled')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {nodes.map((n) => {
                const name = personDisplayName(n.person, locale) || translate('app.not_visible');
                return (
                  <TableRow key={n.assessmentId} data-testid="recert-row">
                    {mayPlan && (
                      <TableCell padding="checkbox">
                        <Checkbox
                          checked={selected.includes(n.assessmentId)}
                          disabled={n.scheduled}
                          onChange={() => toggle(n.assessmentId)}
                          slotProps={{ input: { 'aria-label': translate('h15recert.select', { name }) } }}
                        />
                      </TableCell>
                    )}
                    <TableCell>
                      <Link to={`/Assessment/${encodeURIComponent(n.assessmentId)}/show`}>{name}</Link>
                    </TableCell>
                    <TableCell>{role(n.role)}</TableCell>
                    <TableCell>{translate('h15recert.level_n', { level: n.level })}</TableCell>
                    <TableCell>{date(n.validUntil)}</TableCell>
                    <TableCell>{translate('h15recert.days', { smart_count: n.daysLeft })}</TableCell>
                    <TableCell>
                      {n.schedule ? (
                        <Chip
                          size="small"
                          color="success"
                          onDelete={mayPlan ? () => cancelSchedule(n.schedule!.id) : undefined}
                          deleteIcon={
                            mayPlan ? (
                              <CancelIcon
                                role="button"
                                aria-hidden={false}
                                aria-label={translate('h15recert.cancel_schedule', { name })}
                              />
                            ) : undefined
                          }
                          label={
                            n.schedule.assessor
                              ? translate('h15recert.scheduled_with', {
                                  date: date(n.schedule.dueAt),
                                  name: personDisplayName(n.schedule.assessor, locale),
                                })
                              : translate('h15recert.scheduled_due', { date: date(n.schedule.dueAt) })
                          }
                        />
                      ) : (
                        translate('h15recert.not_scheduled')
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {dialog && chosen.length > 0 && (
          <ScheduleDialog
            items={chosen}
            onClose={() => setDialog(false)}
            onDone={(count) => {
              setDialog(false);
              setSelected([]);
              notify(translate('h15recert.done', { smart_count: count }), { type: 'success' });
            }}
          />
        )}
      </CardContent>
    </Card>
  );
}
