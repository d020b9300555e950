// Builds the HTTP app (GraphQL + health) without listening; index.ts listens, tests call this.
import 'reflect-metadata';
import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSchema, Query, Resolver } from 'type-graphql';
import type { RuntimeConfig } from '@iron-triangle/config';

@Resolver()
class HealthResolver {
  @Query(() => String, { description: 'Liveness of the GraphQL service.' })
  ping(): string {
    return 'pong';
  }
}

export interface ServerDeps {
  config: RuntimeConfig;
}

export async function createServer({ config }: ServerDeps) {
  const schema = await buildSchema({ resolvers: [HealthResolver], validate: true });
  const apollo = new ApolloServer({ schema, introspection: config.introspection });
  await apollo.start();
  const app = express();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo));
  const httpServer = http.createServer(app);
  return {
    app,
    httpServer,
    async stop() {
      await apollo.stop();
    },
  };
}
