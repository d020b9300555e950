// The reverse of whoMayDecide: everything one person may decide at a moment, one right per chain and decision point.
// A chain is left out when authorize would refuse it for every case at that moment (not in force, revoked, too deep,
// a cycle, a delegator who lost the source, a delegate without the qualification required, terms with no case in
// common); what is left depends on the case only through its point, grade, unit, amount, currency and team.
import { DECISION_POINTS, DecisionPoint, PROJECT_GRADES, ProjectGrade } from '../ltc/ltc';
import { qualificationAt } from '../qualification/held';
import type { TriangleRole } from '../roles/roles';
import type { TimeWindow } from '../time/window';
import {
  AuthorityIndex,
  CompiledLink,
  authorityIndexOf,
  limitMoney,
  positionInForce,
  seatsFilledBy,
} from './authority-index';
import { compareStrings } from './chain-order';
import { ruleOutput } from './authorize';
import { inboxRow, personNumber } from './hot-index';
import type { AuthorityChain, AuthorityLink, AuthorityState } from './types';
import type { Money } from '../money/money';

/** How the person holds a right: a rule held directly (by position, body seat or project role), or delegations. */
export const DECISION_RIGHT_VIAS = ['POSITION', 'PROJECT_ROLE', 'DECISION_BODY', 'DELEGATION'] as const;
export type DecisionRightVia = (typeof DECISION_RIGHT_VIAS)[number];

/**
 * What a person may decide through one chain, for one decision point: the case's grade among `grades`, its unit within
 * `scopeOrgUnitId`, its amount in `currency` at most `limit` (null: no limit), at a moment within `window`.
 * - `projectRole`: the chain's rule is a project role's; it counts only on projects where its holder on the chain
 *   (the person, or the first delegator) is a team member in that role.
 * - `quorumRequired`: the chain's rule is a decision body's; the person decides only as a member of the body, and only
 *   where its holder on the chain fills a seat (`chain.body.seatTitles`: the seats filled for a case in the scope unit
 *   itself; a unit below it that has its own holder of a seat's titles is that holder's).
 * A case in which the person is a team member is a conflict of interest, except on a project role's chain.
 */
export interface DecisionRight {
  readonly decisionPoint: DecisionPoint;
  /** The grades every link of the chain covers, in PROJECT_GRADES order. */
  readonly grades: readonly ProjectGrade[];
  /** The deepest scope of the chain's links (and, for a body, of the seat's unit): the unit and all below it. */
  readonly scopeOrgUnitId: string;
  readonly currency: string;
  /** The smallest limit of the chain's links; null when none has one. */
  readonly limit: Money | null;
  /** The intersection of the links' windows. */
  readonly window: TimeWindow;
  /** DELEGATION when the chain has more than one link; otherwise how the rule is held. */
  readonly via: DecisionRightVia;
  readonly projectRole: TriangleRole | null;
  readonly quorumRequired: boolean;
  /** The chain as authorize returns it (rule first). */
  readonly chain: AuthorityChain;
}

/** Rule → … → link, rule first. */
function pathOf(link: CompiledLink): CompiledLink[] {
  const links: CompiledLink[] = [];
  for (let cursor: CompiledLink | null = link; cursor !== null; cursor = cursor.parent) links.push(cursor);
  return links.reverse();
}

/** The terms a chain's links have in common; null when no case fits them all. */
interface ChainTerms {
  readonly points: readonly DecisionPoint[];
  readonly grades: readonly ProjectGrade[];
  readonly scope: string;
  readonly currency: string;
  readonly limit: bigint | null;
  readonly window: TimeWindow;
}

function commonTerms(ix: AuthorityIndex, links: readonly CompiledLink[]): ChainTerms | null {
  const first = links[0] as CompiledLink;
  let pointMask = first.pointMask;
  let gradeMask = first.gradeMask;
  let scope = first.scopeOrgUnitId;
  if (!ix.tree.has(scope)) return null;
  let limit = first.limit;
  let fromMs = first.fromMs;
  let toMs = first.toMs;
  // The first link is the rule.
  let { from, to } = first.rule.window;
  for (let i = 1; i < links.length; i++) {
    const l = links[i] as CompiledLink;
    if (l.currency !== first.currency) return null;
    pointMask &= l.pointMask;
    gradeMask &= l.gradeMask;
    // Scopes are subtrees: two of them meet only when one lies within the other, in the deeper one.
    if (ix.tree.isWithin(l.scopeOrgUnitId, scope)) scope = l.scopeOrgUnitId;
    else if (!ix.tree.isWithin(scope, l.scopeOrgUnitId)) return null;
    if (l.limit !== null && (limit === null || l.limit < limit)) limit = l.limit;
    const window = (l.delegation as NonNullable<CompiledLink['delegation']>).window;
    if (l.fromMs > fromMs) {
      fromMs = l.fromMs;
      from = window.from;
    }
    if (l.toMs < toMs) {
      toMs = l.toMs;
      to = window.to;
    }
  }
  const points = DECISION_POINTS.filter((_p, i) => (pointMask & (1 << i)) !== 0);
  const grades = PROJECT_GRADES.filter((_g, i) => (gradeMask & (1 << i)) !== 0);
  if (points.length === 0 || grades.length === 0) return null;
  return { points, grades, scope, currency: first.currency, limit, window: { from, to } };
}

