// Splits the API's suites into shards of about equal time (`jest --shard=i/n`), so that `npm test` can run them as
// several tasks and fill both lanes (scripts/test.mjs): jest's own split goes by a hash of the path, which leaves one
// shard with the slow suites. Each suite's weight is its seconds in a CI run (2 cores shared with the end-to-end
// tests); a suite not listed counts as a light one. The largest suites are placed first, each on the lightest shard.
const Sequencer = require('@jest/test-sequencer').default;
const path = require('node:path');

const SECONDS = {
  'test/scope-walk.test.ts': 115,
  'test/sessions.test.ts': 94,
  'test/history.property.test.ts': 69,
  'test/incremental-index.test.ts': 64,
  'test/change-feed.test.ts': 56,
  'test/sigterm.test.ts': 41,
  'test/operations/decision-request.test.ts': 40,
  'test/permissions.test.ts': 38,
  'test/concurrency.test.ts': 32,
  'test/import-statements.test.ts': 32,
  'test/operations/notification-races.test.ts': 32,
  'test/import.test.ts': 30,
  'test/operations/ltc-process.test.ts': 29,
  'test/exposure.test.ts': 26,
  'test/operations/authorize-many.test.ts': 24,
  'test/operations/decision-idempotency.test.ts': 22,
  'test/framework-versions.test.ts': 21,
  'test/operations/pool.test.ts': 20,
  'test/rebuild-event-loop.test.ts': 19,
  'test/operations/who-may-decide-paged.test.ts': 17,
  'test/input-values.test.ts': 17,
  'test/demo.test.ts': 16,
  'test/sales-ati.test.ts': 15,
  'test/crud.test.ts': 14,
  'test/records.test.ts': 13,
  'test/migrations.test.ts': 13,
  'test/idempotency.test.ts': 12,
  'test/qualified-people-pages.test.ts': 12,
  'test/scope-statements.test.ts': 11,
  'test/lists.test.ts': 11,
  'test/import-positions.test.ts': 11,
  'test/operations/atomicity.test.ts': 11,
  'test/operations/notifications.test.ts': 11,
  'test/import-assessments.test.ts': 11,
  'test/import-messages.test.ts': 11,
  'test/sales-owner.test.ts': 11,
  'test/power-map.test.ts': 10,
  'test/http.test.ts': 10,
  'test/qualified-people.test.ts': 10,
  'test/role-model-versions.test.ts': 10,
  'test/history.test.ts': 10,
  'test/operations/company-settings.test.ts': 9,
  'test/people.test.ts': 9,
  'test/operations/authorize.test.ts': 8,
  'test/keys.test.ts': 8,
  'test/server.test.ts': 8,
  'test/change-log.test.ts': 8,
  'test/reassessment.test.ts': 8,
  'test/operations/delegate-qualification.test.ts': 7,
  'test/dashboard.test.ts': 7,
  'test/operations/upsert-qualification.test.ts': 7,
  'test/org-tree.test.ts': 7,
  'test/operations/decision.test.ts': 7,
  'test/sales-leads.test.ts': 7,
  'test/operations/two-processes.test.ts': 7,
  'test/import-authority.test.ts': 7,
  'test/schema.test.ts': 7,
  'test/operations/write-statements.test.ts': 7,
  'test/shared-args.test.ts': 6,
  'test/operations/decision-rights.test.ts': 6,
  'test/ticker.test.ts': 3,
  'test/quick-validation.test.ts': 3,
  'test/permissions-table.test.ts': 3,
  'test/operations/reason-messages.test.ts': 3,
  'test/operations/delegation.test.ts': 3,
  'test/operations/decision-quorum.test.ts': 3,
  'test/mappers.test.ts': 3,
  'test/admission.test.ts': 3,
};
const LIGHT = 5;

const weightOf = (test) => SECONDS[path.relative(__dirname, test.path).split(path.sep).join('/')] ?? LIGHT;

class WeightedShards extends Sequencer {
  shard(tests, { shardIndex, shardCount }) {
    const loads = Array.from({ length: shardCount }, () => 0);
    const mine = [];
    const ordered = [...tests].sort((a, b) => weightOf(b) - weightOf(a) || (a.path < b.path ? -1 : 1));
    for (const test of ordered) {
      let lightest = 0;
      for (let i = 1; i < shardCount; i++) if (loads[i] < loads[lightest]) lightest = i;
      loads[lightest] += weightOf(test);
      if (lightest === shardIndex - 1) mine.push(test);
    }
    return mine;
  }
}

module.exports = WeightedShards;
