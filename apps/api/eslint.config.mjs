import { base } from '@iron-triangle/config/eslint';
export default base;
