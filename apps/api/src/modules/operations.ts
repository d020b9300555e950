// The resolvers of the integration operations (authorization, delegation, decisions, pools), registered in the schema.
import { AuthorityChainFieldResolver, AuthorizationResolver } from './authorization/authorization.resolver';
import { DelegationOperationsResolver } from './delegation/delegation.operations';

export const OPERATION_RESOLVERS = [AuthorizationResolver, AuthorityChainFieldResolver, DelegationOperationsResolver] as const;
