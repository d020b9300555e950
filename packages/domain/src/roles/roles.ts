// The triangle roles and the supporting roles of a project team (DOMAIN.md §1).

export const TRIANGLE_ROLES = ['AR', 'SR', 'FR'] as const;
export const TEAM_ROLES = ['AR', 'SR', 'FR', 'SPONSOR', 'CORE_MEMBER', 'EXPERT'] as const;

/** The core three. */
export type CoreRole = (typeof TRIANGLE_ROLES)[number];
/** Every role a person can hold on a project team (the contract's TriangleRole). */
export type TriangleRole = (typeof TEAM_ROLES)[number];

export function isTriangleRole(value: string): value is TriangleRole {
  return (TEAM_ROLES as readonly string[]).includes(value);
}

export function isCoreRole(value: string): value is CoreRole {
  return (TRIANGLE_ROLES as readonly string[]).includes(value);
}
