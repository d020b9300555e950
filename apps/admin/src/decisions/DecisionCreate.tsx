// Recording a decision goes through recordDecision (append-only, idempotent): one key per form, so a retried
// save never records twice.
import { useState } from 'react';
import { Create, SimpleForm, useDataProvider, useNotify, useRedirect } from 'react-admin';
import { useErrorMessage, useFieldErrors } from '../components/ErrorText';
import type { Operations } from '../providers/operations';
import { DecisionInputs } from './DecisionInputs';

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function DecisionCreate() {
  const [idempotencyKey] = useState(newKey);
  const dataProvider = useDataProvider() as unknown as Operations;
  const notify = useNotify();
  const redirect = useRedirect();
  const message = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const save = async (values: Record<string, unknown>) => {
    try {
      const decision = await dataProvider.recordDecision({
        ...(values as Omit<Parameters<Operations['recordDecision']>[0], 'idempotencyKey'>),
        idempotencyKey,
      });
      notify('ra.notification.created', { type: 'success', messageArgs: { smart_count: 1 } });
      redirect('show', 'Decision', decision.id);
      return undefined;
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      notify(message(error), { type: 'error' });
      return fieldErrors;
    }
  };
  return (
    <Create>
      <SimpleForm onSubmit={save}>
        <DecisionInputs />
      </SimpleForm>
    </Create>
  );
}
