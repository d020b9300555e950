// Every operation has a permission: walks the schema's Query and Mutation fields and, for each, checks that
// the principals who must be refused are refused and that an allowed one gets past the permission check.
// A new operation without an entry in DENY fails this suite.
import { placeholderLiteral } from './support/graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLOutputType,
  getNamedType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { describeOnDatabases, TestEnv } from './support/databases';

type Who = 'anonymous' | 'viewer' | 'hr' | 'leader' | 'readToken';
type Rule = { deny: Who[]; allow: Exclude<Who, 'anonymous'> | 'admin' };

const DENY: Record<string, Rule> = {};
const NOT_FOR_READERS: Who[] = ['anonymous'];

/** The six operations of a record type: reads refused to anonymous callers, writes to the listed roles. */
function record(
  type: string,
  plural: string,
  writeDeny: Who[],
  options: { readDeny?: Who[]; writes?: Array<'create' | 'update' | 'delete'> } = {},
) {
  const readDeny = options.readDeny ?? NOT_FOR_READERS;
  const readAllow = readDeny.includes('viewer') ? 'admin' : 'viewer';
  DENY[type] = { deny: readDeny, allow: readAllow };
  DENY[`all${plural}`] = { deny: readDeny, allow: readAllow };
  DENY[`_all${plural}Meta`] = { deny: readDeny, allow: readAllow };
  for (const w of options.writes ?? ['create', 'update', 'delete'])
    DENY[`${w}${type}`] = { deny: ['anonymous', 'viewer', 'readToken', ...writeDeny], allow: 'admin' };
}

const ORG: Who[] = ['hr', 'leader'];
const PROJECTS: Who[] = ['hr'];
const QUALIFICATIONS: Who[] = ['leader'];
const AUTHORITY: Who[] = ['hr'];
const POOLS: Who[] = ['hr'];
const ADMIN_ONLY_READ: Who[] = ['anonymous', 'viewer', 'hr', 'leader', 'readToken'];

record('OrgUnit', 'OrgUnits', ORG);
record('Person', 'People', ORG);
record('PositionAssignment', 'PositionAssignments', ORG);
record('Customer', 'Customers', ORG);
record('Project', 'Projects', PROJECTS);
record('TeamAppointment', 'TeamAppointments', PROJECTS);
record('Stakeholder', 'Stakeholders', PROJECTS);
record('RelationshipPlanAction', 'RelationshipPlanActions', PROJECTS);
record('RoleModel', 'RoleModels', QUALIFICATIONS);
record('RoleModelVersion', 'RoleModelVersions', QUALIFICATIONS);
record('RoleModelDimension', 'RoleModelDimensions', QUALIFICATIONS);
record('QualificationFramework', 'QualificationFrameworks', QUALIFICATIONS);
record('QualificationLevel', 'QualificationLevels', QUALIFICATIONS);
record('LevelRequirement', 'LevelRequirements', QUALIFICATIONS);
record('Assessment', 'Assessments', QUALIFICATIONS);
record('AssessmentRating', 'AssessmentRatings', QUALIFICATIONS, { writes: [] });
record('StaffingRule', 'StaffingRules', QUALIFICATIONS);
record('AuthorityRule', 'AuthorityRules', AUTHORITY);
record('DecisionBody', 'DecisionBodies', AUTHORITY);
record('DecisionBodySeat', 'DecisionBodySeats', AUTHORITY, { writes: [] });
record('Delegation', 'Delegations', AUTHORITY);
record('Decision', 'Decisions', PROJECTS, { writes: [] });
record('DecisionRequest', 'DecisionRequests', PROJECTS, { writes: [] });
record('Lead', 'Leads', PROJECTS);
record('LeadNurtureAction', 'LeadNurtureActions', PROJECTS);
record('Opportunity', 'Opportunities', PROJECTS);
record('IncentivePool', 'IncentivePools', POOLS);
record('PoolMetric', 'PoolMetrics', POOLS);
record('PoolMember', 'PoolMembers', POOLS);
record('User', 'Users', ['hr', 'leader'], { readDeny: ADMIN_ONLY_READ });
record('ApiToken', 'ApiTokens', ['hr', 'leader'], { readDeny: ADMIN_ONLY_READ, writes: ['delete'] });
record('AuditEntry', 'AuditEntries', [], { readDeny: ADMIN_ONLY_READ, writes: [] });
DENY.me = { deny: ['anonymous'], allow: 'viewer' };
DENY.qualificationStatus = { deny: ['anonymous'], allow: 'viewer' };
for (const op of ['qualifiedPeople', 'qualifiedPeoplePage', 'staffingMinimumLevel'])
  DENY[op] = { deny: ['anonymous'], allow: 'viewer' };
