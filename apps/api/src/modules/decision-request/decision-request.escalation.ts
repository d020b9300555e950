// Escalation of overdue requests, with the time passed in: each pending request past its due date goes to the next
// level up of authority over its case (the domain's `escalate`), one transaction per request. The periodic runner and
// the administrators' mutation both call escalateOverdueRequests.
import { escalate, isOverdue, ProjectGrade } from '@iron-triangle/domain';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { Database, lockedRow } from '../../platform/db';
import { lockRevision } from '../../platform/change-log';
import { authorityCacheOf } from '../authorization';
import { companySettingsOf } from '../company-settings';
import { Project } from '../project';
import { DecisionRequest, StoredEscalation } from './decision-request.entity';
import {
  addRecipients,
  lockedRequest,
  recipientsOf,
  routeCase,
  saveRequest,
  toRequestState,
  Writer,
} from './decision-request.process';
import { requestRouted } from './decision-request.events';

/** One request escalated by a run. */
export interface EscalationRun {
  readonly request: DecisionRequest;
  /** The people it was routed to by this escalation (empty when no level lay above, or all had it already). */
  readonly personIds: readonly number[];
  /** No level of authority lay above: recorded, and it escalates no further. */
  readonly exhausted: boolean;
}

/**
 * Escalates every pending request whose due date is at or before `at`. `source`: the server's Database (preferred: on
 * SQLite its transactions must queue behind the server's), or a DataSource. `writer`: who the audit trail and the
 * change log name (default: the system, no principal). Requests decided or withdrawn meanwhile are left alone.
 */
export async function escalateOverdueRequests(
  source: DataSource | Database,
  at: Date,
  writer: Partial<Pick<Writer, 'principal' | 'requestId' | 'revisions'>> = {},
): Promise<EscalationRun[]> {
  const db = source instanceof Database ? source : new Database(source);
  const dataSource = db.dataSource;
  const who: Writer = {
    principal: writer.principal ?? null,
    requestId: writer.requestId ?? `escalation-${at.toISOString()}`,
    now: at,
    ...(writer.revisions ? { revisions: writer.revisions } : {}),
  };
  const candidates = await db.manager.find(DecisionRequest, {
    select: { id: true, projectId: true },
    where: { status: 'PENDING', escalationExhausted: false, dueAt: LessThanOrEqual(at) },
    order: { id: 'ASC' },
  });
  const runs: EscalationRun[] = [];
  for (const candidate of candidates) {
    const run = await db.transaction(async (em): Promise<EscalationRun | null> => {
      await lockRevision(em);
      await authorityCacheOf(dataSource).snapshotWithin(em);
      const project = await lockedRow(em, Project, candidate.projectId);
      const request = await lockedRequest(em, candidate.id);
      if (!project || !request) return null;
      const recipients = await recipientsOf(em, request.id);
      const state = toRequestState(request, recipients);
      if (!isOverdue(state, at)) return null;
      const routing = await routeCase(
        em,
        dataSource,
        project,
        request.decisionPoint,
        request.amountMinor,
        request.calledSeats,
        at,
      );
      const settings = await companySettingsOf(em);
      const step = escalate(
        state,
        routing.levels,
        at,
        project.grade as ProjectGrade,
        settings.decisionDueDays,
        routing.depthOf,
      );
      if (!step.ok) return null;
      const { entry } = step.value;
      await addRecipients(em, request.id, step.value.recipients, step.value.escalationLevel, at);
      const stored: StoredEscalation = {
        at: entry.at.toISOString(),
        missedDueAt: entry.missedDueAt.toISOString(),
        fromLevel: entry.fromLevel,
        toLevel: entry.toLevel,
        fromScopeOrgUnitId: entry.fromScopeOrgUnitId,
        toScopeOrgUnitId: entry.toScopeOrgUnitId,
        personIds: [...entry.personIds],
      };
      const saved = await saveRequest(
        em,
        who,
        request,
        {
          escalationLevel: step.value.escalationLevel,
          levelScopeOrgUnitId: Number(step.value.levelScopeOrgUnitId),
          escalationExhausted: step.value.escalationExhausted,
          dueAt: step.value.dueAt,
          escalationLog: [...request.escalationLog, stored],
        },
        'escalate',
        entry.toLevel === null
          ? `overdue since ${stored.missedDueAt}: no level of authority above scope ${entry.fromScopeOrgUnitId}`
          : `overdue since ${stored.missedDueAt}: escalated from level ${entry.fromLevel} (scope ` +
              `${entry.fromScopeOrgUnitId}) to level ${entry.toLevel} (scope ${entry.toScopeOrgUnitId}), routed to ` +
              `${entry.personIds.join(', ') || 'nobody new'}`,
      );
      const personIds = entry.personIds.map(Number);
      if (personIds.length > 0)
        await requestRouted(em, {
          kind: 'ESCALATED',
          requestId: request.id,
          projectId: request.projectId,
          decisionPoint: request.decisionPoint,
          personIds,
          dueAt: saved.dueAt,
          at,
        });
      return { request: saved, personIds, exhausted: step.value.escalationExhausted };
    });
    if (run) runs.push(run);
  }
  return runs;
}
