// Turns GraphQL cases into engine cases and engine answers into GraphQL answers (chains, reasons with messages).
import {
  authorize,
  AuthorizationCase,
  AuthorizationResult,
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
import { DataSource } from 'typeorm';
import type { Context } from '../../platform/context';
import { AppError, badInput, notFound } from '../../platform/errors';
import { refusal } from '../../platform/refusal';
import { toId } from '../../platform/crud';
import { Project, ProjectCaseColumns, toProjectCase } from '../project';
import { SPONSOR_CONFLICT_SUBQUERY } from '../company-settings';
import { TeamAppointment } from '../team-appointment';
import { AuthorityChain, AuthorityLink } from './authority-chain.types';
import { AuthoritySnapshot, authoritySnapshot, authoritySnapshotFor, CHANGE_COUNT_SUBQUERY } from './authority-state';
import { AsOfSnapshot, authoritySnapshotAsOf } from './as-of';
import { projectCaseAsOf } from './project-case-as-of';
import { answerRecords, correctionsConcerning } from './corrections';
import type { AuthorityChange } from '../../platform/change-log';
import { AuthorizationResultType, BodyCoverage, CaseInput, DeciderType, DenialReasonType } from './authorization.types';
import { localeOf } from '../../platform/locale';
import { assertReadable, assertUnitInSubtree, callerScope, canRead } from '../../platform/scope';
import { Person } from '../person';
import { LinkKind, ReasonWriter } from './reason-messages';
import { jsonSafe } from '../../platform/json-safe';
import { awaitArgumentRevision } from '../../platform/change-feed';

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
    body:
      chain.body && rule
        ? { bodyId: chain.body.bodyId, ruleId: rule.id, seatTitles: [...chain.body.seatTitles] }
        : null,
  };
}

/** What a project case needs of a project and its team (hydrated as TypeORM would), and the Sponsor setting. */
interface ProjectCase {
  project: ProjectCaseColumns;
  appointments: Array<Pick<TeamAppointment, 'personId' | 'role' | 'validFrom' | 'validTo'>>;
  sponsorConflictOfInterest: boolean;
}

const PROJECT_CASE_COLUMNS =
  'p.id AS p_id, p.grade AS p_grade, p.orgUnitId AS p_orgUnitId, p.amountMinor AS p_amountMinor, ' +
  `p.currency AS p_currency, ${SPONSOR_CONFLICT_SUBQUERY} AS s_sponsorConflictOfInterest, ` +
  't.id AS t_id, t.personId AS t_personId, t.role AS t_role, t.validFrom AS t_validFrom, t.validTo AS t_validTo';
const PROJECT_CASE_FROM = 'FROM projects p LEFT JOIN team_appointments t ON t.projectId = p.id WHERE p.id = ?';
const CASE_COUNT_SUBQUERY = '(SELECT authority_state.changeCount FROM authority_state WHERE authority_state.id = 2)';
/** Without the counters (already read with the session) and with them (riding along as subqueries). */
const PROJECT_CASE_SQL = `SELECT ${PROJECT_CASE_COLUMNS} ${PROJECT_CASE_FROM}`;
const PROJECT_CASE_WITH_COUNTER_SQL =
  `SELECT ${PROJECT_CASE_COLUMNS}, ${CHANGE_COUNT_SUBQUERY} AS authority_change_count, ` +
  `${CASE_COUNT_SUBQUERY} AS case_change_count ${PROJECT_CASE_FROM}`;

type Row = Record<string, unknown>;

/** The hydrated value of a raw column, as the entity would have it (dates, bigint money). */
function hydrate(
  ctx: Context,
  entity: typeof Project | typeof TeamAppointment,
  property: string,
  value: unknown,
): unknown {
  const column = ctx.db.dataSource.getMetadata(entity).findColumnWithPropertyName(property);
  if (!column) throw new Error(`no column ${property}`);
  return ctx.db.dataSource.driver.prepareHydratedValue(value, column);
}

/**
 * Project cases read with both counters in hand, per data source: valid while neither the authority counter nor the
 * case counter (bumped by every write to projects and team appointments, in the writer's transaction) moved. The
 * project and team are read after the counters, so a cached case is never older than its counters.
 */
class ProjectCaseCache {
  private key = '';
  private readonly cases = new Map<number, ProjectCase>();
  private static readonly MAX = 10_000;

