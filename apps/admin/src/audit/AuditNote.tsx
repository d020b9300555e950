// An audit entry's note in the reader's language. The API writes its notes in English with record ids and UTC
// moments ("overdue since 2026-11-30T21:07:27.241Z: escalated from level 0 (scope 3) to level 1 (scope 1), routed
// to 12, 14"); each note it writes has a rule here that reads its parts back and says it again in words, with names
// for the records and moments in the reader's time zone. A note of a person's own (a reason, a remark) is shown as
// written.
import { Fragment, ReactNode } from 'react';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useEnumLabel, type EnumName } from '../components/fields';
import { formatDateTime } from '../format';
import { RecordLabel } from '../history/HistoryView';

type Row = Record<string, unknown>;

/** A part of a note: plain text, a referenced record, a moment, a code with a label, or a list of people. */
export type NotePart =
  | string
  | { ref: string; id: string }
  | { people: string[] }
  | { at: string }
  | { code: EnumName; value: string }
  | { asked: string }
  | { seats: string[] }
  | { refusal: string };

export interface ReadNote {
  key: string;
  params: Record<string, NotePart>;
}

interface Rule {
  pattern: RegExp;
  read: (m: string[], after: Row) => ReadNote;
}

const ids = (list: string): string[] =>
  list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^\d+$/.test(s));

const ATTITUDES: Record<string, string> = {
  '3': 'STRONG_EXCLUSIVE_SUPPORT',
  '2': 'GOOD_BUSINESS_RELATIONSHIP',
  '1': 'WEAK_SUPPORT',
  '0': 'NEUTRAL',
  '-1': 'WEAK_OPPOSITION',
  '-2': 'NO_SUPPORT',
  '-3': 'STRONG_OPPOSITION',
};

const n = (key: string, params: Record<string, NotePart> = {}): ReadNote => ({ key: `auditNote.${key}`, params });
const project = (id: string) => ({ ref: 'Project', id });
const unit = (id: string) => ({ ref: 'OrgUnit', id });
const point = (value: string) => ({ code: 'DecisionPoint' as const, value });
const outcome = (value: string) => ({ code: 'DecisionOutcome' as const, value });
const framework = (id: string) => ({ ref: 'QualificationFramework', id });

