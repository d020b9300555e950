// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { Decision } from './decision.entity';
export { reopenOnMaterialChange, toProjectDecision } from './decision.process';
export { record as recordDecisionWithin } from './decision.operations';
export type { Outcome as RecordDecisionOutcome } from './decision.operations';
export { projectDecisions } from './decision.process';
export { outOfSequenceMessage, pointLabel } from './decision.messages';
export { onDecisionRecorded } from './decision.events';
export type { DecisionRecorded, DecisionRecordedListener } from './decision.events';
