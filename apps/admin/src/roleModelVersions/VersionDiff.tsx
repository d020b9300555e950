// The draft beside the version in force: each dimension and its key behaviours, in the reader's language, with what
// the draft adds, removes or renames marked in words.
import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { indicatorName } from './indicators';
import { Change, DimensionContent, DimensionDiff, hasChanges } from './diff';

const COLOURS: Record<Change, 'success' | 'error' | 'warning' | 'default'> = {
  added: 'success',
  removed: 'error',
  changed: 'warning',
  same: 'default',
};

function ChangeChip({ change }: { change: Change }) {
  const translate = useTranslate();
  if (change === 'same') return null;
  return <Chip size="small" color={COLOURS[change]} label={translate(`roleModelVersions.change.${change}`)} />;
}

const BACKGROUND: Record<Change, string | undefined> = {
  added: 'rgba(46, 125, 50, 0.08)',
  removed: 'rgba(211, 47, 47, 0.08)',
  changed: 'rgba(237, 108, 2, 0.08)',
  same: undefined,
};

export function VersionDiff({
  diff,
  inForceLabel,
  draftLabel,
}: {
  diff: DimensionDiff[];
  inForceLabel: string;
  draftLabel: string;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dimensionName = (d: DimensionContent | null) =>
    d ? `${d.code} · ${locale === 'zh-CN' ? d.nameZh || d.name : d.name || d.nameZh}` : '—';
  return (
    <>
      {!hasChanges(diff) && (
        <Typography sx={{ my: 1 }} data-testid="version-diff-none">
          {translate('roleModelVersions.no_changes')}
        </Typography>
      )}
      <Table size="small" aria-label={translate('roleModelVersions.diff_title')} data-testid="version-diff">
        <TableHead>
          <TableRow>
            <TableCell>{inForceLabel}</TableCell>
            <TableCell>{draftLabel}</TableCell>
            <TableCell>{translate('roleModelVersions.change_column')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {diff.map((d) => [
            <TableRow key={`d-${d.code}`} sx={{ backgroundColor: BACKGROUND[d.change] }}>
              <TableCell sx={{ fontWeight: 600 }}>{dimensionName(d.before)}</TableCell>
              <TableCell sx={{ fontWeight: 600 }}>{dimensionName(d.after)}</TableCell>
              <TableCell>
                <ChangeChip change={d.change} />
              </TableCell>
            </TableRow>,
            ...d.behaviours.map((b) => (
              <TableRow key={`b-${d.code}-${b.code}`} sx={{ backgroundColor: BACKGROUND[b.change] }}>
                <TableCell sx={{ pl: 4 }}>{b.before ? indicatorName(b.before, locale) : '—'}</TableCell>
                <TableCell sx={{ pl: 4 }}>{b.after ? indicatorName(b.after, locale) : '—'}</TableCell>
                <TableCell>
                  <ChangeChip change={b.change} />
                </TableCell>
              </TableRow>
            )),
          ])}
        </TableBody>
      </Table>
    </>
  );
}
