import { required, SelectInput } from 'react-admin';
import { enumChoices } from '../components/fields';
import { GRADES, TRIANGLE_ROLES } from '../providers/types';

export function StaffingRuleInputs() {
  return (
    <>
      <SelectInput source="grade" choices={enumChoices('ProjectGrade', GRADES)} validate={required()} />
      <SelectInput source="role" choices={enumChoices('TriangleRole', TRIANGLE_ROLES)} validate={required()} />
      <SelectInput source="minLevel" choices={enumChoices('Level', [1, 2, 3, 4, 5])} validate={required()} />
    </>
  );
}
