// What the lead and opportunity lists share: the filters on who and where (owner, customer, org unit) after their
// own ones, the grade filter, and the columns of the customer, the grade, the owner and the amount.
import type { ReactElement } from 'react';
import { AutocompleteInput, DataTable, ReferenceField, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { LEAD_GRADES } from '@iron-triangle/domain';
import { EnumField, enumChoices, MoneyField } from '../components/fields';
import { PersonReferenceField } from '../components/PersonReferenceField';

/** The search box, the record's own filters, the grade, then owner, customer and org unit. */
export function salesFilters(own: ReactElement[]): ReactElement[] {
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    ...own,
    <SelectInput key="grade" source="grade" choices={enumChoices('LeadGrade', LEAD_GRADES)} />,
    <ReferenceInput key="owner" source="ownerId" reference="Person">
      <AutocompleteInput />
    </ReferenceInput>,
    <ReferenceInput key="customer" source="customerId" reference="Customer">
      <AutocompleteInput optionText="name" />
    </ReferenceInput>,
    <ReferenceInput key="org" source="orgUnitId" reference="OrgUnit">
      <AutocompleteInput optionText="name" />
    </ReferenceInput>,
  ];
}

// Columns as elements (placed straight into a DataTable, whose tools read their props).
export const customerColumn = (
  <DataTable.Col source="customerId">
    <ReferenceField source="customerId" reference="Customer" link={false} />
  </DataTable.Col>
);

export const gradeColumn = (
  <DataTable.Col source="grade">
    <EnumField source="grade" enumName="LeadGrade" />
  </DataTable.Col>
);

export const ownerColumn = (
  <DataTable.Col source="ownerId">
    <PersonReferenceField source="ownerId" link={false} />
  </DataTable.Col>
);

export const expectedAmountColumn = (
  <DataTable.Col source="expectedAmount" align="right">
    <MoneyField source="expectedAmount" />
  </DataTable.Col>
);
