// recordDecision: a decision is recorded only when the engine allows the decider at that moment (the allowing
// chain is kept as a snapshot); a refusal is audited and nothing else is written; the same idempotency key
// records once. Under a decision body's rule each seat votes, and the decision completes at the quorum.
import { Ctx, Arg, Field, ID, InputType, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import { Length, MaxLength, IsOptional } from 'class-validator';
import { EntityManager } from 'typeorm';
import { authorize, AuthorityBodyQuorum, AuthorizationTeamMember, DecisionPoint, ProjectGrade, TriangleRole } from '@iron-triangle/domain';
import type { Context } from '../../platform/context';
import { allow } from '../../platform/permissions';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { toId } from '../../platform/crud';
import { writeAudit } from '../../platform/audit';
import { DecisionOutcomeEnum, DecisionPointEnum } from '../../platform/enums';
import { Decision } from './decision.entity';
import { Project } from '../project/project.entity';
import { TeamAppointment } from '../team-appointment/team-appointment.entity';
import { authorityCache } from '../authorization/authority-state';
import { ChainView, toChainView, toResultView } from '../authorization/authorization.service';
import { localeOf } from '../authorization/locale';

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

  @Field({ description: 'The same key again returns the first result and records nothing new.' })
  @Length(1, 128)
  idempotencyKey: string;
}

const isUniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.code ?? e?.driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

/** Seats that voted `outcome` (each voter's latest vote counts) meet the body's quorum. */
function quorumMet(quorum: AuthorityBodyQuorum, seats: ReadonlyArray<{ title: string; fixed: boolean }>, votes: readonly Decision[], ruleId: string, outcome: string): boolean {
  const latest = new Map<number, Decision>();
  for (const vote of votes) {
    const body = (vote.chain as ChainView).body;
    if (!body || body.ruleId !== ruleId) continue;
    const seen = latest.get(vote.deciderId);
    if (!seen || seen.id < vote.id) latest.set(vote.deciderId, vote);
  }
  const voted = new Set<string>();
  for (const vote of latest.values()) if (vote.outcome === outcome) for (const title of (vote.chain as ChainView).body?.seatTitles ?? []) voted.add(title);
  if (quorum.kind === 'AT_LEAST') return seats.filter((s) => voted.has(s.title)).length >= quorum.count;
  return seats.length > 0 && seats.every((s) => !s.fixed || voted.has(s.title));
}

type Outcome = { decision: Decision } | { refusal: AppError };

