// A decision recorded directly (recordDecision, not from the inbox) on a project's decision point that has a pending
// request settles that request as if it had been taken from it: the vote is logged on the request, the decider's
// inbox entry is marked acted on, and a decision that completes closes the request with its outcome. Without this the
// request would wait in the inbox for a decision already taken, and escalate.
import { statusAfterDecision } from '@iron-triangle/domain';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../platform/context';
import { forUpdate } from '../../platform/db';
import type { DecisionRecorded } from '../decision';
import { DecisionRequest, DecisionRequestRecipient, StoredVote } from './decision-request.entity';
import { pendingKeyOf, recipientsOf, saveRequest } from './decision-request.process';

export async function settleRequestByDirectDecision(
  em: EntityManager,
  ctx: Context,
  { decision, fromRequestId }: DecisionRecorded,
): Promise<void> {
  if (fromRequestId !== null) return;
  const request = await em.findOne(DecisionRequest, {
    where: { pendingKey: pendingKeyOf(decision.projectId, decision.decisionPoint) },
    ...forUpdate(em),
  });
  if (!request) return;
  const recipients = await recipientsOf(em, request.id);
  const mine = recipients.find((r) => r.personId === decision.deciderId && r.actedAt === null);
  if (mine)
    await em.update(DecisionRequestRecipient, { id: mine.id }, {
      actedAt: ctx.now,
      updatedAt: ctx.now,
      version: mine.version + 1,
    } as never);
  const vote: StoredVote = {
    decisionId: String(decision.id),
    personId: String(decision.deciderId),
    outcome: decision.outcome,
    seatTitles: [...((decision.chain as { body?: { seatTitles: string[] } | null }).body?.seatTitles ?? [])],
    complete: !!decision.complete,
    at: ctx.now.toISOString(),
  };
  const status = statusAfterDecision(decision.outcome as 'APPROVED' | 'REJECTED' | 'RETURNED', !!decision.complete);
  const closing =
    status === 'PENDING'
      ? {}
      : {
          status,
          pendingKey: null,
          decisionId: decision.id,
          closedAt: ctx.now,
          closedById: decision.deciderId,
        };
  await saveRequest(
    em,
    ctx,
    request,
    { voteLog: [...request.voteLog, vote], ...closing } as Partial<DecisionRequest>,
    status === 'PENDING' ? 'vote' : 'decide',
    status === 'PENDING'
      ? `person ${decision.deciderId} voted ${decision.outcome} directly (decision ${decision.id}); the body's ` +
          'decision is not complete'
      : `person ${decision.deciderId} decided ${decision.outcome} directly (decision ${decision.id}), outside the ` +
          'inbox: the request is settled by it',
  );
}
