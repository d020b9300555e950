import globals from 'globals';
import { base } from '@iron-triangle/config/eslint';
export default [
  ...base,
  // A private build of the API used to run e2e locally (see .gitignore), and e2e screenshots.
  { ignores: ['.e2e-api/**', '.e2e-api-src/**', 'e2e-artifacts/**'] },
  { files: ['src/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
];
