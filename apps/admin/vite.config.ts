import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // The domain's TypeScript sources, bundled as ES modules (its package `main` is the API's CommonJS build).
  resolve: {
    alias: {
      '@iron-triangle/domain': fileURLToPath(new URL('../../packages/domain/src/index.ts', import.meta.url)),
    },
  },
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
  build: { outDir: 'dist', sourcemap: false },
});
