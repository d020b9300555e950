// Fields that speak the reader's language: money, dates, enum labels, JSON traces.
import { Chip, Stack } from '@mui/material';
import { FieldProps, useFieldValue, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatDateTime, formatMoney } from '../format';

export type EnumName =
  | 'DecisionPoint'
  | 'ProjectGrade'
  | 'TriangleRole'
  | 'HolderKind'
  | 'LinkKind'
  | 'DecisionOutcome'
  | 'PoolStatus'
  | 'UserRole'
  | 'CustomerTier'
  | 'OrgUnitKind'
  | 'Stage'
  | 'AssessmentKind'
  | 'PositionTitle'
  | 'Dimension'
  | 'Level'
  | 'Metric'
  | 'GradeReason'
  | 'TeamKind'
  | 'VersionStatus'
  | 'AppraisalRating'
  | 'ActorKind'
  | 'TokenScope'
  | 'MultiplierBranch'
  | 'DecisionRequestStatus'
  | 'DecisionRightVia'
  | 'NotificationKind'
  | 'RecipientVia'
  | 'RequestAction'
  | 'PoolMetricKind'
  | 'ReassessmentStatus'
  | 'AuditAction'
  | 'RecordType'
  | 'ImportAction'
  | 'ImportType'
  | 'LeadGrade'
  | 'LeadClass'
  | 'LeadStatus'
  | 'LeadFact'
  | 'LeadGradeReason'
  | 'OpportunityRequirement'
  | 'OpportunityStage'
  | 'DecisionRole'
  | 'InfluenceLevel'
  | 'Attitude'
  | 'AccountWarning';

/** Choices for a SelectInput / CheckboxGroupInput; react-admin translates the names. */
export function enumChoices(name: EnumName, values: readonly (string | number)[]) {
  return values.map((id) => ({ id, name: `enums.${name}.${id}` }));
}

/** The label of an enum value, or the raw value when it has none (values the API added later). */
export function useEnumLabel(name: EnumName) {
  const translate = useTranslate();
  return (value: unknown) =>
    value === null || value === undefined || value === ''
      ? ''
      : translate(`enums.${name}.${String(value)}`, { _: String(value) });
}

export function EnumField({ enumName, ...props }: FieldProps & { enumName: EnumName }) {
  const value = useFieldValue(props);
  const label = useEnumLabel(enumName);
  return <span>{label(value)}</span>;
}

/** A record type ("PoolMember") by its name in the reader's language ("Bonus pool member" / "奖金包成员"). */
export function useRecordTypeLabel() {
  const translate = useTranslate();
  return (type: unknown) => {
    if (type === null || type === undefined || type === '') return '';
    const name = translate(`resources.${String(type)}.name`, { smart_count: 1, _: '' });
    return name || translate(`enums.RecordType.${String(type)}`, { _: String(type) });
  };
}

export function RecordTypeField(props: FieldProps) {
  const value = useFieldValue(props);
  const label = useRecordTypeLabel();
  return <span>{label(value)}</span>;
}

export function EnumChipsField({ enumName, ...props }: FieldProps & { enumName: EnumName }) {
  const value = useFieldValue(props) as unknown[] | undefined;
  const label = useEnumLabel(enumName);
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {(value ?? []).map((v) => (
        <Chip key={String(v)} size="small" label={label(v)} />
      ))}
    </Stack>
  );
}

export function MoneyField({
  currencySource = 'currency',
  emptyKey,
  ...props
}: FieldProps & { currencySource?: string; emptyKey?: string }) {
  const record = useRecordContext();
  const value = useFieldValue(props) as string | null | undefined;
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if ((value === null || value === undefined) && emptyKey) return <span>{translate(emptyKey)}</span>;
  return <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(value, record?.[currencySource] as string, locale)}</span>;
}

export function LocaleDateField({
  showTime = false,
  emptyKey,
  ...props
}: FieldProps & { showTime?: boolean; emptyKey?: string }) {
  const value = useFieldValue(props) as string | null | undefined;
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if (!value && emptyKey) return <span>{translate(emptyKey)}</span>;
  return <span>{showTime ? formatDateTime(value, locale) : formatDate(value, locale)}</span>;
}

export function JsonField(props: FieldProps) {
  const value = useFieldValue(props);
  if (value === null || value === undefined) return null;
  const parsed = typeof value === 'string' ? safeParse(value) : value;
  return (
    <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', maxWidth: 640 }}>
      {JSON.stringify(parsed, null, 2)}
    </pre>
  );
}

export function safeParse(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Hooks for plain components (not fields). */
export function useMoney() {
  const [locale] = useLocaleState();
  return (amount: string | null | undefined, currency: string | null | undefined) =>
    formatMoney(amount, currency, locale);
}
export function useDate() {
  const [locale] = useLocaleState();
  return (value: string | null | undefined, withTime = false) =>
    withTime ? formatDateTime(value, locale) : formatDate(value, locale);
}

/** A resource's plural name in the reader's language ("People" / "人员"), for tab and section labels. */
export function usePluralName() {
  const translate = useTranslate();
  return (resource: string) => translate(`resources.${resource}.name`, { smart_count: 2 });
}
