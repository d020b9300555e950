// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { Decision } from './decision.entity';
export { reopenOnMaterialChange, toProjectDecision } from './decision.process';
