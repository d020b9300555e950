// A decision request's refusals in the reader's language: what is wrong and what to do instead.
import type { DecisionRequestRefusal, Locale } from '@iron-triangle/domain';
import { AppError } from '../../platform/errors';
import { refusal, singleRefusal } from '../../platform/refusal';
import { jsonSafe } from '../../platform/json-safe';
import { pointLabel } from '../decision';

/** What the messages name: the request (once it exists), the project and the decision point. */
export interface RequestSubject {
  readonly requestId?: number;
  readonly projectId: number;
  readonly decisionPoint: string;
}

const STATUS_ZH: Readonly<Record<string, string>> = {
  PENDING: '待处理',
  APPROVED: '已批准',
  REJECTED: '已否决',
  RETURNED: '已退回',
  WITHDRAWN: '已撤回',
};

export function requestMessage(e: DecisionRequestRefusal, s: RequestSubject, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const point = pointLabel(s.decisionPoint, locale);
  const id = s.requestId ?? '';
  switch (e.code) {
    case 'REQUEST.NOT_PENDING':
      return zh
        ? `决策申请 ${id}${STATUS_ZH[e.data.status] ?? e.data.status}，不再待处理：不能再对其决策或撤回。`
        : `Decision request ${id} is ${e.data.status}, no longer pending: it cannot be decided or withdrawn any more.`;
    case 'REQUEST.NOT_REQUESTER':
      return zh
        ? `只有提出决策申请 ${id} 的人才能撤回它。`
        : `Only whoever asked for decision request ${id} may withdraw it.`;
    case 'REQUEST.NOT_A_RECIPIENT':
      return zh
        ? `决策申请 ${id} 不在您的待办中：它已发送给其他决策人。若您有权作出该决策，请直接记录决策（recordDecision）。`
        : `Decision request ${id} is not in your inbox: it was routed to other deciders. If you may take the ` +
            'decision, record it with recordDecision.';
    case 'REQUEST.DUE_NOT_AFTER_REQUEST':
      return zh
        ? `截止时间 ${e.data.dueAt.toISOString()} 须晚于申请时间 ${e.data.requestedAt.toISOString()}；不填则按项目等级的默认期限。`
        : `dueAt ${e.data.dueAt.toISOString()} must lie after the request (${e.data.requestedAt.toISOString()}); ` +
            "leave it out for the grade's default.";
    case 'REQUEST.UNKNOWN_SEAT': {
      const seats = e.data.onDemandSeats.length ? e.data.onDemandSeats.join(', ') : zh ? '无' : 'none';
      return zh
        ? `“${e.data.title}”不是可对项目 ${s.projectId} 作出 ${point} 的决策团队的按需席位；按需席位：${seats}。`
        : `"${e.data.title}" is not an on-demand seat of a decision body that may take ${point} on project ` +
            `${s.projectId}; its on-demand seats: ${seats}.`;
    }
    case 'REQUEST.NO_DECIDER':
      return zh
        ? `目前无人可对项目 ${s.projectId} 作出 ${point}：没有授权规则、转授权或决策团队覆盖该项目的等级、范围与金额。请先请管理员设置授权规则。`
        : `Nobody may take ${point} on project ${s.projectId} now: no authority rule, delegation or decision body ` +
            'covers its grade, org scope and amount. Ask an administrator for a rule first.';
    case 'REQUEST.NOT_OVERDUE':
      return zh
        ? `决策申请 ${id} 尚未到期（截止 ${e.data.dueAt.toISOString()}）。`
        : `Decision request ${id} is not overdue yet (due ${e.data.dueAt.toISOString()}).`;
  }
}

/** The argument a refusal concerns, if any. */
function fieldOf(e: DecisionRequestRefusal): string | null {
  if (e.code === 'REQUEST.DUE_NOT_AFTER_REQUEST') return 'dueAt';
  if (e.code === 'REQUEST.UNKNOWN_SEAT') return 'calledSeats';
  return null;
}

/** The refusal on the wire: a bad argument is BAD_USER_INPUT with the reason's code; a state refusal is its code. */
export function requestRefusal(e: DecisionRequestRefusal, s: RequestSubject, locale: Locale): AppError {
  const message = requestMessage(e, s, locale);
  const field = fieldOf(e);
  const data = jsonSafe({
    ...(s.requestId !== undefined ? { requestId: String(s.requestId) } : {}),
    projectId: String(s.projectId),
    decisionPoint: s.decisionPoint,
    ...e.data,
  });
  if (field !== null)
    return refusal('BAD_USER_INPUT', message, [{ code: e.code, message, data, field }], {
      fieldErrors: { [field]: requestMessage(e, s, 'en') },
    });
  return singleRefusal(e.code, message, data);
}

/** REQUEST.ALREADY_PENDING: one pending request per project and decision point. */
export function alreadyPending(s: RequestSubject, pendingId: number, locale: Locale): AppError {
  const point = pointLabel(s.decisionPoint, locale);
  const message =
    locale === 'zh-CN'
      ? `项目 ${s.projectId} 的 ${point} 已有待处理的决策申请（申请 ${pendingId}）：请先等待其决策或撤回。`
      : `A request for ${point} on project ${s.projectId} is already pending (request ${pendingId}): wait for ` +
        'its decision or withdraw it first.';
  return singleRefusal('REQUEST.ALREADY_PENDING', message, {
    projectId: String(s.projectId),
    decisionPoint: s.decisionPoint,
    pendingRequestId: String(pendingId),
  });
}

/** REQUEST.NOT_LTC_POINT: requests are for the LTC points of a project, not pool approvals. */
export function notLtcPoint(point: string, locale: Locale): AppError {
  const message =
    locale === 'zh-CN'
      ? `决策申请只针对项目的 LTC 决策点（ATI、ATB、ATC、ATAC、ATCC），不包括 ${point}。`
      : `Decision requests are for a project's LTC decision points (ATI, ATB, ATC, ATAC, ATCC), not ${point}.`;
  return refusal(
    'BAD_USER_INPUT',
    message,
    [{ code: 'REQUEST.NOT_LTC_POINT', message, data: { decisionPoint: point }, field: 'decisionPoint' }],
    {
      fieldErrors: { decisionPoint: message },
    },
  );
}
