// The API's operations that are not records (CONTRACT.graphql): authorization questions and pool steps.
import { gqlRequest } from '../graphql/client';
import { TRACE_FIELDS, type PoolWithTraces } from '../pools/traces';
import type {
  AuthorityChange,
  AuthorizationResult,
  Decider,
  DeciderPage,
  DecisionRight,
  DelegationRecord,
  QualificationStatus,
  DecisionRecord,
} from './types';

const LINK =
  `kind id holderPersonId delegatorId decisionPoints grades scopeOrgUnitId limit currency validFrom ` +
  `validTo requiredRole requiredLevel`;
const CHAIN = `links { ${LINK} } body { bodyId seatTitles }`;
const DELEGATION =
  `id sourceRuleId sourceDelegationId delegatorId delegateId decisionPoints grades scopeOrgUnitId ` +
  `limit currency validFrom validTo redelegableDepth requiredRole requiredLevel reason revokedAt ` +
  `revokeReason version`;
/** A decision body's seats, who may fill each, and whether its quorum can be reached. */
const BODY_COVERAGE =
  'bodyId ruleId quorum quorumCount quorumReachable seats { title fixed titles occupants filledBy { personId via } }';
/** An entry of the change log, without the record it holds (what a notice about a correction names). */
const CHANGE =
  `revision recordType recordId recordVersion operation effectiveFrom holdsSinceRecordBegan recordedAt actorKind ` +
  `actorLabel ` +
  `correction reason`;
/** An entry with the record before and after (what a history shows). */
const CHANGE_WITH_RECORDS = `${CHANGE} before after`;
const POOL = `id name status currency baseAmount fundedAmount version
  members { id personId role weight coefficient participation share } ${TRACE_FIELDS}`;

const FRAMEWORK_VERSION = 'id version versionNo lineageId previousVersionId status';

const ROLE_MODEL_VERSION = 'id version versionNo status publishedAt notes roleModelId';

/** What the role-model version operations answer. */
export interface RoleModelVersionStep {
  id: string;
  version: number;
  versionNo: number;
  status: string;
  publishedAt: string | null;
  notes: string | null;
  roleModelId: string;
}

/** What the framework version operations answer. */
export interface FrameworkVersion {
  id: string;
  version: number;
  versionNo: number;
  lineageId: string;
  previousVersionId: string | null;
  status: string;
}

/** A talent search: who holds the role at the level or above, at a moment, in an org subtree. */
export interface TalentQuestion {
  role: string;
  minLevel: number;
  at?: string | null;
  orgUnitId?: string | null;
}

/** One person found, with the level they hold and its validity. */
export interface QualifiedPerson {
  personId: string;
  level: number;
  validFrom: string;
  validUntil: string | null;
  assessmentId: string;
  cursor: string;
  person: { id: string; name: string; latinName?: string | null; employeeNo?: string; orgUnitId?: string } | null;
}

export interface QualifiedPage {
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
  items: QualifiedPerson[];
}

export interface CaseInput {
  decisionPoint: string;
  projectId?: string | null;
  grade?: string | null;
  orgUnitId?: string | null;
  amount?: string | null;
  currency?: string | null;
  teamMemberIds?: string[] | null;
  /** The moment the decision is taken (effective time); empty: now. */
  at?: string | null;
  /** Answer with what the system knew at this moment (recorded time); empty: now. */
  asKnownAt?: string | null;
}
export interface AuthorizeInput extends CaseInput {
  personId: string;
}

/** Drops empty values so that the API applies its own defaults (e.g. `at` = now). */
export function compact<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as Partial<T>;
}

