// A decision request routed to people (opened for them, or escalated to them) becomes a notification for each of them,
// written in the routing transaction: "a decision waiting for you" and "an escalation".
import type { EntityManager } from 'typeorm';
import { DecisionRequest, type RequestRouted } from '../decision-request';
import { Person } from '../person';
import { Project } from '../project';
import { notify } from './notification.service';

async function nameOf(em: EntityManager, personId: number | null | undefined): Promise<string | null> {
  if (personId === null || personId === undefined) return null;
  return (await em.findOneBy(Person, { id: personId }))?.name ?? null;
}

/** The listener registered with the decision-request module (composition.ts). */
export async function notifyRequestRouted(em: EntityManager, event: RequestRouted): Promise<void> {
  if (event.personIds.length === 0) return;
  const request = await em.findOneBy(DecisionRequest, { id: event.requestId });
  const project = await em.findOneBy(Project, { id: event.projectId });
  if (!request || !project) return;
  const requesterName = await nameOf(em, request.requesterId);
  const recipients = event.personIds.map((personId) => ({ personId }));
  const options = {
    at: event.at,
    link: { recordType: 'DecisionRequest', recordId: request.id },
    key: `decision-request:${request.id}:${event.kind}:${request.escalationLevel}`,
  };
  if (event.kind === 'OPENED') {
    await notify(
      em,
      recipients,
      'DECISION_REQUESTED',
      {
        projectName: project.name,
        decisionPoint: event.decisionPoint,
        requesterName,
        amount: request.amount,
        currency: request.currency,
        dueAt: event.dueAt.toISOString(),
        note: request.note,
      },
      options,
    );
    return;
  }
  const last = request.escalationLog[request.escalationLog.length - 1];
  await notify(
    em,
    recipients,
    'DECISION_ESCALATED',
    {
      projectName: project.name,
      decisionPoint: event.decisionPoint,
      requesterName,
      dueAt: last ? new Date(last.missedDueAt).toISOString() : null,
    },
    options,
  );
}
