import {
  AutocompleteInput,
  CheckboxGroupInput,
  FormDataConsumer,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { enumChoices } from '../components/fields';
import { AUTHORITY_HOLDER_KINDS } from '../providers/types';
import { after, currencyCode, decimal, requiredList } from '../components/validators';
import { POSITION_TITLES } from '../positions/PositionAssignmentInputs';
import { DECISION_POINTS, GRADES, TRIANGLE_ROLES } from '../providers/types';
import { InstantInput } from '../components/InstantInput';
import { GlossaryHelp } from '../glossary/GlossaryHelp';

export function AuthorityRuleInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} />
      <SelectInput
        source="holderKind"
        choices={enumChoices('HolderKind', AUTHORITY_HOLDER_KINDS)}
        validate={required()}
      />
      <FormDataConsumer>
        {({ formData }) => {
          if (formData.holderKind === 'POSITION')
            return (
              <>
                <AutocompleteInput
                  source="holderTitle"
                  choices={enumChoices('PositionTitle', POSITION_TITLES)}
                  validate={required()}
                />
                <ReferenceInput source="holderOrgUnitId" reference="OrgUnit">
                  <AutocompleteInput optionText="name" validate={required()} />
                </ReferenceInput>
              </>
            );
          if (formData.holderKind === 'DECISION_BODY')
            return (
              <ReferenceInput source="decisionBodyId" reference="DecisionBody">
                <AutocompleteInput optionText="name" validate={required()} />
              </ReferenceInput>
            );
          if (formData.holderKind === 'PROJECT_ROLE')
            return (
              <SelectInput
                source="holderRole"
                choices={enumChoices('TriangleRole', TRIANGLE_ROLES)}
                validate={required()}
              />
            );
          return null;
        }}
      </FormDataConsumer>
      <CheckboxGroupInput
        source="decisionPoints"
        choices={enumChoices('DecisionPoint', DECISION_POINTS)}
        validate={requiredList}
        helperText={<GlossaryHelp text="glossary.help.decision_points" term="ATI" />}
      />
      <CheckboxGroupInput
        source="grades"
        choices={enumChoices('ProjectGrade', GRADES)}
        validate={requiredList}
        helperText={<GlossaryHelp text="glossary.help.grades" term="GRADE_I" />}
      />
      <ReferenceInput source="scopeOrgUnitId" reference="OrgUnit">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <TextInput source="limit" validate={decimal} />
      <TextInput source="currency" defaultValue="CNY" validate={[required(), currencyCode]} />
      <InstantInput source="validFrom" validate={required()} />
      <InstantInput source="validTo" validate={after('validFrom')} />
      <NumberInput
        source="delegableDepth"
        defaultValue={0}
        validate={[required(), minValue(0)]}
        helperText={<GlossaryHelp text="glossary.help.delegable_depth" term="DELEGABLE_DEPTH" />}
      />
    </>
  );
}
