// Talent search: who holds a role at a level or above, at a moment (now unless chosen), in an org unit and below —
// the qualification as qualificationStatus evaluates it (qualifiedPeoplePage).
import { Alert, Box, Button, Card, CardContent, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Form,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  Title,
  useTranslate,
} from 'react-admin';
import { useErrorMessage } from '../components/ErrorText';
import { enumChoices } from '../components/fields';
import { InstantInput, toInstant } from '../components/InstantInput';
import { TRIANGLE_ROLES } from '../providers/types';
import type { TalentQuestion } from '../providers/operations';
import { TalentResults, useTalent } from './TalentResults';

const GRID = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
  columnGap: 2,
  alignItems: 'start',
} as const;

/** The highest qualification level (levels are numbered 1 to 10). */
export const MAX_LEVEL = 10;

export function toQuestion(values: Record<string, unknown>): TalentQuestion {
  return {
    role: String(values.role),
    minLevel: Number(values.minLevel),
    at: toInstant(values.at),
    orgUnitId: values.orgUnitId ? String(values.orgUnitId) : null,
  };
}

export function TalentSearch() {
  const translate = useTranslate();
  const message = useErrorMessage();
  const talent = useTalent();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="talent.title" />
      <Card>
        <CardContent>
          <Typography variant="h6">{translate('talent.title')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('talent.intro')}
          </Typography>
          <Form
            onSubmit={(values: Record<string, unknown>) => talent.ask(toQuestion(values))}
            defaultValues={{ role: 'AR', minLevel: 1 }}
            mode="onSubmit"
          >
            <Box sx={GRID}>
              <SelectInput
                source="role"
                label="talent.role"
                choices={enumChoices('TriangleRole', TRIANGLE_ROLES)}
                validate={required()}
              />
              <NumberInput
                source="minLevel"
                label="talent.min_level"
                min={1}
                max={MAX_LEVEL}
                step={1}
                validate={[required(), minValue(1), maxValue(MAX_LEVEL)]}
              />
              <InstantInput source="at" label="talent.at" helperText="talent.at_help" />
              <ReferenceInput source="orgUnitId" reference="OrgUnit">
                <AutocompleteInput optionText="name" label="talent.org_unit" helperText="talent.org_unit_help" />
              </ReferenceInput>
            </Box>
            <Button type="submit" variant="contained">
              {translate('talent.submit')}
            </Button>
          </Form>
          {Boolean(talent.error) && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {message(talent.error)}
            </Alert>
          )}
          {talent.answer && (
            <TalentResults answer={talent.answer} loadingMore={talent.loadingMore} onMore={talent.more} />
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
