// requestDecision, withdrawDecisionRequest, decideRequest, myInbox and escalateOverdueRequests: a request is routed to
// the nearest level of authority that may take the decision, decided from the inbox through recordDecision's own path
// (same transaction: sequence, authorization, body quorum, stage move, audit), withdrawn by its requester, and
// escalated to the next level up when it misses its due date.
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import {
  checkCalledSeats,
  checkDecidable,
  checkSequence,
  checkWithdrawal,
  DecisionPoint,
  dueDateOf,
  initialRouting,
  isLtcDecisionPoint,
  OUTCOME_OF_ACTION,
  parseMoney,
  ProjectGrade,
  RequestAction,
  statusAfterDecision,
} from '@iron-triangle/domain';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../platform/context';
import { allow, requirePrincipal } from '../../platform/permissions';
import { AppError, badInput, forbidden, notFound } from '../../platform/errors';
import { singleRefusal } from '../../platform/refusal';
import { toId } from '../../platform/crud';
import { writeAudit } from '../../platform/audit';
import { lockedRow } from '../../platform/db';
import { lockRevision, recordChange } from '../../platform/change-log';
import { assertReadable, assertWritable, canRead, restrictToReadable } from '../../platform/scope';
import { callerKey } from '../../platform/idempotency';
import { localeOf } from '../../platform/locale';
import { DecisionPointEnum } from '../../platform/enums';
import { DateTimeScalar, MoneyScalar } from '../../platform/scalars';
import { authorityCache } from '../authorization';
import { companySettingsOf } from '../company-settings';
import { Project } from '../project';
import {
  outOfSequenceMessage,
  projectDecisions,
  recordDecisionWithin,
  RecordDecisionOutcome,
  toProjectDecision,
} from '../decision';
import { DecisionRequest, DecisionRequestRecipient, RequestActionEnum, StoredVote } from './decision-request.entity';
import { alreadyPending, notLtcPoint, requestRefusal } from './decision-request.messages';
import {
  addRecipients,
  lockedRequest,
  pendingKeyOf,
  recipientsOf,
  routeCase,
  saveRequest,
  toRequestState,
} from './decision-request.process';
import { requestRouted } from './decision-request.events';
import { escalateOverdueRequests } from './decision-request.escalation';

@InputType('RequestDecisionInput', { description: 'A decision to ask for on a project.' })
export class RequestDecisionInput {
  @Field(() => ID, { description: 'The project.' })
  projectId: string;

  @Field(() => DecisionPointEnum, { description: 'The LTC decision point (ATI, ATB, ATC, ATAC or ATCC).' })
  decisionPoint: string;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The amount the decision is asked for, in the project's currency (default: the project's amount).",
  })
  amount?: string | null;

  @Field(() => String, { nullable: true, description: 'A note for the deciders.' })
  @IsOptional()
  @MaxLength(4000)
  note?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When it is due (after now); default: the company's days for the project's grade.",
  })
  dueAt?: Date | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'On-demand seats of the deciding body to call in (e.g. FINANCE_MANAGER); fixed seats are always asked.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(64, { each: true })
  calledSeats?: string[] | null;
}

export const INBOX_MAX_PAGE = 200;
const INBOX_DEFAULT_PAGE = 50;

/** The signed-in person (a user linked to one), or null. */
function personOf(ctx: Context): number | null {
  const p = ctx.principal;
  return p?.kind === 'user' ? p.personId : null;
}

type Opened = { request: DecisionRequest } | { refusal: AppError };

/**
 * A refusal answered (not thrown) commits its transaction with nothing written but this audit entry: who asked
 * for what on which request or project, and the code it was refused with.
 */
