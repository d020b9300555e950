// One default qualification framework per core role, on version 1 of its default role model.
import { DEFAULT_ROLE_MODELS } from '../roles/defaultRoleModels';
import { RoleModel } from '../roles/roleModel';
import { CoreRole, ROLE_NAMES } from '../roles/roles';
import { unwrap } from '../shared/result';
import {
  DEFAULT_LEVEL_NAMES,
  QualificationFramework,
  QualificationLevel,
  defineQualificationFramework,
} from './framework';
import { PerformanceGate } from './performance';

// Level n asks proficiency n in every dimension; experience and gates grow with the level.
const TENURE_MONTHS = [0, 12, 36, 60, 96];
const PROJECTS = [0, 2, 5, 10, 20];
const GATES: readonly (PerformanceGate | null)[] = [
  null,
  { minimumRating: 'C', periods: 2 },
  { minimumRating: 'B', periods: 2 },
  { minimumRating: 'B', periods: 3 },
  { minimumRating: 'B+', periods: 3 },
];

export const DEFAULT_VALIDITY_MONTHS = 24;

function defaultLevels(model: RoleModel): QualificationLevel[] {
  return DEFAULT_LEVEL_NAMES.map((name, index) => ({
    level: index + 1,
    name,
    minProficiency: Object.fromEntries(model.dimensions.map((dimension) => [dimension.code, index + 1])),
    minTenureMonths: TENURE_MONTHS[index] as number,
    minProjects: PROJECTS[index] as number,
    gate: GATES[index] ?? null,
  }));
}

function defaultFramework(role: CoreRole): QualificationFramework {
  const model = DEFAULT_ROLE_MODELS[role];
  return unwrap(
    defineQualificationFramework(
      {
        id: `${role}-QUALIFICATION`,
        version: 1,
        role,
        name: {
          'zh-CN': `${ROLE_NAMES[role]['zh-CN']}任职资格标准`,
          en: `${ROLE_NAMES[role].en} qualification standard`,
        },
        roleModel: { id: model.id, version: model.version },
        levels: defaultLevels(model),
        validityMonths: DEFAULT_VALIDITY_MONTHS,
        managerMayCertify: false,
      },
      model,
    ),
  );
}

export const DEFAULT_QUALIFICATION_FRAMEWORKS: Readonly<Record<CoreRole, QualificationFramework>> = Object.freeze({
  AR: defaultFramework('AR'),
  SR: defaultFramework('SR'),
  FR: defaultFramework('FR'),
});
