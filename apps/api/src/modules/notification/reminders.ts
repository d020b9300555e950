// The time-based reminders, for a moment passed in: delegations to you that end within 7 days, and your certification
// that ends within 30 days (and the assessor of a re-assessment scheduled for it). Each reminder has a dedupe key
// (the delegation and its end; the certifying assessment), so running the sweep again, in this process or another,
// notifies nobody twice.
import type { DataSource } from 'typeorm';
import { qualificationAt, TriangleRole } from '@iron-triangle/domain';
import { Assessment, certificationsOf } from '../assessment';
import { Delegation } from '../delegation';
import { Person } from '../person';
import { ReassessmentSchedule } from '../reassessment';
import { notify } from './notification.service';
import { delegationExpiringPayload } from './notification.payloads';
import { databaseOf } from './notification.runtime';

const DAY_MS = 86_400_000;
/** A delegation to you ending within this much time is reminded of. */
export const DELEGATION_REMINDER_DAYS = 7;
/** Your certification ending within this much time is reminded of. */
export const CERTIFICATION_REMINDER_DAYS = 30;

export interface ReminderSweep {
  /** Notifications written (one per recipient). */
  notified: number;
  delegations: number;
  certifications: number;
}

/**
 * Writes the reminders due at `at`: one transaction per reminder (the server's Database, so SQLite's queue is kept);
 * a reminder already written (its key) is skipped.
 */
export async function sendDueReminders(dataSource: DataSource, at: Date): Promise<ReminderSweep> {
  const db = databaseOf(dataSource);
  const sweep: ReminderSweep = { notified: 0, delegations: 0, certifications: 0 };

  // Delegations in force or still to start, not revoked by their end, ending in (at, at + 7 days].
  const delegationHorizon = new Date(at.getTime() + DELEGATION_REMINDER_DAYS * DAY_MS);
  const ending = await db.transaction((em) =>
    em
      .createQueryBuilder(Delegation, 'd')
      .where('d.validTo IS NOT NULL AND d.validTo > :at AND d.validTo <= :horizon', { at, horizon: delegationHorizon })
      .andWhere('(d.revokedAt IS NULL OR d.revokedAt >= d.validTo)')
      .orderBy('d.id', 'ASC')
      .getMany(),
  );
  for (const d of ending) {
    const written = await db.transaction(async (em) =>
      notify(em, [{ personId: d.delegateId }], 'DELEGATION_EXPIRING', await delegationExpiringPayload(em, d), {
        at,
        link: { recordType: 'Delegation', recordId: d.id },
        key: `delegation:${d.id}:ends:${(d.validTo as Date).toISOString()}`,
      }),
    );
    if (written > 0) sweep.delegations += 1;
    sweep.notified += written;
  }

  // Certifications: the level a person holds for a role at `at` (the domain's rule: the latest certifying assessment
  // decides), when its validity ends in (at, at + 30 days]. A later re-certification already made replaces it.
  const certificationHorizon = new Date(at.getTime() + CERTIFICATION_REMINDER_DAYS * DAY_MS);
  const candidates = await db.transaction((em) =>
    em
      .createQueryBuilder(Assessment, 'a')
      .select(['a.personId', 'a.role'])
      .distinct(true)
      .where('a.certifies = :yes', { yes: true })
      .andWhere('a.validUntil > :at AND a.validUntil <= :horizon', { at, horizon: certificationHorizon })
      .andWhere('a.assessedAt <= :at', { at })
      .orderBy('a.personId', 'ASC')
      .addOrderBy('a.role', 'ASC')
      .getRawMany<{ a_personId: number | string; a_role: string }>(),
  );
  for (const c of candidates) {
    const personId = Number(c.a_personId);
    const role = c.a_role as TriangleRole;
    const written = await db.transaction(async (em) => {
      const person = await em.findOneBy(Person, { id: personId });
      if (!person || person.archivedAt) return 0;
      const held = qualificationAt(await certificationsOf(em, personId, role), String(personId), role, at);
      if (!held.held || held.validUntil === null) return 0;
      const until = held.validUntil.getTime();
      if (until <= at.getTime() || until > certificationHorizon.getTime()) return 0;
      const assessmentId = Number(held.assessmentId);
      const options = {
        at,
        link: { recordType: 'Assessment', recordId: assessmentId },
        key: `assessment:${assessmentId}:ends:${held.validUntil.toISOString()}`,
      };
      const payload = { role, level: held.level, validUntil: held.validUntil.toISOString() };
      let sent = await notify(em, [{ personId }], 'CERTIFICATION_EXPIRING', payload, options);
      // The assessors of the re-assessments scheduled for it are reminded too (the same key: once each).
      const scheduled = await em.findBy(ReassessmentSchedule, { assessmentId, status: 'SCHEDULED' });
      const assessors = [...new Set(scheduled.flatMap((s) => (s.assessorId === null ? [] : [s.assessorId])))];
      const others = assessors.filter((id) => id !== personId).map((id) => ({ personId: id }));
      if (others.length)
        sent += await notify(
          em,
          others,
          'CERTIFICATION_EXPIRING',
          { ...payload, personName: person.name, asAssessor: true },
          options,
        );
      return sent;
    });
    if (written > 0) sweep.certifications += 1;
    sweep.notified += written;
  }
  return sweep;
}
