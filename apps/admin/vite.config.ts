import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { buildSchema, introspectionFromSchema } from 'graphql';

const SCHEMA_SDL = fileURLToPath(new URL('../api/schema.graphql', import.meta.url));
const INTROSPECTION_ID = 'virtual:api-introspection';

/**
 * The API's schema as the records provider reads it (an introspection answer), made at build time from the schema
 * the API emits (apps/api/schema.graphql, checked against the code by the API's schema test): the portal asks no
 * introspection query at sign-in. Descriptions are left out: the provider never reads them.
 */
function apiIntrospection(): Plugin {
  return {
    name: 'api-introspection',
    resolveId: (id) => (id === INTROSPECTION_ID ? '\0' + INTROSPECTION_ID : null),
    load(id) {
      if (id !== '\0' + INTROSPECTION_ID) return null;
      this.addWatchFile(SCHEMA_SDL);
      const schema = introspectionFromSchema(buildSchema(readFileSync(SCHEMA_SDL, 'utf8')), {
        descriptions: false,
      }).__schema;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(schema))});`;
    },
  };
}

export default defineConfig({
  plugins: [react(), apiIntrospection()],
  // The domain's TypeScript sources, bundled as ES modules (its package `main` is the API's CommonJS build).
  resolve: {
    alias: {
      '@iron-triangle/domain': fileURLToPath(new URL('../../packages/domain/src/index.ts', import.meta.url)),
    },
  },
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
  build: { outDir: 'dist', sourcemap: false },
});
