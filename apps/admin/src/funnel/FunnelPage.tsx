// The sales funnel screen: by stage and grade, conversion and the forecasts as charts, filtered by org unit (its
// subtree) and by close-date period; every bar opens the filtered list of opportunities.
import { Box, LinearProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { AutocompleteInput, Form, ReferenceInput, Title, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useErrorMessage } from '../components/ErrorText';
import { DayInput } from '../sales/DayInput';
import { fetchSalesFunnel } from '../sales/salesApi';
import { takeEarlyCard } from '../dashboard/earlyCards';
import type { FunnelFilter, SalesFunnelData } from './funnelData';
import { FunnelSummary } from './FunnelSummary';

const FunnelCharts = lazy(() => import('./FunnelCharts'));

export function useSalesFunnel(filter: FunnelFilter) {
  return useQuery({
    queryKey: ['salesFunnel', filter.orgUnitId ?? null, filter.from ?? null, filter.to ?? null],
    // The whole funnel (the dashboard's card) may have been asked for with the dashboard (earlyCards.ts).
    queryFn: () =>
      (!filter.orgUnitId && !filter.from && !filter.to ? takeEarlyCard<SalesFunnelData>('salesFunnel') : null) ??
      fetchSalesFunnel(filter),
  });
}

function FilterWatcher({ onChange }: { onChange: (filter: FunnelFilter) => void }) {
  const orgUnitId = useWatch({ name: 'orgUnitId' }) as string | null | undefined;
  const from = useWatch({ name: 'from' }) as string | null | undefined;
  const to = useWatch({ name: 'to' }) as string | null | undefined;
  useEffect(
    () => onChange({ orgUnitId: orgUnitId || null, from: from || null, to: to || null }),
    [orgUnitId, from, to, onChange],
  );
  return null;
}

export function FunnelPage() {
  const translate = useTranslate();
  const message = useErrorMessage();
  const [filter, setFilter] = useState<FunnelFilter>({});
  const { data, error } = useSalesFunnel(filter);
  return (
    <Box sx={{ mt: 2 }} data-testid="funnel-page">
      <Title title="sales.funnel.title" />
      <Typography variant="h5" sx={{ mb: 1 }}>
        {translate('sales.funnel.title')}
      </Typography>
      <Form>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
          <ReferenceInput source="orgUnitId" reference="OrgUnit">
            <AutocompleteInput
              optionText="name"
              label="sales.funnel.org_unit"
              helperText="sales.funnel.org_unit_help"
              fullWidth={false}
              sx={{ minWidth: 260 }}
            />
          </ReferenceInput>
          <DayInput source="from" label="sales.funnel.from" helperText={false} fullWidth={false} />
          <DayInput source="to" label="sales.funnel.to" helperText={false} fullWidth={false} />
        </Box>
        <FilterWatcher onChange={setFilter} />
      </Form>
      {error ? (
        <Typography color="error">{translate('sales.funnel.failed', { error: message(error) })}</Typography>
      ) : !data ? (
        <LinearProgress />
      ) : (
        <>
          <FunnelSummary funnel={data} />
          {data.total.count === 0 && (
            <Typography color="text.secondary">{translate('sales.funnel.nothing')}</Typography>
          )}
          <Suspense fallback={<LinearProgress />}>
            <FunnelCharts funnel={data} filter={filter} />
          </Suspense>
        </>
      )}
    </Box>
  );
}
