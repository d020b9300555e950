import { ReferenceField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { FieldGrid } from '../components/FieldGrid';
import { EnumField, LocaleDateField } from '../components/fields';
import { RecordTitle, StaffingRuleRepresentation } from '../components/names';
import { HistoryTab } from '../history/HistoryTab';

/** A staffing rule read-only, with its versions. */
export function StaffingRuleShow() {
  return (
    <Show
      title={
        <RecordTitle resource="StaffingRule">
          <StaffingRuleRepresentation />
        </RecordTitle>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="ra.message.details">
          <FieldGrid>
            <EnumField source="grade" enumName="ProjectGrade" />
            <EnumField source="role" enumName="TriangleRole" />
            <EnumField source="minLevel" enumName="Level" />
            <ReferenceField source="orgUnitId" reference="OrgUnit" link="show" emptyText="—" />
            <LocaleDateField source="validFrom" />
            <LocaleDateField source="validTo" emptyKey="app.open_ended" />
            <TextField source="note" emptyText="—" />
          </FieldGrid>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="history.tab" path="history">
          <HistoryTab label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
