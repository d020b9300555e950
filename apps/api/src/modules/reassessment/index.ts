// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { ReassessmentSchedule, REASSESSMENT_STATUSES } from './reassessment.entity';
export type { ReassessmentStatus } from './reassessment.entity';
export { closeSchedulesOnCertification, removeSchedulesOf } from './reassessment.close';
