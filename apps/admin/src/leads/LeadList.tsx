import {
  AutocompleteInput,
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
} from 'react-admin';
import { LEAD_CLASSES, LEAD_GRADES } from '@iron-triangle/domain';
import { EnumField, enumChoices, LocaleDateField, MoneyField } from '../components/fields';
import { rowClickFor } from '../auth/rowClick';
import { ExportListActions } from '../export';
import { LEAD_STATUSES } from '../sales/enums';
import { PersonReferenceField } from '../components/PersonReferenceField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="leadClass" source="leadClass" choices={enumChoices('LeadClass', LEAD_CLASSES)} />,
  <SelectInput key="grade" source="grade" choices={enumChoices('LeadGrade', LEAD_GRADES)} />,
  <SelectInput key="status" source="status" choices={enumChoices('LeadStatus', LEAD_STATUSES)} />,
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

export function LeadList() {
  return (
    <List actions={<ExportListActions />} filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
      {/* Everyone opens the lead's page first: its actions (verify, convert, drop) are there. */}
      <DataTable rowClick={rowClickFor('Lead') ? 'show' : false}>
        <DataTable.Col source="title" />
        <DataTable.Col source="customerId">
          <ReferenceField source="customerId" reference="Customer" link={false} />
        </DataTable.Col>
        <DataTable.Col source="leadClass">
          <EnumField source="leadClass" enumName="LeadClass" />
        </DataTable.Col>
        <DataTable.Col source="grade">
          <EnumField source="grade" enumName="LeadGrade" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" enumName="LeadStatus" />
        </DataTable.Col>
        <DataTable.Col source="ownerId">
          <PersonReferenceField source="ownerId" link={false} />
        </DataTable.Col>
        <DataTable.Col source="expectedAmount" align="right">
          <MoneyField source="expectedAmount" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <LocaleDateField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