DENY.delegationImpact = { deny: ['anonymous'], allow: 'viewer' };
DENY.authorize = { deny: ['anonymous'], allow: 'viewer' };
DENY.whoMayDecide = { deny: ['anonymous'], allow: 'viewer' };
DENY.whoMayDecidePage = { deny: ['anonymous'], allow: 'viewer' };
DENY.authorizeMany = { deny: ['anonymous'], allow: 'viewer' };
DENY.decisionRights = { deny: ['anonymous'], allow: 'viewer' };
DENY.recordVersion = { deny: ['anonymous'], allow: 'viewer' };
DENY.upsertProject = { deny: ['anonymous', 'viewer', 'hr', 'readToken'], allow: 'admin' };
DENY.revokeDelegation = { deny: ['anonymous', 'viewer', 'hr', 'readToken'], allow: 'admin' };
DENY.createApiToken = { deny: ['anonymous', 'viewer', 'hr', 'leader', 'readToken'], allow: 'admin' };
DENY.recordDecision = { deny: ['anonymous', 'viewer', 'hr', 'readToken'], allow: 'admin' };
// Decision requests: leaders and administrators ask, decide from their inbox and withdraw; everyone reads their inbox;
// administrators alone run escalation (API tokens neither: it is an operator's step).
for (const op of ['requestDecision', 'withdrawDecisionRequest', 'decideRequest'])
  DENY[op] = { deny: ['anonymous', 'viewer', 'hr', 'readToken'], allow: 'admin' };
DENY.myInbox = { deny: ['anonymous'], allow: 'viewer' };
DENY.dashboard = { deny: ['anonymous'], allow: 'viewer' };
DENY.escalateOverdueRequests = { deny: ['anonymous', 'viewer', 'hr', 'leader', 'readToken'], allow: 'admin' };
// The company settings: every signed-in user reads them (API tokens do not: no scope opens them); administrators
// alone change them.
// The power map: recording an attitude is a projects write; the key-account warnings are the caller's own (a token
// or a user without a person gets none).
DENY.recordStakeholderAttitude = { deny: ['anonymous', 'viewer', 'hr', 'readToken'], allow: 'admin' };
DENY.keyAccountWarnings = { deny: ['anonymous'], allow: 'viewer' };
DENY.companySettings = { deny: ['anonymous', 'readToken'], allow: 'viewer' };
DENY.updateCompanySettings = { deny: ['anonymous', 'viewer', 'hr', 'leader', 'readToken'], allow: 'admin' };
// The change feed: administrators and tokens with "read:changes" (test/change-feed.test.ts), not the "read" scope.
DENY.authorityChanges = { deny: ['anonymous', 'viewer', 'hr', 'leader', 'readToken'], allow: 'admin' };
for (const op of ['fundPool', 'allocatePool', 'approvePool', 'lockPool', 'createAdjustmentPool'])
  DENY[op] = { deny: ['anonymous', 'viewer', 'hr', 'readToken'], allow: 'admin' };
// Framework and role-model versions are qualification writes (ADMIN and HR; HR is checked here, the admin by the
// records above).
const VERSION_STEPS = ['createFrameworkVersion', 'publishFramework', 'newRoleModelDraft', 'publishRoleModelVersion'];
for (const op of VERSION_STEPS) DENY[op] = { deny: ['anonymous', 'viewer', 'leader', 'readToken'], allow: 'hr' };
// Approving a pool is a decision by a person: the allowed caller is a user linked to one.
DENY.approvePool = { deny: ['anonymous', 'viewer', 'hr', 'readToken'], allow: 'leader' };
// Notifications are the signed-in user's own (an API token has none); the reminder sweep is for administrators.
for (const op of ['notifications', 'unreadNotificationCount', 'markNotificationsRead'])
  DENY[op] = { deny: ['anonymous', 'readToken'], allow: 'viewer' };
