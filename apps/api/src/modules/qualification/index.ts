// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { LevelRequirement, QualificationFramework, QualificationLevel } from './qualification.entity';
export { assertTakesAssessments } from './framework-versions';
