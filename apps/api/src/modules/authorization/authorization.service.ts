// Turns GraphQL cases into engine cases and engine answers into GraphQL answers (chains, reasons with messages).
import {
  authorize,
  AuthorizationCase,
  AuthorizationResult,
  AuthorizationTeamMember,
  AuthorityBodyCoverage,
  AuthorityChain as DomainChain,
  AuthorityLink as DomainLink,
  CURRENCY_EXPONENTS,
  DecisionPoint,
  DenialReason,
  formatMinor,
  parseMoney,
  ProjectGrade,
  TriangleRole,
  whoMayDecide,
} from '@iron-triangle/domain';
import type { Context } from '../../platform/context';
import { badInput, notFound } from '../../platform/errors';
import { toId } from '../../platform/crud';
import { Project } from '../project/project.entity';
import { TeamAppointment } from '../team-appointment/team-appointment.entity';
import { AuthorityChain, AuthorityLink } from '../decision/authority-chain.types';
import { AuthoritySnapshot, authoritySnapshot, authoritySnapshotFor, CHANGE_COUNT_SUBQUERY } from './authority-state';
import { AuthorizationResultType, BodyCoverage, CaseInput, DeciderType, DenialReasonType } from './authorization.types';
import { localeOf } from './locale';
import { jsonSafe, LinkKind, ReasonWriter } from './reason-messages';

/** A chain as stored and returned: the contract's links, plus the body for a decision body's rule. */
export type ChainView = AuthorityChain & { body: { bodyId: string; ruleId: string; seatTitles: string[] } | null };

export function toLinkView(l: DomainLink): AuthorityLink {
  return {
    kind: l.kind,
    id: l.id,
    holderPersonId: l.holderPersonId,
    delegatorId: l.delegatorId,
    decisionPoints: [...l.decisionPoints],
    grades: [...l.grades],
    scopeOrgUnitId: l.scopeOrgUnitId,
    limit: l.limit === null ? null : formatMinor(l.limit.minor, CURRENCY_EXPONENTS[l.limit.currency] ?? 2),
    currency: l.currency,
    validFrom: l.window.from,
    validTo: l.window.to,
    requiredRole: l.requiredQualification?.role ?? null,
    requiredLevel: l.requiredQualification?.level ?? null,
  };
}

export function toChainView(chain: DomainChain): ChainView {
  const rule = chain.links[0];
  return {
    links: chain.links.map(toLinkView),
    body: chain.body && rule ? { bodyId: chain.body.bodyId, ruleId: rule.id, seatTitles: [...chain.body.seatTitles] } : null,
  };
}

/**
 * The project, its team and the authority counter in one statement (the counter rides along as a subquery), so
 * a project case costs the same number of statements as a described one. A LEADER sees only their subtree.
 */
async function loadProjectCase(ctx: Context, projectId: number): Promise<{ project: Project; appointments: TeamAppointment[]; snapshot: AuthoritySnapshot }> {
  const { entities, raw } = await ctx.db.manager
    .createQueryBuilder(Project, 'p')
    .leftJoinAndMapMany('p.caseTeam', TeamAppointment, 't', 't.projectId = p.id')
    .addSelect(CHANGE_COUNT_SUBQUERY, 'authority_change_count')
    .where('p.id = :projectId', { projectId })
    .getRawAndEntities();
  const project = entities[0] as (Project & { caseTeam?: TeamAppointment[] }) | undefined;
  const scope = project ? await ctx.scopeUnits() : null;
  if (!project || (scope && !scope.has(project.orgUnitId))) throw notFound('Project', projectId);
  const changeCount = String((raw[0] as { authority_change_count: string | number }).authority_change_count);
  return { project, appointments: project.caseTeam ?? [], snapshot: await authoritySnapshotFor(ctx, changeCount) };
}

export interface ResolvedCase {
  readonly case: AuthorizationCase;
  readonly at: Date;
  readonly snapshot: AuthoritySnapshot;
}

