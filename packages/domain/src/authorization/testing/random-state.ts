// Small random authority states for the property test: seeded, dense in boundaries, sometimes malformed on purpose.
import type { DecisionPoint, ProjectGrade } from '../../ltc/ltc';
import type { CertificationRecord } from '../../qualification/held';
import type { TriangleRole } from '../../roles/roles';
import type { TimeWindow } from '../../time/window';
import type {
  AuthorityBody,
  AuthorityPosition,
  AuthorityRule,
  AuthorityState,
  AuthorizationCase,
  AuthorizationTeamMember,
  Delegation,
} from '../types';

/** mulberry32: a small seeded PRNG (tests and benches only). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Pick {
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  one<T>(items: readonly T[]): T;
  subset<T>(items: readonly T[]): T[];
}

export function picker(random: () => number): Pick {
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  return {
    int,
    chance: (p) => random() < p,
    one: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T,
    subset: <T>(items: readonly T[]): T[] => items.filter(() => random() < 0.6),
  };
}

const DAY = 86_400_000;
export const RANDOM_BASE = Date.UTC(2026, 0, 1);
const moment = (k: number): Date => new Date(RANDOM_BASE + k * DAY);

const POINTS: DecisionPoint[] = ['ATI', 'ATB', 'ATC'];
const GRADES: ProjectGrade[] = ['I', 'II', 'III'];
const ROLES: TriangleRole[] = ['AR', 'SR', 'FR'];
/** Team members hold every team role, so that the conflicted roles of a case matter. */
const TEAM_MEMBER_ROLES: TriangleRole[] = ['AR', 'SR', 'FR', 'SPONSOR', 'CORE_MEMBER', 'EXPERT'];
const TITLES = ['DIR', 'ENG', 'HEAD'];

export interface RandomWorld {
  readonly state: AuthorityState;
  readonly cases: readonly AuthorizationCase[];
  readonly times: readonly Date[];
  readonly persons: readonly string[];
}

function windowFrom(p: Pick): TimeWindow {
  const from = p.int(0, 4);
  return { from: moment(from), to: p.chance(0.4) ? null : moment(from + p.int(1, 4)) };
}

/** A window inside `outer` most of the time, anything now and then. */
function innerWindow(p: Pick, outer: TimeWindow): TimeWindow {
  if (p.chance(0.15)) return windowFrom(p);
  const from = outer.from.getTime() + p.int(0, 1) * DAY;
  const to =
    outer.to === null
      ? p.chance(0.5)
        ? null
        : new Date(from + p.int(1, 3) * DAY)
      : new Date(Math.max(from + DAY, outer.to.getTime() - p.int(0, 1) * DAY));
  return { from: new Date(from), to };
}

function isBelow(units: readonly { id: string; parentId: string | null }[], unit: string, scope: string): boolean {
  for (
    let cursor: string | null = unit;
    cursor !== null;
    cursor = units.find((u) => u.id === cursor)?.parentId ?? null
  ) {
    if (cursor === scope) return true;
  }
  return false;
}

/** Mostly a delegation that may still be delegated. */
function pickSource(p: Pick, delegations: readonly Delegation[]): Delegation {
  const open = delegations.filter((d) => d.redelegableDepth > 0);
  return open.length > 0 && p.chance(0.85) ? p.one(open) : p.one(delegations);
}

/** Mostly someone not yet on the chain above (cycles stay possible). */
function pickDelegate(
  p: Pick,
  persons: readonly string[],
  delegator: string,
  parent: Delegation | undefined,
  all: readonly Delegation[],
): string {
  if (p.chance(0.15)) return p.one(persons);
  const onChain = new Set([delegator]);
  for (
    let d = parent;
    d !== undefined && !onChain.has(d.delegatorId + '#');
    d = all.find((x) => d !== undefined && d.source.kind === 'DELEGATION' && x.id === d.source.id)
  ) {
    onChain.add(d.delegateId);
    onChain.add(d.delegatorId);
    onChain.add(d.delegatorId + '#');
  }
  const free = persons.filter((x) => !onChain.has(x));
  return free.length > 0 ? p.one(free) : p.one(persons);
}