async function auditedRefusal<T extends object>(
  em: EntityManager,
  ctx: Context,
  asked: { requestId: number | null; projectId: number; decisionPoint: string; action: string },
  result: T,
): Promise<T> {
  if (!('refusal' in result)) return result;
  const extensions = (result.refusal as AppError).extensions;
  const reasons = (extensions.reasons as Array<{ code: string }> | undefined)?.map((r) => r.code) ?? [];
  const code = reasons.length ? reasons.join(', ') : String(extensions.code);
  await writeAudit(em, ctx, {
    action: 'refuse',
    entityType: 'DecisionRequest',
    entityId: asked.requestId,
    after: { ...asked, code },
    note: `refused ${asked.action} of ${asked.decisionPoint} on project ${asked.projectId}: ${code}`,
  });
  return result;
}

async function open(em: EntityManager, ctx: Context, input: RequestDecisionInput, projectId: number): Promise<Opened> {
  const locale = localeOf(ctx);
  const point = input.decisionPoint;
  const subject = { projectId, decisionPoint: point };
  // Every writer of the change log takes the revision row first; then the authority state (shared), then the project.
  await lockRevision(em);
  await authorityCache(ctx).snapshotWithin(em);
  const project = await lockedRow(em, Project, projectId);
  if (!project) throw notFound('Project', projectId);
  await assertReadable(ctx, em, Project, project, projectId);
  await assertWritable(ctx, em, DecisionRequest, 'decision request', null, { projectId });
  const decisions = await projectDecisions(em, projectId);
  const inSequence = checkSequence(point as DecisionPoint, decisions.map(toProjectDecision));
  if (!inSequence.ok)
    return {
      refusal: singleRefusal(
        'OUT_OF_SEQUENCE',
        outOfSequenceMessage(inSequence.error, projectId, locale),
        { projectId: String(projectId), ...inSequence.error.data },
        'decisionPoint',
      ),
    };
  const pending = await em.findOne(DecisionRequest, {
    where: { pendingKey: pendingKeyOf(projectId, point) },
    ...(em.connection.options.type === 'mysql' ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (pending) return { refusal: alreadyPending(subject, pending.id, locale) };
  let amountMinor = project.amountMinor;
  if (input.amount !== undefined && input.amount !== null) {
    const parsed = parseMoney(input.amount, project.currency);
    if (!parsed.ok)
      throw badInput({ amount: `is not an amount in ${project.currency}, the project's currency (${input.amount})` });
    amountMinor = parsed.value.minor;
  }
  const settings = await companySettingsOf(em);
  const grade = project.grade as ProjectGrade;
  const due = dueDateOf(ctx.now, input.dueAt ?? null, grade, settings.decisionDueDays);
  if (!due.ok) return { refusal: requestRefusal(due.error, subject, locale) };
  const asked = (input.calledSeats ?? []).map((s) => s.trim());
  const routing = await routeCase(em, ctx.db.dataSource, project, point, amountMinor, asked, ctx.now);
  const called = checkCalledSeats(asked, routing.bodies);
  if (!called.ok) return { refusal: requestRefusal(called.error, subject, locale) };
  const level = initialRouting(routing.levels);
  if (!level.ok) return { refusal: requestRefusal(level.error, subject, locale) };
  const inserted = await em.insert(DecisionRequest, {
    projectId,
    decisionPoint: point,
    status: 'PENDING',
    pendingKey: pendingKeyOf(projectId, point),
    amountMinor,
    currency: project.currency,
    note: input.note ?? null,
    requesterId: personOf(ctx),
    requestedBy: callerKey(ctx.principal),
    requestedAt: ctx.now,
    dueAt: due.value,
    escalationLevel: 0,
    levelScopeOrgUnitId: Number(level.value.scopeOrgUnitId),
    escalationExhausted: false,
    escalationLog: [],
    calledSeats: called.value,
    voteLog: [],
    decisionId: null,
    closedAt: null,
    closedById: null,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  } as never);
  const id = Number(inserted.identifiers[0]?.id);
  await addRecipients(em, id, level.value.recipients, 0, ctx.now);
  await recordChange(em, ctx, 'DecisionRequest', id, 'CREATE');
  const request = await em.findOneByOrFail(DecisionRequest, { id });
  const personIds = level.value.recipients.map((r) => Number(r.personId));
  await writeAudit(em, ctx, {
    action: 'create',
    entityType: 'DecisionRequest',
    entityId: id,
    after: request,
    note: `${point} on project ${projectId} routed to ${personIds.join(', ')} (scope ${level.value.scopeOrgUnitId})`,
  });
  await requestRouted(em, {
    kind: 'OPENED',
    requestId: id,
    projectId,
    decisionPoint: point,
    personIds,
    dueAt: request.dueAt,
    at: ctx.now,
  });
  return { request };
}

type Decided = { request: DecisionRequest } | RecordDecisionOutcome;

async function decide(
  em: EntityManager,
  ctx: Context,
  id: number,
  projectId: number,
  personId: number,
  action: RequestAction,
  note: string | null,
): Promise<Decided> {
  // The locks in recordDecision's order (revision, authority state, project), then the request.
  await lockRevision(em);
  await authorityCache(ctx).snapshotWithin(em);
  await lockedRow(em, Project, projectId);
  const request = await lockedRequest(em, id);
  if (!request) throw notFound('DecisionRequest', id);
  const recipients = await recipientsOf(em, id);
  const subject = { requestId: id, projectId, decisionPoint: request.decisionPoint };
  const may = checkDecidable(toRequestState(request, recipients), String(personId));
  if (!may.ok) return { refusal: requestRefusal(may.error, subject, localeOf(ctx)) };
  const outcome = OUTCOME_OF_ACTION[action];
  const recorded = await recordDecisionWithin(
    em,
    ctx,
    {
      projectId: String(projectId),
      decisionPoint: request.decisionPoint,
      outcome,
      deciderId: String(personId),
      comment: note,
      // One key per decision taken from the request (the request row is held: the count is exact).
      idempotencyKey: `decision-request-${id}-${request.voteLog.length + 1}`,
    },
    projectId,
    personId,
    id,
  );
  if ('refusal' in recorded) return recorded;
  const decision = recorded.decision;
  const me = recipients.find((r) => r.personId === personId) as DecisionRequestRecipient;
  await em.update(DecisionRequestRecipient, { id: me.id }, {
    actedAt: ctx.now,
    updatedAt: ctx.now,
    version: me.version + 1,
  } as never);
  const vote: StoredVote = {
    decisionId: String(decision.id),
    personId: String(personId),
    outcome: decision.outcome,
    seatTitles: [...((decision.chain as { body?: { seatTitles: string[] } | null }).body?.seatTitles ?? [])],
    complete: !!decision.complete,
    at: ctx.now.toISOString(),
  };
  const status = statusAfterDecision(outcome, !!decision.complete);
  const closing =
    status === 'PENDING'
      ? {}
      : { status, pendingKey: null, decisionId: decision.id, closedAt: ctx.now, closedById: personId };
  const saved = await saveRequest(
    em,
    ctx,
    request,
    { voteLog: [...request.voteLog, vote], ...closing } as Partial<DecisionRequest>,
    status === 'PENDING' ? 'vote' : 'decide',
    status === 'PENDING'
      ? `person ${personId} voted ${outcome} (decision ${decision.id}); the body's decision is not complete`
      : `person ${personId} decided ${outcome} (decision ${decision.id})`,
  );
  return { request: saved };
}

@Resolver(() => DecisionRequest)
export class DecisionRequestOperationsResolver {
  @Mutation(() => DecisionRequest, {
    description:
      'Asks for a decision on a project: routed to the nearest level of authority that may take it (whoMayDecide: ' +
      "holders of a rule, their delegates, and a decision body's fixed seats, plus the on-demand seats called in), " +
      "due at `dueAt` (default: the company's days for the project's grade; see `recipients`). Refused with " +
      'OUT_OF_SEQUENCE (the missing decision, or the project is closed), REQUEST.ALREADY_PENDING (one pending ' +
      'request per project and point), REQUEST.NO_DECIDER (nobody may take it), BAD_USER_INPUT ' +
      '(REQUEST.NOT_LTC_POINT, REQUEST.DUE_NOT_AFTER_REQUEST, REQUEST.UNKNOWN_SEAT). Audited and kept in the ' +
      'change log.',
  })
  @UseMiddleware(allow('decisions', 'write'))
  async requestDecision(
    @Arg('input', () => RequestDecisionInput, { description: 'The decision asked for.' }) input: RequestDecisionInput,
    @Ctx() ctx: Context,
  ): Promise<DecisionRequest> {
    const projectId = toId(input.projectId, 'projectId');
    if (!isLtcDecisionPoint(input.decisionPoint)) throw notLtcPoint(input.decisionPoint, localeOf(ctx));
    const asked = { requestId: null, projectId, decisionPoint: input.decisionPoint, action: 'request' };
    const opened = await ctx.db.transaction(async (em) =>
      auditedRefusal(em, ctx, asked, await open(em, ctx, input, projectId)),
    );
    if ('refusal' in opened) throw opened.refusal;
    return opened.request;
  }

  @Mutation(() => DecisionRequest, {
    description:
      'Withdraws a pending request: only whoever asked for it (else REQUEST.NOT_REQUESTER); a request no longer ' +
      'pending is refused with REQUEST.NOT_PENDING. Audited and kept in the change log.',
  })
  @UseMiddleware(allow('decisions', 'write'))
  async withdrawDecisionRequest(
    @Arg('id', () => ID, { description: 'The request.' }) rawId: string,
    @Ctx() ctx: Context,
  ): Promise<DecisionRequest> {
    const id = toId(rawId, 'id');
    const done = await ctx.db.transaction(async (em): Promise<Decided> => {
      await lockRevision(em);
      const request = await lockedRequest(em, id);
      await assertReadable(ctx, em, DecisionRequest, request, id);
      const found = request as DecisionRequest;
      const recipients = await recipientsOf(em, id);
      const may = checkWithdrawal(toRequestState(found, recipients), callerKey(ctx.principal));
      const subject = { requestId: id, projectId: found.projectId, decisionPoint: found.decisionPoint };
      if (!may.ok)
        return auditedRefusal(
          em,
          ctx,
          { ...subject, action: 'withdrawal' },
          { refusal: requestRefusal(may.error, subject, localeOf(ctx)) },
        );
      const saved = await saveRequest(
        em,
        ctx,
        found,
        { status: 'WITHDRAWN', pendingKey: null, closedAt: ctx.now, closedById: personOf(ctx) },
        'withdraw',
        'withdrawn by its requester',
      );
      return { request: saved };
    });
    if ('refusal' in done) throw done.refusal;
    return (done as { request: DecisionRequest }).request;
  }

  @Mutation(() => DecisionRequest, {
    description:
      'Decides a request from your inbox (you: the signed-in person): APPROVE, REJECT or RETURN records the decision ' +
      "through recordDecision's path in the same transaction (LTC sequence, authorization at this moment, stage " +
      "move, audit; its refusals: OUT_OF_SEQUENCE, NOT_AUTHORIZED, DECISION_CLOSED). A single decider's decision " +
      "closes the request with its outcome; in a decision body's seat it is your vote, and the request closes when " +
      'the quorum completes the decision. Refused with REQUEST.NOT_PENDING (decided or withdrawn meanwhile) and ' +
      'REQUEST.NOT_A_RECIPIENT (not routed to you).',
  })
  @UseMiddleware(allow('decisions', 'write'))
  async decideRequest(
    @Arg('id', () => ID, { description: 'The request.' }) rawId: string,
    @Arg('action', () => RequestActionEnum, { description: 'APPROVE, REJECT or RETURN.' }) action: RequestAction,
    @Arg('note', () => String, { nullable: true, description: 'Your comment (kept on the decision).' })
    note: string | null,
    @Ctx() ctx: Context,
  ): Promise<DecisionRequest> {
    const id = toId(rawId, 'id');
    if (note !== null && note !== undefined && note.length > 4000)
      throw badInput({ note: 'must be at most 4000 characters' });
    // The project is what the locks follow: a request's project never changes, so a plain read finds it.
    const found = await ctx.db.manager.findOneBy(DecisionRequest, { id });
    if (!found || !(await canRead(ctx, ctx.db.manager, DecisionRequest, found))) throw notFound('DecisionRequest', id);
    const personId = personOf(ctx);
    if (personId === null)
      throw forbidden(
        'Deciding from an inbox needs a sign-in linked to a person: the decision is recorded as theirs. Record it ' +
          'with recordDecision instead, naming the decider.',
      );
    const asked = { requestId: id, projectId: found.projectId, decisionPoint: found.decisionPoint, action: 'decision' };
    const done = await ctx.db.transaction(async (em) =>
      auditedRefusal(em, ctx, asked, await decide(em, ctx, id, found.projectId, personId, action, note ?? null)),
    );
    if ('refusal' in done) throw done.refusal;
    return (done as { request: DecisionRequest }).request;
  }

  @Query(() => [DecisionRequest], {
    description:
      'What waits for you (the signed-in person): pending requests routed to you directly, through a delegation, or ' +
      'in a seat of a decision body (on-demand seats only when called in), that you have not acted on; oldest first, ' +
      `with their due dates. \`first\`: at most this many (1 to ${INBOX_MAX_PAGE}, default ${INBOX_DEFAULT_PAGE}); ` +
      '`after`: the id of the last request of the previous page. Empty for a sign-in without a person.',
  })
  @UseMiddleware(allow('decisions', 'read'))
  async myInbox(
    @Arg('first', () => Int, { nullable: true, description: 'At most this many.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'After this request id.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<DecisionRequest[]> {
    const size = first ?? INBOX_DEFAULT_PAGE;
    if (!Number.isInteger(size) || size < 1 || size > INBOX_MAX_PAGE)
      throw badInput({ first: `must be from 1 to ${INBOX_MAX_PAGE} (${size} given)` });
    const from = after === null || after === undefined ? null : toId(after, 'after');
    const personId = personOf(ctx);
    if (personId === null) return [];
    const qb = ctx.db.manager
      .getRepository(DecisionRequest)
      .createQueryBuilder('r')
      .innerJoin(
        DecisionRequestRecipient,
        'rr',
        'rr.requestId = r.id AND rr.personId = :inboxPerson AND rr.actedAt IS NULL',
        { inboxPerson: personId },
      )
      .where('r.status = :inboxStatus', { inboxStatus: 'PENDING' });
    if (from !== null) qb.andWhere('r.id > :inboxAfter', { inboxAfter: from });
    await restrictToReadable(ctx, qb, 'r', DecisionRequest);
    return qb.orderBy('r.id', 'ASC').limit(size).getMany();
  }

  @Mutation(() => [DecisionRequest], {
    description:
      'Escalates every pending request past its due date at `at` (default now) to the next level up of authority ' +
      'over its case (administrators only; a periodic runner calls the same function). Each escalation is recorded ' +
      "on the request (escalations), in the audit trail and the change log, and gives the new level the grade's " +
      'days. Returns the requests escalated.',
  })
  async escalateOverdueRequests(
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'The moment to judge due dates at.' })
    at: Date | null,
    @Ctx() ctx: Context,
  ): Promise<DecisionRequest[]> {
    const principal = requirePrincipal(ctx);
    if (principal.kind !== 'user' || principal.role !== 'ADMIN')
      throw forbidden('Only administrators run escalation (a periodic runner runs it too).');
    const runs = await escalateOverdueRequests(ctx.db, at ?? ctx.now, ctx);
    return runs.map((r) => r.request);
  }
}