/** Every link in force at t and none revoked by then. */
const aliveAt = (links: readonly CompiledLink[], t: number): boolean =>
  links.every((l) => l.fromMs <= t && t < l.toMs && t < l.revokedMs);

/**
 * The chain's shape as authorize judges it: not longer than allowed, each link delegated no deeper than it allows, no
 * person twice (counting the rule's holder), each delegator the previous delegate.
 */
function wellFormed(ix: AuthorityIndex, links: readonly CompiledLink[]): boolean {
  const n = links.length;
  if (n > ix.maxChainLinks) return false;
  for (let i = 0; i < n - 1; i++) if (n - 1 - i > (links[i] as CompiledLink).depth) return false;
  if (n === 1) return true;
  const seen = new Set<string>([(links[1] as CompiledLink).delegatorId]);
  for (let i = 1; i < n; i++) {
    const l = links[i] as CompiledLink;
    if (i > 1 && l.delegatorId !== (links[i - 1] as CompiledLink).delegateId) return false;
    if (seen.has(l.delegateId)) return false;
    seen.add(l.delegateId);
  }
  return true;
}

/** Every delegate holds the qualification their delegation requires at `at`. */
function qualified(ix: AuthorityIndex, links: readonly CompiledLink[], at: Date): boolean {
  for (const l of links) {
    const required = l.delegation?.requiredQualification;
    if (!required) continue;
    const held = qualificationAt(ix.certificationsByPerson.get(l.delegateId) ?? [], l.delegateId, required.role, at);
    if (!held.held || held.level < Math.max(1, required.level)) return false;
  }
  return true;
}

/**
 * Where `holder` sits in `bodyId` within `scope` at t: for each unit where they hold a seat's title, the deeper of
 * that unit and `scope` (when one lies within the other), kept when they fill a seat for a case there; each with the
 * seats they fill for such a case. Sorted by unit id.
 */
function seatScopes(
  ix: AuthorityIndex,
  bodyId: string,
  holder: string,
  scope: string,
  t: number,
): Array<{ scope: string; seatTitles: string[] }> {
  const seats = ix.seatsByBody.get(bodyId);
  if (seats === undefined) return [];
  const tops = new Set<string>();
  for (const p of ix.positionsByPerson.get(holder) ?? []) {
    if (!positionInForce(p, t) || !seats.some((s) => s.titles.includes(p.title))) continue;
    if (ix.tree.isWithin(p.orgUnitId, scope)) tops.add(p.orgUnitId);
    else if (ix.tree.isWithin(scope, p.orgUnitId)) tops.add(scope);
  }
  const out: Array<{ scope: string; seatTitles: string[] }> = [];
  for (const top of [...tops].sort(compareStrings)) {
    const seatTitles = seatsFilledBy(ix, bodyId, holder, top, t);
    if (seatTitles.length > 0) out.push({ scope: top, seatTitles });
  }
  return out;
}

/** Numeric ids in numeric order, others as strings (numeric ones first). */
export function compareIds(a: string, b: string): number {
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na && nb) return a.length - b.length || compareStrings(a, b);
  if (na !== nb) return na ? -1 : 1;
  return compareStrings(a, b);
}

const POINT_ORDER = new Map<string, number>(DECISION_POINTS.map((p, i) => [p, i]));

/**
 * The order of decisionRights: by decision point (ATI, ATB, ATC, ATAC, ATCC, POOL_APPROVAL), rules held directly
 * before delegations, the larger limit first (no limit first of all), then by rule id, the chain's ids and the scope.
 */
export function compareDecisionRights(a: DecisionRight, b: DecisionRight): number {
  const point = (POINT_ORDER.get(a.decisionPoint) ?? 99) - (POINT_ORDER.get(b.decisionPoint) ?? 99);
  if (point !== 0) return point;
  const via = Number(a.via === 'DELEGATION') - Number(b.via === 'DELEGATION');
  if (via !== 0) return via;
  if (a.limit === null || b.limit === null) {
    if (a.limit !== b.limit) return a.limit === null ? -1 : 1;
  } else if (a.limit.minor !== b.limit.minor) return a.limit.minor > b.limit.minor ? -1 : 1;
  const n = Math.min(a.chain.links.length, b.chain.links.length);
  for (let i = 0; i < n; i++) {
    const c = compareIds((a.chain.links[i] as AuthorityLink).id, (b.chain.links[i] as AuthorityLink).id);
    if (c !== 0) return c;
  }
  return a.chain.links.length - b.chain.links.length || compareIds(a.scopeOrgUnitId, b.scopeOrgUnitId);
}

