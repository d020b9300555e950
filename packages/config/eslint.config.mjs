import { base } from './eslint/index.mjs';
export default base;
