// Importing assessments from a spreadsheet (the export's columns). An assessment is identified by the person (employee
// number, or a name only one person has), the role, the kind and the day it was made: a person has at most one SELF,
// one MANAGER and one PANEL assessment for a role on one day. The framework by name (its ACTIVE version when several
// versions share the name; blank: the ACTIVE framework of the role); the ratings as one cell, "DIM:score; DIM:score"
// (as the export writes them). An existing assessment keeps its person and framework (createAssessment's only);
// a rating's evidence, which the cell does not carry, is kept for a dimension the assessment already rates.
import { In, type EntityManager } from 'typeorm';
import { ASSESSOR_KINDS, TEAM_ROLES } from '@iron-triangle/domain';
import type { ImportProblem } from '../../platform/crud';
import { forUpdate } from '../../platform/db';
import {
  dateCell,
  enumCell,
  referenceCell,
  remember,
  textCell,
  type Cells,
  type ImportDefinition,
} from '../../platform/import';
import { personLookup } from '../person';
import { QualificationFramework } from '../qualification';
import { TeamAppointment } from '../team-appointment';
import { Project } from '../project';
import { ReassessmentSchedule } from '../reassessment';
import { Assessment, AssessmentRating } from './assessment.entity';
import { assessmentSpec, personFactsKey } from './assessment.resolver';
import { parseRatings, type Rating } from './assessment.ratings';

const CHUNK = 500;
const INSERT_CHUNK = 200;

/**
 * What the create hook reads of each person (their appointments in the role: since when, how many of their projects
 * are closed), read ahead for every person of the file in a few statements, as the hook's personFacts reads it.
 */
async function rememberPersonFacts(em: EntityManager, personIds: readonly number[]): Promise<void> {
  for (let i = 0; i < personIds.length; i += CHUNK) {
    const part = personIds.slice(i, i + CHUNK);
    const appointments = await em.find(TeamAppointment, {
      where: { personId: In(part) },
      select: { id: true, personId: true, role: true, projectId: true, validFrom: true },
    });
    const projectIds = [...new Set(appointments.map((a) => a.projectId))];
    const closed = new Set<number>();
    for (let j = 0; j < projectIds.length; j += CHUNK) {
      const found = await em.find(Project, {
        where: { id: In(projectIds.slice(j, j + CHUNK)), stage: 'CLOSED' },
        select: { id: true },
      });
      for (const p of found) closed.add(p.id);
    }
    for (const personId of part)
      for (const role of TEAM_ROLES) {
        const mine = appointments.filter((a) => a.personId === personId && a.role === role);
        const inRoleSince = mine.reduce<Date | null>(
          (min, a) => (min === null || a.validFrom < min ? a.validFrom : min),
          null,
        );
        const completedProjects = new Set(mine.map((a) => a.projectId).filter((id) => closed.has(id))).size;
        remember(em, personFactsKey(personId, role), { inRoleSince, completedProjects });
      }
  }
}

/**
 * What the afterWrite hook does for a new assessment, for many at once: their ratings in multi-row inserts, and the
 * re-assessments scheduled for each person in the role closed by the first certifying one (DONE).
 */
async function afterInsert(
  em: EntityManager,
  records: readonly Assessment[],
  args: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  const ratings = records.flatMap((record, i) =>
    ((args[i]?.ratings as Rating[] | null | undefined) ?? []).map((r) => ({
      assessmentId: record.id,
      dimensionCode: r.dimension,
      score: r.proficiency,
      evidence: r.evidence ?? null,
      version: 1,
      createdAt: record.createdAt,
      updatedAt: record.createdAt,
    })),
  );
  for (let i = 0; i < ratings.length; i += INSERT_CHUNK)
    await em
      .createQueryBuilder()
      .insert()
      .into(AssessmentRating)
      .values(ratings.slice(i, i + INSERT_CHUNK))
      .updateEntity(false)
      .execute();
  // closeSchedulesOnCertification, once per person and role: the first certifying assessment closes them.
  const closing = new Map<string, Assessment>();
  for (const record of records) {
    const key = `${record.personId} ${record.role}`;
    if (record.certifies && !closing.has(key)) closing.set(key, record);
  }
  for (const role of TEAM_ROLES) {
    const mine = [...closing.values()].filter((r) => r.role === role);
    for (let i = 0; i < mine.length; i += INSERT_CHUNK) {
      const part = mine.slice(i, i + INSERT_CHUNK);
      const at = part[0]!.createdAt;
      const cases = part.map((_r, j) => `WHEN :person${j} THEN :done${j}`).join(' ');
      const parameters = Object.fromEntries(
        part.flatMap((r, j) => [
          [`person${j}`, r.personId],
          [`done${j}`, r.id],
        ]),
      );
      await em
        .createQueryBuilder()
        .update(ReassessmentSchedule)
        .set({
          status: 'DONE',
          doneAssessmentId: () => `CASE personId ${cases} END`,
          closedAt: at,
          updatedAt: at,
          version: () => 'version + 1',
        })
        .where('role = :role AND status = :open AND personId IN (:...people)', {
          role,
          open: 'SCHEDULED',
          people: part.map((r) => r.personId),
        })
        .setParameters(parameters)
        .execute();
    }
  }
}
const DAY = /^(\d{4}-\d{2}-\d{2})/;

