// Stored assessments → the domain's certification records (what qualificationAt and the engine read).
import { CertificationRecord, TriangleRole } from '@iron-triangle/domain';
import { EntityManager } from 'typeorm';
import { Assessment } from './assessment.entity';

export function toCertification(a: Assessment): CertificationRecord {
  return {
    assessmentId: String(a.id).padStart(12, '0'),
    personId: String(a.personId),
    role: a.role as TriangleRole,
    level: a.levelReached,
    assessedAt: a.assessedAt,
    validUntil: a.validUntil,
    certifying: a.certifies,
    framework: { id: String(a.frameworkId), version: 1 },
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
