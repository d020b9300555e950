import type { AuthorityIndex } from '@iron-triangle/domain';

/** The index plus the names messages need, at the authority counter's revision. */
export interface AuthoritySnapshot {
  readonly changeCount: string;
  readonly index: AuthorityIndex;
  readonly unitLabels: ReadonlyMap<string, string>;
  readonly personNames: ReadonlyMap<string, string>;
}
