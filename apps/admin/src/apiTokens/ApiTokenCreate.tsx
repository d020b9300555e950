// The token's secret comes back once, from createApiToken: show it until the admin has copied it.
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useState } from 'react';
import { Create, SimpleForm, useRedirect, useTranslate } from 'react-admin';
import { ApiTokenInputs } from './ApiTokenInputs';

export function ApiTokenCreate() {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <>
      <Create mutationOptions={{ onSuccess: (data) => setSecret(String(data.secret ?? '')) }}>
        <SimpleForm>
          <ApiTokenInputs />
        </SimpleForm>
      </Create>
      <Dialog open={secret !== null}>
        <DialogTitle>{translate('resources.ApiToken.fields.secret')}</DialogTitle>
        <DialogContent>
          <Alert severity="warning">{translate('resources.ApiToken.secret_once')}</Alert>
          <Typography sx={{ fontFamily: 'monospace', wordBreak: 'break-all', mt: 2 }} data-testid="token-secret">
            {secret}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => redirect('list', 'ApiToken')}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
