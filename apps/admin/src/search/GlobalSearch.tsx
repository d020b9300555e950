// The app bar's search box: people, projects and customers by name (people also by employee number), through each
// list's `q` filter; results grouped by kind, and Enter or a click opens the record.
import { Autocomplete, Box, InputAdornment, TextField } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useEffect, useState } from 'react';
import { useGetList, useTranslate, type RaRecord } from 'react-admin';
import { useNavigate } from 'react-router';
import { canAccess } from '../auth/canAccess';
import { type UserRole } from '../auth/session';
import { useSession } from '../auth/useSession';
import { RecordName } from '../components/RecordName';
import { personDisplayName } from '../components/personName';

/** A hit's name: a person's in the reader's script (characters in zh-CN, pinyin in English), else the record's. */
const nameOf = (kind: string, record: RaRecord): string =>
  kind === 'Person'
    ? personDisplayName({ name: String(record.name ?? ''), latinName: (record.latinName as string | null) ?? null })
    : String(record.name ?? '');

export const SEARCH_KINDS = ['Person', 'Project', 'Customer'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const MIN_SEARCH_LENGTH = 2;
export const SEARCH_DEBOUNCE_MS = 300;
const PER_KIND = 5;

export interface SearchHit {
  kind: SearchKind;
  record: RaRecord;
}

/** Where a hit opens: the record's show page; customers (no show page) open their form, or the list for readers. */
export function hitPath({ kind, record }: SearchHit, role: UserRole | null | undefined): string {
  const id = encodeURIComponent(String(record.id));
  if (kind !== 'Customer') return `/${kind}/${id}/show`;
  if (canAccess(role, 'Customer', 'edit')) return `/Customer/${id}`;
  return `/Customer?filter=${encodeURIComponent(JSON.stringify({ q: String(record.name ?? '') }))}`;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function useHits(kind: SearchKind, q: string, enabled: boolean) {
  const { data = [], isFetching } = useGetList(
    kind,
    { filter: { q }, pagination: { page: 1, perPage: PER_KIND }, sort: { field: 'name', order: 'ASC' } },
    { enabled },
  );
  return {
    hits: enabled ? data.map((record): SearchHit => ({ kind, record })) : [],
    isFetching: enabled && isFetching,
  };
}

function HitText({ hit }: { hit: SearchHit }) {
  const { kind, record } = hit;
  const detail =
    kind === 'Person' ? (
      <>
        {record.employeeNo} · <RecordName resource="OrgUnit" id={record.orgUnitId} />
      </>
    ) : kind === 'Customer' ? (
      record.code
    ) : (
      record.externalRef
    );
  return (
    <Box>
      <Box component="span">{nameOf(kind, record)}</Box>
      {detail ? (
        <Box component="span" sx={{ color: 'text.secondary', ml: 1, fontSize: '0.85em' }}>
          {detail}
        </Box>
      ) : null}
    </Box>
  );
}

export function GlobalSearch() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const role = useSession()?.user.role;
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  const ready = q.length >= MIN_SEARCH_LENGTH && q === text.trim();
  const may = (kind: SearchKind) => canAccess(role, kind, 'list');
  const people = useHits('Person', q, ready && may('Person'));
  const projects = useHits('Project', q, ready && may('Project'));
  const customers = useHits('Customer', q, ready && may('Customer'));
  const hits = [...people.hits, ...projects.hits, ...customers.hits];
  const waiting = text.trim().length >= MIN_SEARCH_LENGTH && !ready;
  const loading = waiting || people.isFetching || projects.isFetching || customers.isFetching;

  const open = (hit: SearchHit | null) => {
    if (!hit) return;
    setText('');
    navigate(hitPath(hit, role));
  };

  return (
    <Autocomplete<SearchHit, false, false, false>
      sx={{ width: { xs: 180, md: 320 }, mx: 1 }}
      size="small"
      forcePopupIcon={false}
      options={hits}
      value={null}
      inputValue={text}
      onInputChange={(_, value, reason) => reason !== 'reset' && setText(value)}
      onChange={(_, hit) => open(hit)}
      filterOptions={(options) => options}
      groupBy={(hit) => translate(`search.groups.${hit.kind}`)}
      getOptionLabel={(hit) => nameOf(hit.kind, hit.record)}
      isOptionEqualToValue={(a, b) => a.kind === b.kind && a.record.id === b.record.id}
      renderOption={({ key, ...props }, hit) => (
        <li key={key} {...props} data-testid={`search-hit-${hit.kind}-${hit.record.id}`}>
          <HitText hit={hit} />
        </li>
      )}
      autoHighlight
      clearOnBlur={false}
      blurOnSelect
      loading={loading}
      loadingText={translate('search.searching')}
      noOptionsText={
        text.trim().length < MIN_SEARCH_LENGTH ? translate('search.hint') : translate('search.none', { q: text.trim() })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          // Compact in the app bar: no label, no outline, the dense toolbar's height (the admin theme's inputs are
          // filled and carry a margin, which made the bar taller than the content's offset).
          variant="outlined"
          margin="none"
          placeholder={translate('search.placeholder')}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'aria-label': translate('search.label') },
            input: {
              ...params.slotProps.input,
              startAdornment: (
                <InputAdornment position="start" sx={{ color: 'inherit' }}>
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
              sx: {
                color: 'inherit',
                bgcolor: 'rgba(255,255,255,0.15)',
                borderRadius: 1,
                '& fieldset': { border: 'none' },
              },
            },
          }}
        />
      )}
    />
  );
}
