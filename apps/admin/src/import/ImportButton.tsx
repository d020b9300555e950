// A list's Import button: download the template (the export's columns, headers in the reader's language), pick a CSV
// or XLSX file, see what a dry run says of every row (errors in the reader's language), then import it: all rows in
// one go, or none.
import { useRef, useState, type ChangeEvent } from 'react';
import {
  Alert,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import UploadIcon from '@mui/icons-material/Publish';
import {
  Button,
  useCanAccess,
  useLocaleState,
  useNotify,
  useRefresh,
  useResourceContext,
  useResourceDefinition,
  useTranslate,
} from 'react-admin';
import { exportColumnsOf } from '../export/columns';
import { buildTable } from '../export/rows';
import { download, toFile, type ExportFormat } from '../export/files';
import { headerOf, readImportFile, type ImportCell } from './parse';
import { IMPORT_TYPES, importRecords, type ImportResult } from './api';

/** Problems shown in the dialog (the counts say how many there are in all). */
const SHOWN_PROBLEMS = 200;

export function ImportButton() {
  const resource = useResourceContext();
  const { hasCreate } = useResourceDefinition();
  // Who may create records of the list may import them (the API checks each row as it checks a create).
  const { canAccess } = useCanAccess({ resource, action: 'create' });
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const [rows, setRows] = useState<Array<Record<string, ImportCell>> | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [ignored, setIgnored] = useState<string[]>([]);
  const type = resource ? IMPORT_TYPES[resource] : undefined;
  const columns = resource ? exportColumnsOf(resource) : undefined;
  if (!resource || !type || !columns || !hasCreate || !canAccess) return null;

  const listName = translate(`resources.${resource}.name`, { smart_count: 2 });
  const reset = () => {
    setFileName(null);
    setRows(null);
    setResult(null);
    setFailure(null);
    setIgnored([]);
    if (input.current) input.current.value = '';
  };
  const close = () => {
    setOpen(false);
    reset();
  };

  const template = async (format: ExportFormat) => {
    const table = buildTable([], { resource, columns, translate, locale, names: new Map() });
    const name = `${translate('import.template_name', { list: listName })}.${format}`;
    download(await toFile(table, format, listName), name.replace(/[\\/:*?"<>|]/g, ' '));
  };

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    reset();
    setFileName(file.name);
    setBusy(true);
    try {
      const parsed = await readImportFile(file, columns, resource, translate);
      setIgnored(parsed.unknownHeaders);
      if (parsed.rows.length === 0) {
        setFailure(translate('import.empty'));
        return;
      }
      setRows(parsed.rows);
      setResult(await importRecords(type, parsed.rows, true));
    } catch (error) {
      setFailure(translate('import.failed', { error: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!rows) return;
    setBusy(true);
    try {
      const done = await importRecords(type, rows, false);
      setResult(done);
      if (done.committed) {
        notify('import.done', {
          type: 'success',
          messageArgs: { created: done.created, updated: done.updated, unchanged: done.unchanged },
        });
        refresh();
        close();
      }
    } catch (error) {
      setFailure(translate('import.failed', { error: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  // A problem of a field the export has no column of its own for (e.g. an assessment's ratings): its field label.
  const headerFor = (field: string) => {
    const column = columns.find((c) => c.source === field);
    return column
      ? headerOf(column, resource, translate)
      : translate(`resources.${resource}.fields.${field}`, { _: translate('import.row_as_whole') });
  };
  const problems = (result?.rows ?? []).flatMap((r) => r.errors.map((e, i) => ({ ...e, row: r.row, i })));
  const nothingToDo = result !== null && result.created + result.updated === 0;

  return (
    <>
      <Button label="import.button" onClick={() => setOpen(true)}>
        <UploadIcon />
      </Button>
      <Dialog open={open} onClose={busy ? undefined : close} maxWidth="md" fullWidth aria-labelledby="import-title">
        <DialogTitle id="import-title">{translate('import.title', { list: listName })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography variant="body2">{translate('import.explain')}</Typography>
            <Typography variant="body2">{translate(`import.keys.${resource}`, { _: '' })}</Typography>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="body2">{translate('import.template')}</Typography>
              <Button label="import.template_csv" onClick={() => void template('csv')} />
              <Button label="import.template_xlsx" onClick={() => void template('xlsx')} />
            </Stack>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Button label="import.choose" component="label" disabled={busy}>
                <input
                  ref={input}
                  hidden
                  type="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  data-testid="import-file"
                  onChange={(event) => void pick(event)}
                />
              </Button>
              {fileName ? <Typography variant="body2">{fileName}</Typography> : null}
              {busy ? <CircularProgress size={20} /> : null}
            </Stack>
            {ignored.length > 0 ? (
              <Alert severity="info">{translate('import.ignored_columns', { columns: ignored.join(', ') })}</Alert>
            ) : null}
            {failure ? <Alert severity="error">{failure}</Alert> : null}
            {result ? (
              <Alert severity={result.failed > 0 ? 'error' : 'success'} data-testid="import-summary">
                {translate(result.failed > 0 ? 'import.summary_failed' : 'import.summary_ok', {
                  total: result.total,
                  created: result.created,
                  updated: result.updated,
                  unchanged: result.unchanged,
                  failed: result.failed,
                })}
              </Alert>
            ) : null}
            {problems.length > 0 ? (
              <Table size="small" aria-label={translate('import.problems')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('import.row')}</TableCell>
                    <TableCell>{translate('import.column')}</TableCell>
                    <TableCell>{translate('import.problem')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {problems.slice(0, SHOWN_PROBLEMS).map((p) => (
                    <TableRow key={`${p.row}-${p.i}`}>
                      {/* The row as a spreadsheet numbers it: the header is row 1. */}
                      <TableCell>{p.row + 1}</TableCell>
                      <TableCell>{headerFor(p.field)}</TableCell>
                      <TableCell>{p.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : null}
            {problems.length > SHOWN_PROBLEMS ? (
              <Typography variant="body2">
                {translate('import.more_problems', { count: problems.length - SHOWN_PROBLEMS })}
              </Typography>
            ) : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={close} disabled={busy} />
          <Button
            label="import.commit"
            variant="contained"
            onClick={() => void commit()}
            disabled={busy || !result || result.failed > 0 || nothingToDo}
          />
        </DialogActions>
      </Dialog>
    </>
  );
}
