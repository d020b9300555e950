// A role model: what a role is assessed on (DOMAIN.md §2). Versioned; a revision never rewrites the old one.
import { DomainError, Result, err, ok } from '../shared/result';
import { Locale, LocalizedText, missingLocales } from '../shared/text';
import { TriangleRole, isTriangleRole } from './roles';

/** A key behaviour the assessor looks for within a dimension. */
export interface BehaviourIndicator {
  readonly code: string;
  readonly name: LocalizedText;
}

/** One dimension of a role model (an AR role cognition, one of the 5P, one letter of HEROS). */
export interface RoleDimension {
  readonly code: string;
  readonly name: LocalizedText;
  readonly behaviours: readonly BehaviourIndicator[];
}

export interface RoleModel {
  /** Stable across versions: the model's identity. */
  readonly id: string;
  readonly role: TriangleRole;
  /** 1, 2, …: each revision is a new version. */
  readonly version: number;
  readonly name: LocalizedText;
  readonly dimensions: readonly RoleDimension[];
}

/** Points at one version of a role model (what frameworks and assessments keep). */
export interface RoleModelRef {
  readonly id: string;
  readonly version: number;
}

export type RoleModelError =
  | DomainError<'ROLE_MODEL.INVALID_ID', { id: string }>
  | DomainError<'ROLE_MODEL.UNKNOWN_ROLE', { role: string }>
  | DomainError<'ROLE_MODEL.INVALID_VERSION', { version: number }>
  | DomainError<'ROLE_MODEL.MISSING_NAME', { dimension: string | null; behaviour: string | null; locale: Locale }>
  | DomainError<'ROLE_MODEL.NO_DIMENSIONS', Record<string, never>>
  | DomainError<'ROLE_MODEL.INVALID_CODE', { dimension: string | null; code: string }>
  | DomainError<'ROLE_MODEL.DUPLICATE_DIMENSION', { dimension: string }>
  | DomainError<'ROLE_MODEL.DUPLICATE_BEHAVIOUR', { dimension: string; behaviour: string }>;

// Codes are identifiers users and integrations see (SPD, PLAN, H, SPD.SET_TARGETS): no spaces, no punctuation soup.
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function nameErrors(text: LocalizedText, dimension: string | null, behaviour: string | null): RoleModelError[] {
  return missingLocales(text).map((locale) => ({
    code: 'ROLE_MODEL.MISSING_NAME',
    data: { dimension, behaviour, locale },
  }));
}

/** Every problem with a model, not only the first: HR fixes a form in one pass. */
export function validateRoleModel(model: RoleModel): Result<RoleModel, RoleModelError[]> {
  const errors: RoleModelError[] = [];
  if (typeof model.id !== 'string' || model.id.trim() === '')
    errors.push({ code: 'ROLE_MODEL.INVALID_ID', data: { id: model.id } });
  if (!isTriangleRole(model.role)) errors.push({ code: 'ROLE_MODEL.UNKNOWN_ROLE', data: { role: model.role } });
  if (!Number.isInteger(model.version) || model.version < 1)
    errors.push({ code: 'ROLE_MODEL.INVALID_VERSION', data: { version: model.version } });
  errors.push(...nameErrors(model.name, null, null));
  if (model.dimensions.length === 0) errors.push({ code: 'ROLE_MODEL.NO_DIMENSIONS', data: {} });
  const seen = new Set<string>();
  for (const dimension of model.dimensions) {
    if (!CODE.test(dimension.code))
      errors.push({ code: 'ROLE_MODEL.INVALID_CODE', data: { dimension: null, code: dimension.code } });
    if (seen.has(dimension.code))
      errors.push({ code: 'ROLE_MODEL.DUPLICATE_DIMENSION', data: { dimension: dimension.code } });
    seen.add(dimension.code);
    errors.push(...nameErrors(dimension.name, dimension.code, null));
    const behaviours = new Set<string>();
    for (const behaviour of dimension.behaviours) {
      if (!CODE.test(behaviour.code))
        errors.push({ code: 'ROLE_MODEL.INVALID_CODE', data: { dimension: dimension.code, code: behaviour.code } });
      if (behaviours.has(behaviour.code)) {
        errors.push({
          code: 'ROLE_MODEL.DUPLICATE_BEHAVIOUR',
          data: { dimension: dimension.code, behaviour: behaviour.code },
        });
      }
      behaviours.add(behaviour.code);
      errors.push(...nameErrors(behaviour.name, dimension.code, behaviour.code));
    }
  }
  return errors.length === 0 ? ok(model) : err(errors);
}

/** What an HR edit may change; the identity and role stay, the version is assigned. */
export interface RoleModelEdit {
  readonly name?: LocalizedText;
  readonly dimensions?: readonly RoleDimension[];
}

function freezeText(text: LocalizedText): LocalizedText {
  return Object.freeze({ 'zh-CN': text['zh-CN'], en: text.en });
}

/** A deep, frozen copy: the caller's arrays can change afterwards without touching the model. */
function freezeModel(model: RoleModel): RoleModel {
  return Object.freeze({
    id: model.id,
    role: model.role,
    version: model.version,
    name: freezeText(model.name),
    dimensions: Object.freeze(
      model.dimensions.map((dimension) =>
        Object.freeze({
          code: dimension.code,
          name: freezeText(dimension.name),
          behaviours: Object.freeze(
            dimension.behaviours.map((b) => Object.freeze({ code: b.code, name: freezeText(b.name) })),
          ),
        }),
      ),
    ),
  });
}

/** Makes a model (version 1 unless given), validated and frozen. */
export function defineRoleModel(model: RoleModel): Result<RoleModel, RoleModelError[]> {
  const checked = validateRoleModel(model);
  return checked.ok ? ok(freezeModel(model)) : checked;
}

/** The next version of `model` with `edit` applied; `model` itself is left as it was. */
export function reviseRoleModel(model: RoleModel, edit: RoleModelEdit): Result<RoleModel, RoleModelError[]> {
  return defineRoleModel({
    id: model.id,
    role: model.role,
    version: model.version + 1,
    name: edit.name ?? model.name,
    dimensions: edit.dimensions ?? model.dimensions,
  });
}

export function roleModelRef(model: RoleModel): RoleModelRef {
  return { id: model.id, version: model.version };
}

export function roleModelDimensionCodes(model: RoleModel): string[] {
  return model.dimensions.map((dimension) => dimension.code);
}
