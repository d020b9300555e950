// Stored assessments → the domain's certification records (what qualificationAt and the engine read).
import { CertificationRecord, TriangleRole } from '@iron-triangle/domain';
import { EntityManager } from 'typeorm';
import { Assessment } from './assessment.entity';

/** The framework version the assessment was evaluated on, as its stored evaluation names it (1 before versions). */
function frameworkVersionOf(a: Assessment): number {
  const version = (a.evaluation?.framework as { version?: unknown } | undefined)?.version;
  return typeof version === 'number' ? version : 1;
}

export function toCertification(a: Assessment): CertificationRecord {
  return {
    assessmentId: String(a.id).padStart(12, '0'),
    personId: String(a.personId),
    role: a.role as TriangleRole,
    level: a.levelReached,
    assessedAt: a.assessedAt,
    validUntil: a.validUntil,
    certifying: a.certifies,
    framework: { id: String(a.frameworkId), version: frameworkVersionOf(a) },
  };
}

export async function certificationsOf(
  em: EntityManager,
  personId: number,
  role: string,
): Promise<CertificationRecord[]> {
  const rows = await em.findBy(Assessment, { personId, role });
  return rows.map(toCertification);
}
