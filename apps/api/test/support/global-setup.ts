// Finds out once whether MariaDB is reachable; with CI=true it must be.
import { createConnection } from 'mysql2/promise';
import { mariadbUrl } from './mariadb-url';
import { createTemplates } from './schema-template';

export default async function globalSetup(): Promise<void> {
  const url = mariadbUrl();
  try {
    const connection = await createConnection({ uri: url, connectTimeout: 3000 });
    await connection.query('SELECT 1');
    await connection.end();
    process.env.IT_MARIADB = 'up';
  } catch (error) {
    process.env.IT_MARIADB = 'down';
    const message =
      `MariaDB is not reachable at ${url.replace(/:[^:@/]*@/, ':***@')}: ` +
      `${error instanceof Error ? error.message : String(error)}`;
    if (process.env.CI === 'true') throw new Error(`${message} (required with CI=true)`, { cause: error });
    console.warn(`${message}; MariaDB suites are skipped.`);
  }
  await createTemplates(process.env.IT_MARIADB === 'up');
}
