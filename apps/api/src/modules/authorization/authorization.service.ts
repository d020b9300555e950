// Turns GraphQL cases into engine cases and engine answers into GraphQL answers (chains, reasons with messages).
import {
  authorize,
  AuthorizationCase,
  AuthorizationResult,
  AuthorityChain as DomainChain,
  AuthorityLink as DomainLink,
  CURRENCY_EXPONENTS,
  DecisionPoint,
  DenialReason,
  formatMinor,
  parseMoney,
  ProjectGrade,
  TriangleRole,
} from '@iron-triangle/domain';
import { DataSource, In } from 'typeorm';
import type { Context } from '../../platform/context';
import { AppError, badInput, notFound } from '../../platform/errors';
import { refusal } from '../../platform/refusal';
import { toId } from '../../platform/crud';
import { Project, ProjectCaseColumns, toProjectCase } from '../project';
import { SPONSOR_CONFLICT_SUBQUERY } from '../company-settings';
import { TeamAppointment } from '../team-appointment';
import { AuthorityChain, AuthorityLink } from './authority-chain.types';
import { AuthoritySnapshot, authoritySnapshotFor, CHANGE_COUNT_SUBQUERY } from './authority-state';
import { AsOfSnapshot, authoritySnapshotAsOf, compareRevisions } from './as-of';
import { projectCaseAsOf } from './project-case-as-of';
import { answerRecords, correctionsConcerning } from './corrections';
import type { AuthorityChange } from '../../platform/change-log';
import { AuthorizationResultType, AuthorizeInput, CaseInput, DenialReasonType } from './authorization.types';
import { localeOf } from '../../platform/locale';
import { assertReadable, callerScope, CallerScope, canRead, refuseUnitOutside } from '../../platform/scope';
import { Person } from '../person';
import { LinkKind, ReasonWriter } from './reason-messages';
import { jsonSafe } from '../../platform/json-safe';
import { awaitArgumentRevision, parseRevision } from '../../platform/change-feed';

/** A chain as stored and returned: the contract's links, plus the body for a decision body's rule. */
export type ChainView = AuthorityChain & { body: { bodyId: string; ruleId: string; seatTitles: string[] } | null };

/**
 * Views of the engine's links and chains, per object: the index keeps one output per link and per delegation chain
 * (frozen, the same whoever asks), so a view made once serves every answer showing it — 100 cases of a batch, and
 * the next requests — until the index replaces them. Chains made per answer (through a decision body) are not kept
 * beyond it. The views are frozen: nothing may change what other answers share.
 */
const linkViews = new WeakMap<DomainLink, AuthorityLink>();
const chainViews = new WeakMap<DomainChain, ChainView>();

export function toLinkView(l: DomainLink): AuthorityLink {
  let view = linkViews.get(l);
  if (view === undefined) {
    view = Object.freeze(linkView(l)) as AuthorityLink;
    linkViews.set(l, view);
  }
  return view;
}

