import { AutocompleteInput, FormDataConsumer, NumberInput, ReferenceInput, required, SelectInput, TextInput, minValue, useGetOne } from 'react-admin';
import { enumChoices } from '../components/fields';
import { DEFAULT_DIMENSIONS, FrameworkMatrixInput } from './FrameworkMatrixInput';

function dimensionCodes(raw: unknown): string[] {
  const list = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return Array.isArray(list) ? list.map((d: { code?: string }) => d.code).filter((c): c is string => Boolean(c)) : [];
}

/** Columns come from the chosen role model; without one, from the role's standard dimensions. */
function Matrix({ role, roleModelId }: { role?: string; roleModelId?: string }) {
  const { data } = useGetOne('RoleModel', { id: roleModelId ?? '' }, { enabled: Boolean(roleModelId) });
  const fromModel = dimensionCodes(data?.dimensions);
  return <FrameworkMatrixInput dimensions={fromModel.length ? fromModel : DEFAULT_DIMENSIONS[role ?? ''] ?? []} />;
}

export function QualificationFrameworkInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} />
      <SelectInput source="role" choices={enumChoices('TriangleRole', ['AR', 'SR', 'FR'])} validate={required()} />
      <FormDataConsumer>
        {({ formData }) => (
          <ReferenceInput source="roleModelId" reference="RoleModel" filter={formData.role ? { role: formData.role } : {}}>
            <AutocompleteInput optionText={(r) => `${r.name} v${r.version}`} />
          </ReferenceInput>
        )}
      </FormDataConsumer>
      <NumberInput source="validityMonths" validate={[required(), minValue(1)]} defaultValue={24} />
      <FormDataConsumer>{({ formData }) => <Matrix role={formData.role} roleModelId={formData.roleModelId} />}</FormDataConsumer>
    </>
  );
}
