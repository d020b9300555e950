// recordDecision: a decision is recorded only in the LTC sequence (ATI → ATB → ATC → ATAC, ATCC; nothing after ATCC)
// and when the engine allows the decider at that moment (the allowing chain is kept as a snapshot, with the project's
// amount and grade it was taken on); a refusal is audited and nothing else is written; the same idempotency key
// records once. Under a decision body's rule each seat votes; the decision completes at the quorum, or as soon as
// the quorum can no longer be reached, and is then closed to further votes. An approval that completes moves the
// project's stage in the same transaction.
import { Ctx, Arg, Field, ID, InputType, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import { Length, MaxLength, IsOptional } from 'class-validator';
import { EntityManager } from 'typeorm';
import {
  authorize,
  AuthorityBodyQuorum,
  checkDecisionMakerForAti,
  checkSequence,
  completesDecision,
  DecisionPoint,
  DecisionRole,
  isLtcDecisionPoint,
  QuorumTally,
  tallyVotes,
  voteRound,
} from '@iron-triangle/domain';
import type { Context } from '../../platform/context';
import { allow } from '../../platform/permissions';
import { AppError, forbidden, idempotencyKeyReused, notFound } from '../../platform/errors';
import { callerKey } from '../../platform/idempotency';
import { singleRefusal } from '../../platform/refusal';
import { toId } from '../../platform/crud';
import { writeAudit } from '../../platform/audit';
import { assertReadable, assertWritable } from '../../platform/scope';
import { DecisionOutcomeEnum, DecisionPointEnum } from '../../platform/enums';
import { Decision } from './decision.entity';
import { Project, toProjectCase } from '../project';
import { TeamAppointment } from '../team-appointment';
import { authorityCache, ChainView, denialRefusal, toChainView, toResultView } from '../authorization';
import { localeOf } from '../../platform/locale';
import { forUpdate } from '../../platform/db';
import { lockRevision } from '../../platform/change-log';
import { companySettingsOf } from '../company-settings';
import { mappedDecisionMakers } from '../power-map';
import { moveStageOnApproval, projectDecisions, toProjectDecision } from './decision.process';
import { outOfSequenceMessage } from './decision.messages';
import { decisionRecorded } from './decision.events';

@InputType('RecordDecisionInput', { description: 'A decision to record on a project at a decision point.' })
export class RecordDecisionInput {
  @Field(() => ID, { description: 'The project.' })
  projectId: string;

  @Field(() => DecisionPointEnum, { description: 'The decision point.' })
  decisionPoint: string;

  @Field(() => DecisionOutcomeEnum, { description: 'APPROVED, REJECTED or RETURNED.' })
  outcome: string;

  @Field(() => ID, { description: 'Who decides (for a decision body: the seat holder voting).' })
  deciderId: string;

  @Field(() => String, { nullable: true, description: 'Comment by the decider.' })
  @IsOptional()
  @MaxLength(4000)
  comment?: string | null;

  @Field({
    description:
      "The caller's key for this decision (1–128 characters, compared exactly): the same key with the same " +
      'decision again returns the first result and records nothing new; with a different decision it is ' +
      'refused with IDEMPOTENCY_KEY_REUSED. Keys belong to the caller (user or API token).',
  })
  @Length(1, 128)
  idempotencyKey: string;
}

/**
 * The decision a key already recorded, when the request is the same one again; a different request under the key
 * is refused with IDEMPOTENCY_KEY_REUSED, naming the decision it recorded.
 */
function replayed(first: Decision, input: RecordDecisionInput, projectId: number, deciderId: number): Decision {
  const differences: string[] = [];
  if (first.projectId !== projectId) differences.push(`projectId ${first.projectId}, not ${projectId}`);
  if (first.decisionPoint !== input.decisionPoint)
    differences.push(`decisionPoint ${first.decisionPoint}, not ${input.decisionPoint}`);
  if (first.outcome !== input.outcome) differences.push(`outcome ${first.outcome}, not ${input.outcome}`);
  if (first.deciderId !== deciderId) differences.push(`deciderId ${first.deciderId}, not ${deciderId}`);
  if ((first.comment ?? null) !== (input.comment ?? null)) differences.push('another comment');
  if (differences.length) throw idempotencyKeyReused('Decision', first.id, `it recorded ${differences.join(', ')}`);
  return first;
}

const isUniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.code ?? e?.driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

/** Where a body's vote stands: each seat's latest vote in the current round counts (the domain's tally). */
export type BodyTally = QuorumTally;

/** The body's quorum over the votes of one round, oldest first (see the domain's `tallyVotes`). */
export function tallyBody(
  quorum: AuthorityBodyQuorum,
  seats: ReadonlyArray<{ title: string; fixed: boolean }>,
  votes: readonly Decision[],
): BodyTally {
  const ordered = [...votes].sort((a, b) => a.id - b.id);
  return tallyVotes(
    quorum,
    seats,
    ordered.map((vote) => ({
      outcome: vote.outcome,
      complete: vote.complete,
      seatTitles: (vote.chain as ChainView).body?.seatTitles ?? [],
    })),
  );
}

/**
 * The votes under one body rule on one project and decision point, oldest first; votes a material change reopened no
 * longer count (the body votes anew on the new terms).
 */
function bodyVotes(all: readonly Decision[], ruleId: string): Decision[] {
  return all
    .filter((d) => (d.chain as ChainView).body?.ruleId === ruleId && d.reopenedAt === null)
    .sort((a, b) => a.id - b.id);
}

/**
 * A body decision is settled by the vote that completes it (the domain's `voteRound`): APPROVED and REJECTED
 * are final, later votes are refused with DECISION_CLOSED; after RETURNED the next vote opens a new round.
 */
function currentRound(votes: readonly Decision[]): { closedBy: Decision | null; round: Decision[] } {
  const { closedBy, round } = voteRound(votes);
  return { closedBy, round: closedBy ? [] : round };
}

function closedError(
  ctx: Context,
  input: RecordDecisionInput,
  projectId: number,
  closedBy: Decision,
  bodyName: string,
): AppError {
  const at = closedBy.decidedAt.toISOString();
  const message =
    localeOf(ctx) === 'zh-CN'
      ? `项目 ${projectId} 的 ${input.decisionPoint} 决策已由${bodyName}于 ${at} 以 ${closedBy.outcome} 结束（决策 ` +
        `${closedBy.id}），不再记录投票。如需重新决策，请在 CRM 中重新提交该项目。`
      : `The ${input.decisionPoint} decision on project ${projectId} by ${bodyName} was completed as ` +
        `${closedBy.outcome} at ${at} (decision ${closedBy.id}); no further votes are recorded. To decide ` +
        `again, resubmit the case as a new decision.`;
  return singleRefusal('DECISION_CLOSED', message, {
    decisionId: String(closedBy.id),
    outcome: closedBy.outcome,
    completedAt: at,
  });
}

/** A refused decision is audited with what was asked and why it was refused (no decision row is written). */
function auditRefusal(
  em: EntityManager,
  ctx: Context,
  asked: { input: RecordDecisionInput; projectId: number; deciderId: number },
  why: Record<string, unknown>,
  note: string,
): Promise<void> {
  const { input, projectId, deciderId } = asked;
  const after = {
    projectId,
    decisionPoint: input.decisionPoint,
    outcome: input.outcome,
    deciderId,
    idempotencyKey: input.idempotencyKey,
    ...why,
  };
  return writeAudit(em, ctx, { action: 'refuse', entityType: 'Decision', entityId: null, after, note });
}

export type Outcome = { decision: Decision } | { refusal: AppError };

/**
 * Records a decision in the caller's transaction `em` (what recordDecision does inside its transaction): the same
 * locks, sequence, authorization, body quorum, stage move and audit. A refusal is returned (its audit entry written),
 * not thrown: the caller commits and then throws it. Decision requests decide through this (modules/decision-request).
 */
export async function record(
  em: EntityManager,
  ctx: Context,
  input: RecordDecisionInput,
  projectId: number,
  deciderId: number,
  fromRequestId: number | null = null,
): Promise<Outcome> {
  // An approval that may move the project's stage writes the project (a record with a history), and any LTC decision
  // may settle a pending decision request (a record with a history too): it takes the change log's revision row
  // first, as every such writer does (it changes no authority record: the share lock below stays).
  if (isLtcDecisionPoint(input.decisionPoint)) await lockRevision(em);
  // The share lock (MySQL) keeps authority writers out until this decision commits: judged and recorded on one state.
  const snapshot = await authorityCache(ctx).snapshotWithin(em);
  // Votes on one project wait for each other (MySQL; SQLite runs one transaction at a time), so two seats voting
  // at once both see the other's vote and exactly one of them completes the decision.
  const project = await em.findOne(Project, {
    where: { id: projectId },
    ...forUpdate(em),
  });
  if (!project) throw notFound('Project', projectId);
  // Org scope: a project the caller cannot see is not found; the decision must belong to their subtree.
  await assertReadable(ctx, em, Project, project, projectId);
  await assertWritable(ctx, em, Decision, 'decision', null, { projectId });
  // The same key may have been recorded while this call waited for the project (a retry racing its original):
  // a locking read sees it, so the retry gets the first decision rather than, say, DECISION_CLOSED caused by it.
  const sameKey = await em.findOne(Decision, {
    where: { idempotencyOwner: callerKey(ctx.principal), idempotencyKey: input.idempotencyKey },
    ...forUpdate(em),
  });
  if (sameKey) return { decision: replayed(sameKey, input, projectId, deciderId) };
  // The sequence first (whoever decides): every decision on the project, read after its row was locked, so two
  // decisions racing on one project are judged one after the other (never ATC beside an ATB not yet committed).
  const decisions = await projectDecisions(em, projectId);
  const inSequence = checkSequence(input.decisionPoint as DecisionPoint, decisions.map(toProjectDecision));
  if (!inSequence.ok) {
    await auditRefusal(
      em,
      ctx,
      { input, projectId, deciderId },
      { code: inSequence.error.code, ...inSequence.error.data },
      'missing' in inSequence.error.data
        ? `refused: OUT_OF_SEQUENCE (${inSequence.error.data.missing} is not approved)`
        : 'refused: OUT_OF_SEQUENCE (the project is closed)',
    );
    return {
      refusal: singleRefusal(
        'OUT_OF_SEQUENCE',
        outOfSequenceMessage(inSequence.error, projectId, localeOf(ctx)),
        { projectId: String(projectId), ...inSequence.error.data },
        'decisionPoint',
      ),
    };
  }
  const appointments = await em.findBy(TeamAppointment, { projectId });
  const settings = await companySettingsOf(em);
  // The front of LTC: ATI on a project made from an opportunity needs the customer's decision maker on the power map
  // (the opportunity's own map or the customer's), unless the company turned the check off.
  if (input.decisionPoint === 'ATI' && project.opportunityId !== null) {
    const required = settings.requireDecisionMakerForAti;
    // A locking read of the map's decision makers: one deleted meanwhile is not counted, and one counted stays
    // until this decision commits (its delete waits).
    const makers = required ? await mappedDecisionMakers(em, project.opportunityId, project.customerId) : [];
    const checked = checkDecisionMakerForAti(
      {
        id: String(project.opportunityId),
        stakeholders: makers.map((s) => ({ id: String(s.id), role: s.decisionRole as DecisionRole, attitudes: [] })),
      },
      required,
    );
    if (!checked.ok) {
      await auditRefusal(
        em,
        ctx,
        { input, projectId, deciderId },
        { code: checked.error.code, ...checked.error.data },
        `refused: ${checked.error.code}`,
      );
      const message =
        localeOf(ctx) === 'zh-CN'
          ? '立项决策被拒绝：该项目机会点的权力地图上还没有决策人。请先标出客户的决策人（或由管理员在公司设置中关闭此项检查）。'
          : 'ATI is refused: no decision maker is on the power map of this project’s opportunity. Map the ' +
            'customer’s decision maker first (or an administrator turns this check off in the company settings).';
      return { refusal: singleRefusal(checked.error.code, message, checked.error.data, 'decisionPoint') };
    }
  }
  const decisionCase = toProjectCase(project, appointments, input.decisionPoint, settings);
  const result = authorize(String(deciderId), decisionCase, ctx.now, snapshot.index);
  if (!result.allowed) {
    const view = toResultView(ctx, snapshot, decisionCase, result, undefined, String(deciderId));
    await auditRefusal(
      em,
      ctx,
      { input, projectId, deciderId },
      { reasons: view.reasons.map((r) => ({ code: r.code, linkId: r.linkId, data: r.data })) },
      `refused: ${view.reasons.map((r) => r.code).join(', ')}`,
    );
    const zh = localeOf(ctx) === 'zh-CN';
    const lead = zh
      ? `${deciderId} 号人员无权在此时对项目 ${projectId} 作出 ${input.decisionPoint} 决策：`
      : `Person ${deciderId} may not take ${input.decisionPoint} on project ${projectId} now: `;
    return { refusal: denialRefusal(lead, view.reasons, 'deciderId') };
  }
  // A direct authority decides alone; otherwise the person votes in a seat of the body.
  const direct = result.chains.find((c) => c.body === null);
  const chain = toChainView(direct ?? (result.chains[0] as (typeof result.chains)[number]));
  let complete = true;
  let tally: BodyTally | null = null;
  if (chain.body) {
    const bodyId = chain.body.bodyId;
    const body = snapshot.index.bodiesById.get(bodyId);
    const seats = snapshot.index.seatsByBody.get(bodyId) ?? [];
    // The project's decisions were read by a locking read: they include the votes committed while this one waited
    // for the project (a plain read would see the transaction's older snapshot under REPEATABLE READ).
    const earlier = decisions.filter((d) => d.decisionPoint === input.decisionPoint);
    const votes = bodyVotes(earlier, chain.body.ruleId);
    const { closedBy, round } = currentRound(votes);
    if (closedBy) {
      const refusal = closedError(ctx, input, projectId, closedBy, body?.name ?? `decision body ${bodyId}`);
      await auditRefusal(
        em,
        ctx,
        { input, projectId, deciderId },
        { closedBy: closedBy.id },
        `refused: DECISION_CLOSED (decision ${closedBy.id}, ${closedBy.outcome})`,
      );
      return { refusal };
    }
    const pending = { id: Number.MAX_SAFE_INTEGER, deciderId, outcome: input.outcome, chain } as unknown as Decision;
    tally = tallyBody(body?.quorum ?? { kind: 'ALL_FIXED' }, seats, [...round, pending]);
    // An approval completes at the quorum; a rejection or return as soon as approval can no longer reach it.
    complete = completesDecision(input.outcome, tally);
  }
  const values = {
    projectId,
    decisionPoint: input.decisionPoint,
    outcome: input.outcome,
    deciderId,
    decidedAt: ctx.now,
    chain,
    complete,
    amountMinor: project.amountMinor,
    currency: project.currency,
    grade: project.grade,
    reopenedAt: null,
    reopenedCauses: null,
    comment: input.comment ?? null,
    idempotencyKey: input.idempotencyKey,
    idempotencyOwner: callerKey(ctx.principal),
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const inserted = await em.insert(Decision, values as never);
  const decision = await em.findOneByOrFail(Decision, { id: Number(inserted.identifiers[0]?.id) });
  const completion = input.outcome === 'APPROVED' ? '; quorum met' : '; approval can no longer reach the quorum';
  await writeAudit(em, ctx, {
    action: 'create',
    entityType: 'Decision',
    entityId: decision.id,
    after: decision,
    note:
      chain.body && tally
        ? `vote in seats ${chain.body.seatTitles.join(', ')} (${tally.approved} approved, ${tally.against} ` +
          `against)${complete ? completion : ''}`
        : null,
  });
  if (complete && input.outcome === 'APPROVED') await moveStageOnApproval(em, ctx, project, decision);
  await decisionRecorded(em, ctx, { decision, fromRequestId });
  return { decision };
}

@Resolver(() => Decision)
export class DecisionOperationsResolver {
  @Mutation(() => Decision, {
    description:
      'Records a decision when the decider may take it now (else NOT_AUTHORIZED with the reasons; the ' +
      'refusal is audited). Decisions follow the LTC sequence: ATI before ATB before ATC; ATAC and ATCC after ATC; ' +
      'nothing after ATCC. Out of order it is refused with OUT_OF_SEQUENCE, naming the missing decision ' +
      '(data.missing) or that the project is closed (data.closed), and nothing but the audit entry is written. An ' +
      "approval that completes the decision moves the project's stage (ATI → OPPORTUNITY, ATC → " +
      'CONTRACT_EXECUTION, ATCC → CLOSED; never back), in the same transaction and in its history. The decision ' +
      "keeps the project's amount and grade it was taken on. The same idempotencyKey (per caller) with the same " +
      'decision returns the first ' +
      'result; with a different one it is refused with IDEMPOTENCY_KEY_REUSED. Under a decision body each ' +
      'seat votes (its latest vote counts): `complete` turns true on the APPROVED vote that meets the ' +
      'quorum, or on the REJECTED or RETURNED vote after which approval can no longer reach it. After ' +
      'APPROVED or REJECTED, further votes are refused with DECISION_CLOSED; after RETURNED the next vote ' +
      'opens a new round. A decision request pending on the same project and point is settled by the decision ' +
      '(its vote logged; closed with the outcome once the decision is complete), as if taken from the inbox.',
  })
  @UseMiddleware(allow('decisions', 'write'))
  async recordDecision(
    @Arg('input', () => RecordDecisionInput, { description: 'The decision.' }) input: RecordDecisionInput,
    @Ctx() ctx: Context,
  ): Promise<Decision> {
    const projectId = toId(input.projectId, 'projectId');
    const deciderId = toId(input.deciderId, 'deciderId');
    const p = ctx.principal;
    if (p?.kind === 'user' && p.role === 'LEADER' && p.personId !== deciderId) {
      throw forbidden(
        `As a LEADER you record only your own decisions: deciderId must be your own person (` +
          `${p.personId ?? 'none linked'}).`,
      );
    }
    // Keys belong to the caller: another caller's decision under the same key is neither returned nor revealed.
    const key = { idempotencyOwner: callerKey(ctx.principal), idempotencyKey: input.idempotencyKey };
    const first = await ctx.db.manager.findOneBy(Decision, key);
    if (first) return replayed(first, input, projectId, deciderId);
    let outcome: Outcome;
    try {
      outcome = await ctx.db.transaction((em) => record(em, ctx, input, projectId, deciderId));
    } catch (error) {
      // The same key raced in from another request of this caller (the unique index on owner and key refused
      // this insert): answer with what it recorded, or refuse when it was a different decision.
      if (!isUniqueViolation(error)) throw error;
      const raced = await ctx.db.manager.findOneBy(Decision, key);
      if (!raced) throw error;
      return replayed(raced, input, projectId, deciderId);
    }
    if ('refusal' in outcome) throw outcome.refusal;
    return outcome.decision;
  }
}
