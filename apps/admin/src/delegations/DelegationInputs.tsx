// A delegation hands down part of a source authority (a rule or a delegation): the inputs check against the
// source before sending — fewer points and grades, a lower or equal limit, a window inside the source's.
import { Alert } from '@mui/material';
import {
  AutocompleteInput,
  CheckboxGroupInput,
  FormDataConsumer,
  maxValue,
  minValue,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useGetOne,
  useTranslate,
} from 'react-admin';
import { enumChoices, useDate, useEnumLabel, useMoney } from '../components/fields';
import { after, currencyCode, decimal, notAbove, requiredList, subsetOf } from '../components/validators';
import { DECISION_POINTS, GRADES } from '../providers/types';
import { InstantInput } from '../components/InstantInput';
import { PersonInput, useDelegationOptionText } from '../components/names';
import { loadSession } from '../auth/session';

interface Source {
  id: string;
  decisionPoints: string[];
  grades: string[];
  limit?: string | null;
  currency: string;
  validFrom: string;
  validTo?: string | null;
  delegableDepth?: number;
  redelegableDepth?: number;
}

function within(source: Source | undefined, field: 'validFrom' | 'validTo') {
  return (value: unknown) => {
    if (!source || !value) return undefined;
    const t = new Date(String(value)).getTime();
    if (field === 'validFrom' && t < new Date(source.validFrom).getTime()) return 'validation.window';
    if (source.validTo && t > new Date(source.validTo).getTime()) return 'validation.window';
    return undefined;
  };
}

function Limits({ sourceKind, sourceId }: { sourceKind?: string; sourceId?: string }) {
  const translate = useTranslate();
  const money = useMoney();
  const date = useDate();
  const point = useEnumLabel('DecisionPoint');
  const grade = useEnumLabel('ProjectGrade');
  const resource = sourceKind === 'DELEGATION' ? 'Delegation' : 'AuthorityRule';
  const { data: source } = useGetOne<Source>(resource, { id: sourceId ?? '' }, { enabled: Boolean(sourceId) });
  const limitText = source?.limit ? money(source.limit, source.currency) : translate('app.unlimited');
  const maxDepth = source ? Math.max(0, (source.delegableDepth ?? source.redelegableDepth ?? 1) - 1) : undefined;
  return (
    <>
      {source && (
        <Alert severity="info" sx={{ my: 1 }} data-testid="source-limits">
          {translate('delegation.source_limits', {
            points: source.decisionPoints.map(point).join(', '),
            grades: source.grades.map(grade).join(', '),
            limit: limitText,
            until: source.validTo ? date(source.validTo) : translate('app.open_ended'),
          })}
        </Alert>
      )}
      <CheckboxGroupInput
        source="decisionPoints"
        choices={enumChoices('DecisionPoint', DECISION_POINTS)}
        validate={[
          requiredList,
          subsetOf(source?.decisionPoints, (source?.decisionPoints ?? []).map(point).join(', ')),
        ]}
      />
      <CheckboxGroupInput
        source="grades"
        choices={enumChoices('ProjectGrade', GRADES)}
        validate={[requiredList, subsetOf(source?.grades, (source?.grades ?? []).map(grade).join(', '))]}
      />
      <ReferenceInput source="scopeOrgUnitId" reference="OrgUnit">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <TextInput source="limit" validate={[decimal, notAbove(source?.limit, limitText)]} />
      <TextInput source="currency" defaultValue={source?.currency ?? 'CNY'} validate={[required(), currencyCode]} />
      <InstantInput source="validFrom" validate={[required(), within(source, 'validFrom')]} />
      <InstantInput source="validTo" validate={[after('validFrom'), within(source, 'validTo')]} />
      <NumberInput
        source="redelegableDepth"
        defaultValue={0}
        validate={[required(), minValue(0), ...(maxDepth !== undefined ? [maxValue(maxDepth)] : [])]}
      />
    </>
  );
}

function DelegationSourceInput() {
  const optionText = useDelegationOptionText();
  return <AutocompleteInput optionText={optionText} validate={required()} />;
}

/** A leader delegates only as themselves: the delegator is the signed-in leader's own person, said so. */
function DelegatorInput() {
  const translate = useTranslate();
  const user = loadSession()?.user;
  const leader = user?.role === 'LEADER';
  return (
    <PersonInput
      source="delegatorId"
      validate={required()}
      defaultValue={leader && user?.personId ? user.personId : undefined}
      helperText={leader ? translate('h16.leader_delegates_as_self') : undefined}
    />
  );
}

export function DelegationInputs() {
  return (
    <>
      <RadioButtonGroupInput
        source="sourceKind"
        label="delegation.source"
        defaultValue="RULE"
        validate={required()}
        choices={[
          { id: 'RULE', name: 'delegation.source_rule' },
          { id: 'DELEGATION', name: 'delegation.source_delegation' },
        ]}
      />
      <FormDataConsumer>
        {({ formData }) =>
          formData.sourceKind === 'DELEGATION' ? (
            <ReferenceInput source="sourceDelegationId" reference="Delegation">
              <DelegationSourceInput />
            </ReferenceInput>
          ) : (
            <ReferenceInput source="sourceRuleId" reference="AuthorityRule">
              <AutocompleteInput optionText="name" validate={required()} />
            </ReferenceInput>
          )
        }
      </FormDataConsumer>
      <DelegatorInput />
      <PersonInput source="delegateId" validate={required()} />
      <FormDataConsumer>
        {({ formData }) => (
          <Limits
            sourceKind={formData.sourceKind}
            sourceId={formData.sourceKind === 'DELEGATION' ? formData.sourceDelegationId : formData.sourceRuleId}
          />
        )}
      </FormDataConsumer>
      <SelectInput source="requiredRole" choices={enumChoices('TriangleRole', ['AR', 'SR', 'FR'])} />
      <NumberInput source="requiredLevel" validate={[minValue(1), maxValue(5)]} />
      <TextInput source="reason" multiline validate={required()} fullWidth />
    </>
  );
}

/** Sends exactly one source, and drops the form-only `sourceKind`. */
export function toDelegationInput({ sourceKind, sourceRuleId, sourceDelegationId, ...rest }: Record<string, unknown>) {
  return sourceKind === 'DELEGATION' ? { ...rest, sourceDelegationId } : { ...rest, sourceRuleId };
}
