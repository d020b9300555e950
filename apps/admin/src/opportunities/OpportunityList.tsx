import {
  AutocompleteInput,
  DataTable,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  useTranslate,
} from 'react-admin';
import { LEAD_GRADES, OPPORTUNITY_STAGES } from '@iron-triangle/domain';
import { EnumField, enumChoices, LocaleDateField, MoneyField } from '../components/fields';
import { ExportListActions } from '../export';
import { PersonReferenceField } from '../components/PersonReferenceField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="stage" source="stage" choices={enumChoices('OpportunityStage', OPPORTUNITY_STAGES)} />,
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

export function Probability() {
  const translate = useTranslate();
  return (
    <FunctionField
      source="effectiveProbability"
      render={(r: { effectiveProbability?: number | null }) =>
        r.effectiveProbability === null || r.effectiveProbability === undefined
          ? translate('app.none')
          : translate('sales.percent', { percent: r.effectiveProbability })
      }
    />
  );
}

export function OpportunityList() {
  return (
    <List actions={<ExportListActions />} filters={filters} sort={{ field: 'closeDate', order: 'ASC' }}>
      {/* Everyone opens the opportunity's page first (stage moves, the project, the power map are there). */}
      <DataTable rowClick="show">
        <DataTable.Col source="name" />
        <DataTable.Col source="customerId">
          <ReferenceField source="customerId" reference="Customer" link={false} />
        </DataTable.Col>
        <DataTable.Col source="stage">
          <EnumField source="stage" enumName="OpportunityStage" />
        </DataTable.Col>
        <DataTable.Col source="grade">
          <EnumField source="grade" enumName="LeadGrade" />
        </DataTable.Col>
        <DataTable.Col source="expectedAmount" align="right">
          <MoneyField source="expectedAmount" />
        </DataTable.Col>
        <DataTable.Col source="closeDate">
          <LocaleDateField source="closeDate" />
        </DataTable.Col>
        <DataTable.Col source="effectiveProbability" align="right">
          <Probability />
        </DataTable.Col>
        <DataTable.Col source="ownerId">
          <PersonReferenceField source="ownerId" link={false} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
