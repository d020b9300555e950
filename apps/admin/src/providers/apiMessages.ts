// The API's errors in the reader's language: its `extensions.code` (and the data beside it) and its field-error
// messages map to our messages (errors.*); only a code we have no words for shows the API's own message.
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import type { Locale } from '../i18n/locale';
import { formatDateTime } from '../format';
import { reasonsOf } from '../graphql/client';

const MESSAGES: Record<Locale, object> = { en, 'zh-CN': zhCN };

/** The message of a dotted key in a language, or undefined when there is none. */
export function lookup(locale: string, key: string): string | undefined {
  let node: unknown = MESSAGES[locale as Locale] ?? en;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** `%{name}` replaced by its value (a missing value leaves an empty place, never the placeholder). */
export function interpolate(template: string, args: Record<string, unknown>): string {
  return template.replace(/%\{(\w+)\}/g, (_, name: string) =>
    args[name] === undefined || args[name] === null ? '' : String(args[name]),
  );
}

export function translateKey(locale: string, key: string, args: Record<string, unknown> = {}): string | undefined {
  const template = lookup(locale, key);
  return template === undefined ? undefined : interpolate(template, args);
}

const label = (locale: string, group: string, value: unknown) =>
  value === undefined || value === null ? value : (lookup(locale, `enums.${group}.${String(value)}`) ?? String(value));

/** A record type's singular name ("Project" / "项目"), from resources.<Type>.name. */
function typeName(locale: string, type: unknown): unknown {
  if (typeof type !== 'string') return type;
  const name = lookup(locale, `resources.${type}.name`);
  return name ? name.split('||||')[0]!.trim() : type;
}

type Extensions = Record<string, unknown> & { code?: string };

/** The values a code's message names, in the reader's language (enum labels, dates, record types). */
export function errorArgs(locale: string, extensions: Extensions = {}): Record<string, unknown> {
  // A refusal's facts are the data of its reasons (the first names what the code's message needs).
  const reasons = reasonsOf(extensions);
  const args: Record<string, unknown> = { ...extensions, ...(reasons[0]?.data ?? {}) };
  args.type = typeName(locale, args.type);
  if (extensions.code === 'DECISION_CLOSED') args.outcome = label(locale, 'DecisionOutcome', args.outcome);
  if (extensions.code === 'OUT_OF_SEQUENCE') {
    args.decisionPoint = label(locale, 'DecisionPoint', args.decisionPoint);
    args.missing = label(locale, 'DecisionPoint', args.missing);
  }
  for (const key of ['from', 'to', 'status'])
    if (typeof args[key] === 'string') args[key] = label(locale, 'PoolStatus', args[key]);
  // Sales (issue #17): the missing facts of a lead and the stages of a move, named in the reader's words.
  const list = (group: string, values: unknown[]) =>
    values.map((v) => label(locale, group, v)).join(lookup(locale, 'sales.list_separator') ?? ', ');
  if (extensions.code === 'SALES.LEAD_NOT_READY' && Array.isArray(args.missing))
    args.missing = list('OpportunityRequirement', args.missing);
  if (
    extensions.code === 'SALES.STAGE_TRANSITION_NOT_ALLOWED' ||
    extensions.code === 'SALES.STAGE_TRANSITION_REFUSED'
  ) {
    args.from = label(locale, 'OpportunityStage', args.from);
    args.to = label(locale, 'OpportunityStage', args.to);
    if (Array.isArray(args.allowed)) args.allowed = list('OpportunityStage', args.allowed);
  }
  if (typeof args.role === 'string') args.role = label(locale, 'TriangleRole', args.role);
  if (typeof args.reason === 'string')
    args.reason = lookup(locale, `errors.STAFFING_REASON.${args.reason}`) ?? args.reason;
  // A record named in both languages (a role model: modelName, modelNameZh): the reader's.
  if (locale === 'zh-CN' && typeof args.modelNameZh === 'string' && args.modelNameZh) args.modelName = args.modelNameZh;
  if (typeof args.completedAt === 'string') args.completedAt = formatDateTime(args.completedAt, locale);
  if (reasons.length > 0) {
    args.reasons = reasons
      .map((r) => r.message ?? lookup(locale, `errors.${String(r.code)}`) ?? r.code)
      .join(locale === 'zh-CN' ? '' : ' ');
  }
  return args;
}

/** The message key for a code, picking the detailed variant when the API sent its data. */
function keyOf(code: string, extensions: Extensions): string {
  if (code === 'OUT_OF_SEQUENCE' && reasonsOf(extensions)[0]?.data?.closed === true)
    return 'errors.OUT_OF_SEQUENCE_CLOSED';
  if (code === 'CONFLICT' && extensions.expectedVersion !== undefined) return 'errors.CONFLICT_VERSION';
  if (code === 'NOT_FOUND' && extensions.type !== undefined && extensions.id !== undefined)
    return 'errors.NOT_FOUND_RECORD';
  if (code === 'RATE_LIMITED' && extensions.retryAfterSeconds !== undefined) return 'errors.RATE_LIMITED_WAIT';
  // `X-At-Least-Revision` not reached in time (read-your-writes), not the database being away.
  if (code === 'SERVICE_UNAVAILABLE' && extensions.atLeastRevision !== undefined) return 'errors.REVISION_NOT_REACHED';
  return `errors.${code}`;
}

/** Codes whose message is ours alone but whose API words (English) add what is wrong: shown to English readers. */
const ENGLISH_DETAIL = new Set([
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'RECORD_IN_USE',
  'APPEND_ONLY',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
]);

export interface ApiErrorParts {
  code: string;
  extensions?: Extensions;
  /** The API's own message. */
  detail?: string;
  /** Whether field errors are shown beside the inputs. */
  hasFieldErrors?: boolean;
}

/** One error as the reader should see it. */
export function describeApiError(
  locale: string,
  { code, extensions = {}, detail, hasFieldErrors }: ApiErrorParts,
): string {
  if (hasFieldErrors) return lookup(locale, 'errors.BAD_USER_INPUT')!;
  // A refusal whose reasons carry codes we have words for (REQUEST.NOT_PENDING, …): those words, not the API's.
  const reasons = reasonsOf(extensions)
    .map((reason) => translateKey(locale, `errors.${String(reason.code ?? '')}`, errorArgs(locale, { ...reason })))
    .filter((said): said is string => said !== undefined);
  if (code === 'BAD_USER_INPUT' && reasons.length) return reasons.join(locale === 'zh-CN' ? '' : ' ');
  const message = translateKey(locale, keyOf(code, extensions), errorArgs(locale, { ...extensions, code }));
  if (message === undefined) {
    // A code we have no words for: the API's message (sent in our language when the API has it), else the code.
    return detail || translateKey(locale, 'errors.unknown', { message: code })!;
  }
  if (locale === 'en' && detail && ENGLISH_DETAIL.has(code) && !detail.startsWith('errors.'))
    return `${message} (${detail})`;
  return message;
}

// ── Field errors ────────────────────────────────────────────────────────────────────────────────────────────

const utc = (iso: string) =>
  iso
    .replace('T', ' ')
    .replace(/:00(\.000)?Z$/, ' UTC')
    .replace(/(\.\d+)?Z$/, ' UTC');

/** The API's field messages (apps/api: badInput calls, class-validator's defaults, the args' own messages). */
const FIELD_PATTERNS: Array<[RegExp, string, (m: RegExpMatchArray) => Record<string, unknown>]> = [
  [/^must be after (\S+)$/, 'after', (m) => ({ date: utc(m[1]!) })],
  [/^.+? (\d+) does not exist$/, 'not_exist', (m) => ({ id: m[1] })],
  [/^(may not be null|should not be empty|is required)$/, 'required', () => ({})],
  [/^is required when the grade is set by hand$/, 'required_manual_grade', () => ({})],
  [/^is required for a described case/, 'required_case', () => ({})],
  [/^is required for a (\w+) (?:holder|pool)$/, 'required_for', (m) => ({ kind: m[1] })],
  [/^must be (\d+) (?:to|\.\.) ?(\d+) characters/, 'length', (m) => ({ min: m[1], max: m[2] })],
  [/must be longer than or equal to (\d+) characters$/, 'min_length', (m) => ({ min: m[1] })],
  [/must be shorter than or equal to (\d+) characters$/, 'max_length', (m) => ({ max: m[1] })],
  [/must not be less than (\S+)$/, 'min', (m) => ({ min: m[1] })],
  [/must not be greater than (\S+)$/, 'max', (m) => ({ max: m[1] })],
  [/must be an email$/, 'email', () => ({})],
  [/must be one of the following values: (.*)$/, 'one_of', (m) => ({ values: m[1] })],
  [/must contain at least (\d+) elements?$/, 'min_items', (m) => ({ count: m[1] })],
  [/must contain no more than (\d+) elements?$/, 'max_items', (m) => ({ count: m[1] })],
  [/^must be in the future$/, 'future', () => ({})],
  [/^may not be negative$/, 'not_negative', () => ({})],
  [/^is not a valid (\S+) amount$/, 'amount_invalid', (m) => ({ currency: m[1] })],
  [/^is out of range/, 'out_of_range', () => ({})],
  [/^give a reason/, 'reason_min', () => ({})],
  [/^use one or more of ([^;]+)/, 'scopes', (m) => ({ allowed: m[1] })],
  [/^cannot sort \S+ by "([^"]*)"/, 'sort', (m) => ({ field: m[1] })],
  [/^(\w+) and (\w+) go together/, 'together', (m) => ({ first: m[1], second: m[2] })],
  [/^would make a cycle/, 'cycle', () => ({})],
  [/^must be a list of \{ code/, 'indicators', () => ({})],
  [/has no levels yet/, 'no_levels', () => ({})],
  [/^give exactly one of/, 'one_source', () => ({})],
  [/^may not be the delegator$/, 'not_delegator', () => ({})],
  [/must be an upper-case code/, 'title_code', () => ({})],
  [/must be an ISO 4217 code/, 'currency_code', () => ({})],
  [/must be 1\.\.64 letters, digits/, 'code_chars', () => ({})],
  [/(must be a non-negative decimal string|is not a plain decimal string)/, 'decimal', () => ({})],
  [/is not a real date|must be an ISO 8601|must be written as a string/, 'date_invalid', () => ({})],
];
const MONEY_PATTERNS: Array<[RegExp, string, (m: RegExpMatchArray) => Record<string, unknown>]> = [
  [
    /^(?:currency )?(\S+) is not (?:a )?supported(?: currency)?$/,
    'errors.MONEY.UNKNOWN_CURRENCY',
    (m) => ({ currency: m[1] }),
  ],
  [
    /^(\S+) allows at most (\d+) fraction digits$/,
    'errors.MONEY.TOO_MANY_FRACTION_DIGITS',
    (m) => ({ currency: m[1], digits: m[2] }),
  ],
];

function localizeOne(locale: string, text: string): string {
  const trimmed = text.trim();
  // Assessment refusals: "ASSESSMENT.MISSING_RATING (SPD), ASSESSMENT.DUPLICATE_RATING"
  if (/^ASSESSMENT\.[A-Z_]+/.test(trimmed)) {
    return trimmed
      .split(/,\s*(?=ASSESSMENT\.)/)
      .map((part) => {
        const m = /^(ASSESSMENT\.[A-Z_]+)(?: \((\w+)\))?$/.exec(part.trim());
        if (!m) return part;
        return translateKey(locale, `errors.${m[1]}`, { dimension: label(locale, 'Dimension', m[2]) ?? '' }) ?? part;
      })
      .join(locale === 'zh-CN' ? '；' : '; ');
  }
  for (const [pattern, key, args] of MONEY_PATTERNS) {
    const m = trimmed.match(pattern);
    if (m) return translateKey(locale, key, args(m)) ?? trimmed;
  }
  for (const [pattern, key, args] of FIELD_PATTERNS) {
    const m = trimmed.match(pattern);
    if (m) return translateKey(locale, `errors.field.${key}`, args(m)) ?? trimmed;
  }
  return trimmed;
}

/** A field error of the API in the reader's language (several joined with "; " are each translated). */
export function localizeFieldMessage(locale: string, message: string): string {
  return message
    .split(/;\s+/)
    .map((part) => localizeOne(locale, part))
    .join(locale === 'zh-CN' ? '；' : '; ');
}

export function localizeFieldErrors(locale: string, errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field, localizeFieldMessage(locale, message)]),
  );
}

/**
 * The field errors of a failure in the reader's language; a staffing refusal (about the person appointed) gets the
 * message of its code with the refusal's data.
 */
export function localizeErrors(
  locale: string,
  extensions: Extensions,
  errors: Record<string, string>,
): Record<string, string> {
  const result = localizeFieldErrors(locale, errors);
  const code = extensions.code;
  // A refusal that names its field but no words for it (`extensions.field` alone, e.g. CORRECTION_REASON_REQUIRED
  // about change.reason): the code's message beside the field.
  for (const [field, message] of Object.entries(result))
    if (!message && typeof code === 'string') result[field] = describeApiError(locale, { code, extensions });
  if (typeof code === 'string' && code.startsWith('STAFFING.') && result.personId !== undefined) {
    result.personId = describeApiError(locale, { code, extensions, detail: errors.personId });
  }
  return result;
}