async function record(em: EntityManager, ctx: Context, input: RecordDecisionInput, projectId: number, deciderId: number): Promise<Outcome> {
  // The share lock (MySQL) keeps authority writers out until this decision commits: judged and recorded on one state.
  const snapshot = await authorityCache(ctx).snapshotWithin(em);
  const project = await em.findOneBy(Project, { id: projectId });
  if (!project) throw notFound('Project', projectId);
  const appointments = await em.findBy(TeamAppointment, { projectId });
  const team: AuthorizationTeamMember[] = appointments.map((a) => ({ personId: String(a.personId), role: a.role as TriangleRole, window: { from: a.validFrom, to: a.validTo } }));
  const decisionCase = {
    projectId: String(projectId),
    decisionPoint: input.decisionPoint as DecisionPoint,
    grade: project.grade as ProjectGrade,
    orgUnitId: String(project.orgUnitId),
    amount: { minor: project.amountMinor, currency: project.currency },
    team,
  };
  const result = authorize(String(deciderId), decisionCase, ctx.now, snapshot.index);
  if (!result.allowed) {
    const view = toResultView(ctx, snapshot, decisionCase, result);
    await writeAudit(em, ctx, {
      action: 'refuse',
      entityType: 'Decision',
      entityId: null,
      after: { projectId, decisionPoint: input.decisionPoint, outcome: input.outcome, deciderId, idempotencyKey: input.idempotencyKey, reasons: view.reasons.map((r) => ({ code: r.code, linkId: r.linkId, data: r.data })) },
      note: `refused: ${view.reasons.map((r) => r.code).join(', ')}`,
    });
    const zh = localeOf(ctx) === 'zh-CN';
    const lead = zh ? `${deciderId} 号人员无权在此时对项目 ${projectId} 作出 ${input.decisionPoint} 决策：` : `Person ${deciderId} may not take ${input.decisionPoint} on project ${projectId} now: `;
    return { refusal: new AppError('NOT_AUTHORIZED', lead + view.reasons.map((r) => r.message).join(' '), { reasons: view.reasons }) };
  }
  // A direct authority decides alone; otherwise the person votes in a seat of the body.
  const direct = result.chains.find((c) => c.body === null);
  const chain = toChainView(direct ?? (result.chains[0] as (typeof result.chains)[number]));
  let complete = true;
  if (chain.body) {
    const bodyId = chain.body.bodyId;
    const body = snapshot.index.bodiesById.get(bodyId);
    const seats = snapshot.index.seatsByBody.get(bodyId) ?? [];
    const earlier = await em.findBy(Decision, { projectId, decisionPoint: input.decisionPoint });
    const pending = { id: Number.MAX_SAFE_INTEGER, deciderId, outcome: input.outcome, chain } as unknown as Decision;
    complete = quorumMet(body?.quorum ?? { kind: 'ALL_FIXED' }, seats, [...earlier, pending], chain.body.ruleId, input.outcome);
  }
  const values = {
    projectId,
    decisionPoint: input.decisionPoint,
    outcome: input.outcome,
    deciderId,
    decidedAt: ctx.now,
    chain,
    complete,
    comment: input.comment ?? null,
    idempotencyKey: input.idempotencyKey,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const inserted = await em.insert(Decision, values as never);
  const decision = await em.findOneByOrFail(Decision, { id: Number(inserted.identifiers[0]?.id) });
  await writeAudit(em, ctx, { action: 'create', entityType: 'Decision', entityId: decision.id, after: decision, note: chain.body ? `vote in seats ${chain.body.seatTitles.join(', ')}${complete ? '; quorum met' : ''}` : null });
  return { decision };
}

@Resolver(() => Decision)
export class DecisionOperationsResolver {
  @Mutation(() => Decision, {
    description:
      'Records a decision when the decider may take it now (else NOT_AUTHORIZED with the reasons; the refusal is audited). The same idempotencyKey returns the first result. Under a decision body each seat votes; `complete` turns true when the quorum is met.',
  })
  @UseMiddleware(allow('decisions', 'write'))
  async recordDecision(@Arg('input', () => RecordDecisionInput, { description: 'The decision.' }) input: RecordDecisionInput, @Ctx() ctx: Context): Promise<Decision> {
    const projectId = toId(input.projectId, 'projectId');
    const deciderId = toId(input.deciderId, 'deciderId');
    const p = ctx.principal;
    if (p?.kind === 'user' && p.role === 'LEADER' && p.personId !== deciderId) {
      throw forbidden(`As a LEADER you record only your own decisions: deciderId must be your own person (${p.personId ?? 'none linked'}).`);
    }
    const first = await ctx.db.manager.findOneBy(Decision, { idempotencyKey: input.idempotencyKey });
    if (first) return first;
    let outcome: Outcome;
    try {
      outcome = await ctx.db.transaction((em) => record(em, ctx, input, projectId, deciderId));
    } catch (error) {
      // The same key raced in from another request: answer with what it recorded.
      if (!isUniqueViolation(error)) throw error;
      const raced = await ctx.db.manager.findOneBy(Decision, { idempotencyKey: input.idempotencyKey });
      if (!raced) throw error;
      return raced;
    }
    if ('refusal' in outcome) throw outcome.refusal;
    return outcome.decision;
  }
}
