// Keeps a process's authority index current by applying the change log's entries since its revision (issue #13):
// time in proportion to the change, not to the state. A full rebuild happens at start, when the index is too far
// behind, or when the domain advises one (its overlay grew); then it runs in the background while requests go on
// being answered from the index kept current by deltas.
import { applyAuthorityChanges, AuthorityRecordChange, parseQuorum } from '@iron-triangle/domain';
import { EntityManager } from 'typeorm';
import { AUTHORITY_RECORD_TYPES, AuthorityChange } from '../../platform/change-log';
import { OrgUnit, toOrgUnitRecord } from '../org-unit';
import { PositionAssignment, toAuthorityPosition } from '../position-assignment';
import { AuthorityRule, toDomainAuthorityRule } from '../authority-rule';
import { DecisionBody, DecisionBodySeat, toAuthorityBody } from '../decision-body';
import { Delegation, toDomainDelegation } from '../delegation';
import { Assessment, toCertification } from '../assessment';
import type { AuthoritySnapshot } from './authority-snapshot';

/** Beyond this many entries behind, a process rebuilds instead of applying them one by one. */
export const MAX_DELTA_ENTRIES = 5_000;

/**
 * Revisions per statement when the entries are read: a large delta (a bulk import seen by a write's transaction, up to
 * WRITE_DELTA_FACTOR × MAX_DELTA_ENTRIES) is read in pages, and the caller's `pause` lets requests (health checks
 * included) run between them, so that the driver's parsing and the entities' hydration of thousands of entries is never
 * one uninterrupted stretch of the event loop (issue #13: 6,000 entries were 60–150 ms at once on a loaded machine).
 */
export const ENTRY_PAGE_REVISIONS = 1_000;

/**
 * The entries of the authority's record types after `from` up to `to` (revisions), in order; null when too many. Only
 * what the index reads (revision, record type and id, the record after the change): not `before`, half of each entry.
 * More than ENTRY_PAGE_REVISIONS revisions are read in pages, with `pause` awaited between two pages.
 */
export async function authorityEntriesBetween(
  em: EntityManager,
  from: string,
  to: string,
  max = MAX_DELTA_ENTRIES,
  pause?: () => Promise<void>,
): Promise<AuthorityChange[] | null> {
  // Revisions have no gaps: more revisions in between than `max` may mean too many entries; reading (and hydrating)
  // thousands of them only to find that out would hold up every request, so the caller rebuilds instead.
  const end = BigInt(to);
  if (end - BigInt(from) > BigInt(max)) return null;
  const all: AuthorityChange[] = [];
  for (let start = BigInt(from); start < end;) {
    const stop = start + BigInt(ENTRY_PAGE_REVISIONS) < end ? start + BigInt(ENTRY_PAGE_REVISIONS) : end;
    if (start > BigInt(from) && pause) await pause();
    const page = await em
      .getRepository(AuthorityChange)
      .createQueryBuilder('c')
      .select(['c.revision', 'c.recordType', 'c.recordId', 'c.after'])
      .where('c.recordType IN (:...types)', { types: [...AUTHORITY_RECORD_TYPES] })
      .andWhere('c.revision > :from AND c.revision <= :to', { from: start.toString(), to: stop.toString() })
      .orderBy('c.revision', 'ASC')
      .limit(max + 1)
      .getMany();
    for (const entry of page) all.push(entry);
    if (all.length > max) return null;
    start = stop;
  }
  return all;
}

const certificationId = (assessmentId: number) => String(assessmentId).padStart(12, '0');

