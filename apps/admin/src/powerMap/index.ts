import { lazyScreen } from '../components/lazy';

export const stakeholders = {
  name: 'Stakeholder',
  recordRepresentation: 'name',
  edit: lazyScreen(() => import('./StakeholderForms'), 'StakeholderEdit'),
  create: lazyScreen(() => import('./StakeholderForms'), 'StakeholderCreate'),
};

export const relationshipPlanActions = {
  name: 'RelationshipPlanAction',
  recordRepresentation: 'action',
  edit: lazyScreen(() => import('./PlanActionForms'), 'PlanActionEdit'),
  create: lazyScreen(() => import('./PlanActionForms'), 'PlanActionCreate'),
};