  get(key: string, projectId: number): ProjectCase | undefined {
    if (key !== this.key) return undefined;
    return this.cases.get(projectId);
  }

  set(key: string, projectId: number, value: ProjectCase): void {
    if (key !== this.key) {
      this.key = key;
      this.cases.clear();
    }
    if (this.cases.size >= ProjectCaseCache.MAX) this.cases.clear();
    this.cases.set(projectId, value);
  }
}

const projectCaseCaches = new WeakMap<DataSource, ProjectCaseCache>();

function projectCaseCache(ctx: Context): ProjectCaseCache {
  let cache = projectCaseCaches.get(ctx.db.dataSource);
  if (!cache) {
    cache = new ProjectCaseCache();
    projectCaseCaches.set(ctx.db.dataSource, cache);
  }
  return cache;
}

/** The project and its team from the database (and both counters, when not read with the session). */
async function queryProjectCase(
  ctx: Context,
  projectId: number,
): Promise<{ found: ProjectCase | null; changeCount?: string; caseChangeCount?: string }> {
  const withCounter = ctx.authorityChangeCount === undefined || ctx.caseChangeCount === undefined;
  const rows = (await ctx.db.manager.query(withCounter ? PROJECT_CASE_WITH_COUNTER_SQL : PROJECT_CASE_SQL, [
    projectId,
  ])) as Row[];
  const first = rows[0];
  if (!first) return { found: null };
  const project = {
    id: Number(first.p_id),
    grade: first.p_grade as string,
    orgUnitId: Number(first.p_orgUnitId),
    amountMinor: hydrate(ctx, Project, 'amountMinor', first.p_amountMinor) as bigint,
    currency: first.p_currency as string,
  };
  const appointments: ProjectCase['appointments'] = [];
  for (const row of rows) {
    if (row.t_id === null || row.t_id === undefined) continue;
    appointments.push({
      personId: Number(row.t_personId),
      role: row.t_role as string,
      validFrom: hydrate(ctx, TeamAppointment, 'validFrom', row.t_validFrom) as Date,
      validTo: hydrate(ctx, TeamAppointment, 'validTo', row.t_validTo) as Date | null,
    });
  }
  const sponsorConflictOfInterest = Number(first.s_sponsorConflictOfInterest ?? 0) === 1;
  const counters = first as { authority_change_count: string | number; case_change_count: string | number | null };
  return {
    found: { project, appointments, sponsorConflictOfInterest },
    ...(withCounter
      ? {
          changeCount: String(counters.authority_change_count),
          caseChangeCount: String(counters.case_change_count ?? '0'),
        }
      : {}),
  };
}

/**
 * The project, its team and (unless read with the session) both counters in one plain statement, so a project case
 * costs no more statements than a described one and its answer reports the revision it was read at; with both
 * counters read with the session, a project case already read since neither moved costs none. A LEADER sees only
 * their subtree (checked every time).
 */
async function loadProjectCase(
  ctx: Context,
  projectId: number,
): Promise<ProjectCase & { snapshot: AuthoritySnapshot; caseChangeCount: string }> {
  const key =
    ctx.authorityChangeCount !== undefined && ctx.caseChangeCount !== undefined
      ? `${ctx.authorityChangeCount}:${ctx.caseChangeCount}`
      : null;
  let found: ProjectCase | null | undefined = key === null ? undefined : projectCaseCache(ctx).get(key, projectId);
  let changeCount: string | undefined;
  let caseChangeCount = ctx.caseChangeCount;
  if (found === undefined) {
    let read: string | undefined;
    ({ found, changeCount, caseChangeCount: read } = await queryProjectCase(ctx, projectId));
    caseChangeCount ??= read;
    if (found && key !== null) projectCaseCache(ctx).set(key, projectId, found);
  }
  if (!found || !(await canRead(ctx, ctx.db.manager, Project, found.project))) throw notFound('Project', projectId);
  const snapshot =
    changeCount !== undefined ? await authoritySnapshotFor(ctx, changeCount) : await authoritySnapshot(ctx);
  // Without a session (an API token) the case counter rode along with the project: the revision the case was read at.
  return { ...found, snapshot, caseChangeCount: caseChangeCount ?? '0' };
}

export interface ResolvedCase {
  readonly case: AuthorizationCase;
  readonly at: Date;
  readonly snapshot: AuthoritySnapshot;
  /** What the answer knew, the revision it read, and the corrections deciding its records. */
  readonly asOf: AsOfSnapshot;
}

