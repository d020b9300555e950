// Lead-to-Cash vocabulary shared by grading, authorization and incentives (DOMAIN.md §4).

export const DECISION_POINTS = ['ATI', 'ATB', 'ATC', 'ATAC', 'ATCC', 'POOL_APPROVAL'] as const;
export type DecisionPoint = (typeof DECISION_POINTS)[number];

/** The LTC decision points of a project (pool approval aside). */
export const LTC_DECISION_POINTS = ['ATI', 'ATB', 'ATC', 'ATAC', 'ATCC'] as const satisfies readonly DecisionPoint[];

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
