// Random changes to a random authority state (random-state.ts), for the incremental index's property test: creates,
// updates, revocations and removals of every kind of record, re-delegations (a delegation moved under another
// source, cycles included), delegations whose source comes later, and now and then an org unit.
import type { DecisionPoint, ProjectGrade } from '../../ltc/ltc';
import type { OrgUnitRecord } from '../../organisation/tree';
import type { CertificationRecord } from '../../qualification/held';
import type { TriangleRole } from '../../roles/roles';
import type { TimeWindow } from '../../time/window';
import type { AuthorityRecordChange } from '../incremental';
import type { AuthorityBody, AuthorityPosition, AuthorityRule, AuthorityState, Delegation } from '../types';
import { Pick, RANDOM_BASE } from './random-state';

const DAY = 86_400_000;
const moment = (k: number): Date => new Date(RANDOM_BASE + k * DAY);
const POINTS: DecisionPoint[] = ['ATI', 'ATB', 'ATC'];
const GRADES: ProjectGrade[] = ['I', 'II', 'III'];
const ROLES: TriangleRole[] = ['AR', 'SR', 'FR'];
const TITLES = ['DIR', 'ENG', 'HEAD'];
const PERSONS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6'];

function window(p: Pick): TimeWindow {
  const from = p.int(0, 4);
  return { from: moment(from), to: p.chance(0.4) ? null : moment(from + p.int(1, 4)) };
}

/** A window inside `outer` most of the time. */
function innerWindow(p: Pick, outer: TimeWindow): TimeWindow {
  if (p.chance(0.2)) return window(p);
  const from = outer.from.getTime() + p.int(0, 1) * DAY;
  const to = outer.to === null ? (p.chance(0.5) ? null : new Date(from + p.int(1, 3) * DAY)) : outer.to;
  return { from: new Date(from), to };
}

/** Fresh ids: `x` + a counter, so that a removed record's id can also come back (see `reuse`). */
export interface ChangeIds {
  next: number;
}

function newId(prefix: string, ids: ChangeIds): string {
  return `${prefix}${ids.next++}`;
}

/** Mostly an existing record's id, sometimes one that was removed or never was. */
function anyDelegationId(p: Pick, state: AuthorityState, ids: ChangeIds): string {
  if (state.delegations.length > 0 && p.chance(0.85)) return p.one(state.delegations).id;
  return p.chance(0.5) ? `d${p.int(0, 14)}` : `x${p.int(Math.max(0, ids.next - 5), ids.next + 2)}`;
}

function randomRule(p: Pick, state: AuthorityState, id: string): AuthorityRule {
  const units = state.orgUnits.map((u) => u.id);
  const kind = p.int(0, 9);
  const pos = state.positions.length > 0 && p.chance(0.8) ? p.one(state.positions) : null;
  const bodies = state.bodies.map((b) => b.id);
  const holder: AuthorityRule['holder'] =
    kind < 6
      ? { kind: 'POSITION', title: pos?.title ?? p.one(TITLES), orgUnitId: pos?.orgUnitId ?? p.one(units) }
      : kind < 8
        ? { kind: 'DECISION_BODY', bodyId: bodies.length > 0 && p.chance(0.8) ? p.one(bodies) : `b${p.int(0, 3)}` }
        : { kind: 'PROJECT_ROLE', role: p.one(ROLES) };
  return {
    id,
    holder,
    decisionPoints: p.subset(POINTS),
    grades: p.subset(GRADES),
    scopeOrgUnitId: p.chance(0.5) ? 'u0' : p.one(units),
    currency: p.chance(0.9) ? 'CNY' : p.chance(0.5) ? 'USD' : 'JPY',
    limit: p.chance(0.25) ? null : BigInt(p.int(5, 10) * 100),
    window: { from: moment(p.int(0, 2)), to: p.chance(0.6) ? null : moment(p.int(3, 6)) },
    delegableDepth: p.chance(0.15) ? 0 : p.int(1, 4),
  };
}

