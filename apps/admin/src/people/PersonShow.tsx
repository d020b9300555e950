import {
  DataTable,
  ReferenceField,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
  useRecordContext,
} from 'react-admin';
import { EnumField, LocaleDateField, usePluralName } from '../components/fields';
import { QualificationPanel } from './QualificationPanel';
import { HistoryTab } from '../history/HistoryTab';
import { DecisionRights, useMayReadDecisionRights } from './DecisionRights';
import { rowClickFor } from '../auth/rowClick';

function Qualifications() {
  const record = useRecordContext();
  return record ? <QualificationPanel personId={String(record.id)} /> : null;
}

export function PersonShow() {
  const plural = usePluralName();
  const mayReadRights = useMayReadDecisionRights();
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="ra.message.details">
          <TextField source="employeeNo" />
          <TextField source="name" />
          <TextField source="latinName" emptyText="—" />
          <TextField source="email" />
          <TextField source="phone" emptyText="—" />
          <LocaleDateField source="hiredAt" />
          <ReferenceField source="orgUnitId" reference="OrgUnit" link="show" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={plural('PositionAssignment')} path="positions">
          <ReferenceManyField reference="PositionAssignment" target="personId" label={false}>
            <DataTable bulkActionButtons={false} rowClick={rowClickFor('PositionAssignment')}>
              <DataTable.Col source="title">
                <EnumField source="title" enumName="PositionTitle" />
              </DataTable.Col>
              <DataTable.Col source="orgUnitId">
                <ReferenceField source="orgUnitId" reference="OrgUnit" />
              </DataTable.Col>
              <DataTable.Col source="validFrom">
                <LocaleDateField source="validFrom" />
              </DataTable.Col>
              <DataTable.Col source="validTo">
                <LocaleDateField source="validTo" emptyKey="app.open_ended" />
              </DataTable.Col>
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label={plural('TeamAppointment')} path="team">
          <ReferenceManyField reference="TeamAppointment" target="personId" label={false}>
            <DataTable bulkActionButtons={false}>
              <DataTable.Col source="projectId">
                <ReferenceField source="projectId" reference="Project" link="show" />
              </DataTable.Col>
              <DataTable.Col source="role">
                <EnumField source="role" enumName="TriangleRole" />
              </DataTable.Col>
              <DataTable.Col source="stage">
                <EnumField source="stage" enumName="Stage" />
              </DataTable.Col>
              <DataTable.Col source="validFrom">
                <LocaleDateField source="validFrom" />
              </DataTable.Col>
              <DataTable.Col source="validTo">
                <LocaleDateField source="validTo" emptyKey="app.open_ended" />
              </DataTable.Col>
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="qualification.title" path="qualifications">
          <Qualifications />
          <ReferenceManyField reference="Assessment" target="personId" label={plural('Assessment')}>
            <DataTable bulkActionButtons={false} rowClick="show">
              <DataTable.Col source="role">
                <EnumField source="role" enumName="TriangleRole" />
              </DataTable.Col>
              <DataTable.Col source="assessedAt">
                <LocaleDateField source="assessedAt" />
              </DataTable.Col>
              <DataTable.Col source="levelReached">
                <EnumField source="levelReached" enumName="Level" />
              </DataTable.Col>
              <DataTable.Col source="validUntil">
                <LocaleDateField source="validUntil" />
              </DataTable.Col>
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        {mayReadRights && (
          <TabbedShowLayout.Tab label="rights.tab" path="rights">
            <DecisionRights />
          </TabbedShowLayout.Tab>
        )}
        <TabbedShowLayout.Tab label="history.tab" path="history">
          <HistoryTab label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
