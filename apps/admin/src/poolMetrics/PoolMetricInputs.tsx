import { AutocompleteInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';
import { POOL_METRICS } from '../providers/types';
import { decimal } from '../components/validators';
import { PercentInput } from '../components/percent';

export function PoolMetricInputs() {
  return (
    <>
      <ReferenceInput source="poolId" reference="IncentivePool">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <SelectInput source="metric" choices={enumChoices('Metric', POOL_METRICS)} validate={required()} />
      <TextInput source="target" validate={[required(), decimal]} />
      <TextInput source="actual" validate={[required(), decimal]} defaultValue="0" />
      <PercentInput source="weight" validate={[required(), decimal]} />
    </>
  );
}
