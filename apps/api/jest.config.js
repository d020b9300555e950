const preset = require('@iron-triangle/config/jest/node.js');

// The API keeps every time in UTC whatever the machine's zone. Its suites run under UTC+8 unless TZ is set, so a
// rule or a test that reads local time fails everywhere, not only on a machine in China (STACK.md).
if (!process.env.TZ) process.env.TZ = 'Asia/Shanghai';

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  // The 40-round races on MariaDB take seconds on a quiet machine, over a minute on a loaded one (CI shares 2 cores).
  testTimeout: 180000,
  maxWorkers: 1,
  // `--shard=i/n` splits the suites by their weight (jest.sequencer.cjs).
  testSequencer: '<rootDir>/jest.sequencer.cjs',
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