/** A delegation below a random source (a rule, a delegation, or an id that does not exist, or not yet). */
function randomDelegation(p: Pick, state: AuthorityState, id: string, ids: ChangeIds): Delegation {
  const units = state.orgUnits.map((u) => u.id);
  const odd = p.int(0, 14);
  const fromRule = state.delegations.length === 0 || p.chance(0.45);
  const source: Delegation['source'] =
    odd === 0
      ? { kind: 'DELEGATION', id: `x${ids.next + p.int(0, 3)}` }
      : odd === 1
        ? { kind: 'RULE', id: p.chance(0.5) ? 'r-missing' : `x${ids.next + p.int(0, 3)}` }
        : fromRule && state.rules.length > 0
          ? { kind: 'RULE', id: p.one(state.rules).id }
          : { kind: 'DELEGATION', id: anyDelegationId(p, state, ids) };
  const parentRule = state.rules.find((r) => source.kind === 'RULE' && r.id === source.id);
  const parent = state.delegations.find((d) => source.kind === 'DELEGATION' && d.id === source.id);
  const terms = parent ?? parentRule ?? (state.rules.length > 0 ? p.one(state.rules) : null);
  let delegator = p.one(PERSONS);
  if (parent && p.chance(0.8)) delegator = parent.delegateId;
  if (parentRule && parentRule.holder.kind === 'POSITION' && p.chance(0.7)) {
    const holder = parentRule.holder;
    const holders = state.positions.filter((x) => x.title === holder.title && x.orgUnitId === holder.orgUnitId);
    if (holders.length > 0) delegator = p.one(holders).personId;
  }
  const limit =
    terms === null || terms.limit === null
      ? p.chance(0.5)
        ? null
        : BigInt(p.int(3, 10) * 100)
      : p.chance(0.1)
        ? null
        : terms.limit - BigInt(p.int(0, 3) * 100);
  const sourceDepth = terms === null ? 2 : 'delegableDepth' in terms ? terms.delegableDepth : terms.redelegableDepth;
  let delegate = p.one(PERSONS);
  if (delegate === delegator && p.chance(0.8)) delegate = p.one(PERSONS);
  return {
    id,
    source,
    delegatorId: delegator,
    delegateId: delegate,
    decisionPoints: terms && p.chance(0.9) ? terms.decisionPoints.filter(() => p.chance(0.8)) : p.subset(POINTS),
    grades: terms && p.chance(0.9) ? terms.grades.filter(() => p.chance(0.8)) : p.subset(GRADES),
    scopeOrgUnitId: terms && p.chance(0.7) ? terms.scopeOrgUnitId : p.one(units),
    currency: terms && p.chance(0.95) ? terms.currency : 'EUR',
    limit,
    window: terms ? innerWindow(p, terms.window) : window(p),
    redelegableDepth: Math.max(0, sourceDepth - (p.chance(0.8) ? 1 : 2)) + (p.chance(0.08) ? 2 : 0),
    requiredQualification: p.chance(0.3) ? { role: p.one(ROLES), level: p.int(1, 3) } : null,
    reason: 'r',
    revokedAt: p.chance(0.15) ? moment(p.int(0, 6)) : null,
  };
}

/** One term of a delegation changed (the source too: a re-delegation, which may make a cycle). */
function updatedDelegation(p: Pick, state: AuthorityState, d: Delegation, ids: ChangeIds): Delegation {
  const units = state.orgUnits.map((u) => u.id);
  switch (p.int(0, 9)) {
    case 0: {
      const moved = randomDelegation(p, state, d.id, ids);
      return { ...d, source: moved.source, delegatorId: p.chance(0.5) ? moved.delegatorId : d.delegatorId };
    }
    case 1:
      return { ...d, delegateId: p.one(PERSONS) };
    case 2:
      return { ...d, delegatorId: p.one(PERSONS) };
    case 3:
      return { ...d, window: window(p) };
    case 4:
      return { ...d, limit: p.chance(0.3) ? null : BigInt(p.int(1, 11) * 100) };
    case 5:
      return { ...d, decisionPoints: p.subset(POINTS), grades: p.subset(GRADES) };
    case 6:
      return { ...d, scopeOrgUnitId: p.one(units), currency: p.chance(0.9) ? d.currency : 'USD' };
    case 7:
      return { ...d, redelegableDepth: p.int(0, 4) };
    case 8:
      return { ...d, requiredQualification: p.chance(0.4) ? null : { role: p.one(ROLES), level: p.int(1, 4) } };
    default:
      return randomDelegation(p, state, d.id, ids);
  }
}

