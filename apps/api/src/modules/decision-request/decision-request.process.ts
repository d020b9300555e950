// A request's writes, in the writer's transaction: where a case is routed (whoMayDecide on the project's case, grouped
// into levels of authority by the domain), the people it is routed to, and each change of the request kept in the
// change log and the audit trail.
import {
  DecisionPoint,
  DecisionRequestState,
  DecisionRequestStatus,
  RequestRecipient,
  RoutingBody,
  RoutingLevel,
  routingLevels,
  whoMayDecide,
} from '@iron-triangle/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { Context } from '../../platform/context';
import { writeAudit } from '../../platform/audit';
import { guardedUpdate } from '../../platform/crud';
import { forUpdate } from '../../platform/db';
import { recordChange } from '../../platform/change-log';
import { authorityCacheOf } from '../authorization';
import { companySettingsOf } from '../company-settings';
import { Project, toProjectCase } from '../project';
import { TeamAppointment } from '../team-appointment';
import { DecisionRequest, DecisionRequestRecipient } from './decision-request.entity';

/** Who writes (a request's context, or the escalation runner's): what the audit trail and change log record. */
export type Writer = Pick<Context, 'principal' | 'requestId' | 'now'> & Partial<Pick<Context, 'revisions'>>;

/** The project's case as it stands, routed: every level of authority over it, nearest first, and its bodies. */
export interface Routing {
  readonly levels: RoutingLevel[];
  readonly bodies: RoutingBody[];
  readonly depthOf: (orgUnitId: string) => number;
}

/**
 * Routes the case of `project` at `point` for `amountMinor` at `at` (in the transaction: the authority state is the
 * one it sees, under the share lock every decision takes). `calledSeats`: the on-demand seats called in.
 */
export async function routeCase(
  em: EntityManager,
  dataSource: DataSource,
  project: Project,
  point: string,
  amountMinor: bigint,
  calledSeats: readonly string[],
  at: Date,
): Promise<Routing> {
  const snapshot = await authorityCacheOf(dataSource).snapshotWithin(em);
  const appointments = await em.findBy(TeamAppointment, { projectId: project.id });
  const settings = await companySettingsOf(em);
  const projectCase = toProjectCase(project, appointments, point as DecisionPoint, settings);
  const answer = whoMayDecide(
    { ...projectCase, amount: { minor: amountMinor, currency: project.currency } },
    at,
    snapshot.index,
  );
  const bodies: RoutingBody[] = answer.bodies.map((b) => ({
    bodyId: b.bodyId,
    seats: b.seats.map((s) => ({ title: s.title, fixed: s.fixed })),
  }));
  const tree = snapshot.index.tree;
  const depthOf = (unit: string) => tree.depth(unit);
  return { levels: routingLevels(answer.deciders, bodies, calledSeats, depthOf), bodies, depthOf };
}

/** The unique key of the one request that may be pending on a project's decision point. */
export const pendingKeyOf = (projectId: number, point: string): string => `${projectId}:${point}`;

/** The request with a locking read (it sees the latest committed row and keeps it until the transaction ends). */
export function lockedRequest(em: EntityManager, id: number): Promise<DecisionRequest | null> {
  return em.findOne(DecisionRequest, { where: { id }, ...forUpdate(em) });
}

/** The people a request was routed to, by a locking read. */
export function recipientsOf(em: EntityManager, requestId: number): Promise<DecisionRequestRecipient[]> {
  return em.find(DecisionRequestRecipient, { where: { requestId }, order: { id: 'ASC' }, ...forUpdate(em) });
}

/** The request as the domain reads it. */
export function toRequestState(
  request: DecisionRequest,
  recipients: readonly DecisionRequestRecipient[],
): DecisionRequestState {
  return {
    status: request.status as DecisionRequestStatus,
    requestedBy: request.requestedBy,
    requestedAt: request.requestedAt,
    dueAt: request.dueAt,
    escalationLevel: request.escalationLevel,
    levelScopeOrgUnitId: String(request.levelScopeOrgUnitId),
    escalationExhausted: !!request.escalationExhausted,
    recipientIds: recipients.map((r) => String(r.personId)),
  };
}

/** Adds the people a request is routed to (at `level`). */
export async function addRecipients(
  em: EntityManager,
  requestId: number,
  recipients: readonly RequestRecipient[],
  level: number,
  now: Date,
): Promise<void> {
  for (const r of recipients)
    await em.insert(DecisionRequestRecipient, {
      requestId,
      personId: Number(r.personId),
      level,
      via: r.via,
      seatTitles: [...r.seatTitles],
      scopeOrgUnitId: Number(r.scopeOrgUnitId),
      actedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    } as never);
}

/**
 * Changes the request at the version read (CONFLICT otherwise), then keeps the change in the change log and the audit
 * trail (`action`: what happened, e.g. "withdraw"; `note` in words). Child rows written before are in the entry.
 */
export async function saveRequest(
  em: EntityManager,
  writer: Writer,
  before: DecisionRequest,
  patch: Partial<DecisionRequest>,
  action: string,
  note: string,
): Promise<DecisionRequest> {
  const after = await guardedUpdate(
    em,
    { entity: DecisionRequest, name: 'DecisionRequest' },
    before.id,
    before.version,
    patch,
    writer.now,
  );
  await recordChange(em, writer, 'DecisionRequest', before.id, 'UPDATE');
  await writeAudit(em, writer as Context, {
    action,
    entityType: 'DecisionRequest',
    entityId: before.id,
    before,
    after,
    note,
  });
  return after;
}
