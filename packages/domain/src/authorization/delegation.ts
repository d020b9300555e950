// Delegations: whether a draft stays inside its source, and what revoking one ends.
import { DecisionPoint, ProjectGrade } from '../ltc/ltc';
import type { Money } from '../money/money';
import { qualificationAt } from '../qualification/held';
import { DomainError, Result, err, ok } from '../shared/result';
import { TimeWindow, windowContains, windowWithin } from '../time/window';
import {
  AuthorityIndex,
  CompiledLink,
  authorityIndexOf,
  delegationRecord,
  limitMoney,
  positionInForce,
  seatsFilledBy,
  sourceKey,
} from './authority-index';
import { compareStrings } from './chain-order';
import { AuthorityState, AuthorizationTeamMember, Delegation, DelegationDraft } from './types';

export type DelegationDraftError =
  | DomainError<'DELEGATION.UNKNOWN_SOURCE', { sourceKind: 'RULE' | 'DELEGATION'; sourceId: string }>
  | DomainError<'DELEGATION.MISSING_REASON', Record<string, never>>
  | DomainError<'DELEGATION.SELF_DELEGATION', { personId: string }>
  | DomainError<'DELEGATION.CYCLE', { personId: string | null; delegationId: string | null }>
  | DomainError<
      'DELEGATION.DELEGATOR_NOT_HOLDER',
      {
        delegatorId: string;
        sourceId: string;
        cause: 'NOT_HOLDER' | 'NOT_IN_FORCE' | 'REVOKED' | 'TEAM_UNKNOWN';
        holderId: string | null;
      }
    >
  | DomainError<'DELEGATION.DEPTH_EXHAUSTED', { sourceId: string }>
  | DomainError<'DELEGATION.EXCEEDS_DEPTH', { requested: number; max: number }>
  | DomainError<'DELEGATION.INVALID_DEPTH', { requested: number }>
  | DomainError<'DELEGATION.CHAIN_TOO_DEEP', { length: number; max: number }>
  | DomainError<'DELEGATION.EXCEEDS_POINTS', { extra: DecisionPoint[]; source: readonly DecisionPoint[] }>
  | DomainError<'DELEGATION.EXCEEDS_GRADES', { extra: ProjectGrade[]; source: readonly ProjectGrade[] }>
  | DomainError<'DELEGATION.EXCEEDS_SCOPE', { scopeOrgUnitId: string; sourceScopeOrgUnitId: string }>
  | DomainError<'DELEGATION.CURRENCY_MISMATCH', { currency: string; sourceCurrency: string }>
  | DomainError<'DELEGATION.EXCEEDS_LIMIT', { limit: Money | null; sourceLimit: Money }>
  | DomainError<'DELEGATION.INVALID_WINDOW', { window: TimeWindow }>
  | DomainError<'DELEGATION.WINDOW_OUTSIDE_SOURCE', { window: TimeWindow; sourceWindow: TimeWindow }>
  | DomainError<
      'DELEGATION.DELEGATE_NOT_QUALIFIED',
      { personId: string; role: string; required: number; held: number | null }
    >;

export interface ValidateDelegationOptions {
  /** The project's team: needed only to check a delegator who holds a project-role rule. */
  readonly team?: readonly AuthorizationTeamMember[];
}

function inForceAt(link: CompiledLink, t: number): boolean {
  return link.fromMs <= t && t < link.toMs;
}

