import { AutocompleteInput, ReferenceInput, required } from 'react-admin';
import { enumChoices } from '../components/fields';
import { after } from '../components/validators';
import { InstantInput } from '../components/InstantInput';
import { PersonInput } from '../components/names';

export const POSITION_TITLES = [
  'BU_PRESIDENT',
  'BUSINESS_DEPT_DIRECTOR',
  'BUSINESS_DEPT_CHIEF_ENGINEER',
  'CHIEF_ENGINEER',
  'INDUSTRY_HEAD',
  'INDUSTRY_CHIEF_ENGINEER',
  'PRODUCT_LINE_DIRECTOR',
  'DELIVERY_MANAGER',
  'FINANCE_MANAGER',
  'REGION_PRESIDENT',
  'OFFICE_HEAD',
  'ACCOUNT_MANAGER',
  'SOLUTION_MANAGER',
  'FULFILMENT_MANAGER',
] as const;

export function PositionAssignmentInputs() {
  return (
    <>
      <PersonInput source="personId" validate={required()} />
      <AutocompleteInput source="title" choices={enumChoices('PositionTitle', POSITION_TITLES)} validate={required()} />
      <ReferenceInput source="orgUnitId" reference="OrgUnit">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <InstantInput source="validFrom" validate={required()} />
      <InstantInput source="validTo" validate={after('validFrom')} />
    </>
  );
}