/**
 * Everything `personId` may decide at `at`: for every chain that reaches them (rules they hold by position, by a
 * decision body's seat or by a project role, and delegations received) and that authorize would not refuse for every
 * case at `at`, one right per decision point the chain covers (a body's chain once per unit the holder sits for).
 */
export function decisionRights(personId: string, at: Date, state: AuthorityState | AuthorityIndex): DecisionRight[] {
  const ix = authorityIndexOf(state);
  const t = at.getTime();
  const rights: DecisionRight[] = [];

  const emit = (links: readonly CompiledLink[], holder: string, terms: ChainTerms, seats?: string[]): void => {
    const rule = (links[0] as CompiledLink).rule;
    const out: AuthorityLink[] = [ruleOutput(links[0] as CompiledLink, holder)];
    for (let i = 1; i < links.length; i++) out.push((links[i] as CompiledLink).output as AuthorityLink);
    const kind = rule.holder.kind;
    const chain: AuthorityChain = {
      links: out,
      body: rule.holder.kind === 'DECISION_BODY' ? { bodyId: rule.holder.bodyId, seatTitles: seats ?? [] } : null,
    };
    for (const decisionPoint of terms.points) {
      rights.push({
        decisionPoint,
        grades: terms.grades,
        scopeOrgUnitId: terms.scope,
        currency: terms.currency,
        limit: limitMoney(terms.limit, terms.currency),
        window: terms.window,
        via: links.length > 1 ? 'DELEGATION' : kind,
        projectRole: rule.holder.kind === 'PROJECT_ROLE' ? rule.holder.role : null,
        quorumRequired: kind === 'DECISION_BODY',
        chain,
      });
    }
  };

  /** A chain whose links are alive, well formed and qualified: its rights, as its rule's holder on it allows. */
  const judge = (links: readonly CompiledLink[], holder: string): void => {
    const terms = commonTerms(ix, links);
    if (terms === null) return;
    const rule = (links[0] as CompiledLink).rule;
    if (rule.holder.kind !== 'DECISION_BODY') {
      emit(links, holder, terms);
      return;
    }
    for (const seat of seatScopes(ix, rule.holder.bodyId, holder, terms.scope, t))
      emit(links, holder, { ...terms, scope: seat.scope }, seat.seatTitles);
  };

  // Rules held directly: by a position in force, by a seat of a body (where the person fills one), by a project role.
  const direct = new Set<string>();
  const bodies = new Set<string>();
  for (const p of ix.positionsByPerson.get(personId) ?? []) {
    if (!positionInForce(p, t)) continue;
    for (const rule of ix.positionRulesByHolder.get(p.key) ?? []) direct.add(rule.id);
    for (const body of ix.bodiesByTitle.get(p.title) ?? []) bodies.add(body);
  }
  for (const body of bodies) for (const rule of ix.bodyRules.get(body) ?? []) direct.add(rule.id);
  for (const rules of ix.roleRules.values()) for (const rule of rules) direct.add(rule.id);
  for (const id of direct) {
    const rule = ix.rulesById.get(id);
    if (rule === undefined || !aliveAt([rule], t) || !wellFormed(ix, [rule])) continue;
    judge([rule], personId);
  }

  // Delegations received, each the end of one chain.
  const h = ix.hot;
  const inbox = inboxRow(h, personNumber(h, personId));
  for (let i = 0; i < inbox.length; i++) {
    const link = h.links[inbox[i] as number] as CompiledLink;
    const links = pathOf(link);
    if (!aliveAt(links, t) || !wellFormed(ix, links) || !qualified(ix, links, at)) continue;
    const first = links[1] as CompiledLink;
    const holder = first.delegatorId;
    const ruleHolder = first.rule.holder;
    // The first delegator must hold the rule: a position in force (a body's seat and a project role depend on the
    // case, and are judged by the scope and `projectRole` of the right).
    if (
      ruleHolder.kind === 'POSITION' &&
      !(ix.positionsByKey.get((links[0] as CompiledLink).holderKey) ?? []).some(
        (p) => p.personId === holder && positionInForce(p, t),
      )
    )
      continue;
    judge(links, holder);
  }
  return rights.sort(compareDecisionRights);
}
