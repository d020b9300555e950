// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { Assessment, AssessmentRating } from './assessment.entity';
export { certificationsOf, toCertification } from './assessment.mapper';
