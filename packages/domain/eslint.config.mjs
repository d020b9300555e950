import { domain } from '@iron-triangle/config/eslint';
export default domain;
