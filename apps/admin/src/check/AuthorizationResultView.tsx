// The answer to "may P take D?": allowed with every chain that allows it, or denied with every reason.
import { Alert, Box, List as MuiList, ListItem, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ChainView } from '../components/ChainView';
import { useDate } from '../components/fields';
import { AnswerBasisView } from '../history/AsOf';
import type { AuthorizationResult } from '../providers/types';

export function AuthorizationResultView({ result, personId }: { result: AuthorizationResult; personId?: string }) {
  const translate = useTranslate();
  const date = useDate();
  return (
    <Box data-testid="authorization-result">
      <Alert severity={result.allowed ? 'success' : 'error'} sx={{ mb: 1 }}>
        <strong>{translate(result.allowed ? 'check.allowed' : 'check.denied')}</strong> · {date(result.at, true)}
      </Alert>
      <AnswerBasisView basis={result} />
      {result.allowed ? (
        <>
          <Typography variant="subtitle1">{translate('check.chains')}</Typography>
          {result.chains.map((chain, i) => (
            <Box key={i} sx={{ mb: 1 }}>
              <ChainView chain={chain} personId={personId} />
            </Box>
          ))}
        </>
      ) : (
        <>
          <Typography variant="subtitle1">{translate('check.reasons')}</Typography>
          <MuiList dense data-testid="denial-reasons">
            {result.reasons.map((r, i) => (
              <ListItem key={i} sx={{ display: 'list-item', listStyle: 'disc', ml: 2 }}>
                <strong>{translate(`denial.${r.code}`, { _: r.code })}</strong>
                {r.message ? `: ${r.message}` : ''}
              </ListItem>
            ))}
          </MuiList>
        </>
      )}
    </Box>
  );
}
