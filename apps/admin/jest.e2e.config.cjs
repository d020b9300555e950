const preset = require('@iron-triangle/config/jest/node.js');
/**
 * End-to-end tests: the built portal (apps/admin/dist) served by the real API, driven in headless Chromium.
 * They build nothing: run `vite build` here and build apps/api first.
 * @type {import('jest').Config}
 */
module.exports = {
  ...preset,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.e2e.test.ts'],
  globalSetup: '<rootDir>/e2e/support/globalSetup.ts',
  globalTeardown: '<rootDir>/e2e/support/globalTeardown.ts',
  testTimeout: 120000,
  maxWorkers: 1,
  // fetch's keep-alive sockets to the (stopped) API would otherwise hold jest open for a few seconds.
  forceExit: true,
};
