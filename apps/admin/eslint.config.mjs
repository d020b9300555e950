import globals from 'globals';
import { base } from '@iron-triangle/config/eslint';
export default [...base, { files: ['src/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } }];
