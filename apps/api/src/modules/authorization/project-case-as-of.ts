// A project case (the project and its team) at an effective moment as known at a recorded moment: the project's
// version and the versions of team appointments whose history differs from the tables, from the change log.
import { decidingEntry } from '@iron-triangle/domain';
import type { Context } from '../../platform/context';
import { AuthorityChange, decodeRecord, rowsAsOf, versionEntryOf } from '../../platform/change-log';
import { Project, ProjectCaseColumns } from '../project';
import { TeamAppointment } from '../team-appointment';
import { CompanySettings, toSettings } from '../company-settings';

export interface ProjectCaseAsOf {
  project: ProjectCaseColumns;
  appointments: Array<Pick<TeamAppointment, 'personId' | 'role' | 'validFrom' | 'validTo'>>;
  /** The Sponsor setting as it then was. */
  settings: { sponsorConflictOfInterest: boolean };
}

export async function projectCaseAsOf(
  ctx: Context,
  projectId: number,
  at: Date,
  knownAt: Date,
): Promise<ProjectCaseAsOf | null> {
  const em = ctx.db.manager;
  const ds = ctx.db.dataSource;
  const projectEntries = await em.find(AuthorityChange, {
    where: { recordType: 'Project', recordId: projectId },
    order: { revision: 'ASC' },
  });
  let project: ProjectCaseColumns | null;
  if (projectEntries.length) {
    const deciding = decidingEntry(projectEntries.map(versionEntryOf), at, knownAt);
    project = deciding?.after?.after ? (decodeRecord(ds, 'Project', deciding.after.after) as Project) : null;
  } else {
    project = await em.findOneBy(Project, { id: projectId });
  }
  if (!project) return null;
  // The team as it was: the appointments now, with those whose history says otherwise replaced from the log.
  const current = await em.findBy(TeamAppointment, { projectId });
  const { rows: appointments } = await rowsAsOf(ctx.db.manager, ds, 'TeamAppointment', current, at, knownAt, (a) => {
    return a.projectId === projectId;
  });
  // Who had a conflict of interest then: the company settings as they then were.
  const { rows: settingsRows } = await rowsAsOf(
    em,
    ds,
    'CompanySettings',
    await em.find(CompanySettings),
    at,
    knownAt,
    () => true,
  );
  const settings = settingsRows[0];
  return {
    project,
    appointments,
    settings: { sponsorConflictOfInterest: settings ? toSettings(settings).sponsorConflictOfInterest : false },
  };
}
