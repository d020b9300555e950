// A record's versions, newest first: what changed (field by field, in the portal's words), when it was recorded,
// from when it holds, who made it; corrections of the past marked, with their reason.
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { AssessmentName, DelegationName } from '../components/names';
import { RecordName } from '../components/RecordName';
import { formatDate, formatDateTime, formatMoney } from '../format';
import { effectiveMomentOf, type AuthorityChange } from '../providers/types';
import {
  changedFields,
  FieldChange,
  fieldKind,
  filledFields,
  humanize,
  isEmpty,
  labelKey,
  majorAmount,
  newestFirst,
  operationKey,
  replacedVersion,
} from './fields';
import { stageSteps } from '../opportunities/stageHistory';

type Row = Record<string, unknown>;

/** A referenced record by its name, as the portal shows it elsewhere (a delegation by its number). */
export function RecordLabel({ resource, id }: { resource: string; id: unknown }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (isEmpty(id)) return <>{translate('app.none')}</>;
  if (resource === 'QualificationLevel')
    return <RecordName resource={resource} id={String(id)} field={locale === 'zh-CN' ? 'nameZh' : 'name'} />;
  if (resource === 'RoleModelVersion')
    return (
      <>
        {translate('resources.RoleModelVersion.fields.versionNo')}{' '}
        <RecordName resource={resource} id={String(id)} field="versionNo" />
      </>
    );
  if (resource === 'Delegation') return <DelegationName id={String(id)} />;
  if (resource === 'Assessment') return <AssessmentName id={String(id)} />;
  return <RecordName resource={resource} id={String(id)} />;
}

function List({ items }: { items: string[] }) {
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </Box>
  );
}

/** One value of a version, in the reader's language. `record` is the version it belongs to (for its currency). */
export function HistoryValue({
  recordType,
  field,
  value,
  record,
}: {
  recordType: string;
  field: string;
  value: unknown;
  record: Row | null;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const label = (name: string, v: unknown) => translate(`enums.${name}.${String(v)}`, { _: String(v) });
  const kind = fieldKind(recordType, field, value);
  if (isEmpty(value) && kind.kind !== 'boolean') return <>{translate('app.none')}</>;
  switch (kind.kind) {
    case 'money': {
      const amount = majorAmount(value, record?.currency);
      return (
        <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(amount, String(record?.currency ?? ''), locale)}</span>
      );
    }
    case 'reference':
      return <RecordLabel resource={kind.resource} id={value} />;
    case 'enum':
      return <>{label(kind.enumName, value)}</>;
    case 'enumList':
      return <>{(value as unknown[]).map((v) => label(kind.enumName, v)).join(locale === 'zh-CN' ? '、' : ', ')}</>;
    case 'moment':
      return <>{formatDateTime(String(value), locale)}</>;
    case 'boolean':
      return <>{translate(value ? 'app.yes' : 'app.no')}</>;
    case 'quorum':
      return <>{translate(`decisionBody.${String(value)}`, { _: String(value) })}</>;
    case 'seats':
      return (
        <List
          items={(value as Row[]).map((seat) => {
            const others = (seat.alternativeTitles as string[] | undefined) ?? [];
            const alternatives = others.length
              ? ` · ${translate('resources.DecisionBody.fields.alternativeTitles')} ${others
                  .map((t) => label('PositionTitle', t))
                  .join(locale === 'zh-CN' ? '、' : ', ')}`
              : '';
            const how = translate(seat.fixed ? 'bodyVote.fixed' : 'bodyVote.on_demand');
            return `${label('PositionTitle', seat.title)} (${how})${alternatives}`;
          })}
        />
      );
    case 'ratings':
      return (
        <List
          items={(value as Row[]).map((r) => {
            const evidence = r.evidence ? ` · ${String(r.evidence)}` : '';
            return `${label('Dimension', r.dimensionCode)}: ${String(r.score)}${evidence}`;
          })}
        />
      );
    case 'performance':
      return (
        <List
          items={(value as Row[]).map(
            (p) => `${String(p.period)} (${formatDate(String(p.endsAt), locale)}): ${String(p.rating)}`,
          )}
        />
      );
    case 'criteria': {
      const met = Object.entries((value as Row) ?? {})
        .filter(([, on]) => on === true)
        .map(([criterion]) => translate(`resources.Project.fields.gradeCriteria.${criterion}`, { _: criterion }));
      return met.length ? <List items={met} /> : <>{translate('app.none')}</>;
    }
    default: {
      // An opportunity's stages, each with its moment; any other structure as it came, its moments written out.
      if (field === 'stageHistory')
        return (
          <List
            items={stageSteps(value).map(
              (step) =>
                `${label('OpportunityStage', step.stage)}${step.at ? ` · ${formatDateTime(step.at, locale)}` : ''}`,
            )}
          />
        );
      const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
      return <>{text.replace(INSTANTS, (moment) => formatDateTime(moment, locale))}</>;
    }
  }
}

