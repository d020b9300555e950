// qualifiedPeople, whole or by pages: who holds a role at a minimum level at a moment, by the same evaluation as
// qualificationStatus (the assessments as they were at `at`, as known now, then the domain's qualificationAt per
// person). SQL only narrows the candidates: a person can hold the level only if one of their certifying assessments
// made by `at` reached it and is valid at `at` (index ix_assessments_role_certifies_level); every certifying
// assessment of the candidates made by `at` then goes to the domain, which picks the deciding one.
import { createHash } from 'node:crypto';
import { compareIds, qualificationAt, TriangleRole } from '@iron-triangle/domain';
import { Brackets, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../platform/context';
import { badInput } from '../../platform/errors';
import { cursorOf, cursorParts } from '../../platform/page-cursor';
import { assertReadable, restrictToReadable } from '../../platform/scope';
import { toId } from '../../platform/crud';
import { rowsAsOf } from '../../platform/change-log';
import { Person } from '../person';
import { OrgUnit } from '../org-unit';
import { Assessment } from './assessment.entity';
import { toCertification } from './assessment.mapper';

/** The largest page. */
export const QUALIFIED_PEOPLE_MAX_PAGE = 500;
/** Levels are numbered 1 to 10 (qualification levels). */
export const MAX_QUALIFICATION_LEVEL = 10;

export interface QualifiedPersonView {
  personId: string;
  level: number;
  validFrom: Date;
  validUntil: Date | null;
  assessmentId: string;
  cursor: string;
}

export interface QualifiedPersonPageView {
  items: QualifiedPersonView[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface QualifiedPeopleQuestion {
  role: string;
  minLevel: number;
  at?: Date | null;
  orgUnitId?: string | null;
}

/** A person's place in the order: the higher level first, then by name (code points), then by id. */
interface SortKey {
  readonly level: number;
  readonly name: string;
  readonly personId: string;
}

/** Strings by code points (as SQLite's BINARY collation and MariaDB's binary UTF-8 compare them). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a.level !== b.level) return b.level - a.level;
  if (a.name !== b.name) return compareCodePoints(a.name, b.name);
  return compareIds(a.personId, b.personId);
}

const CURSOR_VERSION = 1;

function questionKey(q: QualifiedPeopleQuestion): string {
  const asked = [q.role, q.minLevel, q.at?.toISOString() ?? null, q.orgUnitId ?? null];
  return createHash('sha256').update(JSON.stringify(asked)).digest('base64url').slice(0, 16);
}

function encodeCursor(question: string, key: SortKey): string {
  return cursorOf([CURSOR_VERSION, question, key.level, key.name, key.personId]);
}

function decodeCursor(cursor: string, question: string): SortKey {
  const refuse = () =>
    badInput({
      after:
        'is not a cursor of this question: pass the `cursor` of a person (or the `endCursor` of a page) that ' +
        'qualifiedPeople returned for the same role, level, moment and org unit, or leave `after` out to start ' +
        'from the first',
    });
  const [version, asked, level, name, personId] = cursorParts(cursor, 5, refuse);
  if (
    version !== CURSOR_VERSION ||
    asked !== question ||
    typeof level !== 'number' ||
    typeof name !== 'string' ||
    typeof personId !== 'string'
  )
    throw refuse();
  return { level, name, personId };
}

/** The org units of `orgUnitId`'s subtree (it must exist and be readable), or null for every unit. */
async function subtreeOf(ctx: Context, orgUnitId: string | null | undefined): Promise<number[] | null> {
  if (orgUnitId === undefined || orgUnitId === null) return null;
  const id = toId(orgUnitId, 'orgUnitId');
  await assertReadable(ctx, ctx.db.manager, OrgUnit, await ctx.db.manager.findOneBy(OrgUnit, { id }), id);
  return (await ctx.orgTree()).subtree(String(id)).map(Number);
}

/** Keeps assessments of people in the subtree, not archived by `at`, in the caller's scope. */
async function ofPeopleAsked(
  ctx: Context,
  qb: SelectQueryBuilder<Assessment>,
  units: number[] | null,
  at: Date,
): Promise<void> {
  qb.innerJoin(Person, 'p', 'p.id = a.personId').andWhere(
    new Brackets((w) => w.where('p.archivedAt IS NULL').orWhere('p.archivedAt > :at', { at })),
  );
  if (units !== null) qb.andWhere(units.length ? 'p.orgUnitId IN (:...units)' : '1 = 0', { units });
  // The one scope mechanism: an assessment is readable where its person is.
  await restrictToReadable(ctx, qb, 'a', Assessment);
}

/** The columns qualificationAt reads of an assessment (toCertification: the framework version defaults to 1). */
const EVALUATED = ['id', 'personId', 'role', 'frameworkId', 'certifies', 'levelReached', 'assessedAt', 'validUntil'];

/** Every certifying assessment in the role made by `at`. */
function certifyingBy(ctx: Context, role: string, at: Date): SelectQueryBuilder<Assessment> {
  return ctx.db.manager
    .getRepository(Assessment)
    .createQueryBuilder('a')
    .where('a.role = :role', { role })
    .andWhere('a.certifies = :yes', { yes: true })
    .andWhere('a.assessedAt <= :at', { at });
}

/** The whole answer, ordered, with each person's name for the order. */
async function qualifiedPeopleAll(ctx: Context, q: QualifiedPeopleQuestion) {
  const at = q.at ?? ctx.now;
  const units = await subtreeOf(ctx, q.orgUnitId);
  // Candidates: a certifying assessment made by `at` reached the level and is valid at `at`.
  const candidates = certifyingBy(ctx, q.role, at)
    .andWhere('a.levelReached >= :minLevel', { minLevel: q.minLevel })
    .andWhere(new Brackets((w) => w.where('a.validUntil IS NULL').orWhere('a.validUntil > :at', { at })))
    .select('DISTINCT a.personId', 'personId');
  await ofPeopleAsked(ctx, candidates, units, at);
  // Only the columns the evaluation reads (not the stored evaluation and gap).
  const all = certifyingBy(ctx, q.role, at)
    .select(EVALUATED.map((c) => `a.${c}`))
    .andWhere(`a.personId IN (${candidates.getQuery()})`, candidates.getParameters());
  let rows = await all.getMany();
  if (at.getTime() < ctx.now.getTime()) {
    // Assessments as they were at `at` (as qualificationStatus reads them): a record changed since may have
    // qualified then; its person becomes a candidate if the caller may see them and they are in the subtree.
    const asOf = (current: Assessment[]) =>
      rowsAsOf(ctx.db.manager, ctx.db.dataSource, 'Assessment', current, at, ctx.now, (a) => a.role === q.role);
    const known = new Set(rows.map((a) => a.personId));
    let past = (await asOf(rows)).rows;
    const others = [...new Set(past.map((a) => a.personId).filter((id) => !known.has(id)))];
    if (others.length) {
      const more = certifyingBy(ctx, q.role, at)
        .select(EVALUATED.map((c) => `a.${c}`))
        .andWhere('a.personId IN (:...others)', { others });
      await ofPeopleAsked(ctx, more, units, at);
      const extra = await more.getMany();
      // People the caller may see in the subtree, even without a current certifying assessment.
      const visible = ctx.db.manager
        .getRepository(Person)
        .createQueryBuilder('r')
        .select('r.id', 'id')
        .where('r.id IN (:...others)', { others })
        .andWhere(new Brackets((w) => w.where('r.archivedAt IS NULL').orWhere('r.archivedAt > :at', { at })));
      if (units !== null) visible.andWhere(units.length ? 'r.orgUnitId IN (:...units)' : '1 = 0', { units });
      await restrictToReadable(ctx, visible, 'r', Person);
      const seen = new Set(((await visible.getRawMany()) as Array<{ id: number | string }>).map((r) => Number(r.id)));
      for (const id of seen) known.add(id);
      past = (await asOf([...rows, ...extra])).rows;
    }
    rows = past.filter((a) => known.has(a.personId));
  }
  const byPerson = new Map<number, Assessment[]>();
  for (const a of rows) {
    const list = byPerson.get(a.personId);
    if (list) list.push(a);
    else byPerson.set(a.personId, [a]);
  }
  const held: Held[] = [];
  const ids = [...byPerson.keys()];
  const names = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const people = await ctx.db.manager
      .getRepository(Person)
      .createQueryBuilder('r')
      .select(['r.id', 'r.name'])
      .where('r.id IN (:...ids)', { ids: ids.slice(i, i + 500) })
      .getMany();
    for (const p of people) names.set(p.id, p.name);
  }
  for (const [personId, list] of byPerson) {
    const answer = qualificationAt(list.map(toCertification), String(personId), q.role as TriangleRole, at);
    if (!answer.held || answer.level < q.minLevel) continue;
    const row = list.find((a) => toCertification(a).assessmentId === answer.assessmentId) as Assessment;
    held.push({
      key: { level: answer.level, name: names.get(personId) ?? '', personId: String(personId) },
      row,
      validUntil: answer.validUntil,
    });
  }
  return held.sort((a, b) => compareKeys(a.key, b.key));
}

type Held = { key: SortKey; row: Assessment; validUntil: Date | null };

/** The name in code-point order (SQLite compares text by its bytes; MariaDB by its collation unless binary). */
function byteName(ctx: Context, column: string): string {
  return ctx.db.dataSource.options.type === 'mysql' ? `CAST(${column} AS BINARY)` : column;
}

/**
 * The answer in its order from `from` on, `limit` people at most (all without it), when `at` is now or later (the
 * assessments as they are). Each candidate assessment (certifying, made by `at`, reached the level, valid at `at`)
 * is a place the person could take in the order, read in that order (its level, the name, the person, the
 * assessment) batch by batch; the person takes it when the domain's evaluation of all their certifying assessments
 * made by `at` decides by that assessment. The deciding assessment is always one of the candidates, so the people
 * come out in the order of the whole answer, and reading stops once `limit` have.
 */
async function qualifiedPeopleFrom(
  ctx: Context,
  q: QualifiedPeopleQuestion,
  at: Date,
  from: SortKey | null,
  limit: number | null,
): Promise<Held[]> {
  const units = await subtreeOf(ctx, q.orgUnitId);
  const name = byteName(ctx, 'p.name');
  const places = certifyingBy(ctx, q.role, at)
    .andWhere('a.levelReached >= :minLevel', { minLevel: q.minLevel })
    .andWhere(new Brackets((w) => w.where('a.validUntil IS NULL').orWhere('a.validUntil > :at', { at })))
    .select('a.id', 'id')
    .addSelect('a.personId', 'personId')
    .addSelect('a.levelReached', 'level')
    .addSelect('p.name', 'name');
  await ofPeopleAsked(ctx, places, units, at);
  if (from !== null) {
    // After the cursor's place: a lower level, or the same level and a later name, or the same name and a later id.
    const after = /^\d+$/.test(from.personId) ? from.personId : null;
    places.andWhere(
      new Brackets((w) =>
        w.where('a.levelReached < :fromLevel', { fromLevel: from.level }).orWhere(
          new Brackets((same) =>
            same.where('a.levelReached = :fromLevel').andWhere(
              new Brackets((n) => {
                n.where(`${name} > ${byteName(ctx, ':fromName')}`, { fromName: from.name });
                if (after !== null)
                  n.orWhere(
                    new Brackets((id) =>
                      id.where(`${name} = ${byteName(ctx, ':fromName')}`).andWhere('p.id > :fromId', {
                        fromId: after,
                      }),
                    ),
                  );
              }),
            ),
          ),
        ),
      ),
    );
  }
  places.orderBy('a.levelReached', 'DESC').addOrderBy(name, 'ASC').addOrderBy('p.id', 'ASC').addOrderBy('a.id', 'ASC');
  const held: Held[] = [];
  /** Each person's evaluation: the deciding assessment when it holds the level asked, else null. */
  const decided = new Map<number, { row: Assessment; validUntil: Date | null } | null>();
  let offset = 0;
  // Each batch sorts the candidates again: few, large batches (about half the candidates decide).
  let batch = limit === null ? 5000 : Math.min(5000, Math.max(200, 4 * limit));
  for (;;) {
    const read = (await places.clone().offset(offset).limit(batch).getRawMany()) as Array<{
      id: number | string;
      personId: number | string;
      level: number | string;
      name: string;
    }>;
    const open = [...new Set(read.map((r) => Number(r.personId)))].filter((id) => !decided.has(id));
    for (let i = 0; i < open.length; i += 500) {
      const rows = await certifyingBy(ctx, q.role, at)
        .select(EVALUATED.map((c) => `a.${c}`))
        .andWhere('a.personId IN (:...ids)', { ids: open.slice(i, i + 500) })
        .getMany();
      const byPerson = new Map<number, Assessment[]>();
      for (const a of rows) {
        const list = byPerson.get(a.personId);
        if (list) list.push(a);
        else byPerson.set(a.personId, [a]);
      }
      for (const personId of open.slice(i, i + 500)) {
        const list = byPerson.get(personId) ?? [];
        const answer = qualificationAt(list.map(toCertification), String(personId), q.role as TriangleRole, at);
        if (!answer.held || answer.level < q.minLevel) decided.set(personId, null);
        else {
          const row = list.find((a) => toCertification(a).assessmentId === answer.assessmentId) as Assessment;
          decided.set(personId, { row, validUntil: answer.validUntil });
        }
      }
    }
    for (const r of read) {
      const decision = decided.get(Number(r.personId));
      if (!decision || decision.row.id !== Number(r.id)) continue;
      held.push({
        key: { level: Number(r.level), name: r.name, personId: String(r.personId) },
        row: decision.row,
        validUntil: decision.validUntil,
      });
      if (limit !== null && held.length >= limit) return held;
    }
    if (read.length < batch) return held;
    offset += read.length;
    batch = Math.min(20000, batch * 4);
  }
}

/**
 * The people who hold `role` at `minLevel` or above at `at` (default now), in the subtree of `orgUnitId` (default
 * everywhere) and in the caller's scope: the higher level first, then by name and id; from `after` on, at most `first`.
 */
export async function qualifiedPeoplePage(
  ctx: Context,
  q: QualifiedPeopleQuestion,
  first?: number | null,
  after?: string | null,
  options: { count: boolean } = { count: true },
): Promise<QualifiedPersonPageView> {
  if (!Number.isInteger(q.minLevel) || q.minLevel < 1 || q.minLevel > MAX_QUALIFICATION_LEVEL)
    throw badInput({
      minLevel: `must be a level from 1 to ${MAX_QUALIFICATION_LEVEL} (${q.minLevel} given)`,
    });
  if (
    first !== undefined &&
    first !== null &&
    (!Number.isInteger(first) || first < 1 || first > QUALIFIED_PEOPLE_MAX_PAGE)
  )
    throw badInput({
      first: `must be from 1 to ${QUALIFIED_PEOPLE_MAX_PAGE} (${first} given); leave it out for every person`,
    });
  const question = questionKey(q);
  const from = after === undefined || after === null ? null : decodeCursor(after, question);
  const at = q.at ?? ctx.now;
  let page: Held[];
  let hasNextPage: boolean;
  let totalCount: number | null = null;
  if (at.getTime() < ctx.now.getTime()) {
    // The past, as known now: records changed since are read as they were (the whole evaluation).
    const ordered = await qualifiedPeopleAll(ctx, q);
    let start = 0;
    if (from !== null) while (start < ordered.length && compareKeys((ordered[start] as Held).key, from) <= 0) start++;
    const end = first === undefined || first === null ? ordered.length : Math.min(ordered.length, start + first);
    page = ordered.slice(start, end);
    hasNextPage = end < ordered.length;
    totalCount = ordered.length;
  } else {
    const limit = first === undefined || first === null ? null : first;
    // One more than the page tells whether people follow.
    page = await qualifiedPeopleFrom(ctx, q, at, from, limit === null ? null : limit + 1);
    hasNextPage = limit !== null && page.length > limit;
    if (hasNextPage) page = page.slice(0, limit as number);
    if (options.count && from === null && !hasNextPage) totalCount = page.length;
    else if (options.count) totalCount = (await qualifiedPeopleFrom(ctx, q, at, null, null)).length;
  }
  const items = page.map(({ key, row, validUntil }) => ({
    personId: key.personId,
    level: key.level,
    validFrom: row.assessedAt,
    validUntil,
    assessmentId: String(row.id),
    cursor: encodeCursor(question, key),
  }));
  return {
    items,
    totalCount: totalCount ?? 0,
    endCursor: items.length ? (items[items.length - 1] as QualifiedPersonView).cursor : null,
    hasNextPage,
  };
}
