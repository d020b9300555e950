// The brute-force reference: every chain enumerated forward from every rule, each judged plainly from the rules.
// Slow on purpose (no index); the property test holds the engine to it.
import { qualificationAt } from '../qualification/held';
import { TimeWindow, windowContains } from '../time/window';
import { compareIdLists, compareStrings } from './chain-order';
import {
  AUTHORIZATION_CHECK_ORDER,
  AuthorityBodyCoverage,
  AuthorityBodyQuorum,
  AuthorityBodySeatCoverage,
  AuthorityChain,
  AuthorityDecider,
  AuthorityLink,
  AuthorityRule,
  AuthorityState,
  AuthorizationCase,
  AuthorizationCheck,
  AuthorizationResult,
  AuthorizationTeamMember,
  DEFAULT_CONFLICT_ROLES,
  DEFAULT_MAX_CHAIN_LINKS,
  Delegation,
  DenialReason,
  WhoMayDecideResult,
} from './types';

interface RefChain {
  readonly rule: AuthorityRule;
  readonly delegations: readonly Delegation[];
  /** Who holds the rule on this chain: the person asked about, or the first delegator. */
  readonly rootHolder: string;
  /** The person at the end of the chain. */
  readonly person: string;
}

const chainIds = (ch: RefChain): string[] => [ch.rule.id, ...ch.delegations.map((d) => d.id)];

function teamAt(c: AuthorizationCase, at: Date): AuthorizationTeamMember[] {
  return c.team.filter((m) => m.window === undefined || windowContains(m.window, at));
}

/** On the team at `at` in a role with a conflict of interest (the case's roles, or the default ones). */
function conflictedAt(c: AuthorizationCase, at: Date, person: string): boolean {
  const roles = c.conflictRoles ?? DEFAULT_CONFLICT_ROLES;
  return teamAt(c, at).some((m) => m.personId === person && roles.includes(m.role));
}

function unitExists(state: AuthorityState, unit: string): boolean {
  return state.orgUnits.some((u) => u.id === unit);
}

/** The unit and its ancestors, walking parent ids. */
function unitAndAbove(state: AuthorityState, unit: string): string[] {
  const result: string[] = [];
  let cursor: string | null = unitExists(state, unit) ? unit : null;
  while (cursor !== null && !result.includes(cursor)) {
    result.push(cursor);
    const id: string = cursor;
    cursor = state.orgUnits.find((u) => u.id === id)?.parentId ?? null;
  }
  return result;
}

function isWithin(state: AuthorityState, unit: string, scope: string): boolean {
  return unitExists(state, scope) && unitAndAbove(state, unit).includes(scope);
}

function seatOccupantsAt(state: AuthorityState, titles: readonly string[], unit: string, at: Date): string[] {
  for (const u of unitAndAbove(state, unit)) {
    const persons = state.positions
      .filter((p) => p.orgUnitId === u && titles.includes(p.title) && windowContains(p.window, at))
      .map((p) => p.personId);
    if (persons.length > 0) return [...new Set(persons)].sort(compareStrings);
  }
  return [];
}

function seatTitlesOf(state: AuthorityState, bodyId: string, person: string, unit: string, at: Date): string[] {
  const body = state.bodies.find((b) => b.id === bodyId);
  if (body === undefined) return [];
  return body.seats
    .filter((s) => seatOccupantsAt(state, [s.title, ...(s.alternativeTitles ?? [])], unit, at).includes(person))
    .map((s) => s.title);
}

/** Whether `person` holds the rule at `at` for this case. */
function holdsRule(
  state: AuthorityState,
  rule: AuthorityRule,
  person: string,
  c: AuthorizationCase,
  at: Date,
): boolean {
  const holder = rule.holder;
  switch (holder.kind) {
    case 'POSITION':
      return state.positions.some(
        (p) =>
          p.personId === person &&
          p.title === holder.title &&
          p.orgUnitId === holder.orgUnitId &&
          windowContains(p.window, at),
      );
    case 'PROJECT_ROLE':
      return teamAt(c, at).some((m) => m.personId === person && m.role === holder.role);
    case 'DECISION_BODY':
      return seatTitlesOf(state, holder.bodyId, person, c.orgUnitId, at).length > 0;
  }
}

