// The authorization engine: who may take which LTC decision, through which chain of rule and delegations.
export * from './types';
export { indexAuthorityState, indexAuthorityStateSteps, authorityIndexOf } from './authority-index';
export { runSteps, SLICE_ITEMS } from './steps';
export type { Steps } from './steps';
export type { AuthorityIndex } from './authority-index';
export { authorize, whoMayDecide, deciderCandidates, authorityBodyQuorumReachable } from './authorize';
export type { DeciderCandidates } from './authorize';
export * from './delegation';
export * from './quorum';
export { decisionRights, compareDecisionRights, compareIds, DECISION_RIGHT_VIAS } from './decision-rights';
export type { DecisionRight, DecisionRightVia } from './decision-rights';
export {
  applyAuthorityChanges,
  applyChangesToState,
  changedRecordId,
  defaultMaxOverlayRecords,
  AUTHORITY_RECORD_KINDS,
} from './incremental';
export type {
  AuthorityRecordChange,
  AuthorityRecordKind,
  AppliedAuthorityChanges,
  ApplyAuthorityChangesOptions,
} from './incremental';
