// The pool refusals in words, one table per language: what is wrong and what to do. Codes and data are the
// domain's (packages/domain/src/incentives); the portal has its own words for the same codes.
import type { Locale } from '@iron-triangle/domain';

type Data = Record<string, unknown>;

export interface PoolMessages {
  /** A domain refusal by its code; `fallback` for a code without its own sentence. */
  readonly refusal: Readonly<Record<string, (poolId: number, data: Data) => string>>;
  readonly fallback: (poolId: number, code: string, data: Data) => string;
  readonly alreadyAdjusted: (poolId: number, adjustmentId: number, status: string) => string;
  readonly approverIsMember: (poolId: number, approverId: string) => string;
  /** The lead of NOT_AUTHORIZED; the engine's reasons follow it. */
  readonly mayNotApprove: (poolId: number, approverId: string) => string;
  readonly notDraft: (poolId: number, status: string, what: 'pool' | 'parts') => string;
}

const ORDER = 'DRAFT → FUNDED → ALLOCATED → APPROVED → LOCKED';

const en: PoolMessages = {
  refusal: {
    'POOL.NOT_LOCKED': (poolId, d) =>
      `Pool ${poolId} is ${String(d.status)}: only a LOCKED pool is corrected by an adjustment pool. ` +
      `Before it is locked, change the pool itself.`,
    'POOL.INVALID_TRANSITION': (poolId, d) =>
      `Pool ${poolId} is ${String(d.from)} and cannot become ${String(d.to)}. The order is ${ORDER}.`,
  },
  fallback: (poolId, code, data) =>
    `Pool ${poolId}: ${code.replace('POOL.', '').toLowerCase().replace(/_/g, ' ')} (${JSON.stringify(data)}). ` +
    `Correct the pool's inputs and try again.`,
  alreadyAdjusted: (poolId, adjustmentId, status) =>
    `Pool ${poolId} already has adjustment pool ${adjustmentId} (${status}). Correct that one instead, or, once it ` +
    `is locked, adjust it in turn.`,
  approverIsMember: (poolId, approverId) =>
    `Person ${approverId} is a member of pool ${poolId} and may not approve it (conflict of interest). ` +
    `Ask an authorized approver outside the team.`,
  mayNotApprove: (poolId, approverId) => `Person ${approverId} may not approve pool ${poolId}: `,
  notDraft: (poolId, status, what) =>
    what === 'pool'
      ? `Pool ${poolId} is ${status}; it can change only while it is DRAFT.`
      : `Pool ${poolId} is ${status}; its metrics and members can change only while it is DRAFT.`,
};

const zhCN: PoolMessages = {
  refusal: {
    'POOL.NOT_LOCKED': (poolId, d) =>
      `奖金包 ${poolId} 当前为 ${String(d.status)}，只有已锁定（LOCKED）的奖金包才能通过调整奖金包更正；` +
      `锁定之前请直接修改（或重新打开）该奖金包。`,
    'POOL.INVALID_TRANSITION': (poolId, d) =>
      `奖金包 ${poolId} 当前为 ${String(d.from)}，不能变为 ${String(d.to)}。顺序为 ${ORDER}。`,
  },
  fallback: (poolId, code, data) => `奖金包 ${poolId} 的输入有误（${code}：${JSON.stringify(data)}）。请更正后重试。`,
  alreadyAdjusted: (poolId, adjustmentId, status) =>
    `奖金包 ${poolId} 已有调整奖金包 ${adjustmentId}（${status}）。请更正该调整奖金包；若其已锁定，则对它创建新的调整。`,
  approverIsMember: (poolId, approverId) =>
    `${approverId} 号人员是奖金包 ${poolId} 的成员，不得审批（利益冲突）。请由团队以外的授权人审批。`,
  mayNotApprove: (poolId, approverId) => `${approverId} 号人员无权审批奖金包 ${poolId}：`,
  notDraft: (poolId, status, what) =>
    what === 'pool'
      ? `奖金包 ${poolId} 当前为 ${status}，只有草稿（DRAFT）状态才能修改。`
      : `奖金包 ${poolId} 当前为 ${status}，只有草稿（DRAFT）状态才能修改其指标和成员。`,
};

export const POOL_MESSAGES: Readonly<Record<Locale, PoolMessages>> = { en, 'zh-CN': zhCN };