function randomPosition(p: Pick, state: AuthorityState, id: string): AuthorityPosition {
  const units = state.orgUnits.map((u) => u.id);
  return {
    id,
    personId: p.one(PERSONS),
    title: p.chance(0.95) ? p.one(TITLES) : 'NEW_TITLE',
    orgUnitId: p.chance(0.95) ? p.one(units) : 'u-missing',
    window: p.chance(0.5) ? window(p) : { from: moment(p.int(0, 1)), to: null },
  };
}

function randomBody(p: Pick, id: string): AuthorityBody {
  const titles = [...TITLES, 'NEW_TITLE', 'SEAT_ONLY'];
  const seats = [];
  for (let s = 0, m = p.int(1, 3); s < m; s++) {
    seats.push({
      title: p.one(titles),
      alternativeTitles: p.chance(0.3) ? [p.one(titles)] : undefined,
      fixed: p.chance(0.6),
    });
  }
  return {
    id,
    seats,
    quorum: p.chance(0.5)
      ? undefined
      : p.chance(0.5)
        ? { kind: 'ALL_FIXED' }
        : { kind: 'AT_LEAST', count: p.int(1, 2) },
  };
}

/** Mostly for a delegate whose delegation requires a qualification, in that role, around that level. */
function randomCertification(p: Pick, state: AuthorityState, id: string): CertificationRecord {
  const assessed = p.int(-1, 4);
  const requiring = state.delegations.filter((d) => d.requiredQualification !== null);
  const aim = requiring.length > 0 && p.chance(0.7) ? p.one(requiring) : null;
  const required = aim?.requiredQualification ?? null;
  return {
    assessmentId: id,
    personId: aim?.delegateId ?? p.one(PERSONS),
    role: required?.role ?? p.one(ROLES),
    level: p.chance(0.1) ? null : required ? required.level + p.int(-1, 1) : p.int(1, 4),
    assessedAt: p.chance(0.03) ? new Date(NaN) : moment(assessed),
    validUntil: p.chance(0.4) ? null : moment(assessed + p.int(1, 4)),
    certifying: p.chance(0.85),
  };
}

/** A leaf unit added, or a leaf (with no children) removed. */
function orgUnitChange(p: Pick, state: AuthorityState, ids: ChangeIds): AuthorityRecordChange {
  const parents = new Set(state.orgUnits.map((u) => u.parentId));
  const leaves = state.orgUnits.filter((u) => u.parentId !== null && !parents.has(u.id));
  if (leaves.length > 0 && p.chance(0.4)) return { op: 'REMOVE', kind: 'ORG_UNIT', id: p.one(leaves).id };
  const parent = p.one(state.orgUnits);
  const unit: OrgUnitRecord = { id: newId('uu', ids), parentId: parent.id } as OrgUnitRecord;
  return { op: 'UPSERT', kind: 'ORG_UNIT', record: unit };
}