/** The notes the API writes (apps/api/src/modules/…), one rule each. */
const RULES: Rule[] = [
  {
    pattern: /^refused (\w+) of (\w+) on project (\d+): (.+)$/s,
    read: ([, action, p, proj, codes]) =>
      n('refused', {
        action: /^[A-Z]+$/.test(action!) ? { code: 'RequestAction', value: action! } : { asked: action! },
        point: point(p!),
        project: project(proj!),
        reasons: { refusal: codes! },
      }),
  },
  {
    pattern: /^(\w+) on project (\d+) routed to ([\d, ]*) \(scope (\d+)\)$/,
    read: ([, p, proj, people, scope]) =>
      n('routed', { point: point(p!), project: project(proj!), people: { people: ids(people!) }, scope: unit(scope!) }),
  },
  {
    pattern: /^person (\d+) voted (\w+)( directly)? \(decision \d+\); the body's decision is not complete$/,
    read: ([, person, o, directly]) =>
      n(directly ? 'voted_directly' : 'voted', { person: { ref: 'Person', id: person! }, outcome: outcome(o!) }),
  },
  {
    pattern: /^person (\d+) decided (\w+)( directly)? \(decision \d+\)/,
    read: ([, person, o, directly]) =>
      n(directly ? 'decided_directly' : 'decided', { person: { ref: 'Person', id: person! }, outcome: outcome(o!) }),
  },
  { pattern: /^withdrawn by its requester$/, read: () => n('withdrawn') },
  {
    pattern: /^overdue since (\S+): no level of authority above scope (\d+)$/,
    read: ([, at, scope]) => n('escalation_exhausted', { due: { at: at! }, scope: unit(scope!) }),
  },
  {
    pattern: new RegExp(
      String.raw`^overdue since (\S+): escalated from level (\d+) \(scope (\d+)\) ` +
        String.raw`to level (\d+) \(scope (\d+)\), routed to (.*)$`,
    ),
    read: ([, at, from, fromScope, to, toScope, people]) =>
      n(ids(people!).length ? 'escalated' : 'escalated_nobody', {
        due: { at: at! },
        from: String(Number(from) + 1),
        fromScope: unit(fromScope!),
        to: String(Number(to) + 1),
        toScope: unit(toScope!),
        people: { people: ids(people!) },
      }),
  },
  {
    pattern: /^copied from dimension \d+ of role model version \d+ \(new version (\d+)\)$/,
    read: ([, v]) => n('copied_dimension', { version: v! }),
  },
  {
    pattern: /^version (\d+) of role model (\d+), a draft copied from version (\d+) with (\d+) dimensions$/,
    read: ([, v, model, source, count]) =>
      n('role_model_draft', { version: v!, model: { ref: 'RoleModel', id: model! }, source: source!, count: count! }),
  },
  {
    pattern: /^replaced by version (\d+) \((?:role model version|framework) \d+\)$/,
    read: ([, v]) => n('replaced', { version: v! }),
  },
  {
    pattern: /^version (\d+) of role model (\d+) published$/,
    read: ([, v, model]) => n('role_model_published', { version: v!, model: { ref: 'RoleModel', id: model! } }),
  },
  {
    pattern: /^copied from (level|requirement) \d+ of framework (\d+) \(new version (\d+)\)$/,
    read: ([, what, f, v]) => n(`copied_${what}`, { framework: framework(f!), version: v! }),
  },
  {
    pattern: new RegExp(
      String.raw`^version (\d+) of lineage \d+, a draft copied from framework (\d+) \(version (\d+)\) ` +
        String.raw`with (\d+) levels and (\d+) requirements$`,
    ),
    read: ([, v, f, source, levels, requirements]) =>
      n('framework_draft', {
        version: v!,
        framework: framework(f!),
        source: source!,
        levels: levels!,
        requirements: requirements!,
      }),
  },
  {
    pattern: /^version (\d+) of lineage (\d+) published$/,
    read: ([, v, lineage]) => n('framework_published', { version: v!, framework: framework(lineage!) }),
  },
  {
    pattern: /^deleted with draft framework (\d+)$/,
    read: ([, f]) => n('deleted_with_framework', { framework: framework(f!) }),
  },
  {
    pattern: /^attitude ([+-]?\d+) at (\S+?)(?:: (.*))?$/s,
    read: ([, attitude, at, note]) =>
      n(note ? 'attitude_note' : 'attitude', {
        attitude: { code: 'Attitude', value: ATTITUDES[String(Number(attitude))] ?? 'UNKNOWN' },
        at: { at: at! },
        note: note ?? '',
      }),
  },
  {
    pattern: /^reopened by a change to project (\d+): /,
    read: ([, proj], after) =>
      n('reopened', { project: project(proj!), decision: { ref: 'Decision', id: String(after.id) } }),
  },
  {
    pattern: /^stage (\w+) → (\w+): (\w+) approved \(decision \d+\)$/,
    read: ([, from, to, p]) =>
      n('stage_moved', { from: { code: 'Stage', value: from! }, to: { code: 'Stage', value: to! }, point: point(p!) }),
  },
  {
    pattern:
      /^vote in seats (.+) \((\d+) approved, (\d+) against\)(; quorum met|; approval can no longer reach the quorum)?$/,
    read: ([, seats, approved, against, end]) =>
      n(!end ? 'seat_vote' : end.includes('met') ? 'seat_vote_met' : 'seat_vote_failed', {
        seats: { seats: seats!.split(',').map((s) => s.trim()) },
        approved: approved!,
        against: against!,
      }),
  },
  {
    pattern: /^adjustment of locked pool (\d+)$/,
    read: ([, pool]) => n('pool_adjustment', { pool: { ref: 'IncentivePool', id: pool! } }),
  },
  {
    pattern: /^copied from (metric|member) \d+ of locked pool (\d+)$/,
    read: ([, what, pool]) => n(`pool_copied_${what}`, { pool: { ref: 'IncentivePool', id: pool! } }),
  },
  { pattern: /^approval refused$/, read: () => n('approval_refused') },
  {
    pattern: /^cascade from delegation (\d+)$/,
    read: ([, d]) => n('cascade', { delegation: { ref: 'Delegation', id: d! } }),
  },
  {
    pattern: /^re-assessment of person (\d+) as (.+) due (\S+)$/,
    read: ([, person, role, due], after) =>
      n('reassessment', {
        person: { ref: 'Person', id: person! },
        role: typeof after.role === 'string' ? { code: 'TriangleRole', value: after.role } : role!,
        due: { at: due! },
      }),
  },
  { pattern: /^from lead (\d+)$/, read: ([, id]) => n('from_lead', { lead: { ref: 'Lead', id: id! } }) },
  {
    pattern: /^from opportunity (\d+)$/,
    read: ([, id]) => n('from_opportunity', { opportunity: { ref: 'Opportunity', id: id! } }),
  },
  {
    pattern: /^opportunity (\d+)$/,
    read: ([, id]) => n('to_opportunity', { opportunity: { ref: 'Opportunity', id: id! } }),
  },
  { pattern: /^project (\d+)$/, read: ([, id]) => n('to_project', { project: project(id!) }) },
  { pattern: /^correction: (.*)$/s, read: ([, reason]) => n('correction', { reason: reason! }) },
  {
    pattern: /^import of (\d+) rows: (\d+) created, (\d+) updated, (\d+) unchanged$/,
    read: ([, rows, created, updated, unchanged]) =>
      n('import', { rows: rows!, created: created!, updated: updated!, unchanged: unchanged! }),
  },
];