/** Every person who holds the rule at `at` for this case. */
function holdersOf(state: AuthorityState, rule: AuthorityRule, c: AuthorizationCase, at: Date): string[] {
  const holder = rule.holder;
  let persons: string[];
  if (holder.kind === 'POSITION') {
    persons = state.positions
      .filter((p) => p.title === holder.title && p.orgUnitId === holder.orgUnitId && windowContains(p.window, at))
      .map((p) => p.personId);
  } else if (holder.kind === 'PROJECT_ROLE') {
    persons = teamAt(c, at)
      .filter((m) => m.role === holder.role)
      .map((m) => m.personId);
  } else {
    const body = state.bodies.find((b) => b.id === holder.bodyId);
    persons = (body?.seats ?? []).flatMap((s) =>
      seatOccupantsAt(state, [s.title, ...(s.alternativeTitles ?? [])], c.orgUnitId, at),
    );
  }
  return [...new Set(persons)];
}

/**
 * Every chain of the state for this case: each rule with each of its holders, and every delegation path below each
 * rule.
 */
function allChains(state: AuthorityState, c: AuthorizationCase, at: Date): RefChain[] {
  // Children by source, so the walk below stays linear in the number of chains.
  const children = new Map<string, Delegation[]>();
  for (const d of state.delegations) {
    const key = d.source.kind + ':' + d.source.id;
    const list = children.get(key);
    if (list) list.push(d);
    else children.set(key, [d]);
  }
  const chains: RefChain[] = [];
  for (const rule of state.rules) {
    for (const holder of holdersOf(state, rule, c, at))
      chains.push({ rule, delegations: [], rootHolder: holder, person: holder });
    const walk = (path: Delegation[]): void => {
      const last = path[path.length - 1] as Delegation;
      chains.push({
        rule,
        delegations: path,
        rootHolder: (path[0] as Delegation).delegatorId,
        person: last.delegateId,
      });
      for (const d of children.get('DELEGATION:' + last.id) ?? []) if (!path.includes(d)) walk([...path, d]);
    };
    for (const d of children.get('RULE:' + rule.id) ?? []) walk([d]);
  }
  return chains;
}

type RefLink =
  { readonly kind: 'RULE'; readonly rule: AuthorityRule } | { readonly kind: 'DELEGATION'; readonly d: Delegation };

interface LinkTerms {
  readonly id: string;
  readonly decisionPoints: readonly string[];
  readonly grades: readonly string[];
  readonly scopeOrgUnitId: string;
  readonly currency: string;
  readonly limit: bigint | null;
  readonly window: TimeWindow;
}
const terms = (l: RefLink): LinkTerms => (l.kind === 'RULE' ? l.rule : l.d);