/** The engine's case from a project (its team in force at `at` counts) or from a described case. */
export async function resolveCase(ctx: Context, input: CaseInput): Promise<ResolvedCase> {
  const at = input.at ?? ctx.now;
  if (input.projectId !== undefined && input.projectId !== null) {
    const projectId = toId(input.projectId, 'projectId');
    const { project, appointments, snapshot } = await loadProjectCase(ctx, projectId);
    const team: AuthorizationTeamMember[] = appointments.map((a) => ({ personId: String(a.personId), role: a.role as TriangleRole, window: { from: a.validFrom, to: a.validTo } }));
    return {
      at,
      snapshot,
      case: {
        projectId: String(project.id),
        decisionPoint: input.decisionPoint as DecisionPoint,
        grade: project.grade as ProjectGrade,
        orgUnitId: String(project.orgUnitId),
        amount: { minor: project.amountMinor, currency: project.currency },
        team,
      },
    };
  }
  const missing: Record<string, string> = {};
  for (const field of ['grade', 'orgUnitId', 'amount', 'currency'] as const) {
    if (input[field] === undefined || input[field] === null) missing[field] = 'is required for a described case (or give projectId)';
  }
  if (Object.keys(missing).length) throw badInput(missing);
  const amount = parseMoney(input.amount as string, input.currency as string);
  if (!amount.ok) {
    throw badInput(amount.error.code === 'MONEY.UNKNOWN_CURRENCY' ? { currency: `${input.currency} is not a supported currency` } : { amount: `is not a valid ${input.currency} amount` });
  }
  if (amount.value.minor < 0n) throw badInput({ amount: 'may not be negative' });
  const orgUnitId = String(toId(input.orgUnitId, 'orgUnitId'));
  const snapshot = await authoritySnapshot(ctx);
  if (!snapshot.unitLabels.has(orgUnitId)) throw badInput({ orgUnitId: `org unit ${orgUnitId} does not exist` });
  const team = (input.teamMemberIds ?? []).map((id) => ({ personId: String(toId(id, 'teamMemberIds')), role: 'CORE_MEMBER' as TriangleRole }));
  return { at, snapshot, case: { decisionPoint: input.decisionPoint as DecisionPoint, grade: input.grade as ProjectGrade, orgUnitId, amount: amount.value, team } };
}

export function reasonWriter(ctx: Context, snapshot: AuthoritySnapshot): ReasonWriter {
  return new ReasonWriter(localeOf(ctx), {
    unitLabels: snapshot.unitLabels,
    personNames: snapshot.personNames,
    delegatorOf: (id) => snapshot.index.delegationsById.get(id)?.delegatorId,
  });
}

/**
 * Whether a reason's link is the chain's rule or one of its delegations (their ids may coincide): the engine
 * checks the rule first within each check, so the reason is the rule's exactly when the rule fails that check.
 */
export function linkKindOf(reason: DenialReason, snapshot: AuthoritySnapshot, c: AuthorizationCase, at: Date): LinkKind {
  const id = reason.linkId;
  if (id === null) return 'RULE';
  const positions = reason.chain.flatMap((x, i) => (x === id ? [i] : []));
  if (!positions.includes(0)) return 'DELEGATION';
  if (positions.length === 1) return 'RULE';
  const ix = snapshot.index;
  const rule = ix.rulesById.get(id)?.rule;
  if (!rule) return 'DELEGATION';
  const t = at.getTime();
  switch (reason.code) {
    case 'NOT_IN_FORCE':
      return rule.window.from.getTime() > t || (rule.window.to !== null && rule.window.to.getTime() <= t) ? 'RULE' : 'DELEGATION';
    case 'CURRENCY_MISMATCH':
      return rule.currency !== c.amount.currency ? 'RULE' : 'DELEGATION';
    case 'POINT_NOT_COVERED':
      return rule.decisionPoints.includes(c.decisionPoint) ? 'DELEGATION' : 'RULE';
    case 'GRADE_NOT_COVERED':
      return rule.grades.includes(c.grade) ? 'DELEGATION' : 'RULE';
    case 'OUT_OF_SCOPE':
      return ix.tree.isWithin(c.orgUnitId, rule.scopeOrgUnitId) ? 'DELEGATION' : 'RULE';
    case 'AMOUNT_OVER_LIMIT':
      return rule.limit !== null && c.amount.minor > rule.limit ? 'RULE' : 'DELEGATION';
    case 'CONFLICT_OF_INTEREST':
      return reason.chain.length === 1 ? 'RULE' : 'DELEGATION';
    default:
      return 'DELEGATION';
  }
}

