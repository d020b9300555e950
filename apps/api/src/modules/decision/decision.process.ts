// The LTC process around decisions, in the writer's transaction: decisions as the domain's sequence reads them, the
// stage an approval moves the project to, and the approvals a material change to the project reopens.
import {
  CURRENCY_EXPONENTS,
  formatMinor,
  LtcStage,
  Money,
  ProjectDecision,
  ProjectGrade,
  ReopenCause,
  reopenedByChange,
  stageAfterApproval,
} from '@iron-triangle/domain';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../platform/context';
import { writeAudit } from '../../platform/audit';
import { guardedUpdate } from '../../platform/crud';
import { forUpdate } from '../../platform/db';
import { recordChange } from '../../platform/change-log';
import { companySettingsOf } from '../company-settings';
import { Project } from '../project';
import { Decision } from './decision.entity';
import { reopenedReasonText } from './decision.messages';

export function toProjectDecision(d: Decision): ProjectDecision {
  return {
    id: String(d.id),
    decisionPoint: d.decisionPoint as ProjectDecision['decisionPoint'],
    outcome: d.outcome,
    complete: !!d.complete,
    reopened: d.reopenedAt !== null && d.reopenedAt !== undefined,
    terms: { amount: { minor: d.amountMinor, currency: d.currency }, grade: d.grade as ProjectGrade },
  };
}

/**
 * Every decision on the project, oldest first, by a locking read: the caller holds the project's row, and a plain
 * read could see an older snapshot (MariaDB's REPEATABLE READ fixes it at the transaction's first plain read).
 */
export function projectDecisions(em: EntityManager, projectId: number): Promise<Decision[]> {
  return em.find(Decision, { where: { projectId }, order: { id: 'ASC' }, ...forUpdate(em) });
}

const decimal = (m: Money) => formatMinor(m.minor, CURRENCY_EXPONENTS[m.currency] ?? 2);

/** A cause as `reopenedCauses` keeps it: plain JSON, money as decimal strings beside their currency. */
function storedCause(cause: ReopenCause): Record<string, unknown> {
  switch (cause.kind) {
    case 'AMOUNT_UP':
      return {
        kind: cause.kind,
        from: decimal(cause.from),
        to: decimal(cause.to),
        currency: cause.to.currency,
        percent: cause.percent,
        share: cause.share,
      };
    case 'CURRENCY_CHANGED':
      return {
        kind: cause.kind,
        from: decimal(cause.from),
        fromCurrency: cause.from.currency,
        to: decimal(cause.to),
        toCurrency: cause.to.currency,
      };
    case 'GRADE_UP':
      return { kind: cause.kind, from: cause.from, to: cause.to };
    case 'DEPENDS_ON':
      return { kind: cause.kind, decisionPoint: cause.decisionPoint };
  }
}

/**
 * After a change of the project from `before` to `after` (in the change's transaction, the project's row held): the
 * decisions the change reopens (the domain's reopenedByChange, with the company's material share), each marked with
 * the moment and the causes, its version bumped, and audited. Nothing when neither amount, currency nor grade moved.
 */
export async function reopenOnMaterialChange(
  em: EntityManager,
  ctx: Context,
  before: Pick<Project, 'amountMinor' | 'currency' | 'grade'>,
  after: Pick<Project, 'id' | 'amountMinor' | 'currency' | 'grade'>,
): Promise<Decision[]> {
  if (before.amountMinor === after.amountMinor && before.currency === after.currency && before.grade === after.grade)
    return [];
  const decisions = await projectDecisions(em, after.id);
  if (decisions.length === 0) return [];
  const settings = await companySettingsOf(em);
  const reopened = reopenedByChange(
    decisions.map(toProjectDecision),
    { amount: { minor: after.amountMinor, currency: after.currency }, grade: after.grade as ProjectGrade },
    settings.materialChangeShare,
  );
  const byId = new Map(decisions.map((d) => [String(d.id), d]));
  const changed: Decision[] = [];
  for (const r of reopened) {
    const decision = byId.get(r.decisionId) as Decision;
    const causes = r.causes.map(storedCause);
    const updated = await guardedUpdate(
      em,
      { entity: Decision, name: 'Decision' },
      decision.id,
      decision.version,
      { reopenedAt: ctx.now, reopenedCauses: causes },
      ctx.now,
    );
    await writeAudit(em, ctx, {
      action: 'reopen',
      entityType: 'Decision',
      entityId: decision.id,
      before: decision,
      after: updated,
      note: `reopened by a change to project ${after.id}: ${reopenedReasonText(causes, 'en')}`,
    });
    changed.push(updated);
  }
  return changed;
}

/**
 * After an approval that completes the decision (in its transaction, the revision row and the project's row held):
 * the project moves to the stage the approval leads to (forward only), as any project update: version bumped, change
 * logged, audited. Returns the project as it is now.
 */
export async function moveStageOnApproval(
  em: EntityManager,
  ctx: Context,
  project: Project,
  decision: Decision,
): Promise<Project> {
  const stage = stageAfterApproval(
    decision.decisionPoint as ProjectDecision['decisionPoint'],
    project.stage as LtcStage,
  );
  if (stage === project.stage) return project;
  const moved = await guardedUpdate(
    em,
    { entity: Project, name: 'Project' },
    project.id,
    project.version,
    { stage } as Partial<Project>,
    ctx.now,
  );
  await recordChange(em, ctx, 'Project', project.id, 'UPDATE');
  await writeAudit(em, ctx, {
    action: 'update',
    entityType: 'Project',
    entityId: project.id,
    before: project,
    after: moved,
    note: `stage ${project.stage} → ${stage}: ${decision.decisionPoint} approved (decision ${decision.id})`,
  });
  return moved;
}
