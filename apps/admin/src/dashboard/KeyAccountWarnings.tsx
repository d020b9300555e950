// The AR's key accounts that need care (keyAccountWarnings): a decision maker hostile (≤ −1), of unknown attitude or
// not mapped at all, and their relationship-plan actions overdue; each links to the customer's power map.
import { Card, CardContent, LinearProgress, List as MuiList, ListItem, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useTranslate } from 'react-admin';
import { useErrorMessage } from '../components/ErrorText';
import { useDate, useEnumLabel } from '../components/fields';
import { fetchKeyAccountWarnings, type KeyAccountWarningData } from '../sales/salesApi';
import { takeEarlyCard } from './earlyCards';

export function KeyAccountWarnings() {
  const translate = useTranslate();
  const message = useErrorMessage();
  const warning = useEnumLabel('AccountWarning');
  const tier = useEnumLabel('CustomerTier');
  const date = useDate();
  const separator = translate('sales.list_separator');
  const { data, error } = useQuery({
    queryKey: ['keyAccountWarnings'],
    // Asked for with the dashboard, when it opened right after sign-in (earlyCards.ts).
    queryFn: () => takeEarlyCard<KeyAccountWarningData[]>('keyAccountWarnings') ?? fetchKeyAccountWarnings(),
  });
  return (
    <Card sx={{ flex: '1 1 420px' }} data-testid="dash-key-accounts">
      <CardContent>
        <Typography variant="h6">
          {translate('sales.warnings.title')}
          {data ? ` (${data.length})` : ''}
        </Typography>
        {error ? (
          <Typography color="error">{translate('sales.warnings.failed', { error: message(error) })}</Typography>
        ) : !data ? (
          <LinearProgress />
        ) : data.length === 0 ? (
          <Typography color="text.secondary">{translate('sales.warnings.none')}</Typography>
        ) : (
          <MuiList dense>
            {data.map((w) => (
              <ListItem key={w.customer.id} sx={{ display: 'block' }} data-testid={`key-account-${w.customer.id}`}>
                <Link to={`/Customer/${w.customer.id}/show/map`}>
                  {w.customer.name} · {tier(w.customer.tier)}
                </Link>
                <Typography variant="body2">{w.codes.map(warning).join(separator)}</Typography>
                {w.hostile.length > 0 && (
                  <Typography variant="body2" color="error">
                    {translate('sales.warnings.hostile', { names: w.hostile.map((s) => s.name).join(separator) })}
                  </Typography>
                )}
                {w.unknown.length > 0 && (
                  <Typography variant="body2">
                    {translate('sales.warnings.unknown', { names: w.unknown.map((s) => s.name).join(separator) })}
                  </Typography>
                )}
                {w.overdueActions.map((a) => (
                  <Typography key={a.id} variant="body2" color="error">
                    {translate('sales.warnings.overdue', { action: a.action, date: date(a.dueDate) })}
                  </Typography>
                ))}
              </ListItem>
            ))}
          </MuiList>
        )}
      </CardContent>
    </Card>
  );
}
