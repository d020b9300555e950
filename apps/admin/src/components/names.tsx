// What a record is called where it has no name of its own: a delegation by who hands what to whom, an assessment by
// person, role and level, a staffing rule by grade, role and level… Never by its id; a referenced record the reader
// may not see is said to be so (RecordName).
import { ReactNode } from 'react';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  ReferenceArrayInput,
  RecordContextProvider,
  ReferenceInput,
  useGetList,
  useGetResourceLabel,
  useRecordContext,
  useTranslate,
  type RaRecord,
  type Validator,
} from 'react-admin';
import { useEnumLabel } from './fields';
import { personDisplayName } from './personName';
import { RecordName, useRecordName } from './RecordName';

/** The API's largest page (perPage 1 to 500): a larger one is refused, and every name would read as not visible. */
const LARGEST_PAGE = 500;

// ---- people --------------------------------------------------------------------------------------------------

interface PersonLike {
  name?: string | null;
  latinName?: string | null;
  employeeNo?: string | null;
  orgUnitId?: string | null;
}

/** "Li Na · E0012 · East China Region": name, employee number and org unit, so namesakes can be told apart. */
export function personOptionText(person: PersonLike | undefined, orgUnitName: (id?: string | null) => string): string {
  if (!person) return '';
  return [personDisplayName(person), person.employeeNo, person.orgUnitId ? orgUnitName(person.orgUnitId) : null]
    .filter((part) => part !== null && part !== undefined && part !== '')
    .join(' · ');
}

/** The option text of a person picker; org unit names read once (the reader's visible units). */
export function usePersonOptionText(): (person: PersonLike | undefined) => string {
  const translate = useTranslate();
  const { data: units = [], isPending } = useGetList('OrgUnit', {
    pagination: { page: 1, perPage: LARGEST_PAGE },
    sort: { field: 'name', order: 'ASC' },
  });
  const names = new Map(units.map((u) => [String(u.id), String(u.name ?? '')]));
  // Until the units are read, no unit at all (an input keeps the text of its first render: never "outside").
  return (person) =>
    personOptionText(person, (id) => (!id || isPending ? '' : (names.get(String(id)) ?? translate('app.not_visible'))));
}

interface PersonInputProps {
  source: string;
  label?: string;
  validate?: Validator | Validator[];
  helperText?: ReactNode;
  defaultValue?: unknown;
  disabled?: boolean;
  filter?: Record<string, unknown>;
  /** For list filters (read by react-admin from the element's props). */
  alwaysOn?: boolean;
}

/** A person picker whose options read name · employee number · org unit. */
export function PersonInput({ source, label, validate, helperText, defaultValue, disabled, filter }: PersonInputProps) {
  const optionText = usePersonOptionText();
  return (
    <ReferenceInput source={source} reference="Person" filter={filter}>
      <AutocompleteInput
        optionText={optionText}
        label={label}
        validate={validate}
        helperText={helperText}
        defaultValue={defaultValue}
        disabled={disabled}
      />
    </ReferenceInput>
  );
}

/** Several people, each option as in PersonInput. */
export function PeopleInput({ source, label, validate }: { source: string; label?: string; validate?: Validator }) {
  const optionText = usePersonOptionText();
  return (
    <ReferenceArrayInput source={source} reference="Person">
      <AutocompleteArrayInput optionText={optionText} label={label} validate={validate} />
    </ReferenceArrayInput>
  );
}

// ---- records without a name ------------------------------------------------------------------------------------

interface DelegationLike {
  delegatorId?: string | null;
  delegateId?: string | null;
  decisionPoints?: readonly string[] | null;
  scopeOrgUnitId?: string | null;
}

/** "Zhang Wei → Li Na · ATB · Bid decision · East China Region". */
export function DelegationText({ record }: { record?: DelegationLike | null }) {
  const { text: from } = useRecordName('Person', record?.delegatorId);
  const { text: to } = useRecordName('Person', record?.delegateId);
  const { text: scope } = useRecordName('OrgUnit', record?.scopeOrgUnitId);
  const point = useEnumLabel('DecisionPoint');
  if (!record) return null;
  const points = (record.decisionPoints ?? []).map(point).join(', ');
  return <>{[`${from} → ${to}`, points, record.scopeOrgUnitId ? scope : ''].filter(Boolean).join(' · ')}</>;
}

