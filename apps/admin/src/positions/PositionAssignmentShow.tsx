import { ReferenceField, Show, TabbedShowLayout } from 'react-admin';
import { FieldGrid } from '../components/FieldGrid';
import { EnumField, LocaleDateField } from '../components/fields';
import { HistoryTab } from '../history/HistoryTab';
import { PersonReferenceField } from '../components/PersonReferenceField';

/** A position held, read-only, with its versions. */
export function PositionAssignmentShow() {
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="ra.message.details">
          <FieldGrid>
            <PersonReferenceField source="personId" link="show" />
            <EnumField source="title" enumName="PositionTitle" />
            <ReferenceField source="orgUnitId" reference="OrgUnit" link="show" />
            <LocaleDateField source="validFrom" />
            <LocaleDateField source="validTo" emptyKey="app.open_ended" />
          </FieldGrid>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="history.tab" path="history">
          <HistoryTab label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
