import { DataTable, NumberField, ReferenceField, ReferenceManyField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { EnumChipsField, EnumField, LocaleDateField, MoneyField, usePluralName } from '../components/fields';
import { DelegationChain } from './DelegationChain';
import { RevokeButton } from './RevokeButton';

export function DelegationShow() {
  const plural = usePluralName();
  return (
    <Show actions={<TopToolbar><RevokeButton /></TopToolbar>}>
      <SimpleShowLayout>
        <DelegationChain />
        <ReferenceField source="sourceRuleId" reference="AuthorityRule" link="show" emptyText="—" />
        <ReferenceField source="sourceDelegationId" reference="Delegation" link="show" emptyText="—" />
        <ReferenceField source="delegatorId" reference="Person" link="show" />
        <ReferenceField source="delegateId" reference="Person" link="show" />
        <EnumChipsField source="decisionPoints" enumName="DecisionPoint" />
        <EnumChipsField source="grades" enumName="ProjectGrade" />
        <ReferenceField source="scopeOrgUnitId" reference="OrgUnit" link="show" />
        <MoneyField source="limit" emptyKey="app.unlimited" />
        <LocaleDateField source="validFrom" />
        <LocaleDateField source="validTo" emptyKey="app.open_ended" />
        <NumberField source="redelegableDepth" />
        <EnumField source="requiredRole" enumName="TriangleRole" />
        <NumberField source="requiredLevel" emptyText="—" />
        <TextField source="reason" />
        <LocaleDateField source="revokedAt" showTime emptyKey="app.none" />
        <TextField source="revokeReason" emptyText="—" />
        <ReferenceManyField reference="Delegation" target="sourceDelegationId" label={plural('Delegation')}>
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="id" />
            <DataTable.Col source="delegateId"><ReferenceField source="delegateId" reference="Person" /></DataTable.Col>
            <DataTable.Col source="limit"><MoneyField source="limit" emptyKey="app.unlimited" /></DataTable.Col>
            <DataTable.Col source="validTo"><LocaleDateField source="validTo" emptyKey="app.open_ended" /></DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
