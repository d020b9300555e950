// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { Project } from './project.entity';
export { toProjectCase } from './project.mapper';
export type { ProjectCaseColumns } from './project.mapper';
