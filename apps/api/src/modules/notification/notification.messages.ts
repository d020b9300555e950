// What a notification says, in English and in Chinese: a title and a body for the bell, a subject and a text for the
// e-mail. Only the payload is read (names, not ids), so a notification renders the same whenever it is shown.
import { DECISION_POINT_NAMES, isDecisionPoint, Locale, ROLE_NAMES, TriangleRole } from '@iron-triangle/domain';
import type { NotificationKind, NotificationPayloads } from './notification.kinds';

export interface RenderedNotification {
  title: string;
  body: string;
}

const pointName = (point: string, locale: Locale): string =>
  isDecisionPoint(point) ? `${point} ${DECISION_POINT_NAMES[point][locale]}` : point;

const points = (list: readonly string[], locale: Locale): string =>
  list.map((p) => pointName(p, locale)).join(locale === 'zh-CN' ? '、' : ', ');

const roleName = (role: string, locale: Locale): string =>
  (ROLE_NAMES as Record<string, { [L in Locale]: string } | undefined>)[role as TriangleRole]?.[locale] ?? role;

/** "2026-01-15 08:30 UTC" (the e-mail and the bell show one instant the same way to everyone). */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 16)} UTC`;
}

/** "¥300,000.00" (zh-CN) / "CN¥300,000.00" (en): the portal's money format; '' without an amount. */
export function formatAmount(
  amount: string | null | undefined,
  currency: string | null | undefined,
  locale: Locale = 'en',
): string {
  if (amount === null || amount === undefined || amount === '') return '';
  if (!currency || !/^[A-Z]{3}$/.test(currency) || !/^-?\d+(\.\d+)?$/.test(amount)) return amount;
  // Intl formats decimal strings exactly (no float on the way).
  return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'symbol' }).format(
    amount as unknown as number,
  );
}

type Renderer<K extends NotificationKind> = (p: NotificationPayloads[K]) => RenderedNotification;
type Renderers = { [K in NotificationKind]: Renderer<K> };

const EN: Renderers = {
  DECISION_REQUESTED: (p) => ({
    title: `Decision waiting for you: ${pointName(p.decisionPoint, 'en')} on ${p.projectName}`,
    body:
      `${p.requesterName ? `${p.requesterName} asks you to decide` : 'You are asked to decide'} ` +
      `${pointName(p.decisionPoint, 'en')} on project "${p.projectName}"` +
      `${p.amount ? ` for ${formatAmount(p.amount, p.currency, 'en')}` : ''}` +
      `${p.dueAt ? `, due ${formatInstant(p.dueAt)}` : ''}.${p.note ? ` Note: ${p.note}` : ''}`,
  }),
  DECISION_ESCALATED: (p) => ({
    title: `Escalated: ${pointName(p.decisionPoint, 'en')} on ${p.projectName}`,
    body:
      `The request for ${pointName(p.decisionPoint, 'en')} on project "${p.projectName}"` +
      `${p.requesterName ? ` (asked by ${p.requesterName})` : ''} was not decided` +
      `${p.dueAt ? ` by ${formatInstant(p.dueAt)}` : ' in time'}` +
      `${p.fromName ? ` by ${p.fromName}` : ''} and has been escalated: it now waits for you.` +
      `${p.reason ? ` ${p.reason}` : ''}`,
  }),
  DELEGATION_CREATED: (p) => ({
    title: `${p.delegatorName} delegated authority to you`,
    body:
      `${p.delegatorName} delegated to you: ${points(p.decisionPoints, 'en')} on grade ${p.grades.join(', ')} ` +
      `projects in ${p.scopeName}` +
      `${p.limit ? `, up to ${formatAmount(p.limit, p.currency, 'en')}` : ''}, ` +
      `from ${formatInstant(p.validFrom)}${p.validTo ? ` until ${formatInstant(p.validTo)}` : ''}. Reason: ${p.reason}`,
  }),
  DELEGATION_REVOKED: (p) => ({
    title: `Delegation from ${p.delegatorName} revoked`,
    body:
      `The delegation from ${p.delegatorName} (${points(p.decisionPoints, 'en')} in ${p.scopeName}) was revoked ` +
      `from ${formatInstant(p.revokedAt)}. Reason: ${p.reason}`,
  }),
  DELEGATION_EXPIRING: (p) => ({
    title: `Delegation from ${p.delegatorName} ends ${formatInstant(p.validTo)}`,
    body:
      `The delegation from ${p.delegatorName} (${points(p.decisionPoints, 'en')} in ${p.scopeName}) ends ` +
      `${formatInstant(p.validTo)}. Ask for a new one if you still need it.`,
  }),
  CERTIFICATION_EXPIRING: (p) =>
    p.asAssessor
      ? {
          title: `${p.personName ?? ''}'s ${roleName(p.role, 'en')} certification ends ${formatInstant(p.validUntil)}`,
          body:
            `The certification of ${p.personName ?? ''} as ${roleName(p.role, 'en')} (${p.role}` +
            `${p.level !== null ? `, level ${p.level}` : ''}) ends ${formatInstant(p.validUntil)}. You are the ` +
            'assessor of the re-assessment scheduled for it.',
        }
      : {
          title: `Your ${roleName(p.role, 'en')} certification ends ${formatInstant(p.validUntil)}`,
          body:
            `Your certification as ${roleName(p.role, 'en')} ` +
            `(${p.role}${p.level !== null ? `, level ${p.level}` : ''}) ` +
            `ends ${formatInstant(p.validUntil)}. Arrange a re-assessment before then.`,
        },
  POOL_APPROVAL_PENDING: (p) => ({
    title: `Bonus pool waiting for your approval: ${p.poolName}`,
    body:
      `The bonus pool "${p.poolName}"${p.projectName ? ` of project "${p.projectName}"` : ''} in ${p.orgUnitName}` +
      `${p.amount ? ` (${formatAmount(p.amount, p.currency, 'en')})` : ''} is allocated and waits for approval; ` +
      'you may approve it.',
  }),
  REASSESSMENT_SCHEDULED: (p) => ({
    title: `Re-assessment as ${roleName(p.role, 'en')} scheduled, due ${formatInstant(p.dueAt)}`,
    body:
      `A re-assessment of your certification as ${roleName(p.role, 'en')} (${p.role}` +
      `${p.level !== null ? `, level ${p.level}` : ''}), which ends ${formatInstant(p.validUntil)}, is scheduled ` +
      `for ${p.personName}, due ${formatInstant(p.dueAt)}` +
      `${p.assessorName ? `, with ${p.assessorName} as assessor` : ''}.${p.note ? ` Note: ${p.note}` : ''}`,
  }),
};

