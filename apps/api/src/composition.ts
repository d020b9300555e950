// The composition root: what the feature modules give the platform. The platform imports no feature module (see
// .dependency-cruiser.cjs); the server, the entry points and the tests take these from here and pass them in.
import type { RuntimeConfig } from '@iron-triangle/config';
import { DataSource, DataSourceOptions, IsNull } from 'typeorm';
import { dataSourceOptionsWith } from './platform/db';
import type { ContextSources } from './platform/context-factory';
import { ENTITIES } from './modules/entities';
import { ApiToken } from './modules/api-token';
import { Person } from './modules/person';
import { PositionAssignment } from './modules/position-assignment';
import { authorityCacheOf, readOrgTree, requestOrgTree } from './modules/authorization';
import { NotificationMailSubscriber, notifyRequestRouted, startNotifications } from './modules/notification';
import { escalateOverdueRequests, onRequestRouted, settleRequestByDirectDecision } from './modules/decision-request';
import { onDecisionRecorded } from './modules/decision';
import type { Database } from './platform/db';
import type { Logger } from './platform/logger';
import type { TickerJob } from './platform/ticker';

// A decision request routed to people notifies them (in-app, and e-mail after commit); registered once per process.
onRequestRouted(notifyRequestRouted);
// A decision recorded directly settles the pending request on the same project and decision point.
onDecisionRecorded(settleRequestByDirectDecision);

/** The data source options for `config`, with every persisted record type. */
export function dataSourceOptions(
  config: Pick<RuntimeConfig, 'database'> & Partial<Pick<RuntimeConfig, 'databasePoolSize'>>,
): DataSourceOptions {
  const options = dataSourceOptionsWith(config, ENTITIES);
  // Notification e-mails leave after their transaction commits.
  return {
    ...options,
    subscribers: [...((options.subscribers ?? []) as Array<new () => object>), NotificationMailSubscriber],
  } as DataSourceOptions;
}

/** What the request context reads from the feature modules' records. */
export const CONTEXT_SOURCES: ContextSources = {
  activeApiToken: (em, id) => em.findOneBy(ApiToken, { id, revokedAt: IsNull() }),
  async homeUnits(em, personId, now) {
    const units: number[] = [];
    const person = await em.findOneBy(Person, { id: personId });
    if (person) units.push(person.orgUnitId);
    const positions = await em.findBy(PositionAssignment, { personId });
    for (const position of positions) {
      if (
        position.validFrom.getTime() <= now.getTime() &&
        (!position.validTo || position.validTo.getTime() > now.getTime())
      ) {
        units.push(position.orgUnitId);
      }
    }
    return units;
  },
  homeUnitsWithSession: {
    // The person's own unit, then the units of their positions in force (as homeUnits above), as two columns.
    columns:
      '(SELECT people.orgUnitId FROM people WHERE people.id = u.personId) AS homeUnit, ' +
      '(SELECT GROUP_CONCAT(pa.orgUnitId) FROM position_assignments pa WHERE pa.personId = u.personId ' +
      'AND pa.validFrom <= :now AND (pa.validTo IS NULL OR pa.validTo > :now)) AS positionUnits',
    read(row) {
      const units: number[] = [];
      if (row.homeUnit !== null && row.homeUnit !== undefined) units.push(Number(row.homeUnit));
      if (row.positionUnits !== null && row.positionUnits !== undefined && String(row.positionUnits) !== '')
        for (const unit of String(row.positionUnits).split(',')) units.push(Number(unit));
      return units;
    },
  },
  readOrgTree,
  requestOrgTree,
};

/** Work done once at start, before the first request: the authority index is built (later kept by deltas). */
export async function warmUp(dataSource: DataSource): Promise<void> {
  await authorityCacheOf(dataSource).warmUp();
}

export interface BackgroundDeps {
  dataSource: DataSource;
  db: Database;
  config: Pick<RuntimeConfig, 'smtpUrl' | 'mailFrom'>;
  logger: Logger;
}

export interface Background {
  /** What the server's ticker runs every TICK_SECONDS, in this order. */
  jobs: TickerJob[];
  stop(): Promise<void>;
}

/**
 * The server's background work: overdue decision requests escalate (and notify the next level), then the
 * notifications' jobs (reminder sweep, e-mail outbox).
 */
export function startBackground({ dataSource, db, config, logger }: BackgroundDeps): Background {
  const notifications = startNotifications({
    dataSource,
    db,
    logger,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
  });
  return {
    jobs: [
      { name: 'escalate overdue decision requests', run: (at) => escalateOverdueRequests(db, at) },
      ...notifications.jobs,
    ],
    stop: () => notifications.stop(),
  };
}
