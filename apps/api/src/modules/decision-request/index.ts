// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { DecisionRequest, DecisionRequestRecipient } from './decision-request.entity';
export { escalateOverdueRequests } from './decision-request.escalation';
export type { EscalationRun } from './decision-request.escalation';
export { onRequestRouted } from './decision-request.events';
export type { RequestRouted, RequestRoutedListener } from './decision-request.events';
export { settleRequestByDirectDecision } from './decision-request.direct';