const ZH: Renderers = {
  DECISION_REQUESTED: (p) => ({
    title: `待您决策：${p.projectName} 的 ${pointName(p.decisionPoint, 'zh-CN')}`,
    body:
      `${p.requesterName ? `${p.requesterName} 请您` : '请您'}对项目“${p.projectName}”作出` +
      `${pointName(p.decisionPoint, 'zh-CN')}` +
      `${p.amount ? `（金额 ${formatAmount(p.amount, p.currency, 'zh-CN')}）` : ''}` +
      `${p.dueAt ? `，截止 ${formatInstant(p.dueAt)}` : ''}。${p.note ? `备注：${p.note}` : ''}`,
  }),
  DECISION_ESCALATED: (p) => ({
    title: `已升级：${p.projectName} 的 ${pointName(p.decisionPoint, 'zh-CN')}`,
    body:
      `项目“${p.projectName}”的${pointName(p.decisionPoint, 'zh-CN')}请求` +
      `${p.requesterName ? `（由 ${p.requesterName} 提出）` : ''}` +
      `${p.fromName ? `未由 ${p.fromName} ` : '未'}` +
      `${p.dueAt ? `在 ${formatInstant(p.dueAt)} 前` : '按时'}决策，已升级，现等待您决策。` +
      `${p.reason ? p.reason : ''}`,
  }),
  DELEGATION_CREATED: (p) => ({
    title: `${p.delegatorName} 向您授权`,
    body:
      `${p.delegatorName} 授权给您：${p.scopeName} 范围内 ${p.grades.join('、')} 级项目的` +
      `${points(p.decisionPoints, 'zh-CN')}` +
      `${p.limit ? `，金额上限 ${formatAmount(p.limit, p.currency, 'zh-CN')}` : ''}，` +
      `自 ${formatInstant(p.validFrom)}${p.validTo ? ` 至 ${formatInstant(p.validTo)}` : ' 起'}。原因：${p.reason}`,
  }),
  DELEGATION_REVOKED: (p) => ({
    title: `${p.delegatorName} 的授权已撤销`,
    body:
      `${p.delegatorName} 给您的授权（${p.scopeName}：${points(p.decisionPoints, 'zh-CN')}）` +
      `自 ${formatInstant(p.revokedAt)} 起撤销。原因：${p.reason}`,
  }),
  DELEGATION_EXPIRING: (p) => ({
    title: `${p.delegatorName} 的授权将于 ${formatInstant(p.validTo)} 到期`,
    body:
      `${p.delegatorName} 给您的授权（${p.scopeName}：${points(p.decisionPoints, 'zh-CN')}）` +
      `将于 ${formatInstant(p.validTo)} 到期。如仍需要，请申请新的授权。`,
  }),
  CERTIFICATION_EXPIRING: (p) =>
    p.asAssessor
      ? {
          title: `${p.personName ?? ''} 的${roleName(p.role, 'zh-CN')}任职资格将于 ${formatInstant(p.validUntil)} 到期`,
          body:
            `${p.personName ?? ''} 的${roleName(p.role, 'zh-CN')}（${p.role}` +
            `${p.level !== null ? `，${p.level} 级` : ''}）任职资格认证将于 ${formatInstant(p.validUntil)} 到期。` +
            '您是为其安排的复审的评估人。',
        }
      : {
          title: `您的${roleName(p.role, 'zh-CN')}任职资格将于 ${formatInstant(p.validUntil)} 到期`,
          body:
            `您的${roleName(p.role, 'zh-CN')}（${p.role}${p.level !== null ? `，${p.level} 级` : ''}）任职资格认证` +
            `将于 ${formatInstant(p.validUntil)} 到期，请在此之前安排复审。`,
        },
  POOL_APPROVAL_PENDING: (p) => ({
    title: `奖金包待您审批：${p.poolName}`,
    body:
      `${p.orgUnitName}${p.projectName ? ` 项目“${p.projectName}”的` : ' 的'}奖金包“${p.poolName}”` +
      `${p.amount ? `（${formatAmount(p.amount, p.currency, 'zh-CN')}）` : ''}已分配，等待审批；您有权审批。`,
  }),
  REASSESSMENT_SCHEDULED: (p) => ({
    title: `已安排${roleName(p.role, 'zh-CN')}复审，截止 ${formatInstant(p.dueAt)}`,
    body:
      `已为 ${p.personName} 安排${roleName(p.role, 'zh-CN')}（${p.role}` +
      `${p.level !== null ? `，${p.level} 级` : ''}）任职资格复审（现认证将于 ${formatInstant(p.validUntil)} 到期），` +
      `截止 ${formatInstant(p.dueAt)}${p.assessorName ? `，评估人：${p.assessorName}` : ''}。` +
      `${p.note ? `备注：${p.note}` : ''}`,
  }),
};

