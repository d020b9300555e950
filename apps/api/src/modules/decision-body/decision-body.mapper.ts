// Decision bodies and their seats → the engine's bodies.
import { AuthorityBody, AuthorityBodyQuorum } from '@iron-triangle/domain';
import type { DecisionBody, DecisionBodySeat } from './decision-body.entity';

/** The seats of each body, in the order given (read them ordered by sortOrder, id). */
export function seatsByBody(seats: readonly DecisionBodySeat[]): Map<number, DecisionBodySeat[]> {
  const byBody = new Map<number, DecisionBodySeat[]>();
  for (const seat of seats) {
    const list = byBody.get(seat.decisionBodyId);
    if (list) list.push(seat);
    else byBody.set(seat.decisionBodyId, [seat]);
  }
  return byBody;
}

/** A body with its seats (in order) and its quorum as the domain reads it. */
export function toAuthorityBody(
  body: DecisionBody,
  seats: readonly DecisionBodySeat[],
  quorum: AuthorityBodyQuorum,
): AuthorityBody {
  return {
    id: String(body.id),
    name: body.name,
    seats: seats.map((s) => ({ title: s.title, alternativeTitles: s.alternativeTitles ?? [], fixed: s.fixed })),
    quorum,
  };
}
