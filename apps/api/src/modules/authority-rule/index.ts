// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { AuthorityRule } from './authority-rule.entity';
export { GrantArgs, NoArgs } from './grant.args';
export { toDomainAuthorityRule } from './authority-rule.mapper';
export { grantOf } from './authority-rule.mapper';
export { GrantColumns } from './grant.columns';
export { ruleKey } from './authority-rule.key';