/** Whether a question is about now as known now (the cached index answers it). */
function isNow(ctx: Context, input: Pick<CaseInput, 'at' | 'asKnownAt'>): boolean {
  const now = ctx.now.getTime();
  return (input.at ?? ctx.now).getTime() >= now && (input.asKnownAt ?? ctx.now).getTime() >= now;
}

/** The engine's case from a project (its team in force at `at` counts) or from a described case. */
export async function resolveCase(ctx: Context, input: CaseInput): Promise<ResolvedCase> {
  await awaitArgumentRevision(ctx, input.atLeastRevision, 'atLeastRevision', ctx.config.revisionWaitMs);
  const at = input.at ?? ctx.now;
  if (input.asKnownAt && input.asKnownAt.getTime() > ctx.now.getTime())
    throw badInput({ asKnownAt: 'is in the future: the system cannot know yet what it will know then' });
  if (input.projectId !== undefined && input.projectId !== null) {
    const projectId = toId(input.projectId, 'projectId');
    if (!isNow(ctx, input)) {
      const asOf = await authoritySnapshotAsOf(ctx, input.at, input.asKnownAt);
      const found = await projectCaseAsOf(ctx, projectId, asOf.at, asOf.knownAt);
      if (!found || !(await canRead(ctx, ctx.db.manager, Project, found.project))) throw notFound('Project', projectId);
      return {
        at,
        snapshot: asOf.snapshot,
        asOf,
        case: toProjectCase(found.project, found.appointments, input.decisionPoint, found.settings),
      };
    }
    const { project, appointments, snapshot, sponsorConflictOfInterest } = await loadProjectCase(ctx, projectId);
    const asOf = await authoritySnapshotAsOf(ctx, input.at, input.asKnownAt);
    return {
      at,
      snapshot,
      asOf,
      case: toProjectCase(project, appointments, input.decisionPoint, { sponsorConflictOfInterest }),
    };
  }
  const missing: Record<string, string> = {};
  for (const field of ['grade', 'orgUnitId', 'amount', 'currency'] as const) {
    if (input[field] === undefined || input[field] === null)
      missing[field] = 'is required for a described case (or give projectId)';
  }
  if (Object.keys(missing).length) throw badInput(missing);
  const amount = parseMoney(input.amount as string, input.currency as string);
  if (!amount.ok) {
    throw badInput(
      amount.error.code === 'MONEY.UNKNOWN_CURRENCY'
        ? { currency: `${input.currency} is not a supported currency` }
        : { amount: `is not a valid ${input.currency} amount` },
    );
  }
  if (amount.value.minor < 0n) throw badInput({ amount: 'may not be negative' });
  const orgUnitId = String(toId(input.orgUnitId, 'orgUnitId'));
  await assertUnitInSubtree(ctx, Number(orgUnitId), 'orgUnitId');
  const asOf = await authoritySnapshotAsOf(ctx, input.at, input.asKnownAt);
  const snapshot = asOf.snapshot;
  if (!snapshot.unitLabels.has(orgUnitId)) throw badInput({ orgUnitId: `org unit ${orgUnitId} does not exist` });
  const team = (input.teamMemberIds ?? []).map((id) => ({
    personId: String(toId(id, 'teamMemberIds')),
    role: 'CORE_MEMBER' as TriangleRole,
  }));
  return {
    at,
    snapshot,
    asOf,
    case: {
      decisionPoint: input.decisionPoint as DecisionPoint,
      grade: input.grade as ProjectGrade,
      orgUnitId,
      amount: amount.value,
      team,
    },
  };
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
export function linkKindOf(
  reason: DenialReason,
  snapshot: AuthoritySnapshot,
  c: AuthorizationCase,
  at: Date,
): LinkKind {
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
      return rule.window.from.getTime() > t || (rule.window.to !== null && rule.window.to.getTime() <= t)
        ? 'RULE'
        : 'DELEGATION';
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

/**
 * An authorization denial as a refusal (platform/refusal.ts): NOT_AUTHORIZED with each reason of the engine; the
 * rule or delegation concerned and the candidate chain are among the reason's data. `field`: the argument naming
 * the person judged (`deciderId` for recordDecision; null when it is the signed-in user, as for approvePool).
 */
export function denialRefusal(lead: string, reasons: readonly DenialReasonType[], field: string | null): AppError {
  return refusal(
    'NOT_AUTHORIZED',
    lead + reasons.map((r) => r.message).join(' '),
    reasons.map((r) => ({
      code: r.code,
      message: r.message,
      data: {
        ...((r.data as Record<string, unknown> | null) ?? {}),
        linkId: r.linkId,
        linkKind: r.linkKind,
        chain: r.chain,
      },
      field,
    })),
  );
}

export function toResultView(
  ctx: Context,
  snapshot: AuthoritySnapshot,
  c: AuthorizationCase,
  result: AuthorizationResult,
  asOf?: { knownAt: Date; revision: string; corrections: readonly AuthorityChange[]; personId: string },
): AuthorizationResultType {
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
  const chains = result.chains.map(toChainView);
  const records = answerRecords(
    [asOf?.personId ?? '', ...c.team.map((m) => m.personId)],
    chains,
    reasons.map((r) => r.chain),
  );
  return {
    allowed: result.allowed,
    at: result.at,
    chains,
    reasons,
    quorumRequired: result.quorumRequired,
    asKnownAt: asOf?.knownAt ?? ctx.now,
    revision: asOf?.revision ?? snapshot.changeCount,
    corrections: correctionsConcerning(asOf?.corrections ?? [], records),
  };
}

export function personExists(snapshot: AuthoritySnapshot, personId: string): boolean {
  return snapshot.personNames.has(personId);
}

/** authorize, as the API answers it. */
export async function authorizeQuestion(
  ctx: Context,
  personIdArg: string,
  input: CaseInput,
): Promise<{ view: AuthorizationResultType; result: AuthorizationResult; resolved: ResolvedCase }> {
  const personId = String(toId(personIdArg, 'personId'));
  const resolved = await resolveCase(ctx, input);
  // The answer describes the person's authority (rules, delegations, reasons): only for a person the caller may see
  // (a scoped caller gets NOT_FOUND alike for a person outside their scope and for none at all).
  if ((await callerScope(ctx)) !== null)
    await assertReadable(
      ctx,
      ctx.db.manager,
      Person,
      await ctx.db.manager.findOneBy(Person, { id: Number(personId) }),
      personId,
    );
  if (!personExists(resolved.snapshot, personId)) throw badInput({ personId: `person ${personId} does not exist` });
  const result = authorize(personId, resolved.case, resolved.at, resolved.snapshot.index);
  const { knownAt, revision, corrections } = resolved.asOf;
  ctx.revisions.read = revision;
  const view = toResultView(ctx, resolved.snapshot, resolved.case, result, {
    knownAt,
    revision,
    corrections,
    personId,
  });
  return { view, result, resolved };
}

function toBodyView(b: AuthorityBodyCoverage): BodyCoverage {
  return {
    ruleId: b.ruleId,
    bodyId: b.bodyId,
    quorum: b.quorum.kind,
    quorumCount: b.quorum.kind === 'AT_LEAST' ? b.quorum.count : null,
    quorumReachable: b.quorumReachable,
    seats: b.seats.map((s) => ({
      title: s.title,
      titles: [...s.titles],
      fixed: s.fixed,
      occupants: [...s.occupants],
      filledBy: s.filledBy.map((f) => ({ personId: f.personId, via: f.via })),
    })),
  };
}

/** whoMayDecide, as the API answers it: each decider with the bodies their chains go through. */
export async function whoMayDecideQuestion(ctx: Context, input: CaseInput): Promise<DeciderType[]> {
  const resolved = await resolveCase(ctx, input);
  const answer = whoMayDecide(resolved.case, resolved.at, resolved.snapshot.index);
  ctx.revisions.read = resolved.asOf.revision;
  const bodies = new Map(answer.bodies.map((b) => [b.ruleId, toBodyView(b)]));
  return answer.deciders.map((d) => {
    const ruleIds = new Set(d.chains.filter((c) => c.body !== null).map((c) => c.links[0]?.id));
    const chains = d.chains.map(toChainView);
    return {
      personId: d.personId,
      chains,
      revision: resolved.asOf.revision,
      corrections: correctionsConcerning(resolved.asOf.corrections, answerRecords([d.personId], chains)),
      quorumRequired: d.quorumRequired,
      bodies: [...ruleIds].flatMap((id) =>
        id !== undefined && bodies.has(id) ? [bodies.get(id) as BodyCoverage] : [],
      ),
    };
  });
}
