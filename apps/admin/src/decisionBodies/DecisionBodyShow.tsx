import { ReferenceField, SelectField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { FieldGrid } from '../components/FieldGrid';
import { EnumField } from '../components/fields';
import { HistoryTab } from '../history/HistoryTab';
import { Seats } from './DecisionBodyList';

/** A decision body read-only: its seats, quorum, grade and org unit, and its versions. */
export function DecisionBodyShow() {
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="ra.message.details">
          <FieldGrid>
            <TextField source="name" />
            <SelectField
              source="quorum"
              choices={[
                { id: 'ALL_FIXED', name: 'decisionBody.ALL_FIXED' },
                { id: 'MAJORITY', name: 'decisionBody.MAJORITY' },
              ]}
            />
            <EnumField source="grade" enumName="ProjectGrade" />
            <ReferenceField source="orgUnitId" reference="OrgUnit" link="show" emptyText="—" />
          </FieldGrid>
          <Seats />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="history.tab" path="history">
          <HistoryTab label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
