// The pool's typed traces as the API sends them (IncentivePool.funding and .allocation; apps/api
// src/modules/incentive-pool/pool-trace.types.ts): exact fractions come as integer strings, never as text to parse.
import { percentOf } from '../format';
import type { IncentivePoolRecord } from '../providers/types';

export interface ExactFraction {
  numerator: string;
  denominator: string;
  /** Rounded half up to 4 decimals. */
  display: string;
}

export interface PoolMetricTrace {
  metric: string;
  /** Percent (40 = 40%). */
  weight: number;
  target: string;
  actual: string;
  rawAttainment: ExactFraction;
  capped: boolean;
  attainment: ExactFraction;
  contribution: ExactFraction;
}

export interface PoolFundingTrace {
  currency: string;
  baseAmount: string;
  metrics: PoolMetricTrace[];
  attainment: ExactFraction;
  gate: { threshold: ExactFraction; passed: boolean };
  multiplier: { value: ExactFraction; branch: string; uncapped: ExactFraction | null };
  fundedAmount: string;
}

export interface PoolShareTrace {
  memberId: string;
  personId: string;
  role: string;
  weight: string;
  rating: string | null;
  coefficient: string;
  participation: string;
  score: ExactFraction;
  remainderUnit: boolean;
  share: string;
}

export interface PoolAllocationTrace {
  totalScore: ExactFraction;
  preview: boolean;
  shares: PoolShareTrace[];
}

/** A pool with its typed traces. */
export type PoolWithTraces = IncentivePoolRecord & {
  funding?: PoolFundingTrace | null;
  allocation?: PoolAllocationTrace | null;
};

const FRACTION = 'numerator denominator display';

/** The selection of the typed traces, for the portal's own queries (providers/operations.ts). */
export const TRACE_FIELDS = `funding { currency baseAmount fundedAmount attainment { ${FRACTION} }
    metrics { metric weight target actual capped rawAttainment { ${FRACTION} } attainment { ${FRACTION} }
      contribution { ${FRACTION} } }
    gate { passed threshold { ${FRACTION} } } multiplier { branch value { ${FRACTION} } uncapped { ${FRACTION} } } }
  allocation { preview totalScore { ${FRACTION} }
    shares { memberId personId role weight rating coefficient participation remainderUnit share
      score { ${FRACTION} } } }`;

/** An exact fraction as a percentage, exactly (one decimal, half up). */
export const percent = (f: ExactFraction | null | undefined): string =>
  f ? percentOf(f.numerator, f.denominator) : '—';
