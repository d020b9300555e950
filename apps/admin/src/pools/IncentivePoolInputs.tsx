import { AutocompleteInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';
import { after, currencyCode, decimal } from '../components/validators';
import { InstantInput } from '../components/InstantInput';
import { GlossaryHelp } from '../glossary/GlossaryHelp';
import { PercentInput } from '../components/percent';

export function IncentivePoolInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} />
      <SelectInput
        source="teamKind"
        choices={enumChoices('TeamKind', ['PROJECT', 'SYSTEM_DEPT'])}
        validate={required()}
        defaultValue="PROJECT"
      />
      <ReferenceInput source="projectId" reference="Project">
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <ReferenceInput source="orgUnitId" reference="OrgUnit">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <InstantInput source="periodFrom" validate={required()} />
      <InstantInput source="periodTo" validate={[required(), after('periodFrom')]} />
      <TextInput source="currency" defaultValue="CNY" validate={[required(), currencyCode]} />
      <TextInput source="baseAmount" validate={[required(), decimal]} />
      <PercentInput
        source="attainmentGate"
        defaultValue="0.6"
        validate={[required(), decimal]}
        helperText={<GlossaryHelp text="glossary.help.attainment_gate" term="ATTAINMENT_GATE" />}
      />
      <TextInput
        source="capMultiplier"
        defaultValue="2"
        validate={[required(), decimal]}
        helperText={<GlossaryHelp text="glossary.help.cap_multiplier" />}
      />
      <TextInput
        source="acceleration"
        defaultValue="1.5"
        validate={[required(), decimal]}
        helperText={<GlossaryHelp text="glossary.help.acceleration" />}
      />
    </>
  );
}