export const operations = {
  async authorize(input: AuthorizeInput): Promise<AuthorizationResult> {
    const data = await gqlRequest<{ authorize: AuthorizationResult }>(
      `query Authorize($input: AuthorizeInput!) { authorize(input: $input) { allowed at asKnownAt revision ` +
        `corrections { ${CHANGE} } chains { ${CHAIN} } reasons { code message linkId data } } }`,
      { input: compact(input) },
    );
    return data.authorize;
  },
  async whoMayDecide(input: CaseInput): Promise<Decider[]> {
    const data = await gqlRequest<{ whoMayDecide: Decider[] }>(
      `query WhoMayDecide($input: CaseInput!) { whoMayDecide(input: $input) { personId quorumRequired ` +
        `revision corrections { ${CHANGE} } chains { ${CHAIN} } bodies { ${BODY_COVERAGE} } } }`,
      { input: compact(input) },
    );
    return data.whoMayDecide;
  },
  /**
   * One page of "who may decide" (direct holders first, then by name), with the total count. `after`: the previous
   * page's `endCursor`, for the same case.
   */
  async whoMayDecidePage(input: CaseInput, first: number, after?: string | null): Promise<DeciderPage> {
    const data = await gqlRequest<{ whoMayDecidePage: DeciderPage }>(
      `query WhoMayDecidePage($input: CaseInput!, $first: Int, $after: String) { whoMayDecidePage(input: $input, ` +
        `first: $first, after: $after) { totalCount endCursor hasNextPage items { personId cursor direct ` +
        `quorumRequired revision person { id name: displayName employeeNo } corrections { ${CHANGE} } ` +
        `chains { ${CHAIN} } } ` +
        `bodies { ${BODY_COVERAGE} } } }`,
      compact({ input: compact(input), first, after }),
    );
    return data.whoMayDecidePage;
  },
  /** Everything a person may decide at `at`, as known at `asKnownAt` (both empty: now). */
  async decisionRights(personId: string, at?: string | null, asKnownAt?: string | null): Promise<DecisionRight[]> {
    const data = await gqlRequest<{ decisionRights: DecisionRight[] }>(
      `query DecisionRights($personId: ID!, $at: DateTime, $asKnownAt: DateTime) { decisionRights(personId: ` +
        `$personId, at: $at, asKnownAt: $asKnownAt) { decisionPoint grades scopeOrgUnitId scopeOrgUnit { id name } ` +
        `limit currency validFrom validTo via projectRole quorumRequired revision corrections { ${CHANGE} } ` +
        `chain { ${CHAIN} } } }`,
      compact({ personId, at, asKnownAt }),
    );
    return data.decisionRights;
  },
  /**
   * Every version of a record, oldest first (its `history` field, read only here: lists and forms never select it).
   * `resource` is the record type, whose single-record query has its name (ra-data-graphql-simple's naming).
   */
  async history(resource: string, id: string): Promise<AuthorityChange[]> {
    if (!/^[A-Z][A-Za-z]*$/.test(resource)) throw new Error(`not a record type: ${resource}`);
    const data = await gqlRequest<{ record: { history: AuthorityChange[] } | null }>(
      `query History($id: ID!) { record: ${resource}(id: $id) { history { ${CHANGE_WITH_RECORDS} } } }`,
      { id },
    );
    return data.record?.history ?? [];
  },
  /** A framework's history with its levels' and their requirements' (each entry says which part it is about). */
  async frameworkHistory(id: string): Promise<AuthorityChange[]> {
    type Part = { id: string; history: AuthorityChange[] };
    type Level = Part & {
      level: number;
      name: string;
      nameZh: string;
      requirements: Array<Part & { dimensionCode: string }>;
    };
    const data = await gqlRequest<{ record: (Part & { levels: Level[] }) | null }>(
      `query FrameworkHistory($id: ID!) { record: QualificationFramework(id: $id) { id history { ` +
        `${CHANGE_WITH_RECORDS} } levels { id level name nameZh history { ${CHANGE_WITH_RECORDS} } ` +
        `requirements { id dimensionCode history { ${CHANGE_WITH_RECORDS} } } } } }`,
      { id },
    );
    const record = data.record;
    if (!record) return [];
    const entries: AuthorityChange[] = [...record.history];
    for (const level of record.levels) {
      entries.push(...level.history.map((e) => ({ ...e, part: { level: level.level } })));
      for (const requirement of level.requirements)
        entries.push(
          ...requirement.history.map((e) => ({
            ...e,
            part: { level: level.level, dimensionCode: requirement.dimensionCode },
          })),
        );
    }
    return entries.sort((a, b) => (BigInt(a.revision) < BigInt(b.revision) ? -1 : 1));
  },
  /** Every authority rule with its versions (for the authority matrix as of a past moment). */
  async authorityRuleHistories(): Promise<Array<{ id: string; history: AuthorityChange[] }>> {
    const data = await gqlRequest<{ allAuthorityRules: Array<{ id: string; history: AuthorityChange[] }> }>(
      `query RuleHistories { allAuthorityRules(perPage: 500) { id history { ${CHANGE} after } } }`,
    );
    return data.allAuthorityRules;
  },
  async qualificationStatus(personId: string, role: string, at?: string): Promise<QualificationStatus> {
    const data = await gqlRequest<{ qualificationStatus: QualificationStatus }>(
      `query QualificationStatus($personId: ID!, $role: TriangleRole!, $at: DateTime) {
        qualificationStatus(personId: $personId, role: $role, at: $at) {
          personId role level validUntil reason
          gap { nextLevel tenureMonthsMissing projectsMissing gateFailed dimensions { dimension required held } }
        }
      }`,
      compact({ personId, role, at }),
    );
    return data.qualificationStatus;
  },
  /** Who holds `role` at `minLevel` or above at `at` (empty: now), in `orgUnitId`'s subtree: a page of them. */
  async qualifiedPeoplePage(question: TalentQuestion, first: number, after?: string | null): Promise<QualifiedPage> {
    const data = await gqlRequest<{ qualifiedPeoplePage: QualifiedPage }>(
      `query QualifiedPeoplePage($role: TriangleRole!, $minLevel: Int!, $at: DateTime, $orgUnitId: ID, $first: Int,
        $after: String) { qualifiedPeoplePage(role: $role, minLevel: $minLevel, at: $at, orgUnitId: $orgUnitId,
        first: $first, after: $after) { totalCount endCursor hasNextPage items { personId level validFrom validUntil
        assessmentId cursor person { id name latinName employeeNo orgUnitId } } } }`,
      compact({ ...question, first, after }),
    );
    return data.qualifiedPeoplePage;
  },
  /** The level the staffing rules require of `role` on the project (null: no rule). */
  async staffingMinimumLevel(projectId: string, role: string, at?: string | null): Promise<number | null> {
    const data = await gqlRequest<{ staffingMinimumLevel: number | null }>(
      `query StaffingMinimumLevel($projectId: ID!, $role: TriangleRole!, $at: DateTime) {
        staffingMinimumLevel(projectId: $projectId, role: $role, at: $at) }`,
      compact({ projectId, role, at }),
    );
    return data.staffingMinimumLevel;
  },
  async delegationImpact(id: string, at?: string): Promise<DelegationRecord[]> {
    const data = await gqlRequest<{ delegationImpact: DelegationRecord[] }>(
      `query DelegationImpact($id: ID!, $at: DateTime) { delegationImpact(id: $id, at: $at) { ${DELEGATION} } }`,
      compact({ id, at }),
    );
    return data.delegationImpact;
  },
  async revokeDelegation(id: string, reason: string, at?: string): Promise<DelegationRecord[]> {
    const data = await gqlRequest<{ revokeDelegation: DelegationRecord[] }>(
      `mutation RevokeDelegation($id: ID!, $reason: String!, $at: DateTime) { revokeDelegation(id: $id, ` +
        `reason: $reason, at: $at) { ${DELEGATION} } }`,
      compact({ id, reason, at }),
    );
    return data.revokeDelegation;
  },
  async recordDecision(input: {
    projectId: string;
    decisionPoint: string;
    outcome: string;
    deciderId: string;
    comment?: string;
    idempotencyKey: string;
  }): Promise<DecisionRecord> {
    const data = await gqlRequest<{ recordDecision: DecisionRecord }>(
      `mutation RecordDecision($input: RecordDecisionInput!) { recordDecision(input: $input) { id ` +
        `projectId decisionPoint outcome deciderId decidedAt complete comment chain { ${CHAIN} } } }`,
      { input: compact(input) },
    );
    return data.recordDecision;
  },
  async poolStep(step: 'fundPool' | 'approvePool' | 'lockPool', id: string): Promise<PoolWithTraces> {
    const data = await gqlRequest<Record<string, PoolWithTraces>>(
      `mutation PoolStep($id: ID!) { ${step}(id: $id) { ${POOL} } }`,
      { id },
    );
    return data[step] as PoolWithTraces;
  },
  /** A new pool that corrects a locked one (the locked pool stays as it is). */
  async createAdjustmentPool(id: string, name: string): Promise<{ id: string }> {
    const data = await gqlRequest<{ createAdjustmentPool: { id: string } }>(
      `mutation CreateAdjustmentPool($id: ID!, $name: String!) { createAdjustmentPool(id: $id, name: $name) { id } }`,
      { id, name },
    );
    return data.createAdjustmentPool;
  },
  /** A DRAFT copy of a framework version with its levels and requirements (the next version of its lineage). */
  async createFrameworkVersion(frameworkId: string): Promise<FrameworkVersion> {
    const data = await gqlRequest<{ createFrameworkVersion: FrameworkVersion }>(
      `mutation CreateFrameworkVersion($frameworkId: ID!) { createFrameworkVersion(frameworkId: $frameworkId) { ` +
        `${FRAMEWORK_VERSION} } }`,
      { frameworkId },
    );
    return data.createFrameworkVersion;
  },
  /** DRAFT → ACTIVE; the lineage's previous ACTIVE version is retired. */
  async publishFramework(id: string, version: number): Promise<FrameworkVersion> {
    const data = await gqlRequest<{ publishFramework: FrameworkVersion }>(
      `mutation PublishFramework($id: ID!, $version: Int!) { publishFramework(id: $id, version: $version) { ` +
        `${FRAMEWORK_VERSION} } }`,
      { id, version },
    );
    return data.publishFramework;
  },
  /** A DRAFT copy of a role-model version with its dimensions and key behaviours (the model's next version). */
  async newRoleModelDraft(fromVersionId: string): Promise<RoleModelVersionStep> {
    const data = await gqlRequest<{ newRoleModelDraft: RoleModelVersionStep }>(
      `mutation NewRoleModelDraft($fromVersionId: ID!) { newRoleModelDraft(fromVersionId: $fromVersionId) { ` +
        `${ROLE_MODEL_VERSION} } }`,
      { fromVersionId },
    );
    return data.newRoleModelDraft;
  },
  /** DRAFT → PUBLISHED (in force from now); the version in force before it is retired, in one transaction. */
  async publishRoleModelVersion(id: string, version: number): Promise<RoleModelVersionStep> {
    const data = await gqlRequest<{ publishRoleModelVersion: RoleModelVersionStep }>(
      `mutation PublishRoleModelVersion($id: ID!, $version: Int!) { publishRoleModelVersion(id: $id, ` +
        `version: $version) { ${ROLE_MODEL_VERSION} } }`,
      { id, version },
    );
    return data.publishRoleModelVersion;
  },
  async allocatePool(id: string, preview: boolean): Promise<PoolWithTraces> {
    const data = await gqlRequest<{ allocatePool: PoolWithTraces }>(
      `mutation AllocatePool($id: ID!, $preview: Boolean) { allocatePool(id: $id, preview: $preview) { ${POOL} } }`,
      { id, preview },
    );
    return data.allocatePool;
  },
};

export type Operations = typeof operations;