/** Judges one chain: the first failed check in AUTHORIZATION_CHECK_ORDER, or null. */
function judgeChain(state: AuthorityState, ch: RefChain, c: AuthorizationCase, at: Date): DenialReason | null {
  const links: RefLink[] = [
    { kind: 'RULE', rule: ch.rule },
    ...ch.delegations.map((d): RefLink => ({ kind: 'DELEGATION', d })),
  ];
  const ids = chainIds(ch);
  const max = state.maxChainLinks ?? DEFAULT_MAX_CHAIN_LINKS;
  const fail = (code: AuthorizationCheck, data: { linkId: string } & Record<string, unknown>): DenialReason =>
    ({ code, linkId: data.linkId, chain: ids, data }) as unknown as DenialReason;
  for (const check of AUTHORIZATION_CHECK_ORDER) {
    switch (check) {
      case 'CHAIN_TOO_DEEP': {
        if (links.length > max)
          return fail(check, { linkId: ids[max] as string, length: links.length, max, cause: 'MAX_LINKS' });
        for (let i = 0; i < links.length; i++) {
          const l = links[i] as RefLink;
          const delegable = l.kind === 'RULE' ? l.rule.delegableDepth : l.d.redelegableDepth;
          const below = links.length - 1 - i;
          if (below > 0 && below > delegable)
            return fail(check, { linkId: ids[i] as string, length: below, max: delegable, cause: 'DELEGABLE_DEPTH' });
        }
        break;
      }
      case 'CHAIN_CYCLE': {
        const visited = [ch.rootHolder];
        for (const d of ch.delegations) {
          if (visited.includes(d.delegateId)) return fail(check, { linkId: d.id, personId: d.delegateId });
          visited.push(d.delegateId);
        }
        break;
      }
      case 'NOT_IN_FORCE':
        for (const l of links)
          if (!windowContains(terms(l).window, at))
            return fail(check, { linkId: terms(l).id, window: terms(l).window });
        break;
      case 'REVOKED':
        for (const d of ch.delegations)
          if (d.revokedAt !== null && d.revokedAt.getTime() <= at.getTime())
            return fail(check, { linkId: d.id, at: d.revokedAt });
        break;
      case 'DELEGATOR_LOST_SOURCE':
        for (let i = 0; i < ch.delegations.length; i++) {
          const d = ch.delegations[i] as Delegation;
          const source = i === 0 ? ch.rule : (ch.delegations[i - 1] as Delegation);
          const holds =
            i === 0
              ? holdsRule(state, ch.rule, d.delegatorId, c, at)
              : (source as Delegation).delegateId === d.delegatorId;
          if (!holds) return fail(check, { linkId: d.id, delegatorId: d.delegatorId, sourceId: source.id });
        }
        break;
      case 'CURRENCY_MISMATCH':
        for (const l of links) {
          if (terms(l).currency !== c.amount.currency)
            return fail(check, { linkId: terms(l).id, currency: terms(l).currency, caseCurrency: c.amount.currency });
        }
        break;
      case 'POINT_NOT_COVERED':
        for (const l of links) {
          if (!terms(l).decisionPoints.includes(c.decisionPoint))
            return fail(check, {
              linkId: terms(l).id,
              decisionPoint: c.decisionPoint,
              covered: terms(l).decisionPoints,
            });
        }
        break;
      case 'GRADE_NOT_COVERED':
        for (const l of links)
          if (!terms(l).grades.includes(c.grade))
            return fail(check, { linkId: terms(l).id, grade: c.grade, covered: terms(l).grades });
        break;
      case 'OUT_OF_SCOPE':
        for (const l of links) {
          if (!isWithin(state, c.orgUnitId, terms(l).scopeOrgUnitId))
            return fail(check, {
              linkId: terms(l).id,
              orgUnitId: c.orgUnitId,
              scopeOrgUnitId: terms(l).scopeOrgUnitId,
            });
        }
        break;
      case 'AMOUNT_OVER_LIMIT':
        for (const l of links) {
          const limit = terms(l).limit;
          if (limit !== null && c.amount.minor > limit)
            return fail(check, {
              linkId: terms(l).id,
              limit: { minor: limit, currency: terms(l).currency },
              amount: c.amount,
            });
        }
        break;
      case 'DELEGATE_NOT_QUALIFIED':
        for (const d of ch.delegations) {
          if (d.requiredQualification === null) continue;
          const required = Math.max(1, d.requiredQualification.level);
          const held = qualificationAt(state.certifications, d.delegateId, d.requiredQualification.role, at);
          if (!held.held || held.level < required) {
            return fail(check, {
              linkId: d.id,
              personId: d.delegateId,
              role: d.requiredQualification.role,
              required,
              held: held.held ? held.level : null,
            });
          }
        }
        break;
      case 'CONFLICT_OF_INTEREST':
        if (ch.rule.holder.kind !== 'PROJECT_ROLE' && conflictedAt(c, at, ch.person)) {
          return fail(check, {
            linkId: ids[ids.length - 1] as string,
            personId: ch.person,
            projectId: c.projectId ?? null,
          });
        }
        break;
    }
  }
  return null;
}

function outputOf(state: AuthorityState, ch: RefChain, c: AuthorizationCase, at: Date): AuthorityChain {
  const r = ch.rule;
  const links: AuthorityLink[] = [
    {
      kind: 'RULE',
      id: r.id,
      holderPersonId: ch.rootHolder,
      delegatorId: null,
      ruleHolder: r.holder,
      decisionPoints: r.decisionPoints,
      grades: r.grades,
      scopeOrgUnitId: r.scopeOrgUnitId,
      limit: r.limit === null ? null : { minor: r.limit, currency: r.currency },
      currency: r.currency,
      window: r.window,
      requiredQualification: null,
    },
  ];
  for (const d of ch.delegations) {
    links.push({
      kind: 'DELEGATION',
      id: d.id,
      holderPersonId: d.delegateId,
      delegatorId: d.delegatorId,
      ruleHolder: null,
      decisionPoints: d.decisionPoints,
      grades: d.grades,
      scopeOrgUnitId: d.scopeOrgUnitId,
      limit: d.limit === null ? null : { minor: d.limit, currency: d.currency },
      currency: d.currency,
      window: d.window,
      requiredQualification: d.requiredQualification,
    });
  }
  const body =
    r.holder.kind === 'DECISION_BODY'
      ? { bodyId: r.holder.bodyId, seatTitles: seatTitlesOf(state, r.holder.bodyId, ch.rootHolder, c.orgUnitId, at) }
      : null;
  return { links, body };
}

