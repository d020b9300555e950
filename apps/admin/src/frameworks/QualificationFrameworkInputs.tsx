import {
  AutocompleteInput,
  BooleanInput,
  FormDataConsumer,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useGetList,
  useGetManyReference,
  useGetOne,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { enumChoices, useDate, useEnumLabel } from '../components/fields';
import { DEFAULT_DIMENSIONS, FrameworkMatrixInput } from './FrameworkMatrixInput';
import { FrameworkMatrix } from './QualificationFrameworkShow';

const STATUSES = ['DRAFT', 'ACTIVE', 'RETIRED'];

interface VersionLike {
  versionNo?: number;
  status?: string;
  publishedAt?: string | null;
  notes?: string | null;
}

/** "v2 · Draft · <notes>", "v1 · Published · valid from 2026-01-01 · <notes>", in the reader's words. */
export function useVersionLabel(): (v: VersionLike | undefined) => string {
  const translate = useTranslate();
  const status = useEnumLabel('VersionStatus');
  const date = useDate();
  return (v) => {
    if (!v) return '';
    const head = translate('h16.version', { n: v.versionNo ?? '?', status: status(v.status) });
    const from = v.publishedAt ? translate('h16.valid_from', { date: date(v.publishedAt) }) : '';
    return [head, from, v.notes ?? ''].filter(Boolean).join(' · ');
  };
}

/**
 * The role model first (of the chosen role), then one of its versions: versions of other role models are not offered.
 * `roleModelId` only narrows the choice (the API takes the version).
 */
function RoleModelVersionInput() {
  const [locale] = useLocaleState();
  const versionLabel = useVersionLabel();
  const { setValue } = useFormContext();
  const role = useWatch({ name: 'role' }) as string | undefined;
  const roleModelId = useWatch({ name: 'roleModelId' }) as string | undefined;
  const versionId = useWatch({ name: 'roleModelVersionId' }) as string | undefined;
  const { data: current } = useGetOne(
    'RoleModelVersion',
    { id: versionId ?? '' },
    { enabled: Boolean(versionId) && !roleModelId },
  );
  // One role model per role, as a rule: chosen with the role.
  const { data: models } = useGetList(
    'RoleModel',
    { filter: { role: [role] }, pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' } },
    { enabled: Boolean(role) && !roleModelId && !versionId },
  );
  useEffect(() => {
    if (roleModelId) return;
    if (current?.roleModelId) setValue('roleModelId', String(current.roleModelId));
    else if (models?.length === 1 && models[0]) setValue('roleModelId', String(models[0].id));
  }, [current, models, roleModelId, setValue]);
  return (
    <>
      <ReferenceInput source="roleModelId" reference="RoleModel" filter={role ? { role: [role] } : {}}>
        <AutocompleteInput
          label="h16.role_model"
          optionText={(m) => String((locale === 'zh-CN' ? m.nameZh : m.name) ?? m.name ?? '')}
          onChange={() => setValue('roleModelVersionId', null)}
        />
      </ReferenceInput>
      <ReferenceInput
        source="roleModelVersionId"
        reference="RoleModelVersion"
        sort={{ field: 'versionNo', order: 'DESC' }}
        filter={roleModelId ? { roleModelId } : {}}
      >
        <AutocompleteInput optionText={versionLabel} validate={required()} disabled={!roleModelId} />
      </ReferenceInput>
    </>
  );
}

/** Columns come from the chosen role-model version's dimensions; without one, from the role's standard dimensions. */
function Matrix({ role, roleModelVersionId }: { role?: string; roleModelVersionId?: string }) {
  const { data } = useGetManyReference(
    'RoleModelDimension',
    {
      target: 'roleModelVersionId',
      id: roleModelVersionId ?? '',
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'sortOrder', order: 'ASC' },
    },
    { enabled: Boolean(roleModelVersionId) },
  );
  const fromModel = (data ?? []).map((d) => String(d.code));
  return <FrameworkMatrixInput dimensions={fromModel.length ? fromModel : (DEFAULT_DIMENSIONS[role ?? ''] ?? [])} />;
}

/**
 * The framework's fields and its level × dimension matrix. Editing, a version that assessments use (frozen) keeps its
 * levels, requirements, validity and certification rule: they show read-only (the notice above says why), and only
 * its name and retiring it remain. A status becomes ACTIVE only by publishing a draft.
 */
export function QualificationFrameworkInputs() {
  const record = useRecordContext();
  const editing = record?.id !== undefined;
  const frozen = Boolean(record?.frozen);
  const statuses = editing ? STATUSES.filter((s) => s === record.status || s === 'RETIRED') : ['DRAFT', 'ACTIVE'];
  return (
    <>
      <TextInput source="name" validate={required()} />
      <SelectInput source="role" choices={enumChoices('TriangleRole', ['AR', 'SR', 'FR'])} validate={required()} />
      <RoleModelVersionInput />
      <NumberInput source="validityMonths" validate={[required(), minValue(1)]} defaultValue={24} readOnly={frozen} />
      <SelectInput
        source="status"
        choices={enumChoices('VersionStatus', statuses)}
        defaultValue="DRAFT"
        validate={required()}
      />
      <BooleanInput source="managerMayCertify" defaultValue={false} readOnly={frozen} />
      {frozen ? (
        <FrameworkMatrix />
      ) : (
        <FormDataConsumer>
          {({ formData }) => <Matrix role={formData.role} roleModelVersionId={formData.roleModelVersionId} />}
        </FormDataConsumer>
      )}
    </>
  );
}