/** The rule a note was written by, read back; null for a note of a person's own. */
export function readNote(note: string, after: Row = {}): ReadNote | null {
  for (const rule of RULES) {
    const m = rule.pattern.exec(note);
    if (m)
      return rule.read(
        [...m].map((s) => s ?? ''),
        after,
      );
  }
  return null;
}

function parseRow(raw: unknown): Row {
  if (raw && typeof raw === 'object') return raw as Row;
  if (typeof raw === 'string')
    try {
      const v = JSON.parse(raw);
      return v && typeof v === 'object' ? v : {};
    } catch {
      return {};
    }
  return {};
}

function Refusal({ codes }: { codes: string }) {
  const translate = useTranslate();
  const text = codes
    .split(',')
    .map((c) => c.trim())
    .map((c) =>
      translate(`denial.${c}`, {
        _: translate(`errors.${c}`, { _: translate('auditNote.refusal_other') }).replace(/%\{\w+\}/g, '…'),
      }),
    );
  return <>{[...new Set(text)].join(translate('auditNote.separator'))}</>;
}

function People({ ids: list }: { ids: string[] }) {
  const translate = useTranslate();
  if (list.length === 0) return <>{translate('auditNote.nobody')}</>;
  return (
    <>
      {list.map((id, i) => (
        <Fragment key={id}>
          {i > 0 && translate('auditNote.separator')}
          <RecordLabel resource="Person" id={id} />
        </Fragment>
      ))}
    </>
  );
}

function Part({ part }: { part: NotePart }) {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const label = useEnumLabel(typeof part === 'object' && 'code' in part ? part.code : 'AuditAction');
  if (typeof part === 'string') return <>{part}</>;
  if ('ref' in part) return <RecordLabel resource={part.ref} id={part.id} />;
  if ('people' in part) return <People ids={part.people} />;
  if ('at' in part) return <>{formatDateTime(part.at, locale)}</>;
  if ('refusal' in part) return <Refusal codes={part.refusal} />;
  if ('asked' in part)
    return <>{translate(`auditNote.asks.${part.asked}`, { _: translate('auditNote.asks.other') })}</>;
  if ('seats' in part)
    return (
      <>
        {part.seats.map((s) => translate(`enums.PositionTitle.${s}`, { _: s })).join(translate('auditNote.separator'))}
      </>
    );
  return <>{label(part.value)}</>;
}

const MARK = '\u0001';

/** A moment as the API writes it into a note (`2026-11-30T21:07:27.241Z`); without a zone it is UTC. */
const ISO_MOMENT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g;

/** Text as written, but any moment in it in the reader's time zone and words (a note no rule reads back). */
export function WithMoments({ text }: { text: string }) {
  const [locale] = useLocaleState();
  const pieces: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(ISO_MOMENT)) {
    const at = /(?:Z|[+-]\d{2}:?\d{2})$/.test(match[0]) ? match[0] : `${match[0]}Z`;
    if (Number.isNaN(Date.parse(at))) continue;
    pieces.push(text.slice(last, match.index), formatDateTime(at, locale));
    last = match.index + match[0].length;
  }
  pieces.push(text.slice(last));
  return <>{pieces.join('')}</>;
}

/** The note of the audit entry in context (or `note`/`after` given), in the reader's language. */
export function AuditNote({ note: given, after: givenAfter }: { note?: string | null; after?: unknown }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const note = given ?? (record?.note as string | null | undefined);
  if (!note) return null;
  const read = readNote(note, parseRow(givenAfter ?? record?.after));
  if (!read) return <WithMoments text={note} />;
  const marks = Object.fromEntries(Object.keys(read.params).map((k) => [k, `${MARK}${k}${MARK}`]));
  const text = translate(read.key, marks);
  return (
    <>
      {text.split(MARK).map((piece, i) => {
        if (i % 2 === 0) return piece;
        const part = read.params[piece];
        return part === undefined ? piece : <Part key={i} part={part} />;
      })}
    </>
  );
}

/** For a list cell (kept short: the whole note is one line of words). */
export function AuditNoteField(_props: { source?: string; label?: ReactNode }) {
  return <AuditNote />;
}

/**
 * A request id for a list cell: the API's own jobs name theirs after the moment they ran (`escalation-<UTC time>`),
 * shown in the reader's time zone; the id as sent stays in the tooltip, to copy and search the logs with.
 */
export function RequestIdField(_props: { source?: string; label?: ReactNode }) {
  const record = useRecordContext();
  const id = record?.requestId as string | null | undefined;
  if (!id) return null;
  return (
    <span title={id}>
      <WithMoments text={id} />
    </span>
  );
}
