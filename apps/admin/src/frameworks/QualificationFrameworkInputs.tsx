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
} from 'react-admin';
import { enumChoices } from '../components/fields';
import { DEFAULT_DIMENSIONS, FrameworkMatrixInput } from './FrameworkMatrixInput';

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

export function QualificationFrameworkInputs() {
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
      <NumberInput source="validityMonths" validate={[required(), minValue(1)]} defaultValue={24} />
      <SelectInput
        source="status"
        choices={enumChoices('VersionStatus', ['DRAFT', 'ACTIVE', 'RETIRED'])}
        defaultValue="DRAFT"
        validate={required()}
      />
      <BooleanInput source="managerMayCertify" defaultValue={false} />
      <FormDataConsumer>
        {({ formData }) => <Matrix role={formData.role} roleModelVersionId={formData.roleModelVersionId} />}
      </FormDataConsumer>
    </>
  );
}