/** Whether the delegator holds the source at t; a decision body's seat is judged for the draft's scope unit. */
function holderProblem(
  ix: AuthorityIndex,
  draft: DelegationDraft,
  source: CompiledLink,
  t: number,
  team: readonly AuthorizationTeamMember[] | undefined,
): DelegationDraftError | null {
  const base = { delegatorId: draft.delegatorId, sourceId: source.id };
  // A delegation source is held only while every link above it is alive.
  for (let link: CompiledLink | null = source; link !== null; link = link.parent) {
    if (!inForceAt(link, t))
      return err_('DELEGATION.DELEGATOR_NOT_HOLDER', { ...base, cause: 'NOT_IN_FORCE', holderId: null });
    if (link.revokedMs <= t)
      return err_('DELEGATION.DELEGATOR_NOT_HOLDER', { ...base, cause: 'REVOKED', holderId: null });
  }
  if (source.kind === 'DELEGATION') {
    return source.delegateId === draft.delegatorId
      ? null
      : err_('DELEGATION.DELEGATOR_NOT_HOLDER', { ...base, cause: 'NOT_HOLDER', holderId: source.delegateId });
  }
  const holder = source.rule.holder;
  let holds: boolean;
  if (holder.kind === 'POSITION') {
    holds = (ix.positionsByKey.get(source.holderKey) ?? []).some(
      (p) => p.personId === draft.delegatorId && positionInForce(p, t),
    );
  } else if (holder.kind === 'DECISION_BODY') {
    holds = seatsFilledBy(ix, holder.bodyId, draft.delegatorId, draft.scopeOrgUnitId, t).length > 0;
  } else {
    if (team === undefined)
      return err_('DELEGATION.DELEGATOR_NOT_HOLDER', { ...base, cause: 'TEAM_UNKNOWN', holderId: null });
    holds = team.some(
      (m) =>
        m.personId === draft.delegatorId &&
        m.role === holder.role &&
        (m.window === undefined || windowContains(m.window, new Date(t))),
    );
  }
  return holds ? null : err_('DELEGATION.DELEGATOR_NOT_HOLDER', { ...base, cause: 'NOT_HOLDER', holderId: null });
}

function err_<E extends DelegationDraftError>(code: E['code'], data: E['data']): DelegationDraftError {
  return { code, data } as DelegationDraftError;
}

/**
 * Checks a draft against its source at `at`: ok, or every reason it is refused. A draft may narrow its source
 * in every dimension, never widen it; the delegator must hold the source at `at`; the delegate must not already
 * be on the source's chain; and the delegate must hold the qualification the draft requires.
 */
export function validateDelegation(
  draft: DelegationDraft,
  at: Date,
  state: AuthorityState | AuthorityIndex,
  options: ValidateDelegationOptions = {},
): Result<DelegationDraft, DelegationDraftError[]> {
  const ix = authorityIndexOf(state);
  const t = at.getTime();
  const errors: DelegationDraftError[] = [];
  if (draft.reason.trim() === '') errors.push(err_('DELEGATION.MISSING_REASON', {}));
  if (draft.delegatorId === draft.delegateId)
    errors.push(err_('DELEGATION.SELF_DELEGATION', { personId: draft.delegateId }));
  if (draft.window.to !== null && draft.window.to.getTime() <= draft.window.from.getTime())
    errors.push(err_('DELEGATION.INVALID_WINDOW', { window: draft.window }));
  if (!Number.isInteger(draft.redelegableDepth) || draft.redelegableDepth < 0)
    errors.push(err_('DELEGATION.INVALID_DEPTH', { requested: draft.redelegableDepth }));

  const source =
    draft.source.kind === 'RULE' ? ix.rulesById.get(draft.source.id) : ix.delegationsById.get(draft.source.id);
  if (source === undefined) {
    // A delegation whose own sources never reach a rule counts as unknown too.
    errors.push(err_('DELEGATION.UNKNOWN_SOURCE', { sourceKind: draft.source.kind, sourceId: draft.source.id }));
    return err(errors);
  }

  // The delegate may not already be on the chain above, and the draft may not be its own ancestor.
  let rootHolder = draft.delegatorId;
  for (let link: CompiledLink | null = source; link !== null; link = link.parent) {
    if (link.kind === 'DELEGATION') {
      if (draft.id !== undefined && link.id === draft.id)
        errors.push(err_('DELEGATION.CYCLE', { personId: null, delegationId: draft.id }));
      if (link.delegateId === draft.delegateId && draft.delegateId !== draft.delegatorId)
        errors.push(err_('DELEGATION.CYCLE', { personId: draft.delegateId, delegationId: link.id }));
      rootHolder = link.delegatorId;
    }
  }
  if (source.kind === 'DELEGATION' && rootHolder === draft.delegateId && draft.delegateId !== draft.delegatorId) {
    errors.push(err_('DELEGATION.CYCLE', { personId: draft.delegateId, delegationId: null }));
  }

  const holder = holderProblem(ix, draft, source, t, options.team);
  if (holder !== null) errors.push(holder);

  if (source.depth <= 0) errors.push(err_('DELEGATION.DEPTH_EXHAUSTED', { sourceId: source.id }));
  else if (draft.redelegableDepth > source.depth - 1)
    errors.push(err_('DELEGATION.EXCEEDS_DEPTH', { requested: draft.redelegableDepth, max: source.depth - 1 }));
  if (source.length + 1 > ix.maxChainLinks)
    errors.push(err_('DELEGATION.CHAIN_TOO_DEEP', { length: source.length + 1, max: ix.maxChainLinks }));

  const sourceTerms = source.delegation ?? source.rule;
  const extraPoints = draft.decisionPoints.filter((p) => !sourceTerms.decisionPoints.includes(p));
  if (extraPoints.length > 0)
    errors.push(err_('DELEGATION.EXCEEDS_POINTS', { extra: extraPoints, source: sourceTerms.decisionPoints }));
  const extraGrades = draft.grades.filter((g) => !sourceTerms.grades.includes(g));
  if (extraGrades.length > 0)
    errors.push(err_('DELEGATION.EXCEEDS_GRADES', { extra: extraGrades, source: sourceTerms.grades }));
  if (!ix.tree.isWithin(draft.scopeOrgUnitId, source.scopeOrgUnitId)) {
    errors.push(
      err_('DELEGATION.EXCEEDS_SCOPE', {
        scopeOrgUnitId: draft.scopeOrgUnitId,
        sourceScopeOrgUnitId: source.scopeOrgUnitId,
      }),
    );
  }
  if (draft.currency !== source.currency) {
    errors.push(err_('DELEGATION.CURRENCY_MISMATCH', { currency: draft.currency, sourceCurrency: source.currency }));
  } else if (source.limit !== null && (draft.limit === null || draft.limit > source.limit)) {
    errors.push(
      err_('DELEGATION.EXCEEDS_LIMIT', {
        limit: limitMoney(draft.limit, draft.currency),
        sourceLimit: { minor: source.limit, currency: source.currency },
      }),
    );
  }
  if (!windowWithin(draft.window, sourceTerms.window))
    errors.push(err_('DELEGATION.WINDOW_OUTSIDE_SOURCE', { window: draft.window, sourceWindow: sourceTerms.window }));

  const required = draft.requiredQualification;
  if (required !== null) {
    const level = Math.max(1, required.level);
    const held = qualificationAt(
      ix.certificationsByPerson.get(draft.delegateId) ?? [],
      draft.delegateId,
      required.role,
      at,
    );
    if (!held.held || held.level < level) {
      errors.push(
        err_('DELEGATION.DELEGATE_NOT_QUALIFIED', {
          personId: draft.delegateId,
          role: required.role,
          required: level,
          held: held.held ? held.level : null,
        }),
      );
    }
  }
  return errors.length === 0 ? ok(draft) : err(errors);
}