async function frameworkLookup(em: EntityManager) {
  const all = await em.find(QualificationFramework, { select: { id: true, name: true, role: true, status: true } });
  const byId = new Map(all.map((f) => [f.id, f]));
  /** By name: the one version with it, or the ACTIVE one among several. */
  const byName = (name: string): QualificationFramework[] => {
    const named = all.filter((f) => f.name === name);
    const active = named.filter((f) => f.status === 'ACTIVE');
    return named.length > 1 && active.length > 0 ? active : named;
  };
  const activeOf = (role: string) => all.filter((f) => f.role === role && f.status === 'ACTIVE');
  return { byId, byName, activeOf };
}

export const assessmentImport: ImportDefinition<Assessment> = {
  type: 'ASSESSMENT',
  spec: assessmentSpec,
  keyColumn: 'personId',
  keyOf: (cells) => {
    const parts = ['personId', 'role', 'kind', 'assessedAt'].map((f) => textCell(cells, f) ?? '');
    return parts.every((p) => p === '') ? '' : parts.join(' / ');
  },
  async begin(em) {
    const people = await personLookup(em);
    const frameworks = await frameworkLookup(em);
    /** The person a cell names (employee number first, then a name only one person has), or undefined. */
    const personOf = (cells: Cells): number | undefined => {
      const text = textCell(cells, 'personId');
      if (!text) return undefined;
      const named = people.byName.get(text) ?? [];
      return people.byCode.get(text) ?? (named.length === 1 ? named[0] : undefined);
    };
    const keyOf = (personId: number | string, role: string, kind: string, day: string) =>
      [typeof personId === 'number' ? people.employeeNoOf.get(personId) : personId, role, kind, day].join(' / ');
    const keyed = new Set<number>();
    const ratingsOf = new Map<number, AssessmentRating[]>();
    const heldRatings = async (assessmentId: number) => {
      const held =
        ratingsOf.get(assessmentId) ??
        (await em.find(AssessmentRating, { where: { assessmentId }, order: { dimensionCode: 'ASC' } }));
      ratingsOf.set(assessmentId, held);
      return held;
    };
    return {
      // Stored on create with the id "new", on an update with the record's: not a change by itself.
      derived: ['evaluation'],
      keyOf(cells) {
        const person = personOf(cells);
        if (person !== undefined) keyed.add(person);
        const role = (textCell(cells, 'role') ?? '').toUpperCase();
        const kind = (textCell(cells, 'kind') ?? '').toUpperCase();
        const day = DAY.exec(textCell(cells, 'assessedAt') ?? '')?.[1] ?? textCell(cells, 'assessedAt') ?? '';
        const personText = textCell(cells, 'personId') ?? '';
        if (person === undefined && !role && !kind && !day && !personText) return '';
        return keyOf(person ?? personText, role, kind, day);
      },
      async existing(keys) {
        const wanted = new Set(keys);
        const out = new Map<string, Assessment>();
        const ids = [...keyed];
        for (let i = 0; i < ids.length; i += CHUNK) {
          const found = await em.find(Assessment, {
            where: { personId: In(ids.slice(i, i + CHUNK)) },
            order: { id: 'ASC' },
            ...forUpdate(em),
          });
          for (const a of found) {
            const key = keyOf(a.personId, a.role, a.kind, a.assessedAt.toISOString().slice(0, 10));
            // Two on one day (recorded before imports): the first one is the one the key names.
            if (wanted.has(key) && !out.has(key)) out.set(key, a);
          }
        }
        // The ratings of the rows' assessments (what a row is compared with), a few hundred at a time.
        const held = [...out.values()].map((a) => a.id);
        for (let i = 0; i < held.length; i += CHUNK) {
          const part = held.slice(i, i + CHUNK);
          const ratings = await em.find(AssessmentRating, {
            where: { assessmentId: In(part) },
            order: { dimensionCode: 'ASC' },
          });
          for (const id of part) ratingsOf.set(id, []);
          for (const r of ratings) ratingsOf.get(r.assessmentId)!.push(r);
        }
        await rememberPersonFacts(em, ids);
        return out;
      },
      async read(cells, before) {
        const problems: ImportProblem[] = [];
        const personId = referenceCell(cells, 'personId', 'Person', people.byCode, people.byName, problems);
        const role = enumCell(cells, 'role', TEAM_ROLES, problems);
        const kind = enumCell(cells, 'kind', ASSESSOR_KINDS, problems);
        let assessedAt = dateCell(cells, 'assessedAt', problems);
        const assessorId = referenceCell(cells, 'assessorId', 'Person', people.byCode, people.byName, problems);
        const comment = textCell(cells, 'comment');
        if (role === null && !problems.some((p) => p.field === 'role'))
          problems.push({ field: 'role', code: 'REQUIRED', params: {} });
        // The framework: by name, or the role's ACTIVE one.
        const frameworkText = textCell(cells, 'frameworkId');
        let framework: QualificationFramework | undefined;
        if (frameworkText) {
          const named = frameworks.byName(frameworkText);
          if (named.length === 1) framework = named[0];
          else
            problems.push({
              field: 'frameworkId',
              code: named.length === 0 ? 'UNKNOWN_REFERENCE' : 'AMBIGUOUS_REFERENCE',
              params: { value: frameworkText, record: 'QualificationFramework' },
            });
        } else if (role && !before) {
          const active = frameworks.activeOf(role);
          if (active.length === 1) framework = active[0];
        }
        if (framework && role && framework.role !== role)
          problems.push({ field: 'role', code: 'ROLE_MISMATCH', params: { value: role, framework: framework.name } });
        if (before && framework && framework.id !== before.frameworkId)
          problems.push({
            field: 'frameworkId',
            code: 'FRAMEWORK_FIXED',
            params: { value: framework.name, held: frameworks.byId.get(before.frameworkId)?.name ?? '' },
          });
        // The export's column is ratingSummary; "ratings" is read as well.
        const ratingsCell = textCell(cells, 'ratingSummary') ?? textCell(cells, 'ratings');
        let ratings: Rating[] | null | undefined = ratingsCell === null ? null : undefined;
        if (ratingsCell) {
          ratings = parseRatings(ratingsCell, problems);
          if (ratings && before) {
            const held = await heldRatings(before.id);
            for (const r of ratings) r.evidence = held.find((h) => h.dimensionCode === r.dimension)?.evidence ?? null;
          }
        }
        // The day of an existing assessment is the key: it keeps its moment within that day.
        if (before && assessedAt instanceof Date) assessedAt = before.assessedAt;
        const args = {
          personId: before ? undefined : personId,
          frameworkId: before ? undefined : framework ? String(framework.id) : frameworkText ? undefined : null,
          kind,
          assessedAt,
          assessorId,
          ratings,
          comment,
        };
        return { args, problems };
      },
      async differs(before, args) {
        const given = args.ratings as Rating[] | undefined | null;
        if (!given) return false;
        const held = await heldRatings(before.id);
        const text = (list: Array<{ dimension: string; proficiency: number; evidence: string | null }>) =>
          JSON.stringify(
            [...list]
              .sort((a, b) => (a.dimension < b.dimension ? -1 : 1))
              .map((r) => [r.dimension, r.proficiency, r.evidence]),
          );
        return (
          text(given) !==
          text(held.map((h) => ({ dimension: h.dimensionCode, proficiency: h.score, evidence: h.evidence })))
        );
      },
      // Rows name no other row: new assessments are inserted together, their ratings too (afterInsert).
      independent: true,
      afterInsert: (records, args) => afterInsert(em, records, args),
      written(record) {
        ratingsOf.delete(record.id);
      },
    };
  },
};
