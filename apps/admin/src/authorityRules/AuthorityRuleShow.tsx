import {
  CreateButton,
  EditButton,
  NumberField,
  ReferenceField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { EnumChipsField, EnumField, LocaleDateField, MoneyField } from '../components/fields';
import { HistoryTab } from '../history/HistoryTab';

/** Starts a delegation from this rule, when it may be delegated. */
function DelegateButton() {
  const record = useRecordContext();
  if (!record || !(Number(record.delegableDepth) > 0)) return null;
  return (
    <CreateButton
      resource="Delegation"
      label="delegation.delegate"
      state={{ record: { sourceKind: 'RULE', sourceRuleId: record.id, currency: record.currency } }}
    />
  );
}

export function AuthorityRuleShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <DelegateButton />
          <EditButton />
        </TopToolbar>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="ra.message.details">
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
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="history.tab" path="history">
          <HistoryTab label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
