// A new certifying assessment of a person in a role closes the re-assessments scheduled for them in it (DONE), in the
// assessment's own transaction.
import type { EntityManager } from 'typeorm';
import { ReassessmentSchedule } from './reassessment.entity';

/** Marks DONE the open schedules of the person in the role; returns how many. */
export async function closeSchedulesOnCertification(
  em: EntityManager,
  assessment: { id: number; personId: number; role: string; certifies: boolean },
  at: Date,
): Promise<number> {
  if (!assessment.certifies) return 0;
  const result = await em
    .createQueryBuilder()
    .update(ReassessmentSchedule)
    .set({
      status: 'DONE',
      doneAssessmentId: assessment.id,
      closedAt: at,
      updatedAt: at,
      version: () => 'version + 1',
    })
    .where('personId = :personId AND role = :role AND status = :open', {
      personId: assessment.personId,
      role: assessment.role,
      open: 'SCHEDULED',
    })
    .execute();
  return result.affected ?? 0;
}

/** An assessment deleted takes the schedules made for it along (they point at it). */
export async function removeSchedulesOf(em: EntityManager, assessmentId: number): Promise<void> {
  await em.delete(ReassessmentSchedule, { assessmentId });
}
