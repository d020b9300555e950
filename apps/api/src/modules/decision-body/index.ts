// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { DecisionBody, DecisionBodySeat } from './decision-body.entity';
export { seatsByBody, toAuthorityBody } from './decision-body.mapper';
