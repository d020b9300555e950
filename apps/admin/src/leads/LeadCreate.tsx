import { Create, SimpleForm } from 'react-admin';
import { loadSession } from '../auth/session';
import { LeadInputs, toLeadInput } from './LeadInputs';

export function LeadCreate() {
  const personId = loadSession()?.user.personId ?? undefined;
  return (
    <Create redirect="show" transform={toLeadInput}>
      <SimpleForm
        defaultValues={{
          currency: 'CNY',
          ownerId: personId,
          foundById: personId,
          clearNeed: false,
          decisionMakerKnown: false,
          investmentPlan: false,
          strategicIndustryBreakthrough: false,
          majorProductDirectionImpact: false,
          majorBusinessModelImpact: false,
          marketBreakthrough: false,
          fittingSolution: false,
        }}
      >
        <LeadInputs />
      </SimpleForm>
    </Create>
  );
}
