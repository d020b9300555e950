// Data the e2e tests work with, created through the API as the admin (so the tests do not depend on the demo
// seed's contents): a small organisation, people, a position, an authority rule, a project and a bonus pool.
import { gql, RunningApi, tokenFor } from './api';

export interface Fixtures {
  suffix: string;
  hqId: string;
  regionId: string;
  officeId: string;
  otherRegionId: string;
  delegatorId: string;
  delegatorName: string;
  delegateId: string;
  delegateName: string;
  thirdId: string;
  /** Receives nothing until the decision-check test delegates to them. */
  fourthId: string;
  fourthName: string;
  ruleId: string;
  ruleName: string;
  projectId: string;
  projectName: string;
  poolId: string;
  poolName: string;
  /** A leader (not in the pool) who holds pool approval in the region. */
  approverEmail: string;
}

const ID = '{ id }';

export async function createFixtures(api: RunningApi): Promise<Fixtures> {
  const token = await tokenFor(api, 'admin@demo.local');
  const suffix = Math.random().toString(36).slice(2, 7).toUpperCase();
  const call = async (mutation: string, variables: Record<string, unknown>) => {
    const data = await gql<Record<string, { id: string }>>(api, token, mutation, variables);
    return String(Object.values(data)[0]?.id);
  };
  const orgUnit = (name: string, code: string, kind: string, parentId: string | null) =>
    call(
      `mutation($name: String!, $code: String!, $kind: String!, $parentId: ID) { createOrgUnit(name: $name, code:
        $code, kind: $kind, parentId: $parentId) ${ID} }`,
      { name, code, kind, parentId },
    );
  const hqId = await orgUnit(`E2E HQ ${suffix}`, `E2E-HQ-${suffix}`, 'HQ', null);
  const regionId = await orgUnit(`E2E East ${suffix}`, `E2E-EAST-${suffix}`, 'REGION', hqId);
  const officeId = await orgUnit(`E2E Shanghai ${suffix}`, `E2E-SH-${suffix}`, 'REP_OFFICE', regionId);
  const otherRegionId = await orgUnit(`E2E West ${suffix}`, `E2E-WEST-${suffix}`, 'REGION', hqId);
  const person = (name: string, employeeNo: string, orgUnitId: string) =>
    call(
      `mutation($name: String!, $employeeNo: String!, $orgUnitId: ID!) { createPerson(name: $name, employeeNo:
        $employeeNo, orgUnitId: $orgUnitId, hiredAt: "2020-01-01T00:00:00.000Z") ${ID} }`,
      { name, employeeNo, orgUnitId },
    );
  const delegatorName = `Zhang Wei ${suffix}`;
  const delegateName = `Li Na ${suffix}`;
  const delegatorId = await person(delegatorName, `E${suffix}1`, regionId);
  const delegateId = await person(delegateName, `E${suffix}2`, officeId);
  const thirdId = await person(`Wang Fang ${suffix}`, `E${suffix}3`, officeId);
  const fourthName = `Chen Jing ${suffix}`;
  const fourthId = await person(fourthName, `E${suffix}4`, officeId);
  await call(
    `mutation($personId: ID!, $orgUnitId: ID!) { createPositionAssignment(personId: $personId, title: "BU_PRESIDENT",
      orgUnitId: $orgUnitId, validFrom: "2025-01-01T00:00:00.000Z") ${ID} }`,
    { personId: delegatorId, orgUnitId: regionId },
  );
  const ruleName = `E2E rule ${suffix}`;
  const ruleId = await call(
    `mutation($name: String!, $org: ID!) {
    createAuthorityRule(name: $name, holderKind: POSITION, holderTitle: "BU_PRESIDENT", holderOrgUnitId: $org,
      decisionPoints: [ATB, ATC], grades: [II, III],
      scopeOrgUnitId: $org, limit: "5000000.00", currency: "CNY", validFrom: "2025-01-01T00:00:00.000Z",
      delegableDepth: 2) ${ID} }`,
    { name: ruleName, org: regionId },
  );
  await call(
    `mutation($name: String!, $org: ID!) {
    createAuthorityRule(name: $name, holderKind: POSITION, holderTitle: "BU_PRESIDENT", holderOrgUnitId: $org,
      decisionPoints: [POOL_APPROVAL], grades: [I, II, III],
      scopeOrgUnitId: $org, currency: "CNY", validFrom: "2025-01-01T00:00:00.000Z", delegableDepth: 0) ${ID} }`,
    { name: `E2E pool approval ${suffix}`, org: regionId },
  );
  // The approver must not be a member of the pool (conflict of interest): a second BU president of the region.
  const approverId = await person(`Zhao Min ${suffix}`, `E${suffix}5`, regionId);
  await call(
    `mutation($personId: ID!, $orgUnitId: ID!) { createPositionAssignment(personId: $personId, title: "BU_PRESIDENT",
      orgUnitId: $orgUnitId, validFrom: "2025-01-01T00:00:00.000Z") ${ID} }`,
    { personId: approverId, orgUnitId: regionId },
  );
  const approverEmail = `approver-${suffix.toLowerCase()}@demo.local`;
  await call(
    `mutation($email: String!, $person: ID!) { createUser(email: $email, password: "demo-approver", role: LEADER,
      personId: $person) ${ID} }`,
    { email: approverEmail, person: approverId },
  );
  const projectName = `E2E project ${suffix}`;
  const projectId = await call(
    `mutation($name: String!, $org: ID!) {
    createProject(name: $name, orgUnitId: $org, stage: "OPPORTUNITY", amount: "3000000.00", currency: "CNY",
      gradeCriteria: { majorATierCustomerImpact: true }) ${ID} }`,
    { name: projectName, org: officeId },
  );
  // Initiated (ATI approved) by the office head, so that its bid (ATB) is next in the LTC sequence. The office head
  // is no one else's: the region's BU presidents keep ATI only as seats of a decision body (see the body test).
  const officeHeadId = await person(`Zhou Qiang ${suffix}`, `E${suffix}6`, officeId);
  await call(
    `mutation($personId: ID!, $orgUnitId: ID!) { createPositionAssignment(personId: $personId, title: "OFFICE_HEAD",
      orgUnitId: $orgUnitId, validFrom: "2025-01-01T00:00:00.000Z") ${ID} }`,
    { personId: officeHeadId, orgUnitId: officeId },
  );
  await call(
    `mutation($name: String!, $org: ID!) {
    createAuthorityRule(name: $name, holderKind: POSITION, holderTitle: "OFFICE_HEAD", holderOrgUnitId: $org,
      decisionPoints: [ATI], grades: [II, III], scopeOrgUnitId: $org, currency: "CNY",
      validFrom: "2025-01-01T00:00:00.000Z", delegableDepth: 0) ${ID} }`,
    { name: `E2E office initiation ${suffix}`, org: officeId },
  );
  await call(
    `mutation($project: ID!, $decider: ID!, $key: String!) { recordDecision(input: { projectId: $project,
      decisionPoint: ATI, outcome: APPROVED, deciderId: $decider, comment: "Initiated", idempotencyKey: $key })
      ${ID} }`,
    { project: projectId, decider: officeHeadId, key: `e2e-ati-${suffix}` },
  );
  const poolName = `E2E pool ${suffix}`;
  const poolId = await call(
    `mutation($name: String!, $org: ID!, $project: ID) {
    createIncentivePool(name: $name, teamKind: "PROJECT", projectId: $project, orgUnitId: $org, periodFrom:
      "2026-01-01T00:00:00.000Z", periodTo: "2027-01-01T00:00:00.000Z",
      currency: "CNY", baseAmount: "1000000.00", attainmentGate: "0.6", capMultiplier: "2", acceleration: "1.5") ${ID}
      }`,
    { name: poolName, org: officeId, project: projectId },
  );
  for (const [metric, target, actual, weight] of [
    ['ORDERS', '10000000.00', '12000000.00', '0.4'],
    ['REVENUE', '8000000.00', '8000000.00', '0.3'],
    ['CASH', '6000000.00', '5400000.00', '0.3'],
  ]) {
    await call(
      `mutation($pool: ID!, $metric: PoolMetricKind!, $t: Money!, $a: Money!, $w: String!) { createPoolMetric(poolId:
        $pool, metric: $metric, target: $t, actual: $a, weight: $w) ${ID} }`,
      { pool: poolId, metric, t: target, a: actual, w: weight },
    );
  }
  for (const [personId, role, weight] of [
    [delegatorId, 'AR', '0.4'],
    [delegateId, 'SR', '0.35'],
    [thirdId, 'FR', '0.25'],
  ]) {
    await call(
      `mutation($pool: ID!, $person: ID!, $role: TriangleRole!, $w: String!) { createPoolMember(poolId: $pool,
        personId: $person, role: $role, weight: $w, coefficient: "1", participation: "1") ${ID} }`,
      { pool: poolId, person: personId, role, w: weight },
    );
  }
  return {
    suffix,
    hqId,
    regionId,
    officeId,
    otherRegionId,
    delegatorId,
    delegatorName,
    delegateId,
    delegateName,
    thirdId,
    fourthId,
    fourthName,
    ruleId,
    ruleName,
    projectId,
    projectName,
    poolId,
    poolName,
    approverEmail,
  };
}