/** One random change to `state`. `orgUnits`: the chance of an org-unit change. */
export function randomChange(p: Pick, state: AuthorityState, ids: ChangeIds, orgUnits = 0.02): AuthorityRecordChange {
  const roll = p.int(0, 99);
  if (p.chance(orgUnits)) return orgUnitChange(p, state, ids);
  if (roll < 40) {
    // Delegations: create, update, revoke (or un-revoke), remove.
    const existing = state.delegations.length > 0 ? p.one(state.delegations) : null;
    const what = existing === null ? 0 : p.int(0, 9);
    if (what <= 3) {
      const id = p.chance(0.85) ? newId('x', ids) : anyDelegationId(p, state, ids);
      return { op: 'UPSERT', kind: 'DELEGATION', record: randomDelegation(p, state, id, ids) };
    }
    const d = existing as Delegation;
    if (what <= 6) return { op: 'UPSERT', kind: 'DELEGATION', record: updatedDelegation(p, state, d, ids) };
    if (what <= 8)
      return {
        op: 'UPSERT',
        kind: 'DELEGATION',
        record: { ...d, revokedAt: d.revokedAt !== null && p.chance(0.3) ? null : moment(p.int(0, 6)) },
      };
    return { op: 'REMOVE', kind: 'DELEGATION', id: d.id };
  }
  if (roll < 55) {
    const what = state.rules.length === 0 ? 0 : p.int(0, 5);
    if (what === 0) {
      const id = p.chance(0.8) ? newId('rx', ids) : `r${p.int(0, 6)}`;
      return { op: 'UPSERT', kind: 'RULE', record: randomRule(p, state, id) };
    }
    const rule = p.one(state.rules);
    if (what <= 3) {
      const next = randomRule(p, state, rule.id);
      const keep = p.int(0, 2);
      const record =
        keep === 0
          ? next
          : keep === 1
            ? { ...rule, window: next.window, limit: next.limit }
            : { ...rule, holder: next.holder };
      return { op: 'UPSERT', kind: 'RULE', record };
    }
    if (what === 4) return { op: 'UPSERT', kind: 'RULE', record: { ...rule, delegableDepth: p.int(0, 4) } };
    return { op: 'REMOVE', kind: 'RULE', id: rule.id };
  }
  if (roll < 72) {
    const what = state.positions.length === 0 ? 0 : p.int(0, 4);
    if (what === 0) {
      const id = p.chance(0.8) ? newId('posx', ids) : `pos${p.int(0, 9)}`;
      return { op: 'UPSERT', kind: 'POSITION', record: randomPosition(p, state, id) };
    }
    const pos = p.one(state.positions);
    if (what <= 2) {
      const next = randomPosition(p, state, pos.id);
      const part = p.int(0, 3);
      const record =
        part === 0
          ? { ...pos, personId: next.personId }
          : part === 1
            ? { ...pos, window: next.window }
            : part === 2
              ? { ...pos, title: next.title, orgUnitId: next.orgUnitId }
              : next;
      return { op: 'UPSERT', kind: 'POSITION', record };
    }
    return { op: 'REMOVE', kind: 'POSITION', id: pos.id };
  }
  if (roll < 82) {
    const what = state.bodies.length === 0 ? 0 : p.int(0, 3);
    if (what === 0) {
      const id = p.chance(0.6) ? newId('bx', ids) : `b${p.int(0, 3)}`;
      return { op: 'UPSERT', kind: 'BODY', record: randomBody(p, id) };
    }
    const body = p.one(state.bodies);
    if (what <= 2) return { op: 'UPSERT', kind: 'BODY', record: randomBody(p, body.id) };
    return { op: 'REMOVE', kind: 'BODY', id: body.id };
  }
  const what = state.certifications.length === 0 ? 0 : p.int(0, 3);
  if (what === 0) {
    const id = p.chance(0.8) ? newId('ax', ids) : `a${p.int(0, 14)}`;
    return { op: 'UPSERT', kind: 'CERTIFICATION', record: randomCertification(p, state, id) };
  }
  const cert = p.one(state.certifications);
  if (what <= 2) {
    const next = randomCertification(p, state, cert.assessmentId);
    return {
      op: 'UPSERT',
      kind: 'CERTIFICATION',
      record: p.chance(0.5) ? { ...cert, level: next.level, validUntil: next.validUntil } : next,
    };
  }
  return { op: 'REMOVE', kind: 'CERTIFICATION', id: cert.assessmentId };
}
