const preset = require('@iron-triangle/config/jest/node.js');
/** @type {import('jest').Config} Component and unit tests in jsdom; e2e has its own config. */
module.exports = {
  ...preset,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)'],
  setupFiles: ['<rootDir>/jest.setup.cjs'],
  // The domain's TypeScript sources, as the Vite build bundles them.
  moduleNameMapper: { '^@iron-triangle/domain$': '<rootDir>/../../packages/domain/src/index.ts' },
  // ESM-only packages react-admin pulls in: compile them to CommonJS too.
  transformIgnorePatterns: ['/node_modules/(?!(react-hotkeys-hook)/)'],
};
