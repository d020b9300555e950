const preset = require('@iron-triangle/config/jest/node.js');
/** @type {import('jest').Config} */
module.exports = { ...preset, testMatch: ['<rootDir>/src/**/*.test.ts?(x)'] };
