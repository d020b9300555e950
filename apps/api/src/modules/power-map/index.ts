// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { RelationshipPlanAction, Stakeholder, StakeholderAttitude } from './power-map.entity';
export { mappedDecisionMakers } from './power-map.service';
