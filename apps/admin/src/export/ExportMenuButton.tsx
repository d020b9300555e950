// The list's Export button: a small menu (CSV or Excel) that exports the whole filtered set, saying what it does.
import { useState, type MouseEvent } from 'react';
import { CircularProgress, Menu, MenuItem } from '@mui/material';
import DownloadIcon from '@mui/icons-material/GetApp';
import {
  Button,
  useDataProvider,
  useListContext,
  useLocaleState,
  useNotify,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { exportColumnsOf } from './columns';
import { download, fileName, type ExportFormat } from './files';
import { exportList } from './exportList';

/** Rows above which an export says it started, and how far it got every so many rows. */
const LONG_EXPORT = 2000;

export function ExportMenuButton() {
  const resource = useResourceContext();
  const { filterValues, sort, total } = useListContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);
  const columns = resource ? exportColumnsOf(resource) : undefined;
  if (!resource || !columns) return null;

  const run = async (format: ExportFormat) => {
    setAnchor(null);
    setBusy(true);
    const listName = translate(`resources.${resource}.name`, { smart_count: 2 });
    // Long exports say they started (and how far they got); a short one shows its spinner, then its result.
    if ((total ?? 0) > LONG_EXPORT) notify('export.started', { type: 'info', messageArgs: { count: total } });
    try {
      let lastShown = 0;
      const result = await exportList({
        dataProvider,
        resource,
        columns,
        filter: filterValues,
        sort,
        format,
        translate,
        locale,
        sheetName: listName,
        onProgress: (read, all) => {
          // A word every 2,000 rows on long exports.
          if (all && all > LONG_EXPORT && read - lastShown >= LONG_EXPORT && read < all) {
            lastShown = read;
            notify('export.progress', { type: 'info', messageArgs: { read, total: all } });
          }
        },
      });
      download(result.file, fileName(listName, format));
      if (result.truncated)
        notify('export.truncated', { type: 'warning', messageArgs: { rows: result.rows, total: result.total } });
      else notify('export.done', { type: 'success', messageArgs: { smart_count: result.rows } });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      notify('export.failed', { type: 'error', messageArgs: { error: message } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        label="export.button"
        onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
        disabled={busy || total === 0}
        aria-haspopup="menu"
      >
        {busy ? <CircularProgress size={16} /> : <DownloadIcon />}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void run('csv')}>{translate('export.csv')}</MenuItem>
        <MenuItem onClick={() => void run('xlsx')}>{translate('export.xlsx')}</MenuItem>
      </Menu>
    </>
  );
}
