// Lead-to-Cash vocabulary shared by grading, authorization and incentives (DOMAIN.md §4).
import type { LocalizedText } from '../shared/text';

export const DECISION_POINTS = ['ATI', 'ATB', 'ATC', 'ATAC', 'ATCC', 'POOL_APPROVAL'] as const;
export type DecisionPoint = (typeof DECISION_POINTS)[number];

/** The LTC decision points of a project (pool approval aside). */
export const LTC_DECISION_POINTS = ['ATI', 'ATB', 'ATC', 'ATAC', 'ATCC'] as const satisfies readonly DecisionPoint[];
export type LtcDecisionPoint = (typeof LTC_DECISION_POINTS)[number];

/** The names users know the decision points by (DOMAIN.md §4), beside the code. */
export const DECISION_POINT_NAMES: Readonly<Record<DecisionPoint, LocalizedText>> = Object.freeze({
  ATI: { 'zh-CN': '立项决策', en: 'approve to initiate' },
  ATB: { 'zh-CN': '投标决策', en: 'approve to bid' },
  ATC: { 'zh-CN': '签约决策', en: 'approve to sign the contract' },
  ATAC: { 'zh-CN': '合同变更决策', en: 'approve a contract amendment' },
  ATCC: { 'zh-CN': '合同关闭决策', en: 'approve to close the contract' },
  POOL_APPROVAL: { 'zh-CN': '奖金包审批', en: 'approve a bonus pool' },
});

export const PROJECT_GRADES = ['I', 'II', 'III'] as const;
export type ProjectGrade = (typeof PROJECT_GRADES)[number];

export const LTC_STAGES = ['LEAD', 'OPPORTUNITY', 'CONTRACT_EXECUTION', 'CLOSED'] as const;
export type LtcStage = (typeof LTC_STAGES)[number];

export const CUSTOMER_TIERS = ['S', 'A', 'B', 'C'] as const;
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];

export function isDecisionPoint(value: string): value is DecisionPoint {
  return (DECISION_POINTS as readonly string[]).includes(value);
}

export function isProjectGrade(value: string): value is ProjectGrade {
  return (PROJECT_GRADES as readonly string[]).includes(value);
}
