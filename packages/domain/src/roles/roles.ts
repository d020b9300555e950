// The triangle roles and the supporting roles of a project team (DOMAIN.md §1).
import type { LocalizedText } from '../shared/text';

export const TRIANGLE_ROLES = ['AR', 'SR', 'FR'] as const;
export const TEAM_ROLES = ['AR', 'SR', 'FR', 'SPONSOR', 'CORE_MEMBER', 'EXPERT'] as const;
/** The roles around the core three: Sponsor, core group (SPR) member, expert. */
export const SUPPORTING_ROLES = ['SPONSOR', 'CORE_MEMBER', 'EXPERT'] as const;

/** The core three. */
export type CoreRole = (typeof TRIANGLE_ROLES)[number];
/** Every role a person can hold on a project team (the contract's TriangleRole). */
export type TriangleRole = (typeof TEAM_ROLES)[number];
export type SupportingRole = (typeof SUPPORTING_ROLES)[number];

export function isTriangleRole(value: string): value is TriangleRole {
  return (TEAM_ROLES as readonly string[]).includes(value);
}

export function isCoreRole(value: string): value is CoreRole {
  return (TRIANGLE_ROLES as readonly string[]).includes(value);
}

/** The names users know the roles by. */
export const ROLE_NAMES: Readonly<Record<TriangleRole, LocalizedText>> = Object.freeze({
  AR: { 'zh-CN': '客户经理', en: 'Account Responsible' },
  SR: { 'zh-CN': '方案经理', en: 'Solution Responsible' },
  FR: { 'zh-CN': '交付经理', en: 'Fulfill Responsible' },
  SPONSOR: { 'zh-CN': '项目负责人', en: 'Sponsor' },
  CORE_MEMBER: { 'zh-CN': '项目核心组成员', en: 'Core-group member' },
  EXPERT: { 'zh-CN': '专家', en: 'Expert' },
});