/** The reference answer to "may this person decide?". */
export function referenceAuthorize(
  personId: string,
  c: AuthorizationCase,
  at: Date,
  state: AuthorityState,
): AuthorizationResult {
  const mine = allChains(state, c, at)
    .filter((ch) => ch.person === personId)
    .sort((a, b) => compareIdLists(chainIds(a), chainIds(b)));
  const when = new Date(at.getTime());
  if (mine.length === 0)
    return {
      allowed: false,
      at: when,
      chains: [],
      quorumRequired: false,
      reasons: [{ code: 'NO_AUTHORITY', linkId: null, chain: [], data: { personId } }],
    };
  const reasons: DenialReason[] = [];
  const chains: AuthorityChain[] = [];
  for (const ch of mine) {
    const denial = judgeChain(state, ch, c, at);
    if (denial === null) chains.push(outputOf(state, ch, c, at));
    else reasons.push(denial);
  }
  if (chains.length === 0) return { allowed: false, at: when, chains: [], quorumRequired: false, reasons };
  return { allowed: true, at: when, chains, quorumRequired: chains.every((ch) => ch.body !== null), reasons: [] };
}

function quorumMet(quorum: AuthorityBodyQuorum, seats: readonly AuthorityBodySeatCoverage[]): boolean {
  const filled = seats.filter((s) => s.filledBy.length > 0).length;
  if (quorum.kind === 'AT_LEAST') return filled >= quorum.count;
  return filled > 0 && seats.filter((s) => s.fixed).every((s) => s.filledBy.length > 0);
}

/** The reference answer to "who may decide?". */
export function referenceWhoMayDecide(c: AuthorizationCase, at: Date, state: AuthorityState): WhoMayDecideResult {
  const persons = new Set<string>();
  for (const ch of allChains(state, c, at)) persons.add(ch.person);
  const deciders: AuthorityDecider[] = [];
  for (const person of [...persons].sort(compareStrings)) {
    const answer = referenceAuthorize(person, c, at, state);
    if (answer.allowed)
      deciders.push({ personId: person, chains: answer.chains, quorumRequired: answer.quorumRequired });
  }
  const bodies: AuthorityBodyCoverage[] = [];
  const bodyRules = state.rules
    .filter((r) => r.holder.kind === 'DECISION_BODY')
    .sort((a, b) => compareStrings(a.id, b.id));
  for (const rule of bodyRules) {
    const body = state.bodies.find((b) => rule.holder.kind === 'DECISION_BODY' && b.id === rule.holder.bodyId);
    if (body === undefined) continue;
    const ruleAlone: RefChain = { rule, delegations: [], rootHolder: '', person: '\u0000' };
    if (judgeChain(state, ruleAlone, c, at) !== null) continue;
    const seats = body.seats.map((seat): AuthorityBodySeatCoverage => {
      const titles = [seat.title, ...(seat.alternativeTitles ?? [])];
      const occupants = seatOccupantsAt(state, titles, c.orgUnitId, at);
      const filledBy: Array<{ personId: string; via: 'DIRECT' | 'DELEGATION' }> = [];
      for (const decider of deciders) {
        const mine = decider.chains.filter(
          (ch) => ch.links[0]?.id === rule.id && occupants.includes(ch.links[0].holderPersonId),
        );
        if (mine.some((ch) => ch.links.length === 1)) filledBy.push({ personId: decider.personId, via: 'DIRECT' });
        if (mine.some((ch) => ch.links.length > 1)) filledBy.push({ personId: decider.personId, via: 'DELEGATION' });
      }
      return { title: seat.title, titles, fixed: seat.fixed, occupants, filledBy };
    });
    const quorum = body.quorum ?? { kind: 'ALL_FIXED' };
    bodies.push({ ruleId: rule.id, bodyId: body.id, quorum, seats, quorumReachable: quorumMet(quorum, seats) });
  }
  return { at: new Date(at.getTime()), deciders, bodies };
}
