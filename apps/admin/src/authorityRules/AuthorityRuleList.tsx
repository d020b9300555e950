import { Card } from '@mui/material';
import { DataTable, List, ReferenceField } from 'react-admin';
import { EnumChipsField, EnumField, LocaleDateField, MoneyField } from '../components/fields';
import { AuthorityMatrix } from './AuthorityMatrix';
import { ExportListActions } from '../export';

export function AuthorityRuleList() {
  return (
    <>
      <List actions={<ExportListActions />}>
        <DataTable rowClick="show">
          <DataTable.Col source="name" />
          <DataTable.Col source="holderKind">
            <EnumField source="holderKind" enumName="HolderKind" />
          </DataTable.Col>
          <DataTable.Col source="decisionPoints">
            <EnumChipsField source="decisionPoints" enumName="DecisionPoint" />
          </DataTable.Col>
          <DataTable.Col source="grades">
            <EnumChipsField source="grades" enumName="ProjectGrade" />
          </DataTable.Col>
          <DataTable.Col source="scopeOrgUnitId">
            <ReferenceField source="scopeOrgUnitId" reference="OrgUnit" />
          </DataTable.Col>
          <DataTable.Col source="limit" align="right">
            <MoneyField source="limit" emptyKey="app.unlimited" />
          </DataTable.Col>
          <DataTable.Col source="validTo">
            <LocaleDateField source="validTo" emptyKey="app.open_ended" />
          </DataTable.Col>
          <DataTable.Col source="delegableDepth" />
        </DataTable>
      </List>
      <Card sx={{ mt: 2 }}>
        <AuthorityMatrix />
      </Card>
    </>
  );
}
