import { ReferenceField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { FieldGrid } from '../components/FieldGrid';
import { EnumField, LocaleDateField } from '../components/fields';
import { RecordTitle, TeamAppointmentRepresentation } from '../components/names';
import { HistoryTab } from '../history/HistoryTab';
import { PersonReferenceField } from '../components/PersonReferenceField';

/** A team appointment read-only, with its versions. */
export function TeamAppointmentShow() {
  return (
    <Show
      title={
        <RecordTitle resource="TeamAppointment">
          <TeamAppointmentRepresentation />
        </RecordTitle>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="ra.message.details">
          <FieldGrid>
            <ReferenceField source="projectId" reference="Project" link="show" />
            <PersonReferenceField source="personId" link="show" />
            <EnumField source="role" enumName="TriangleRole" />
            <EnumField source="stage" enumName="Stage" />
            <LocaleDateField source="validFrom" />
            <LocaleDateField source="validTo" emptyKey="app.open_ended" />
            <TextField source="qualificationLevel" emptyText="—" />
            <TextField source="exceptionReason" emptyText="—" />
          </FieldGrid>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="history.tab" path="history">
          <HistoryTab label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