// An import needs the right to write the imported type. The walk imports the first ImportType, ASSESSMENT, which HR
// writes; the other types' refusals (people, org units, positions: administrators alone) are in test/import*.test.ts.
DENY.importRecords = { deny: ['anonymous', 'viewer', 'leader', 'readToken'], allow: 'hr' };
DENY.runReminders = { deny: ['anonymous', 'viewer', 'hr', 'leader', 'readToken'], allow: 'admin' };
// Re-certification: every reader lists expiring certifications; scheduling re-assessments is a qualification write.
DENY.expiringCertifications = { deny: ['anonymous'], allow: 'viewer' };
DENY.scheduleReassessments = { deny: ['anonymous', 'viewer', 'leader', 'readToken'], allow: 'hr' };
DENY.cancelReassessment = { deny: ['anonymous', 'viewer', 'leader', 'readToken'], allow: 'hr' };
// The front of LTC: every reader sees the funnel; the steps of leads and opportunities are project writes (verifying
// is a person's act: the allowed caller is a user linked to one).
DENY.salesFunnel = { deny: ['anonymous'], allow: 'viewer' };
DENY.verifyLead = { deny: ['anonymous', 'viewer', 'hr', 'readToken'], allow: 'leader' };
for (const op of ['dropLead', 'convertLeadToOpportunity', 'createProjectFromOpportunity'])
  DENY[op] = { deny: ['anonymous', 'viewer', 'hr', 'readToken'], allow: 'admin' };
// login is public: its deny test is a wrong password (see below). logout would end the session of the caller this
// walk allows; its deny tests (anonymous, API token) are in test/sessions.test.ts.
const PUBLIC = new Set(['login', 'logout']);

const SDL = buildSchema(readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8'));

function dummy(type: GraphQLInputType): string {
  return placeholderLiteral(type);
}

function selection(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  return isObjectType(named) ? ' { __typename }' : '';
}

function operationText(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const required = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type));
  const argText = required.length ? `(${required.map((a) => `${a.name}: ${dummy(a.type)}`).join(', ')})` : '';
  return `${kind} { ${field.name}${argText}${selection(field.type)} }`;
}

const OPERATIONS = [
  ...Object.values(SDL.getQueryType()!.getFields()).map((f) => ({ kind: 'query' as const, field: f })),
  ...Object.values(SDL.getMutationType()!.getFields()).map((f) => ({ kind: 'mutation' as const, field: f })),
];

describeOnDatabases('permissions for every operation', (env) => {
  let readToken = '';
  const tokenOf = (e: TestEnv, who: Who | 'admin'): string | null =>
    who === 'anonymous' ? null : who === 'readToken' ? readToken : e.tokens[who];

  beforeAll(async () => {
    const e = env();
    const res = await e.gql<{ createApiToken: { secret: string } }>(
      'mutation { createApiToken(name: "reader", scopes: ["read"]) { secret } }',
      {},
      { token: e.tokens.admin },
    );
    readToken = res.body.data!.createApiToken.secret;
  });

  test('every Query and Mutation field (introspected from the running server) has a deny rule', async () => {
    const res = await env().gql<{
      __schema: { queryType: { fields: Array<{ name: string }> }; mutationType: { fields: Array<{ name: string }> } };
    }>('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
    const names = [...res.body.data!.__schema.queryType.fields, ...res.body.data!.__schema.mutationType.fields].map(
      (f) => f.name,
    );
    expect(names.filter((name) => !DENY[name] && !PUBLIC.has(name))).toEqual([]);
  });

  test('login refuses a wrong password with UNAUTHENTICATED', async () => {
    const res = await env().gql('mutation { login(email: "admin@test.local", password: "wrong") { token } }');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  const cases = OPERATIONS.filter((o) => DENY[o.field.name]).map((o) => [`${o.kind} ${o.field.name}`, o] as const);
  test.each(cases)(
    '%s: refused to the wrong callers, past the check for the right one',
    async (_name, { kind, field }) => {
      const e = env();
      const rule = DENY[field.name]!;
      const text = operationText(kind, field);
      for (const who of rule.deny) {
        const res = await e.gql(text, {}, { token: tokenOf(e, who) });
        const code = res.body.errors?.[0]?.extensions?.code;
        expect({ who, code }).toEqual({ who, code: who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN' });
      }
      const allowed = await e.gql(text, {}, { token: tokenOf(e, rule.allow) });
      const codes = (allowed.body.errors ?? []).map((err) => err.extensions?.code);
      expect({ allow: rule.allow, codes: codes.filter((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED') }).toEqual({
        allow: rule.allow,
        codes: [],
      });
    },
  );
});