const INSTANTS = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

function ChangeTable({
  recordType,
  rows,
  before,
  after,
  headers,
}: {
  recordType: string;
  rows: FieldChange[];
  before: Row | null;
  after: Row | null;
  headers: string[];
}) {
  const translate = useTranslate();
  const single = headers.length === 2;
  return (
    <Table size="small" aria-label={translate('audit.changes')} sx={{ mt: 1 }}>
      <TableHead>
        <TableRow>
          {headers.map((h) => (
            <TableCell key={h}>{translate(h)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.field} data-testid={`history-field-${row.field}`}>
            <TableCell sx={{ width: '28%', color: 'text.secondary' }}>
              {translate(labelKey(recordType, row.field), { _: humanize(row.field) })}
            </TableCell>
            {!single && (
              <TableCell sx={{ width: '36%' }}>
                <HistoryValue recordType={recordType} field={row.field} value={row.before} record={before} />
              </TableCell>
            )}
            <TableCell sx={single ? undefined : { width: '36%', fontWeight: 500 }}>
              <HistoryValue recordType={recordType} field={row.field} value={row.after} record={after} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Which part of the record an entry is about (a framework's level or requirement), or nothing for the record. */
function PartLabel({ entry }: { entry: AuthorityChange }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!entry.part) return null;
  const version = (entry.after ?? entry.before ?? {}) as Row;
  const text = entry.part.dimensionCode
    ? translate('history.part_requirement', {
        level: entry.part.level,
        dimension: translate(`enums.Dimension.${entry.part.dimensionCode}`, { _: entry.part.dimensionCode }),
      })
    : translate('history.part_level', {
        level: entry.part.level,
        name: String((locale === 'zh-CN' ? version.nameZh : version.name) ?? version.name ?? ''),
      });
  return (
    <Typography variant="subtitle2" component="span">
      {text}
    </Typography>
  );
}

function Actor({ entry }: { entry: AuthorityChange }) {
  const translate = useTranslate();
  if (entry.actorKind === 'API_TOKEN') return <>{translate('history.actor_token', { name: entry.actorLabel ?? '' })}</>;
  if (entry.actorKind === 'SYSTEM' || !entry.actorLabel) return <>{translate('history.actor_system')}</>;
  return <>{entry.actorLabel}</>;
}

/** When an entry holds from: its moment, or since the record began. */
export function useEffectiveText() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (entry: Pick<AuthorityChange, 'effectiveFrom' | 'holdsSinceRecordBegan'>) => {
    const moment = effectiveMomentOf(entry);
    return moment ? formatDateTime(moment, locale) : translate('history.since_start');
  };
}

function HistoryEntry({ entry, entries }: { entry: AuthorityChange; entries: readonly AuthorityChange[] }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const effective = useEffectiveText();
  const recordType = entry.recordType;
  const replaced = entry.operation === 'CREATE' ? null : replacedVersion(entries, entry);
  const after = (entry.after as Row | null | undefined) ?? null;
  const operation = operationKey(entry, replaced);
  return (
    <Card
      variant="outlined"
      data-testid="history-entry"
      data-revision={entry.revision}
      sx={entry.correction ? { borderColor: 'warning.main', borderWidth: 2, borderLeftWidth: 6 } : undefined}
    >
      <CardContent sx={{ pb: '12px !important' }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Chip
            size="small"
            label={translate(operation)}
            color={entry.operation === 'CREATE' ? 'success' : entry.operation === 'DELETE' ? 'error' : 'primary'}
            variant="outlined"
          />
          {entry.correction && (
            <Chip
              size="small"
              color="warning"
              label={translate('history.correction')}
              data-testid="history-correction"
            />
          )}
          <PartLabel entry={entry} />
          <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto' }}>
            {translate('history.revision', { revision: entry.revision })}
          </Typography>
        </Stack>
        <Box
          component="dl"
          sx={{
            display: 'flex',
            flexWrap: 'wrap',
            columnGap: 3,
            rowGap: 0.25,
            my: 1,
            '& > div': { display: 'flex', gap: 1 },
            '& dt': { color: 'text.secondary' },
            '& dd': { m: 0 },
          }}
        >
          <div>
            <dt>{translate('history.effective')}</dt>
            <dd data-testid="history-effective">{effective(entry)}</dd>
          </div>
          <div>
            <dt>{translate('history.recorded')}</dt>
            <dd>{formatDateTime(entry.recordedAt, locale)}</dd>
          </div>
          <div>
            <dt>{translate('history.by')}</dt>
            <dd>
              <Actor entry={entry} />
            </dd>
          </div>
        </Box>
        {entry.correction && (
          <Alert severity="warning" sx={{ py: 0 }} data-testid="history-reason">
            <strong>{translate('history.reason')}:</strong> {entry.reason}
          </Alert>
        )}
        <EntryChanges recordType={recordType} entry={entry} replaced={replaced} after={after} />
      </CardContent>
    </Card>
  );
}

function EntryChanges({
  recordType,
  entry,
  replaced,
  after,
}: {
  recordType: string;
  entry: AuthorityChange;
  replaced: Row | null;
  after: Row | null;
}) {
  const translate = useTranslate();
  if (entry.operation === 'DELETE') return <Typography variant="body2">{translate('history.deleted')}</Typography>;
  if (entry.operation === 'CREATE' || !replaced)
    return <CreatedWith recordType={recordType} after={after} folded={Boolean(entry.part)} />;
  const rows = changedFields(replaced, after);
  if (!rows.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('history.nothing_changed')}
      </Typography>
    );
  return (
    <ChangeTable
      recordType={recordType}
      rows={rows}
      before={replaced}
      after={after}
      headers={
        entry.correction
          ? ['history.field', 'history.corrected_before', 'history.corrected_after']
          : ['history.field', 'history.before', 'history.after']
      }
    />
  );
}

/** What a record was created with; folded for the parts of a record (a framework's many levels and requirements). */
function CreatedWith({ recordType, after, folded }: { recordType: string; after: Row | null; folded: boolean }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(!folded);
  const rows = filledFields(after);
  if (!open)
    return (
      <Button size="small" onClick={() => setOpen(true)} sx={{ px: 0 }}>
        {translate('history.show_values', { count: rows.length })}
      </Button>
    );
  return (
    <ChangeTable
      recordType={recordType}
      rows={rows}
      before={null}
      after={after}
      headers={['history.field', 'history.value']}
    />
  );
}

/** The versions of one record (and of its parts, when `entries` hold them), newest first. */
export function HistoryView({ entries }: { entries: readonly AuthorityChange[] }) {
  const translate = useTranslate();
  if (!entries.length) return <Typography color="text.secondary">{translate('history.empty')}</Typography>;
  return (
    <Stack spacing={1.5} data-testid="history" sx={{ maxWidth: 960 }}>
      <Typography variant="body2" color="text.secondary">
        {translate('history.intro')}
      </Typography>
      {newestFirst(entries).map((entry) => (
        <HistoryEntry key={entry.revision} entry={entry} entries={entries} />
      ))}
    </Stack>
  );
}
