// The only file that listens: connect (with retries), migrate, seed the demo when empty, serve API + portal.
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@iron-triangle/config';
import { createServer } from './server';
import { connectWithRetry } from './platform/db';
import { dataSourceOptions } from './composition';
import { createLogger } from './platform/logger';
import { seedDemo, DEMO_PASSWORD, DEMO_USERS } from './seed/demo';
import { refuseDemoPasswords } from './seed/demo-guard';

/** After the HTTP drain, how long stopping Apollo and closing the database pool may take. */
const CLOSE_BUDGET_MS = 5_000;

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const dataSource = new DataSource(dataSourceOptions(config));
  const target =
    config.database.kind === 'sqlite'
      ? config.database.file
      : `${config.database.host}:${config.database.port}/${config.database.database}`;
  logger.info('connecting to the database', { kind: config.database.kind, target });
  await connectWithRetry(dataSource, { log: (message, fields) => logger.warn(message, { target, ...fields }) });
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length) logger.info('migrations applied', { migrations: applied.map((m) => m.name) });
  if (config.seedDemo) {
    const seeded = await seedDemo(dataSource, new Date(), config);
    if (seeded) logger.info('demo data seeded', seeded);
  }
  if (config.nodeEnv === 'production') await refuseDemoPasswords(dataSource);
  const portalDir = path.resolve(__dirname, '../../admin/dist');
  const server = await createServer({ dataSource, config, portalDir, logger });
  // SIGTERM/SIGINT: drain the HTTP side (platform/drain.ts) for at most SHUTDOWN_GRACE_MS, then stop Apollo and close
  // the database. Handled from before the listener opens: a signal sent right after the start-up lines must not meet
  // Node's default handler (which ends the process at once). Exit code 0 when the drain ended by itself and also when
  // the grace ran out and the requests still
  // in flight were cut (the process stopped as asked; the cut requests are logged as a warning with their ids);
  // 1 only when closing failed or took more than CLOSE_BUDGET_MS after the drain. A second signal cuts at once.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      logger.warn('second signal: cutting the requests still in flight', { signal });
      server.cutNow();
      return;
    }
    stopping = true;
    const drained = server.drain(config.shutdownGraceMs);
    // Logged once the listener is closed: from this line on, new connections are refused.
    logger.info('stopping: no new connections; letting in-flight requests finish', {
      signal,
      graceMs: config.shutdownGraceMs,
    });
    void drained
      .then(async ({ cut, cutRequestIds }) => {
        if (cut > 0)
          logger.warn('shutdown grace ran out: in-flight requests cut', {
            graceMs: config.shutdownGraceMs,
            cut,
            requestIds: cutRequestIds,
          });
        const budget = setTimeout(() => {
          logger.error('closing the API and the database took too long; exiting', { ms: CLOSE_BUDGET_MS });
          process.exit(1);
        }, CLOSE_BUDGET_MS);
        budget.unref();
        await server.stop();
        await dataSource.destroy();
        clearTimeout(budget);
        logger.info('stopped', { cut });
        process.exitCode = 0;
        // Cut requests may still be running (their handlers do not know the connection is gone): do not wait for
        // them. Otherwise the event loop ends by itself right away (and every log line is written).
        if (cut > 0) process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error('shutdown failed', { error: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen(config.port, config.host, () => {
      server.httpServer.off('error', reject);
      resolve();
    });
  });
  // The address actually bound (HOST, default 127.0.0.1; PORT=0 picks a free port).
  const bound = server.httpServer.address() as AddressInfo;
  const shown = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  const url = `http://${shown}:${bound.port}/`;
  logger.info('listening', {
    address: bound.address,
    port: bound.port,
    allInterfaces: bound.address === '0.0.0.0' || bound.address === '::',
  });
  console.log(
    `Iron Triangle workbench on ${url} (GraphQL at ${url}graphql)` +
      `${bound.address === '0.0.0.0' || bound.address === '::' ? ': listening on every interface' : ''}`,
  );
  if (config.seedDemo) {
    console.log(
      `Demo sign-ins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.email} (${u.role})`).join(', ')}`,
    );
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
