// The only file that listens.
import { loadConfig } from '@iron-triangle/config';
import { createServer } from './server';

async function main() {
  const config = loadConfig();
  const server = await createServer({ config });
  server.httpServer.listen(config.port, config.host, () => {
    console.log(`Iron Triangle workbench on http://localhost:${config.port}/ (GraphQL at /graphql)`);
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
