import { NumberField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumChipsField, EnumField, LocaleDateField, MoneyField } from '../components/fields';

export function AuthorityRuleShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <EnumField source="holderKind" enumName="HolderKind" />
        <EnumField source="holderTitle" enumName="PositionTitle" />
        <ReferenceField source="holderOrgUnitId" reference="OrgUnit" emptyText="—" />
        <ReferenceField source="decisionBodyId" reference="DecisionBody" emptyText="—" />
        <EnumField source="holderRole" enumName="TriangleRole" />
        <EnumChipsField source="decisionPoints" enumName="DecisionPoint" />
        <EnumChipsField source="grades" enumName="ProjectGrade" />
        <ReferenceField source="scopeOrgUnitId" reference="OrgUnit" link="show" />
        <MoneyField source="limit" emptyKey="app.unlimited" />
        <LocaleDateField source="validFrom" />
        <LocaleDateField source="validTo" emptyKey="app.open_ended" />
        <NumberField source="delegableDepth" />
      </SimpleShowLayout>
    </Show>
  );
}
