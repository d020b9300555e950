import { DataTable, FunctionField, List, SelectInput, useTranslate } from 'react-admin';
import { OPPORTUNITY_STAGES } from '@iron-triangle/domain';
import { EnumField, enumChoices, LocaleDateField } from '../components/fields';
import { ExportListActions } from '../export';
import { customerColumn, expectedAmountColumn, gradeColumn, ownerColumn, salesFilters } from '../sales/salesList';

const filters = salesFilters([
  <SelectInput key="stage" source="stage" choices={enumChoices('OpportunityStage', OPPORTUNITY_STAGES)} />,
]);

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
        {customerColumn}
        <DataTable.Col source="stage">
          <EnumField source="stage" enumName="OpportunityStage" />
        </DataTable.Col>
        {gradeColumn}
        {expectedAmountColumn}
        <DataTable.Col source="closeDate">
          <LocaleDateField source="closeDate" />
        </DataTable.Col>
        <DataTable.Col source="effectiveProbability" align="right">
          <Probability />
        </DataTable.Col>
        {ownerColumn}
      </DataTable>
    </List>
  );
}
