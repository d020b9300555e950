// The power map's checks and reads: the attitude scale, the reports-to tree, the default owner on our side, whether an
// opportunity's map has a decision maker (the ATI tie), and the attitude histories.
import { EntityManager, In, IsNull } from 'typeorm';
import {
  ATTITUDES,
  AttitudeRecord,
  attitudeAt,
  checkReportsTo,
  isAttitude,
  Locale,
  ReportsToError,
} from '@iron-triangle/domain';
import { refusal, singleRefusal } from '../../platform/refusal';
import { forUpdate } from '../../platform/db';
import { Project } from '../project';
import { TeamAppointment } from '../team-appointment';
import { Stakeholder, StakeholderAttitude } from './power-map.entity';

/** An attitude off the scale −3 … +3 (or not a whole number) is refused, with nothing written. */
export function checkAttitude(value: unknown, locale: Locale, field = 'attitude'): number {
  if (isAttitude(value)) return value;
  const message =
    locale === 'zh-CN'
      ? `态度 ${String(value)} 不在 −3 至 +3 的范围内：请填写 −3、−2、−1、0、1、2 或 3 这几个整数之一。`
      : `The attitude ${String(value)} is off the scale: give a whole number from −3 (strong opposition) to +3 ` +
        '(strong exclusive support).';
  throw singleRefusal(
    'SALES.ATTITUDE_OUT_OF_RANGE',
    message,
    { value, min: Math.min(...ATTITUDES), max: Math.max(...ATTITUDES) },
    field,
  );
}

function reportsToMessage(e: ReportsToError, locale: Locale): string {
  const zh = locale === 'zh-CN';
  switch (e.code) {
    case 'SALES.REPORTS_TO_SELF':
      return zh
        ? '干系人不能向自己汇报：请选择另一位上级，或留空。'
        : 'A stakeholder cannot report to themselves: ' + 'choose someone else, or leave it empty.';
    case 'SALES.REPORTS_TO_UNKNOWN':
      return zh
        ? `干系人 ${e.data.reportsTo} 不在该客户的权力地图上：只能向同一客户的干系人汇报。`
        : `Stakeholder ${e.data.reportsTo} is not on this customer's power map: a stakeholder reports only to ` +
            'someone of the same customer.';
    case 'SALES.REPORTS_TO_CYCLE':
      return zh
        ? `汇报关系会形成循环（${e.data.cycle.join(' → ')}）：客户的组织图必须是一棵树。`
        : `That line would make a circle (${e.data.cycle.join(' → ')}): the customer's org chart must stay a tree.`;
  }
}

/**
 * Whether stakeholder `id` (null: a new one) of `customerId` may report to `reportsToId`: to someone on the same
 * customer's map, not to themselves, never in a circle (checkReportsTo). Reads the map's lines through `em`.
 */
export async function assertReportsTo(
  em: EntityManager,
  customerId: number,
  id: number | null,
  reportsToId: number | null,
  locale: Locale,
): Promise<void> {
  if (reportsToId === null) return;
  const rows = await em.find(Stakeholder, { select: { id: true, reportsToId: true }, where: { customerId } });
  const lines = new Map<string, string | null>(
    rows.map((r) => [String(r.id), r.reportsToId === null ? null : String(r.reportsToId)]),
  );
  const self = id === null ? 'new' : String(id);
  if (id === null) lines.set(self, null);
  const checked = checkReportsTo(lines, self, String(reportsToId));
  if (!checked.ok) {
    const e = checked.error;
    throw refusal(e.code, null, [
      { code: e.code, message: reportsToMessage(e, locale), data: { ...e.data }, field: 'reportsToId' },
    ]);
  }
}

/**
 * The AR on our side for a customer at `at`: the person appointed AR (appointment in force) on the team of the
 * customer's project whose appointment began last; null when no project of the customer has one.
 */
export async function customerArOf(em: EntityManager, customerId: number, at: Date): Promise<number | null> {
  const row = await em
    .getRepository(TeamAppointment)
    .createQueryBuilder('a')
    .innerJoin(Project, 'p', 'p.id = a.projectId')
    .select('a.personId', 'personId')
    .where('p.customerId = :customerId', { customerId })
    .andWhere('a.role = :role', { role: 'AR' })
    .andWhere('a.validFrom <= :at AND (a.validTo IS NULL OR a.validTo > :at)', { at })
    .orderBy('a.validFrom', 'DESC')
    .addOrderBy('a.id', 'DESC')
    .limit(1)
    .getRawOne<{ personId: number | string }>();
  return row ? Number(row.personId) : null;
}

/**
 * The decision makers on the power map of an opportunity, or on its customer's own map (the ATI check:
 * SALES.NO_DECISION_MAKER_MAPPED unless the company setting requireDecisionMakerForAti is off), by id. A locking read
 * (MySQL/MariaDB): it sees the latest committed map, and a delete or change of those rows waits until the caller's
 * transaction ends, so ATI is never recorded against a map whose decision maker has just gone.
 */
export function mappedDecisionMakers(
  em: EntityManager,
  opportunityId: number | string,
  customerId: number | null = null,
): Promise<Stakeholder[]> {
  const where: Array<Record<string, unknown>> = [
    { opportunityId: Number(opportunityId), decisionRole: 'DECISION_MAKER' },
  ];
  // The customer's own map (stakeholders of no one opportunity) names the decision chain for all its opportunities.
  if (customerId !== null) where.push({ customerId, opportunityId: IsNull(), decisionRole: 'DECISION_MAKER' });
  return em.find(Stakeholder, { where, order: { id: 'ASC' }, ...forUpdate(em) });
}

/** History rows in order: oldest `at` first, then as recorded. */
export function historyOrder(rows: readonly StakeholderAttitude[]): StakeholderAttitude[] {
  return [...rows].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id);
}

/** The attitude in force at `at` from a stakeholder's history (the latest recorded at or before it), or null. */
export function attitudeOf(rows: readonly StakeholderAttitude[], at: Date): number | null {
  const history: AttitudeRecord[] = historyOrder(rows)
    .filter((r) => isAttitude(r.attitude))
    .map((r) => ({ attitude: r.attitude as AttitudeRecord['attitude'], at: r.at }));
  return attitudeAt(history, at);
}

/** The attitude histories of these stakeholders, by stakeholder id. */
export async function historiesOf(
  em: EntityManager,
  stakeholderIds: readonly number[],
): Promise<Map<number, StakeholderAttitude[]>> {
  const out = new Map<number, StakeholderAttitude[]>(stakeholderIds.map((id) => [id, []]));
  if (stakeholderIds.length === 0) return out;
  const rows = await em.find(StakeholderAttitude, { where: { stakeholderId: In([...stakeholderIds]) } });
  for (const row of historyOrder(rows)) out.get(row.stakeholderId)?.push(row);
  return out;
}
