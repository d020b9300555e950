// A project case (the project and its team) at an effective moment as known at a recorded moment: the project's
// version and the versions of team appointments whose history differs from the tables, from the change log.
import { decidingEntries, decidingEntry } from '@iron-triangle/domain';
import { Brackets } from 'typeorm';
import type { Context } from '../../platform/context';
import { AuthorityChange, decodeRecord } from '../../platform/change-log';
import { Project, ProjectCaseColumns } from '../project';
import { TeamAppointment } from '../team-appointment';
import { entryKey, toVersionEntry } from './as-of';

export interface ProjectCaseAsOf {
  project: ProjectCaseColumns;
  appointments: Array<Pick<TeamAppointment, 'personId' | 'role' | 'validFrom' | 'validTo'>>;
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
    const deciding = decidingEntry(projectEntries.map(toVersionEntry), at, knownAt);
    project = deciding?.after?.after ? (decodeRecord(ds, 'Project', deciding.after.after) as Project) : null;
  } else {
    project = await em.findOneBy(Project, { id: projectId });
  }
  if (!project) return null;
  // Team appointments whose history may differ from the table at (at, knownAt), of any project, then this one's.
  const divergent = await em
    .getRepository(AuthorityChange)
    .createQueryBuilder('c')
    .where('c.recordType = :type', { type: 'TeamAppointment' })
    .andWhere(
      new Brackets((q) => q.where('c.recordedAt > :knownAt', { knownAt }).orWhere('c.effectiveFrom > :at', { at })),
    )
    .getMany();
  const replacedIds = [...new Set(divergent.map((e) => e.recordId))];
  const entries = replacedIds.length
    ? await em
        .getRepository(AuthorityChange)
        .createQueryBuilder('c')
        .where('c.recordType = :type', { type: 'TeamAppointment' })
        .andWhere('c.recordId IN (:...ids)', { ids: replacedIds })
        .getMany()
    : [];
  const versions = decidingEntries(entries.map(toVersionEntry), at, knownAt);
  const replaced = new Set(replacedIds.map((id) => entryKey('TeamAppointment', id)));
  const current = await em.findBy(TeamAppointment, { projectId });
  const appointments = current.filter((a) => !replaced.has(entryKey('TeamAppointment', a.id)));
  for (const version of versions.values()) {
    const appointment = decodeRecord(ds, 'TeamAppointment', version.after?.after ?? {}) as TeamAppointment;
    if (appointment.projectId === projectId) appointments.push(appointment);
  }
  return { project, appointments };
}
