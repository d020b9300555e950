// A project and its team → the engine's authorization case for a decision point.
import {
  AuthorizationCase,
  CompanySettings,
  conflictRolesOf,
  DecisionPoint,
  ProjectGrade,
} from '@iron-triangle/domain';
import { TeamAppointment, toTeamMember } from '../team-appointment';
import type { Project } from './project.entity';

/** What a project case needs of a project (an entity, or the same columns read by hand). */
export type ProjectCaseColumns = Pick<Project, 'id' | 'grade' | 'orgUnitId' | 'amountMinor' | 'currency'>;

/**
 * The case of `decisionPoint` on the project. `settings` decide who on the team has a conflict of interest (the
 * Sponsor only when the company setting says so).
 */
export function toProjectCase(
  project: ProjectCaseColumns,
  appointments: ReadonlyArray<Pick<TeamAppointment, 'personId' | 'role' | 'validFrom' | 'validTo'>>,
  decisionPoint: string,
  settings: Pick<CompanySettings, 'sponsorConflictOfInterest'>,
): AuthorizationCase {
  return {
    projectId: String(project.id),
    decisionPoint: decisionPoint as DecisionPoint,
    grade: project.grade as ProjectGrade,
    orgUnitId: String(project.orgUnitId),
    amount: { minor: project.amountMinor, currency: project.currency },
    team: appointments.map(toTeamMember),
    conflictRoles: conflictRolesOf(settings),
  };
}