/** A delegation read by id (the reader may not see it: then said so). */
export function DelegationName({ id }: { id?: string | null }) {
  const translate = useTranslate();
  const { record, text } = useRecordName('Delegation', id);
  if (!record) return <>{text || translate('app.not_visible')}</>;
  return <DelegationText record={record as DelegationLike} />;
}

/** The record in context (recordRepresentation of Delegation). */
export function DelegationRepresentation() {
  const record = useRecordContext<RaRecord & DelegationLike>();
  return <DelegationText record={record} />;
}

/** "Li Na · PM · Project Manager · level 3". */
export function AssessmentRepresentation() {
  const record = useRecordContext();
  const role = useEnumLabel('TriangleRole');
  const translate = useTranslate();
  const { text: person } = useRecordName('Person', record?.personId as string | undefined);
  if (!record) return null;
  const level =
    record.levelReached === null || record.levelReached === undefined
      ? translate('h16.no_level')
      : translate('h16.level', { level: record.levelReached });
  return <>{[person, role(record.role), level].join(' · ')}</>;
}

/** "Grade II · PM · Project Manager ≥ 3 · Backbone". */
export function StaffingRuleRepresentation() {
  const record = useRecordContext();
  const grade = useEnumLabel('ProjectGrade');
  const role = useEnumLabel('TriangleRole');
  const level = useEnumLabel('Level');
  if (!record) return null;
  return <>{`${grade(record.grade)} · ${role(record.role)} ≥ ${level(record.minLevel)}`}</>;
}

/** "Li Na · PM · Project Manager · Project Phoenix". */
export function TeamAppointmentRepresentation() {
  const record = useRecordContext();
  const role = useEnumLabel('TriangleRole');
  const { text: person } = useRecordName('Person', record?.personId as string | undefined);
  const { text: project } = useRecordName('Project', record?.projectId as string | undefined);
  if (!record) return null;
  return <>{[person, role(record.role), project].join(' · ')}</>;
}

/** A pool member by the person's name. */
export function PoolMemberRepresentation() {
  const record = useRecordContext();
  if (!record) return null;
  return <RecordName resource="Person" id={record.personId as string | undefined} />;
}

/** A page title: the resource's name and the record's representation (an element: react-admin's own needs text). */
export function RecordTitle({ resource, children }: { resource: string; children: ReactNode }) {
  const label = useGetResourceLabel();
  return (
    <>
      {label(resource, 1)} {children}
    </>
  );
}

/** An assessment read by id, named as AssessmentRepresentation (or said not to be visible). */
export function AssessmentName({ id }: { id?: string | null }) {
  const { record, text } = useRecordName('Assessment', id);
  if (!record) return <>{text}</>;
  return (
    <RecordContextProvider value={record}>
      <AssessmentRepresentation />
    </RecordContextProvider>
  );
}

/** Option text for a delegation picker: "Zhang Wei → Li Na · ATB · Bid decision · East China Region". */
export function useDelegationOptionText(): (d: DelegationLike | undefined) => string {
  const translate = useTranslate();
  const point = useEnumLabel('DecisionPoint');
  const many = { pagination: { page: 1, perPage: LARGEST_PAGE }, sort: { field: 'id', order: 'ASC' as const } };
  const { data: people = [] } = useGetList('Person', many);
  const { data: units = [] } = useGetList('OrgUnit', many);
  const name = (list: RaRecord[], id?: string | null) =>
    id ? String(list.find((r) => String(r.id) === String(id))?.name ?? translate('app.not_visible')) : '';
  return (d) =>
    d
      ? [
          `${name(people, d.delegatorId)} → ${name(people, d.delegateId)}`,
          (d.decisionPoints ?? []).map(point).join(', '),
          name(units, d.scopeOrgUnitId),
        ]
          .filter(Boolean)
          .join(' · ')
      : '';
}

/** "ATB · approve to bid · Project Phoenix · Approved". */
export function DecisionRepresentation() {
  const record = useRecordContext();
  const point = useEnumLabel('DecisionPoint');
  const outcome = useEnumLabel('DecisionOutcome');
  const { text: project } = useRecordName('Project', record?.projectId as string | undefined);
  if (!record) return null;
  return <>{[point(record.decisionPoint), project, outcome(record.outcome)].filter(Boolean).join(' · ')}</>;
}

/** A pool metric by what it measures. */
export function PoolMetricRepresentation() {
  const record = useRecordContext();
  const metric = useEnumLabel('Metric');
  if (!record) return null;
  return <>{metric(record.metric)}</>;
}
