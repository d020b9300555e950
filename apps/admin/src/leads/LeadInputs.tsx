// The facts (they decide the class), the grading criteria (they decide the grade) and the conversion facts of a
// lead, each with a line on what it means. Class and grade are computed by the API, never typed in.
import { Typography } from '@mui/material';
import { AutocompleteInput, BooleanInput, ReferenceInput, required, TextInput, useTranslate } from 'react-admin';
import { currencyCode, decimal } from '../components/validators';
import { GlossaryHelp } from '../glossary/GlossaryHelp';
import { DayInput } from '../sales/DayInput';

function Heading({ text }: { text: string }) {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle2" sx={{ mt: 2 }}>
      {translate(text)}
    </Typography>
  );
}

export function LeadInputs() {
  return (
    <>
      <TextInput source="title" validate={required()} fullWidth />
      <TextInput source="source" validate={required()} />
      <ReferenceInput source="customerId" reference="Customer">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <ReferenceInput source="orgUnitId" reference="OrgUnit">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <ReferenceInput source="ownerId" reference="Person">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <ReferenceInput source="foundById" reference="Person">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <TextInput source="need" multiline fullWidth />
      <Heading text="sales.facts" />
      <BooleanInput source="clearNeed" helperText={<GlossaryHelp text="sales.help.clearNeed" term="LEAD_CREDIBLE" />} />
      <BooleanInput
        source="decisionMakerKnown"
        helperText={<GlossaryHelp text="sales.help.decisionMakerKnown" term="LEAD_OPPORTUNITY" />}
      />
      <BooleanInput source="investmentPlan" helperText="sales.help.investmentPlan" />
      <DayInput source="expectedDate" helperText="sales.help.expectedDate" />
      <Heading text="sales.criteria" />
      <TextInput
        source="expectedAmount"
        validate={decimal}
        helperText={<GlossaryHelp text="sales.help.expectedAmount" term="LEAD_GRADES" />}
      />
      <TextInput source="currency" defaultValue="CNY" validate={[required(), currencyCode]} />
      <Typography variant="body2" color="text.secondary">
        <GlossaryHelp text="sales.help.strategic" term="LEAD_GRADES" />
      </Typography>
      <BooleanInput source="strategicIndustryBreakthrough" />
      <BooleanInput source="majorProductDirectionImpact" />
      <BooleanInput source="majorBusinessModelImpact" />
      <BooleanInput source="marketBreakthrough" />
      <Heading text="sales.conversion" />
      <TextInput
        source="budget"
        validate={decimal}
        helperText={<GlossaryHelp text="sales.help.budget" term="OPPORTUNITY" />}
      />
      <DayInput source="startTime" helperText="sales.help.startTime" />
      <BooleanInput source="fittingSolution" helperText="sales.help.fittingSolution" />
    </>
  );
}

/** Only what the API's lead input takes: an empty amount is no amount. */
export function toLeadInput(values: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...values };
  for (const key of ['expectedAmount', 'budget', 'expectedDate', 'startTime', 'need']) {
    if (out[key] === '') out[key] = null;
  }
  return out;
}
