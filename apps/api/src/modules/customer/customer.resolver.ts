import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { mustExist } from '../../platform/validation';
import { Customer } from './customer.entity';
import { CreateCustomerArgs, CustomerFilter, UpdateCustomerArgs } from './customer.args';
import { OrgUnit } from '../org-unit';
import { Project } from '../project';
import { RelationshipPlanAction, Stakeholder } from '../power-map';

export const customerSpec: CrudSpec<Customer> = {
  entity: Customer,
  name: 'Customer',
  plural: 'Customers',
  label: 'customer',
  filter: CustomerFilter,
  createArgs: CreateCustomerArgs,
  updateArgs: UpdateCustomerArgs,
  remove: 'hard',
  search: ['name', 'code', 'industry'],
  scope: { kind: 'orgUnit', column: 'orgUnitId' },
  dependents: [
    { entity: Project, column: 'customerId', label: 'projects' },
    { entity: Stakeholder, column: 'customerId', label: 'stakeholders' },
    { entity: RelationshipPlanAction, column: 'customerId', label: 'relationship plan actions' },
  ],
  hooks: {
    beforeCreate: (values, { em }) => mustExist(em, OrgUnit, values.orgUnitId, 'orgUnitId', 'org unit'),
    beforeUpdate: (patch, { em }) => mustExist(em, OrgUnit, patch.orgUnitId, 'orgUnitId', 'org unit'),
  },
};

export const CustomerCrudResolver = createCrudResolver(customerSpec);

@Resolver(() => Customer)
export class CustomerFieldResolver {
  @FieldResolver(() => OrgUnit, { nullable: true, description: 'Owning org unit.' })
  orgUnit(@Root() c: Customer, @Ctx() ctx: Context) {
    return ctx.loaders.byId(OrgUnit).load(c.orgUnitId);
  }

  @FieldResolver(() => [Project], { description: 'Projects with the customer.' })
  projects(@Root() c: Customer, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(Project, 'customerId').load(c.id);
  }
}
