// `npm run migrate -w @iron-triangle/api -- up|down|status`: runs, reverts (the last one) or lists migrations.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@iron-triangle/config';
import { connectWithRetry } from './platform/db';
import { dataSourceOptions } from './composition';

async function main(command: string | undefined) {
  const config = loadConfig();
  const dataSource = new DataSource(dataSourceOptions(config));
  await connectWithRetry(dataSource, { attempts: 5, log: (m) => console.warn(m) });
  try {
    if (command === 'up') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'nothing to apply');
    } else if (command === 'down') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else if (command === 'status') {
      const pending = await dataSource.showMigrations();
      console.log(pending ? 'migrations pending' : 'up to date');
    } else {
      console.error('usage: migrate up|down|status');
      process.exitCode = 2;
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
