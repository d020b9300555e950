import {
  ArrayInput,
  AutocompleteInput,
  FormDataConsumer,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useGetManyReference,
  useGetOne,
} from 'react-admin';
import { useEffect } from 'react';
import { useFormContext } from 'react-hook-form';
import { enumChoices } from '../components/fields';
import { ASSESSOR_KINDS } from '../providers/types';
import { APPRAISAL_RATINGS, DEFAULT_DIMENSIONS } from '../frameworks/FrameworkMatrixInput';
import { InstantInput } from '../components/InstantInput';
import { PersonInput } from '../components/names';

export const ASSESSMENT_KINDS = ASSESSOR_KINDS;

/** The dimensions to rate: those of the framework's role-model version, else the role's standard ones. */
function useDimensions(role?: string, frameworkId?: string): string[] {
  const { data: framework } = useGetOne(
    'QualificationFramework',
    { id: frameworkId ?? '' },
    { enabled: Boolean(frameworkId) },
  );
  const versionId = framework?.roleModelVersionId;
  const { data } = useGetManyReference(
    'RoleModelDimension',
    {
      target: 'roleModelVersionId',
      id: versionId ?? '',
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'sortOrder', order: 'ASC' },
    },
    { enabled: Boolean(versionId) },
  );
  const codes = (data ?? []).map((d) => String(d.code));
  return codes.length ? codes : (DEFAULT_DIMENSIONS[role ?? ''] ?? []);
}

/** One row per dimension of the chosen framework; rows already typed are kept. */
function Ratings({ role, frameworkId }: { role?: string; frameworkId?: string }) {
  const dimensions = useDimensions(role, frameworkId);
  const { getValues, setValue } = useFormContext();
  const key = dimensions.join(',');
  useEffect(() => {
    if (!key) return;
    const current = (getValues('ratings') as Array<{ dimensionCode?: string }> | undefined) ?? [];
    const byCode = new Map(current.map((r) => [r.dimensionCode, r]));
    setValue(
      'ratings',
      key.split(',').map((dimensionCode) => byCode.get(dimensionCode) ?? { dimensionCode, score: null, evidence: '' }),
      { shouldDirty: true },
    );
  }, [key, getValues, setValue]);
  return (
    <ArrayInput source="ratings" label="qualification.ratings" validate={required()}>
      <SimpleFormIterator inline>
        <SelectInput
          source="dimensionCode"
          label="resources.Assessment.fields.dimensionCode"
          choices={enumChoices('Dimension', dimensions)}
          validate={required()}
        />
        <NumberInput
          source="score"
          label="qualification.rating"
          validate={[required(), minValue(1), maxValue(5)]}
          sx={{ width: 120 }}
        />
        <TextInput
          source="evidence"
          label="qualification.evidence"
          multiline
          sx={{ minWidth: 360 }}
          validate={required()}
        />
      </SimpleFormIterator>
    </ArrayInput>
  );
}

/** The form holds ratings as the API returns them (dimensionCode, score); the mutations take dimension, proficiency. */
export function toAssessmentInput({ ratings, performance, ...values }: Record<string, unknown>) {
  const rows = (ratings as Array<Record<string, unknown>> | undefined) ?? [];
  const periods = (performance as Array<Record<string, unknown>> | null | undefined) ?? [];
  return {
    ...values,
    ratings: rows.map((r) => ({
      dimension: r.dimensionCode,
      proficiency: Number(r.score),
      evidence: r.evidence ?? null,
    })),
    performance: periods.map((p) => ({ period: p.period, endsAt: p.endsAt, rating: p.rating })),
  };
}

export function AssessmentInputs() {
  return (
    <>
      <PersonInput source="personId" validate={required()} />
      <SelectInput source="role" choices={enumChoices('TriangleRole', ['AR', 'SR', 'FR'])} validate={required()} />
      <FormDataConsumer>
        {({ formData }) => (
          <ReferenceInput
            source="frameworkId"
            reference="QualificationFramework"
            filter={formData.role ? { role: formData.role, status: 'ACTIVE' } : { status: 'ACTIVE' }}
          >
            <AutocompleteInput
              optionText={(f: { name: string; versionNo?: number }) => `${f.name} · v${f.versionNo ?? 1}`}
              validate={required()}
            />
          </ReferenceInput>
        )}
      </FormDataConsumer>
      <SelectInput source="kind" choices={enumChoices('AssessmentKind', ASSESSMENT_KINDS)} validate={required()} />
      <PersonInput source="assessorId" />
      <InstantInput source="assessedAt" validate={required()} defaultValue={new Date().toISOString()} />
      <InstantInput source="inRoleSince" />
      <NumberInput source="completedProjects" validate={minValue(0)} />
      <ArrayInput source="performance">
        <SimpleFormIterator inline>
          <TextInput
            source="period"
            label="resources.Assessment.fields.period"
            validate={required()}
            sx={{ width: 120 }}
          />
          <InstantInput source="endsAt" label="resources.Assessment.fields.endsAt" validate={required()} />
          <SelectInput
            source="rating"
            label="resources.Assessment.fields.rating"
            choices={enumChoices('AppraisalRating', APPRAISAL_RATINGS)}
            validate={required()}
          />
        </SimpleFormIterator>
      </ArrayInput>
      <FormDataConsumer>
        {({ formData }) => <Ratings role={formData.role} frameworkId={formData.frameworkId} />}
      </FormDataConsumer>
      <TextInput source="comment" multiline fullWidth />
    </>
  );
}
