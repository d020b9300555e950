// "May this person take this decision?" and "Who may take it?", for a project or a described case, at a moment (the
// decision's, effective time) as known at another (recorded time), both now unless chosen.
import { Alert, Box, Button, Card, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  Form,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  Title,
  useDataProvider,
  useTranslate,
} from 'react-admin';
import { AuthorizationResultView } from './AuthorizationResultView';
import { useErrorMessage } from '../components/ErrorText';
import { enumChoices } from '../components/fields';
import { currencyCode, decimal } from '../components/validators';
import type { CaseInput, Operations } from '../providers/operations';
import { AuthorizationResult, DECISION_POINTS, GRADES } from '../providers/types';
import { AsOfInputs } from '../history/AsOf';
import { DecidersView, useDeciders } from './DecidersView';
import { PersonInput, PeopleInput } from '../components/names';

/** Inputs laid out in columns so that the answer shows without scrolling. */
const GRID = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
  columnGap: 2,
  alignItems: 'start',
} as const;

function CaseInputs({ person = false }: { person?: boolean }) {
  const translate = useTranslate();
  return (
    <>
      <Box sx={GRID}>
        {person && <PersonInput source="personId" label="check.person" validate={required()} />}
        <SelectInput
          source="decisionPoint"
          label="resources.Decision.fields.decisionPoint"
          choices={enumChoices('DecisionPoint', DECISION_POINTS)}
          validate={required()}
        />
        <ReferenceInput source="projectId" reference="Project">
          <AutocompleteInput optionText="name" label="check.project" />
        </ReferenceInput>
        <AsOfInputs />
      </Box>
      <Typography variant="caption" color="text.secondary">
        {translate('check.described')}
      </Typography>
      <Box sx={GRID}>
        <SelectInput
          source="grade"
          label="resources.Project.fields.grade"
          choices={enumChoices('ProjectGrade', GRADES)}
        />
        <ReferenceInput source="orgUnitId" reference="OrgUnit">
          <AutocompleteInput optionText="name" label="resources.Project.fields.orgUnitId" />
        </ReferenceInput>
        <TextInput source="amount" label="resources.Project.fields.amount" validate={decimal} />
        <TextInput source="currency" label="resources.Project.fields.currency" validate={currencyCode} />
        <PeopleInput source="teamMemberIds" label="check.team" />
      </Box>
    </>
  );
}

/** A case needs a project, or a grade, an org unit and an amount (the currency defaults to CNY), as the API does. */
export function validateCase(values: Record<string, unknown>) {
  return values.projectId || (values.grade && values.orgUnitId && values.amount)
    ? {}
    : { projectId: 'check.need_case' };
}

function toCase(values: Record<string, unknown>): CaseInput {
  const { decisionPoint, projectId, grade, orgUnitId, amount, currency, at, asKnownAt } = values as Record<
    string,
    string | undefined
  >;
  const team = values.teamMemberIds as string[] | undefined;
  return {
    decisionPoint: decisionPoint ?? '',
    projectId,
    grade,
    orgUnitId,
    amount,
    currency: currency || (amount ? 'CNY' : undefined),
    at,
    asKnownAt,
    teamMemberIds: team?.length ? team : undefined,
  };
}

export function CheckDecision() {
  const translate = useTranslate();
  const dataProvider = useDataProvider() as unknown as Operations;
  const message = useErrorMessage();
  const [result, setResult] = useState<{ answer: AuthorizationResult; personId: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const deciders = useDeciders();

  const check = async (values: Record<string, unknown>) => {
    setError(null);
    setResult(null);
    try {
      const personId = String(values.personId);
      setResult({ answer: await dataProvider.authorize({ ...toCase(values), personId }), personId });
    } catch (caught) {
      setError(caught);
    }
  };
  const who = (values: Record<string, unknown>) =>
    // What the answer knew: the moment chosen, else now (the API answers as known when it reads).
    deciders.ask(toCase(values), (values.asKnownAt as string | undefined) || new Date().toISOString());

  return (
    <Box sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title="check.title" />
      <Card>
        <CardContent>
          <Typography variant="h6">{translate('check.title')}</Typography>
          <Form onSubmit={check} validate={validateCase} mode="onSubmit">
            <CaseInputs person />
            <Button type="submit" variant="contained">
              {translate('check.submit')}
            </Button>
          </Form>
          {Boolean(error) && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {message(error)}
            </Alert>
          )}
          {result && (
            <Box sx={{ mt: 2 }}>
              <AuthorizationResultView result={result.answer} personId={result.personId} />
            </Box>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="h6">{translate('check.who_title')}</Typography>
          <Form onSubmit={who} validate={validateCase} mode="onSubmit">
            <CaseInputs />
            <Button type="submit" variant="contained">
              {translate('check.who_submit')}
            </Button>
          </Form>
          {Boolean(deciders.error) && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {message(deciders.error)}
            </Alert>
          )}
          {deciders.answer && (
            <DecidersView answer={deciders.answer} loadingMore={deciders.loadingMore} onMore={deciders.more} />
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