function sourceKindOf(reason: DenialReason, snapshot: AuthoritySnapshot): LinkKind {
  if (reason.code !== 'DELEGATOR_LOST_SOURCE' || reason.linkId === null) return 'RULE';
  return snapshot.index.delegationsById.get(reason.linkId)?.parent?.kind ?? 'RULE';
}

export function toResultView(ctx: Context, snapshot: AuthoritySnapshot, c: AuthorizationCase, result: AuthorizationResult): AuthorizationResultType {
  const writer = reasonWriter(ctx, snapshot);
  const reasons: DenialReasonType[] = result.reasons.map((r) => {
    const kind = linkKindOf(r, snapshot, c, result.at);
    return {
      code: r.code,
      message: writer.denial(r, result.at, { link: kind, source: sourceKindOf(r, snapshot) }),
      linkId: r.linkId,
      linkKind: r.linkId === null ? null : kind,
      chain: [...r.chain],
      data: jsonSafe(r.data),
    };
  });
  return { allowed: result.allowed, at: result.at, chains: result.chains.map(toChainView), reasons, quorumRequired: result.quorumRequired };
}

export function personExists(snapshot: AuthoritySnapshot, personId: string): boolean {
  return snapshot.personNames.has(personId);
}

/** authorize, as the API answers it. */
export async function authorizeQuestion(ctx: Context, personIdArg: string, input: CaseInput): Promise<{ view: AuthorizationResultType; result: AuthorizationResult; resolved: ResolvedCase }> {
  const personId = String(toId(personIdArg, 'personId'));
  const resolved = await resolveCase(ctx, input);
  if (!personExists(resolved.snapshot, personId)) throw badInput({ personId: `person ${personId} does not exist` });
  const result = authorize(personId, resolved.case, resolved.at, resolved.snapshot.index);
  return { view: toResultView(ctx, resolved.snapshot, resolved.case, result), result, resolved };
}

function toBodyView(b: AuthorityBodyCoverage): BodyCoverage {
  return {
    ruleId: b.ruleId,
    bodyId: b.bodyId,
    quorum: b.quorum.kind,
    quorumCount: b.quorum.kind === 'AT_LEAST' ? b.quorum.count : null,
    quorumReachable: b.quorumReachable,
    seats: b.seats.map((s) => ({ title: s.title, titles: [...s.titles], fixed: s.fixed, occupants: [...s.occupants], filledBy: s.filledBy.map((f) => ({ personId: f.personId, via: f.via })) })),
  };
}

/** whoMayDecide, as the API answers it: each decider with the bodies their chains go through. */
export async function whoMayDecideQuestion(ctx: Context, input: CaseInput): Promise<DeciderType[]> {
  const resolved = await resolveCase(ctx, input);
  const answer = whoMayDecide(resolved.case, resolved.at, resolved.snapshot.index);
  const bodies = new Map(answer.bodies.map((b) => [b.ruleId, toBodyView(b)]));
  return answer.deciders.map((d) => {
    const ruleIds = new Set(d.chains.filter((c) => c.body !== null).map((c) => c.links[0]?.id));
    return {
      personId: d.personId,
      chains: d.chains.map(toChainView),
      quorumRequired: d.quorumRequired,
      bodies: [...ruleIds].flatMap((id) => (id !== undefined && bodies.has(id) ? [bodies.get(id) as BodyCoverage] : [])),
    };
  });
}
