import { DataTable, List } from 'react-admin';
import { EnumField } from '../components/fields';

export function StaffingRuleList() {
  return (
    <List sort={{ field: 'grade', order: 'ASC' }}>
      <DataTable rowClick="edit">
        <DataTable.Col source="grade"><EnumField source="grade" enumName="ProjectGrade" /></DataTable.Col>
        <DataTable.Col source="role"><EnumField source="role" enumName="TriangleRole" /></DataTable.Col>
        <DataTable.Col source="minLevel"><EnumField source="minLevel" enumName="Level" /></DataTable.Col>
      </DataTable>
    </List>
  );
}