export type RevocationImpactError =
  | DomainError<'DELEGATION.UNKNOWN', { delegationId: string }>
  | DomainError<'DELEGATION.ALREADY_REVOKED', { delegationId: string; revokedAt: Date }>;

/**
 * The delegations that end if `delegationId` is revoked at `at`: it first, then every delegation derived from it
 * (breadth first, siblings by id), leaving out any already revoked before `at` together with what lies below it
 * (those ended already).
 */
export function revocationImpact(
  delegationId: string,
  at: Date,
  state: AuthorityState | AuthorityIndex,
): Result<Delegation[], RevocationImpactError> {
  const ix = authorityIndexOf(state);
  const t = at.getTime();
  // By id when ids are unique (an index made by applying changes has them so), else the state's first.
  const target = ix.uniqueIds
    ? delegationRecord(ix, delegationId)
    : ix.state.delegations.find((d) => d.id === delegationId);
  if (target === undefined) return err({ code: 'DELEGATION.UNKNOWN', data: { delegationId } });
  if (target.revokedAt !== null && target.revokedAt.getTime() < t)
    return err({ code: 'DELEGATION.ALREADY_REVOKED', data: { delegationId, revokedAt: target.revokedAt } });
  const ended: Delegation[] = [target];
  const seen = new Set<string>([target.id]);
  for (let i = 0; i < ended.length; i++) {
    const children = [...(ix.delegationsBySource.get(sourceKey('DELEGATION', (ended[i] as Delegation).id)) ?? [])].sort(
      (a, b) => compareStrings(a.id, b.id),
    );
    for (const child of children) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      if (child.revokedAt !== null && child.revokedAt.getTime() < t) continue;
      ended.push(child);
    }
  }
  return ok(ended);
}
