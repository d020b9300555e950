// Which qualification level a person holds for a role at a moment, from their certifications.
import type { TriangleRole } from '../roles/roles';

/** The stored outcome of an assessment, as far as "what is held when" is concerned. */
export interface CertificationRecord {
  readonly assessmentId: string;
  readonly personId: string;
  readonly role: TriangleRole;
  /** The level reached; 0 or null when the assessment reached no level. */
  readonly level: number | null;
  /** When the assessment was made (its result counts from then). */
  readonly assessedAt: Date;
  /** End of validity (exclusive). */
  readonly validUntil: Date | null;
  /** Only panel (or manager, where the framework allows) assessments certify; self-assessments never do. */
  readonly certifying: boolean;
  /** The framework version the assessment was made on (for explaining the result). */
  readonly framework?: { readonly id: string; readonly version: number };
}

export type QualificationHeld =
  | { readonly held: true; readonly level: number; readonly validUntil: Date | null; readonly assessmentId: string }
  | { readonly held: false; readonly reason: 'NEVER_ASSESSED' }
  | {
      readonly held: false;
      readonly reason: 'EXPIRED';
      readonly expiredAt: Date;
      readonly assessmentId: string;
      readonly level: number;
    }
  | { readonly held: false; readonly reason: 'NO_LEVEL_REACHED'; readonly assessmentId: string };

/**
 * The level held at `at`: the latest certifying assessment made at or before `at` decides;
 * it counts while `at` < validUntil. Later assessments (after `at`) are ignored, so this answers "as of" any time.
 */
export function qualificationAt(
  records: readonly CertificationRecord[],
  personId: string,
  role: TriangleRole,
  at: Date,
): QualificationHeld {
  const t = at.getTime();
  let latest: CertificationRecord | undefined;
  for (const record of records) {
    if (record.personId !== personId || record.role !== role || !record.certifying) continue;
    const made = record.assessedAt.getTime();
    if (made > t) continue;
    if (
      latest === undefined ||
      made > latest.assessedAt.getTime() ||
      (made === latest.assessedAt.getTime() && record.assessmentId > latest.assessmentId)
    ) {
      latest = record;
    }
  }
  if (latest === undefined) return { held: false, reason: 'NEVER_ASSESSED' };
  if (latest.level === null || latest.level <= 0)
    return { held: false, reason: 'NO_LEVEL_REACHED', assessmentId: latest.assessmentId };
  if (latest.validUntil !== null && t >= latest.validUntil.getTime()) {
    return {
      held: false,
      reason: 'EXPIRED',
      expiredAt: latest.validUntil,
      assessmentId: latest.assessmentId,
      level: latest.level,
    };
  }
  return { held: true, level: latest.level, validUntil: latest.validUntil, assessmentId: latest.assessmentId };
}
