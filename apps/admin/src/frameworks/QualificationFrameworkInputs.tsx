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
  useGetManyReference,
  useRecordContext,
} from 'react-admin';
import { enumChoices } from '../components/fields';
import { DEFAULT_DIMENSIONS, FrameworkMatrixInput } from './FrameworkMatrixInput';
import { FrameworkMatrix } from './QualificationFrameworkShow';

const STATUSES = ['DRAFT', 'ACTIVE', 'RETIRED'];

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
      <ReferenceInput
        source="roleModelVersionId"
        reference="RoleModelVersion"
        sort={{ field: 'versionNo', order: 'DESC' }}
      >
        <AutocompleteInput
          optionText={(v) => `#${v.roleModelId} v${v.versionNo} (${v.status})${v.notes ? ` · ${v.notes}` : ''}`}
          validate={required()}
        />
      </ReferenceInput>
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
