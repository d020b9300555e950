import { createElement } from 'react';
import { AssessmentRepresentation } from '../components/names';
import Icon from '@mui/icons-material/FactCheck';
import { lazyScreen } from '../components/lazy';

export const assessments = {
  name: 'Assessment',
  icon: Icon,
  recordRepresentation: createElement(AssessmentRepresentation),
  list: lazyScreen(() => import('./AssessmentList'), 'AssessmentList'),
  show: lazyScreen(() => import('./AssessmentShow'), 'AssessmentShow'),
  edit: lazyScreen(() => import('./AssessmentEdit'), 'AssessmentEdit'),
  create: lazyScreen(() => import('./AssessmentCreate'), 'AssessmentCreate'),
};