const RENDERERS: Record<Locale, Renderers> = { en: EN, 'zh-CN': ZH };

export function renderNotification(kind: NotificationKind, payload: unknown, locale: Locale): RenderedNotification {
  const render = RENDERERS[locale][kind] as Renderer<NotificationKind> | undefined;
  if (!render) return { title: kind, body: '' };
  return render(payload as never);
}

export interface MailMessage {
  subject: string;
  text: string;
}

const PRODUCT = { 'zh-CN': '铁三角工作台', en: 'Iron Triangle workbench' };

/**
 * The e-mail: users have no language setting, so it is written in both, Chinese first. The subject carries both
 * titles; the text both bodies, each under its language.
 */
export function renderMail(kind: NotificationKind, payload: unknown): MailMessage {
  const zh = renderNotification(kind, payload, 'zh-CN');
  const en = renderNotification(kind, payload, 'en');
  return {
    subject: `[${PRODUCT['zh-CN']}] ${zh.title} / ${en.title}`,
    text:
      `${zh.title}\n\n${zh.body}\n\n——\n${PRODUCT['zh-CN']}：请登录查看通知。\n\n` +
      `----------------------------------------\n\n` +
      `${en.title}\n\n${en.body}\n\n--\n${PRODUCT.en}: sign in to see your notifications.\n`,
  };
}
