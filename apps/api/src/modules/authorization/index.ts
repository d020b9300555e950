// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { AuthorityChain, AuthorityLink } from './authority-chain.types';
export { authorityCache, authorityCacheOf, authoritySnapshot, readOrgTree, requestOrgTree } from './authority-state';
export type { AuthoritySnapshot } from './authority-state';
export { authoritySnapshotAsOf } from './as-of';
export type { AsOfSnapshot } from './as-of';
export { denialRefusal, reasonWriter, toChainView, toResultView } from './authorization.service';
export type { ChainView } from './authorization.service';
