// Every resolver class of the schema.
import { OrgUnitCrudResolver, OrgUnitFieldResolver } from './org-unit/org-unit.resolver';
import { PersonCrudResolver, PersonFieldResolver } from './person/person.resolver';
import { SessionResolver, UserCrudResolver } from './user/user.resolver';

export const RESOLVERS = [OrgUnitCrudResolver, OrgUnitFieldResolver, PersonCrudResolver, PersonFieldResolver, UserCrudResolver, SessionResolver] as const;
