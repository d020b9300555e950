// The authority rules as they were at an effective moment, as known at a recorded moment, from each rule's history:
// the deciding entry of a rule is its entry with the highest revision among those recorded by `knownAt` whose
// effective moment is not after `at` (the domain's rule, packages/domain history/versions.ts).
import { decidingEntry, revisionKnownAt, type VersionEntry } from '@iron-triangle/domain';
import type { AuthorityChange } from '../providers/types';
import { majorAmount, versionEntry as entryAsVersion } from './fields';

/** A rule as the matrix draws it (the fields of the API's AuthorityRule it needs). */
export interface MatrixRule {
  id: string;
  name: string;
  holderKind: string;
  holderTitle?: string | null;
  holderOrgUnitId?: string | null;
  decisionBodyId?: string | null;
  holderRole?: string | null;
  decisionPoints: string[];
  grades: string[];
  scopeOrgUnitId: string;
  limit?: string | null;
  currency: string;
  validFrom?: string | null;
  validTo?: string | null;
}

type Row = Record<string, unknown>;

const id = (value: unknown) => (value === null || value === undefined ? null : String(value));

/** A rule's version as its log entry keeps it (ids as numbers, the limit in minor units) → as the API shows it. */
export function ruleFromVersion(version: Row): MatrixRule {
  return {
    id: String(version.id),
    name: String(version.name ?? ''),
    holderKind: String(version.holderKind ?? ''),
    holderTitle: (version.holderTitle as string | null | undefined) ?? null,
    holderOrgUnitId: id(version.holderOrgUnitId),
    decisionBodyId: id(version.decisionBodyId),
    holderRole: (version.holderRole as string | null | undefined) ?? null,
    decisionPoints: (version.decisionPoints as string[] | undefined) ?? [],
    grades: (version.grades as string[] | undefined) ?? [],
    scopeOrgUnitId: String(version.scopeOrgUnitId ?? ''),
    limit: majorAmount(version.limitMinor, version.currency),
    currency: String(version.currency ?? 'CNY'),
    validFrom: (version.validFrom as string | null | undefined) ?? null,
    validTo: (version.validTo as string | null | undefined) ?? null,
  };
}

function versionEntry(entry: AuthorityChange): VersionEntry<Row> & { source: AuthorityChange } {
  return { ...entryAsVersion(entry), source: entry };
}

export interface RulesAsOf {
  /** The rules in force at `at` (their window holds it), in the version that decides. */
  rules: MatrixRule[];
  /** The corrections of the past among the deciding entries. */
  corrections: AuthorityChange[];
  /** The latest rule change recorded by `knownAt`. */
  revision: string;
}

export function rulesAsOf(
  histories: ReadonlyArray<{ id: string; history: readonly AuthorityChange[] }>,
  at: Date,
  knownAt: Date,
): RulesAsOf {
  const rules: MatrixRule[] = [];
  const corrections: AuthorityChange[] = [];
  const all: VersionEntry<Row>[] = [];
  for (const { id: ruleId, history } of histories) {
    const entries = history.map(versionEntry);
    all.push(...entries);
    const deciding = decidingEntry(entries, at, knownAt) as (VersionEntry<Row> & { source: AuthorityChange }) | null;
    if (!deciding?.after) continue;
    const rule = ruleFromVersion({ id: ruleId, ...deciding.after });
    const from = rule.validFrom ? new Date(rule.validFrom).getTime() : -Infinity;
    const to = rule.validTo ? new Date(rule.validTo).getTime() : Infinity;
    if (at.getTime() < from || at.getTime() >= to) continue;
    rules.push(rule);
    if (deciding.correction) corrections.push(deciding.source);
  }
  return { rules, corrections, revision: String(revisionKnownAt(all, knownAt)) };
}
