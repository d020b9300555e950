import { createCrudResolver, CrudSpec } from '../../platform/crud';
import { checkWindow, mustExist } from '../../platform/validation';
import { StaffingRule } from './staffing-rule.entity';
import { CreateStaffingRuleArgs, StaffingRuleFilter, UpdateStaffingRuleArgs } from './staffing-rule.args';
import { OrgUnit } from '../org-unit';

export const staffingRuleSpec: CrudSpec<StaffingRule> = {
  entity: StaffingRule,
  name: 'StaffingRule',
  plural: 'StaffingRules',
  label: 'staffing rule',
  filter: StaffingRuleFilter,
  createArgs: CreateStaffingRuleArgs,
  updateArgs: UpdateStaffingRuleArgs,
  remove: 'end-date',
  search: ['note'],
  // Rules above the subtree (and company-wide ones) govern its projects: readable, read-only.
  scope: { kind: 'orgUnit', column: 'orgUnitId', ancestors: 'read-only', nullMeans: 'company-wide' },
  dateColumn: 'validFrom',
  hooks: {
    async beforeCreate(values, { em }) {
      checkWindow(values.validFrom, values.validTo);
      await mustExist(em, OrgUnit, values.orgUnitId, 'orgUnitId', 'org unit');
    },
    async beforeUpdate(patch, { em, before }) {
      checkWindow(patch.validFrom ?? before?.validFrom, patch.validTo === undefined ? before?.validTo : patch.validTo);
      await mustExist(em, OrgUnit, patch.orgUnitId, 'orgUnitId', 'org unit');
    },
  },
};

export const StaffingRuleCrudResolver = createCrudResolver(staffingRuleSpec);