function linkView(l: DomainLink): AuthorityLink {
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
  let view = chainViews.get(chain);
  if (view === undefined) {
    const rule = chain.links[0];
    view = Object.freeze({
      links: Object.freeze(chain.links.map(toLinkView)) as AuthorityLink[],
      body:
        chain.body && rule
          ? Object.freeze({ bodyId: chain.body.bodyId, ruleId: rule.id, seatTitles: [...chain.body.seatTitles] })
          : null,
    });
    chainViews.set(chain, view);
  }
  return view;
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
/** Projects `ids` with their teams: `IN (?, …)` with one placeholder per id. */
const projectCaseFrom = (ids: number) =>
  'FROM projects p LEFT JOIN team_appointments t ON t.projectId = p.id ' +
  `WHERE p.id IN (${Array(ids).fill('?').join(', ')})`;
const CASE_COUNT_SUBQUERY = '(SELECT authority_state.changeCount FROM authority_state WHERE authority_state.id = 2)';
/** Without the counters (already read with the session) and with them (riding along as subqueries). */
const projectCaseSql = (ids: number) => `SELECT ${PROJECT_CASE_COLUMNS} ${projectCaseFrom(ids)}`;
const projectCaseWithCounterSql = (ids: number) =>
  `SELECT ${PROJECT_CASE_COLUMNS}, ${CHANGE_COUNT_SUBQUERY} AS authority_change_count, ` +
  `${CASE_COUNT_SUBQUERY} AS case_change_count ${projectCaseFrom(ids)}`;

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

/**
 * Projects and their teams from the database, in one statement (and both counters, when not read with the session;
 * also when none of the projects exists).
 */
async function queryProjectCases(
  ctx: Context,
  projectIds: readonly number[],
): Promise<{ found: Map<number, ProjectCase>; changeCount?: string; caseChangeCount?: string }> {
  const withCounter = ctx.authorityChangeCount === undefined || ctx.caseChangeCount === undefined;
  const n = projectIds.length;
  const rows = (await ctx.db.manager.query(withCounter ? projectCaseWithCounterSql(n) : projectCaseSql(n), [
    ...projectIds,
  ])) as Row[];
  const found = new Map<number, ProjectCase>();
  for (const row of rows) {
    const id = Number(row.p_id);
    let entry = found.get(id);
    if (!entry) {
      entry = {
        project: {
          id,
          grade: row.p_grade as string,
          orgUnitId: Number(row.p_orgUnitId),
          amountMinor: hydrate(ctx, Project, 'amountMinor', row.p_amountMinor) as bigint,
          currency: row.p_currency as string,
        },
        appointments: [],
        sponsorConflictOfInterest: Number(row.s_sponsorConflictOfInterest ?? 0) === 1,
      };
      found.set(id, entry);
    }
    if (row.t_id === null || row.t_id === undefined) continue;
    entry.appointments.push({
      personId: Number(row.t_personId),
      role: row.t_role as string,
      validFrom: hydrate(ctx, TeamAppointment, 'validFrom', row.t_validFrom) as Date,
      validTo: hydrate(ctx, TeamAppointment, 'validTo', row.t_validTo) as Date | null,
    });
  }
  const first = rows[0] as
    { authority_change_count: string | number; case_change_count: string | number | null } | undefined;
  // No project found: the counters were not read with them.
  if (withCounter && first === undefined) return { found };
  return {
    found,
    ...(withCounter && first
      ? {
          changeCount: String(first.authority_change_count),
          caseChangeCount: String(first.case_change_count ?? '0'),
        }
      : {}),
  };
}

/**
 * Projects, their teams and (unless read with the session) both counters in one plain statement, so project cases
 * cost no more statements than described ones and their answers report the revision they were read at; with both
 * counters read with the session, project cases already read since neither moved cost none. Returns the cases found
 * (scope not checked: see `readableCase`); counters read with them become the request's snapshot's.
 */
async function loadProjectCases(ctx: Context, projectIds: readonly number[]): Promise<Map<number, ProjectCase>> {
  const key =
    ctx.authorityChangeCount !== undefined && ctx.caseChangeCount !== undefined
      ? `${ctx.authorityChangeCount}:${ctx.caseChangeCount}`
      : null;
  const found = new Map<number, ProjectCase>();
  const missing: number[] = [];
  for (const id of new Set(projectIds)) {
    const cached = key === null ? undefined : projectCaseCache(ctx).get(key, id);
    if (cached) found.set(id, cached);
    else missing.push(id);
  }
  if (!missing.length) return found;
  const read = await queryProjectCases(ctx, missing);
  for (const [id, value] of read.found) {
    found.set(id, value);
    if (key !== null) projectCaseCache(ctx).set(key, id, value);
  }
  // The snapshot follows the counter read with the projects (a snapshot already taken this request wins).
  if (read.changeCount !== undefined) await authoritySnapshotFor(ctx, read.changeCount);
  return found;
}

/** A project case the caller may read, or NOT_FOUND (`field`: the argument naming it, for a batch). */
async function readableCase<T extends { project: ProjectCaseColumns }>(
  ctx: Context,
  found: T | null | undefined,
  projectId: number,
  field?: string,
): Promise<T> {
  if (!found || !(await canRead(ctx, ctx.db.manager, Project, found.project)))
    throw notFoundAt('Project', projectId, field);
  return found;
}

/** NOT_FOUND naming the argument (`inputs[3].projectId`) when one of several inputs is meant. */
export function notFoundAt(type: string, id: string | number, field?: string): AppError {
  if (field === undefined) return notFound(type, id);
  return new AppError('NOT_FOUND', `${field}: ${type} ${id} does not exist, or is outside what you may see.`, {
    type,
    id: String(id),
    field,
  });
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

/** A case's arguments checked, before anything is loaded: a project's id, or a described case but for its unit. */
interface CheckedCase {
  readonly input: CaseInput;
  readonly at: Date;
  readonly now: boolean;
  readonly projectId: number | null;
  readonly described: AuthorizationCase | null;
  /** Argument names: bare for a single question, `inputs[3].` for one of a batch. */
  readonly prefix: string;
}

async function checkCase(ctx: Context, input: CaseInput, prefix = ''): Promise<CheckedCase> {
  return checkCaseIn(ctx, input, prefix, isDescribed(input) ? await callerScope(ctx) : null);
}

const isDescribed = (input: CaseInput): boolean => input.projectId === undefined || input.projectId === null;

/** checkCase with the caller's scope at hand (asked once for the many cases of an authorizeMany). */
function checkCaseIn(ctx: Context, input: CaseInput, prefix: string, scope: CallerScope | null): CheckedCase {
  const at = input.at ?? ctx.now;
  const base = { input, at, now: isNow(ctx, input), prefix };
  if (input.asKnownAt && input.asKnownAt.getTime() > ctx.now.getTime())
    throw badInput({ [`${prefix}asKnownAt`]: 'is in the future: the system cannot know yet what it will know then' });
  if (input.projectId !== undefined && input.projectId !== null)
    return { ...base, projectId: toId(input.projectId, `${prefix}projectId`), described: null };
  const missing: Record<string, string> = {};
  for (const field of ['grade', 'orgUnitId', 'amount', 'currency'] as const) {
    if (input[field] === undefined || input[field] === null)
      missing[`${prefix}${field}`] = 'is required for a described case (or give projectId)';
  }
  if (Object.keys(missing).length) throw badInput(missing);
  const amount = parseMoney(input.amount as string, input.currency as string);
  if (!amount.ok) {
    throw badInput(
      amount.error.code === 'MONEY.UNKNOWN_CURRENCY'
        ? { [`${prefix}currency`]: `${input.currency} is not a supported currency` }
        : { [`${prefix}amount`]: `is not a valid ${input.currency} amount` },
    );
  }
  if (amount.value.minor < 0n) throw badInput({ [`${prefix}amount`]: 'may not be negative' });
  const orgUnitId = String(toId(input.orgUnitId, `${prefix}orgUnitId`));
  refuseUnitOutside(scope, Number(orgUnitId), `${prefix}orgUnitId`);
  const team = (input.teamMemberIds ?? []).map((id) => ({
    personId: String(toId(id, `${prefix}teamMemberIds`)),
    role: 'CORE_MEMBER' as TriangleRole,
  }));
  return {
    ...base,
    projectId: null,
    described: {
      decisionPoint: input.decisionPoint as DecisionPoint,
      grade: input.grade as ProjectGrade,
      orgUnitId,
      amount: amount.value,
      team,
    },
  };
}

/**
 * A checked case completed from what was loaded: the project's case (its team in force at `at` counts), or the
 * described one once its unit is known to exist. `nowAsOf`: the request's answer about now, shared by every case about
 * now (the as-of path is taken per case otherwise); `projects`: project cases about now, loaded together.
 */
async function completeCase(
  ctx: Context,
  checked: CheckedCase,
  nowAsOf: AsOfSnapshot | null,
  projects: ReadonlyMap<number, ProjectCase>,
): Promise<ResolvedCase> {
  const { input, at, prefix } = checked;
  const asOfFor = async (): Promise<AsOfSnapshot> =>
    checked.now && nowAsOf ? asOfNow(checked, nowAsOf) : authoritySnapshotAsOf(ctx, input.at, input.asKnownAt);
  const field = prefix === '' ? undefined : `${prefix}projectId`;
  if (checked.projectId !== null) {
    const projectId = checked.projectId;
    if (!checked.now) {
      const asOf = await authoritySnapshotAsOf(ctx, input.at, input.asKnownAt);
      const found = await readableCase(
        ctx,
        await projectCaseAsOf(ctx, projectId, asOf.at, asOf.knownAt),
        projectId,
        field,
      );
      return {
        at,
        snapshot: asOf.snapshot,
        asOf,
        case: toProjectCase(found.project, found.appointments, input.decisionPoint, found.settings),
      };
    }
    const { project, appointments, sponsorConflictOfInterest } = await readableCase(
      ctx,
      projects.get(projectId),
      projectId,
      field,
    );
    const asOf = await asOfFor();
    return {
      at,
      snapshot: asOf.snapshot,
      asOf,
      case: toProjectCase(project, appointments, input.decisionPoint, { sponsorConflictOfInterest }),
    };
  }
  return completeDescribed(checked, await asOfFor());
}

/** A case about now, from the request's answer about now (as known at its asKnownAt, when it gives one). */
function asOfNow(checked: CheckedCase, nowAsOf: AsOfSnapshot): AsOfSnapshot {
  return { ...nowAsOf, at: checked.at, knownAt: checked.input.asKnownAt ?? nowAsOf.knownAt };
}

/** A described case, completed once its unit is known to exist. */
function completeDescribed(checked: CheckedCase, asOf: AsOfSnapshot): ResolvedCase {
  const c = checked.described as AuthorizationCase;
  if (!asOf.snapshot.unitLabels.has(c.orgUnitId))
    throw badInput({ [`${checked.prefix}orgUnitId`]: `org unit ${c.orgUnitId} does not exist` });
  return { at: checked.at, snapshot: asOf.snapshot, asOf, case: c };
}

/** The engine's case from a project (its team in force at `at` counts) or from a described case. */
export async function resolveCase(ctx: Context, input: CaseInput): Promise<ResolvedCase> {
  await awaitArgumentRevision(ctx, input.atLeastRevision, 'atLeastRevision', ctx.config.revisionWaitMs);
  const checked = await checkCase(ctx, input);
  const projects =
    checked.now && checked.projectId !== null
      ? await loadProjectCases(ctx, [checked.projectId])
      : new Map<number, ProjectCase>();
  return completeCase(ctx, checked, null, projects);
}

/**
 * Several cases answered from one revision: the highest `atLeastRevision` among them awaited once, every argument
 * checked before anything is loaded (a bad one fails them all, named by its path, e.g. `inputs[3].projectId`), the
 * projects of the cases about now loaded together in one statement, and those cases answered from the request's one
 * snapshot. Returns the cases, in order, and the answer about now they share (its revision is the request's).
 */
export async function resolveCases(
  ctx: Context,
  inputs: readonly CaseInput[],
  field: string,
): Promise<{ cases: ResolvedCase[]; now: AsOfSnapshot }> {
  let highest: { revision: string; field: string } | null = null;
  inputs.forEach((input, i) => {
    if (input.atLeastRevision === undefined || input.atLeastRevision === null) return;
    const revision = parseRevision(input.atLeastRevision, `${field}[${i}].atLeastRevision`);
    if (highest === null || compareRevisions(revision, highest.revision) > 0)
      highest = { revision, field: `${field}[${i}].atLeastRevision` };
  });
  const wanted = highest as { revision: string; field: string } | null;
  if (wanted) await awaitArgumentRevision(ctx, wanted.revision, wanted.field, ctx.config.revisionWaitMs);
  // Checked in order, with no wait between them: the scope is asked once (when a case is described).
  const scope = inputs.some(isDescribed) ? await callerScope(ctx) : null;
  const checked = inputs.map((input, i) => checkCaseIn(ctx, input, `${field}[${i}].`, scope));
  const projectIds = checked.flatMap((c) => (c.now && c.projectId !== null ? [c.projectId] : []));
  const projects = projectIds.length ? await loadProjectCases(ctx, projectIds) : new Map<number, ProjectCase>();
  const now = await authoritySnapshotAsOf(ctx, null, null);
  const cases: ResolvedCase[] = [];
  for (const c of checked)
    cases.push(
      c.described !== null && c.now ? completeDescribed(c, asOfNow(c, now)) : await completeCase(ctx, c, now, projects),
    );
  return { cases, now };
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
  // Where the id occurs on the chain: not first (a delegation's), only first (the rule's), or both.
  if (reason.chain[0] !== id) return 'DELEGATION';
  if (reason.chain.indexOf(id, 1) < 0) return 'RULE';
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

/**
 * The reasons that speak to the case: a rule or delegation of another decision point (POINT_NOT_COVERED) could
 * never have applied, so it is left out; when nothing else is left, the person holds no authority for this
 * decision point at all (one NO_AUTHORITY).
 */
export function reasonsForCase(
  reasons: readonly AuthorizationResult['reasons'][number][],
  personId: string | undefined,
): AuthorizationResult['reasons'] {
  const relevant = reasons.filter((r) => r.code !== 'POINT_NOT_COVERED');
  if (relevant.length > 0 || reasons.length === 0 || personId === undefined)
    return relevant.length > 0 ? relevant : reasons;
  return [{ code: 'NO_AUTHORITY', linkId: null, chain: [], data: { personId } }];
}

export function toResultView(
  ctx: Context,
  snapshot: AuthoritySnapshot,
  c: AuthorizationCase,
  result: AuthorizationResult,
  asOf?: { knownAt: Date; revision: string; corrections: readonly AuthorityChange[]; personId: string },
  /** Who was asked about, when not given with asOf (for the reasons: reasonsForCase). */
  askedPersonId?: string,
): AuthorizationResultType {
  const writer = reasonWriter(ctx, snapshot);
  const reasons: DenialReasonType[] = reasonsForCase(result.reasons, asOf?.personId ?? askedPersonId).map((r) => {
    const kind = linkKindOf(r, snapshot, c, result.at);
    return {
      code: r.code,
      message: writer.denial(r, result.at, { link: kind, source: sourceKindOf(r, snapshot) }),
      linkId: r.linkId,
      linkKind: r.linkId === null ? null : kind,
      chain: [...r.chain],
      // Made when it is read: most callers select code and message only (100 reasons and more per authorizeMany).
      get data() {
        return jsonSafe(r.data);
      },
    };
  });
  const chains = result.chains.map(toChainView);
  const corrections = asOf?.corrections ?? [];
  return {
    allowed: result.allowed,
    at: result.at,
    chains,
    reasons,
    quorumRequired: result.quorumRequired,
    asKnownAt: asOf?.knownAt ?? ctx.now,
    revision: asOf?.revision ?? snapshot.changeCount,
    corrections:
      corrections.length === 0
        ? []
        : correctionsConcerning(
            corrections,
            answerRecords(
              [asOf?.personId ?? '', ...c.team.map((m) => m.personId)],
              chains,
              reasons.map((r) => r.chain),
            ),
          ),
  };
}

export function personExists(snapshot: AuthoritySnapshot, personId: string): boolean {
  return snapshot.personNames.has(personId);
}

/** The most cases one authorizeMany request may ask about. */
export const AUTHORIZE_MANY_MAX = 100;

/**
 * authorizeMany, as the API answers it: 1 to AUTHORIZE_MANY_MAX cases from one revision (resolveCases); the persons
 * asked about are checked against the caller's scope together. Any bad input fails the whole request.
 */
export async function authorizeManyQuestion(
  ctx: Context,
  inputs: readonly AuthorizeInput[],
): Promise<AuthorizationResultType[]> {
  if (inputs.length === 0)
    throw badInput({ inputs: `give at least one case (at most ${AUTHORIZE_MANY_MAX} per request)` });
  if (inputs.length > AUTHORIZE_MANY_MAX) {
    throw badInput({
      inputs:
        `at most ${AUTHORIZE_MANY_MAX} cases per request (${inputs.length} given): split them into several ` +
        'requests',
    });
  }
  const personIds = inputs.map((input, i) => String(toId(input.personId, `inputs[${i}].personId`)));
  const { cases, now } = await resolveCases(ctx, inputs, 'inputs');
  if ((await callerScope(ctx)) !== null) {
    const em = ctx.db.manager;
    const rows = await em.findBy(Person, { id: In([...new Set(personIds)].map(Number)) });
    const byId = new Map(rows.map((row) => [String(row.id), row]));
    for (let i = 0; i < personIds.length; i++) {
      const row = byId.get(personIds[i] as string);
      if (!row || !(await canRead(ctx, em, Person, row)))
        throw notFoundAt('Person', personIds[i] as string, `inputs[${i}].personId`);
    }
  }
  personIds.forEach((id, i) => {
    if (!personExists((cases[i] as ResolvedCase).snapshot, id))
      throw badInput({ [`inputs[${i}].personId`]: `person ${id} does not exist` });
  });
  // Every answer reports the revision the request read, whatever moment each case asks about.
  const revision = now.revision;
  ctx.revisions.read = revision;
  return cases.map((resolved, i) => {
    const personId = personIds[i] as string;
    const result = authorize(personId, resolved.case, resolved.at, resolved.snapshot.index);
    return toResultView(ctx, resolved.snapshot, resolved.case, result, {
      knownAt: resolved.asOf.knownAt,
      revision,
      corrections: resolved.asOf.corrections,
      personId,
    });
  });
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
