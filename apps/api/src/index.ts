// The only file that listens: connect (with retries), migrate, seed the demo when empty, serve API + portal.
import 'reflect-metadata';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@iron-triangle/config';
import { createServer } from './server';
import { connectWithRetry, dataSourceOptions } from './platform/db';
import { createLogger } from './platform/logger';
import { seedDemo, DEMO_PASSWORD, DEMO_USERS } from './seed/demo';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const dataSource = new DataSource(dataSourceOptions(config));
  const target = config.database.kind === 'sqlite' ? config.database.file : `${config.database.host}:${config.database.port}/${config.database.database}`;
  logger.info('connecting to the database', { kind: config.database.kind, target });
  await connectWithRetry(dataSource, { log: (message, fields) => logger.warn(message, { target, ...fields }) });
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length) logger.info('migrations applied', { migrations: applied.map((m) => m.name) });
  if (config.seedDemo) {
    const seeded = await seedDemo(dataSource, new Date(), config);
    if (seeded) logger.info('demo data seeded', seeded);
  }
  const portalDir = path.resolve(__dirname, '../../admin/dist');
  const server = await createServer({ dataSource, config, portalDir, logger });
  server.httpServer.listen(config.port, config.host, () => {
    const url = `http://localhost:${config.port}/`;
    console.log(`Iron Triangle workbench on ${url} (GraphQL at ${url}graphql)`);
    if (config.seedDemo) {
      console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.email} (${u.role})`).join(', ')}`);
    }
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => {
      logger.warn('in-flight requests did not finish in 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    // A keep-alive connection would stay open for keepAliveTimeout after its last response: close each one as soon
    // as it is idle, so the process ends right after the last in-flight request.
    const sweep = setInterval(() => server.httpServer.closeIdleConnections(), 100);
    server.httpServer.close(() => {
      clearInterval(sweep);
      void server
        .stop()
        .then(() => dataSource.destroy())
        .then(() => {
          // Let stdout drain and the event loop end by itself (process.exit could cut the last log lines).
          logger.info('stopped');
          process.exitCode = 0;
        });
    });
    server.httpServer.closeIdleConnections();
    // Logged once the listener is closed: from this line on, new connections are refused.
    logger.info('stopping: no new connections; letting in-flight requests finish', { signal });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
