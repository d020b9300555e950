const preset = require('@iron-triangle/config/jest/node.js');
/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/testing/**', '!src/**/index.ts'],
  coverageThreshold: { global: { statements: 95 } },
  coverageReporters: ['text-summary', 'lcov'],
};