/** One entry as the domain's change (null for a person: only their name is kept, beside the index). */
function toDomainChange(
  snapshotEntry: AuthorityChange,
  decode: (e: AuthorityChange) => object,
): AuthorityRecordChange | null {
  const e = snapshotEntry;
  const id = String(e.recordId);
  const removed = e.after === null;
  switch (e.recordType) {
    case 'OrgUnit':
      return removed
        ? { op: 'REMOVE', kind: 'ORG_UNIT', id }
        : { op: 'UPSERT', kind: 'ORG_UNIT', record: toOrgUnitRecord(decode(e) as OrgUnit) };
    case 'PositionAssignment':
      return removed
        ? { op: 'REMOVE', kind: 'POSITION', id }
        : { op: 'UPSERT', kind: 'POSITION', record: toAuthorityPosition(decode(e) as PositionAssignment) };
    case 'AuthorityRule':
      return removed
        ? { op: 'REMOVE', kind: 'RULE', id }
        : { op: 'UPSERT', kind: 'RULE', record: toDomainAuthorityRule(decode(e) as AuthorityRule) };
    case 'Delegation':
      return removed
        ? { op: 'REMOVE', kind: 'DELEGATION', id }
        : { op: 'UPSERT', kind: 'DELEGATION', record: toDomainDelegation(decode(e) as Delegation) };
    case 'Assessment':
      return removed
        ? { op: 'REMOVE', kind: 'CERTIFICATION', id: certificationId(e.recordId) }
        : { op: 'UPSERT', kind: 'CERTIFICATION', record: toCertification(decode(e) as Assessment) };
    case 'DecisionBody': {
      if (removed) return { op: 'REMOVE', kind: 'BODY', id };
      const body = decode(e) as DecisionBody & { seats?: DecisionBodySeat[] };
      const seats = [...(body.seats ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
      return {
        op: 'UPSERT',
        kind: 'BODY',
        record: toAuthorityBody(body, seats, parseQuorum(body.quorum, seats.length)),
      };
    }
    default:
      return null;
  }
}

export interface Advanced {
  snapshot: AuthoritySnapshot;
  /** The domain advises a rebuild (its overlay grew past its threshold). */
  rebuildAdvised: boolean;
}

/** `previous` with `entries` applied: the snapshot at `changeCount`. */
export function advanceSnapshot(
  previous: AuthoritySnapshot,
  entries: readonly AuthorityChange[],
  changeCount: string,
  decode: (e: AuthorityChange) => object,
): Advanced {
  const changes: AuthorityRecordChange[] = [];
  let personNames = previous.personNames;
  let unitLabels = previous.unitLabels;
  /** Units whose place in the tree this batch changes (their later entries go to the index too). */
  const reshaped = new Set<string>();
  for (const entry of entries) {
    if (entry.recordType === 'Person') {
      // The names are copied (the previous snapshot keeps its own) only when one changes: a phone number does not.
      const id = String(entry.recordId);
      // Only the name is kept: read from the entry as it is (a string column), without decoding the whole record.
      const name = entry.after === null ? undefined : String((entry.after as { name?: unknown }).name);
      if (personNames.get(id) === name && (name !== undefined || !personNames.has(id))) continue;
      const names = personNames === previous.personNames ? new Map(personNames) : (personNames as Map<string, string>);
      if (name !== undefined) names.set(id, name);
      else names.delete(id);
      personNames = names;
      continue;
    }
    if (entry.recordType === 'OrgUnit') {
      const id = String(entry.recordId);
      const record = entry.after === null ? null : (decode(entry) as { code: string; parentId: number | null });
      if (unitLabels.get(id) !== record?.code || (record === null && unitLabels.has(id))) {
        const labels = unitLabels === previous.unitLabels ? new Map(unitLabels) : (unitLabels as Map<string, string>);
        if (record) labels.set(id, record.code);
        else labels.delete(id);
        unitLabels = labels;
      }
      // A unit renamed or recoded in place: the tree keeps its shape, only the label moves (no rebuild of the index,
      // which renumbers the tree for any org-unit change it is given).
      const tree = previous.index.tree;
      const parentId = record?.parentId === null || record?.parentId === undefined ? null : String(record.parentId);
      if (record && !reshaped.has(id) && tree.has(id) && tree.parentOf(id) === parentId) continue;
      reshaped.add(id);
    }
    const change = toDomainChange(entry, decode);
    if (change) changes.push(change);
  }
  if (!changes.length) {
    return { snapshot: { ...previous, changeCount, personNames, unitLabels }, rebuildAdvised: false };
  }
  const applied = applyAuthorityChanges(previous.index, changes);
  if (!applied.ok) throw new Error(`authority state has an invalid org tree: ${applied.error.code}`);
  return {
    snapshot: { changeCount, index: applied.value.index, personNames, unitLabels },
    rebuildAdvised: applied.value.rebuildAdvised,
  };
}