export function randomWorld(seed: number): RandomWorld {
  const p = picker(seededRandom(seed));
  const unitCount = p.int(3, 9);
  const orgUnits = [{ id: 'u0', parentId: null }];
  for (let i = 1; i < unitCount; i++) orgUnits.push({ id: `u${i}`, parentId: `u${p.int(0, i - 1)}` } as never);
  const units = orgUnits.map((u) => u.id);
  const persons = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];

  const positions: AuthorityPosition[] = [];
  for (let i = 0, n = p.int(2, 9); i < n; i++) {
    positions.push({
      id: `pos${i}`,
      personId: p.one(persons),
      title: p.one(TITLES),
      orgUnitId: p.one(units),
      window: p.chance(0.5) ? windowFrom(p) : { from: moment(p.int(0, 1)), to: null },
    });
  }
  const bodies: AuthorityBody[] = [];
  for (let i = 0, n = p.int(0, 2); i < n; i++) {
    const seats = [];
    for (let s = 0, m = p.int(1, 3); s < m; s++) {
      seats.push({
        title: TITLES[s] as string,
        alternativeTitles: p.chance(0.3) ? [p.one(TITLES)] : undefined,
        fixed: p.chance(0.6),
      });
    }
    bodies.push({
      id: `b${i}`,
      seats,
      quorum: p.chance(0.5)
        ? undefined
        : p.chance(0.5)
          ? { kind: 'ALL_FIXED' }
          : { kind: 'AT_LEAST', count: p.int(1, 2) },
    });
  }

  const rules: AuthorityRule[] = [];
  for (let i = 0, n = p.int(1, 5); i < n; i++) {
    const kind = p.int(0, 9);
    const pos = positions.length > 0 && p.chance(0.8) ? p.one(positions) : null;
    const holder: AuthorityRule['holder'] =
      kind < 6
        ? { kind: 'POSITION', title: pos?.title ?? p.one(TITLES), orgUnitId: pos?.orgUnitId ?? p.one(units) }
        : kind < 8 && bodies.length > 0
          ? { kind: 'DECISION_BODY', bodyId: p.chance(0.9) ? p.one(bodies).id : 'b-missing' }
          : { kind: 'PROJECT_ROLE', role: p.one(ROLES) };
    rules.push({
      id: `r${i}`,
      holder,
      decisionPoints: p.subset(POINTS),
      grades: p.subset(GRADES),
      scopeOrgUnitId: p.chance(0.5) ? 'u0' : p.one(units),
      currency: p.chance(0.9) ? 'CNY' : 'USD',
      limit: p.chance(0.25) ? null : BigInt(p.int(5, 10) * 100),
      window: { from: moment(p.int(0, 2)), to: p.chance(0.6) ? null : moment(p.int(3, 6)) },
      delegableDepth: p.chance(0.15) ? 0 : p.int(1, 4),
    });
  }

  const delegations: Delegation[] = [];
  const delegationCount = p.int(0, 12);
  for (let i = 0; i < delegationCount; i++) {
    const fromRule = delegations.length === 0 || p.chance(0.5);
    const odd = p.int(0, 19);
    const source: Delegation['source'] =
      odd === 0
        ? // forward, self or unknown: cycles and orphans
          { kind: 'DELEGATION', id: `d${p.int(i, delegationCount + 1)}` }
        : odd === 1
          ? { kind: 'RULE', id: 'r-missing' }
          : fromRule
            ? { kind: 'RULE', id: p.one(rules).id }
            : { kind: 'DELEGATION', id: pickSource(p, delegations).id };
    const parentRule = rules.find((r) => source.kind === 'RULE' && r.id === source.id);
    const parentDelegation = delegations.find((d) => source.kind === 'DELEGATION' && d.id === source.id);
    const terms = parentDelegation ?? parentRule ?? p.one(rules);
    let delegator = p.one(persons);
    if (parentDelegation && p.chance(0.85)) delegator = parentDelegation.delegateId;
    if (parentRule && parentRule.holder.kind === 'POSITION' && p.chance(0.7)) {
      const title = parentRule.holder.title;
      const unit = parentRule.holder.orgUnitId;
      const holders = positions.filter((x) => x.title === title && x.orgUnitId === unit);
      if (holders.length > 0) delegator = p.one(holders).personId;
    }
    const limit =
      terms.limit === null
        ? p.chance(0.5)
          ? null
          : BigInt(p.int(3, 10) * 100)
        : p.chance(0.1)
          ? null
          : terms.limit - BigInt(p.int(0, 3) * 100);
    const sourceDepth = 'delegableDepth' in terms ? terms.delegableDepth : terms.redelegableDepth;
    delegations.push({
      id: `d${i}`,
      source,
      delegatorId: delegator,
      delegateId: pickDelegate(p, persons, delegator, parentDelegation, delegations),
      decisionPoints: p.chance(0.9) ? terms.decisionPoints.filter(() => p.chance(0.8)) : p.subset(POINTS),
      grades: p.chance(0.9) ? terms.grades.filter(() => p.chance(0.8)) : p.subset(GRADES),
      scopeOrgUnitId: p.chance(0.7) ? terms.scopeOrgUnitId : p.one(units),
      currency: p.chance(0.95) ? terms.currency : 'EUR',
      limit,
      window: innerWindow(p, terms.window),
      redelegableDepth: Math.max(0, sourceDepth - (p.chance(0.8) ? 1 : 2)) + (p.chance(0.08) ? 2 : 0),
      requiredQualification: p.chance(0.3) ? { role: p.one(ROLES), level: p.int(1, 3) } : null,
      reason: 'r',
      revokedAt: p.chance(0.2) ? moment(p.int(0, 6)) : null,
    });
  }

  const certifications: CertificationRecord[] = [];
  for (let i = 0, n = p.int(0, 14); i < n; i++) {
    const assessed = p.int(-1, 3);
    certifications.push({
      assessmentId: `a${i}`,
      personId: p.one(persons),
      role: p.one(ROLES),
      level: p.chance(0.1) ? null : p.int(1, 4),
      assessedAt: moment(assessed),
      validUntil: p.chance(0.4) ? null : moment(assessed + p.int(1, 4)),
      certifying: p.chance(0.9),
    });
  }

  const cases: AuthorizationCase[] = [];
  for (let i = 0; i < 3; i++) {
    const team: AuthorizationTeamMember[] = [];
    for (let m = 0, n = p.int(0, 3); m < n; m++) {
      team.push({
        personId: p.one(persons),
        role: p.chance(0.7) ? p.one(ROLES) : p.one(TEAM_MEMBER_ROLES),
        window: p.chance(0.3) ? windowFrom(p) : undefined,
      });
    }
    // Half the cases aim at a delegation's terms, so that long chains get allowed too.
    const aim = delegations.length > 0 && p.chance(0.5) ? p.one(delegations) : null;
    const within = aim ? orgUnits.filter((u) => isBelow(orgUnits, u.id, aim.scopeOrgUnitId)).map((u) => u.id) : [];
    cases.push({
      projectId: p.chance(0.5) ? `proj${i}` : undefined,
      decisionPoint: aim && aim.decisionPoints.length > 0 ? p.one(aim.decisionPoints) : p.one(POINTS),
      grade: aim && aim.grades.length > 0 ? p.one(aim.grades) : p.one(GRADES),
      orgUnitId: within.length > 0 && p.chance(0.8) ? p.one(within) : p.chance(0.95) ? p.one(units) : 'u-missing',
      amount: { minor: BigInt(p.int(0, 11) * 100), currency: p.chance(0.92) ? 'CNY' : 'USD' },
      team,
      // The default conflicted roles, or a random set (the company setting adds the Sponsor).
      ...(p.chance(0.5) ? {} : { conflictRoles: p.subset(TEAM_MEMBER_ROLES) }),
    });
  }
  const times = [0, 1, 2, 2, 3, 3, 4, 5, 6].map((k) => new Date(RANDOM_BASE + k * DAY - (p.chance(0.3) ? 1 : 0)));
  const state: AuthorityState = {
    orgUnits,
    positions,
    bodies,
    rules,
    delegations,
    certifications,
    maxChainLinks: p.chance(0.6) ? undefined : p.int(2, 5),
  };
  return { state, cases, times, persons: [...persons, 'nobody'] };
}
