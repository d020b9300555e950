const preset = require('@iron-triangle/config/jest/node.js');
/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  testTimeout: 60000,
  maxWorkers: 1,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
};
