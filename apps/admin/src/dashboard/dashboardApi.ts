// The dashboard's data: every figure and card (`dashboard` in the API, scoped like the lists), with the names
// the cards show nested, so that the dashboard asks nothing else of the API.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { earlyDashboardIn, fetchDashboard, takeEarlyDashboard } from './dashboardQuery';
import type { NamedPerson } from '../components/personName';

export interface QualificationLevelCount {
  role: string;
  level: number;
  people: number;
}
export interface TriangleCoverage {
  grade: string;
  projects: number;
  complete: number;
  missing: number;
}
export interface PoolStatusTotal {
  status: string;
  currency: string;
  pools: number;
  amount: string;
}
export interface DecisionWeek {
  weekStart: string;
  weekEnd: string;
  decisions: number;
  byPoint: Array<{ decisionPoint: string; decisions: number }>;
}
type Named = (NamedPerson & { id: string }) | null;

export interface DashboardData {
  at: string;
  qualificationLevels: QualificationLevelCount[];
  triangleCoverage: TriangleCoverage[];
  poolsByStatus: PoolStatusTotal[];
  decisionsByWeek: DecisionWeek[];
  expiringCertifications: Array<{ id: string; role: string; validUntil: string; person: Named }>;
  endingDelegations: Array<{
    id: string;
    validTo: string;
    decisionPoints: string[];
    delegator: Named;
    delegate: Named;
  }>;
  poolsAwaitingApproval: Array<{ id: string; name: string; fundedAmount: string | null; currency: string }>;
  decisionsThisWeek: Array<{
    id: string;
    decisionPoint: string;
    outcome: string;
    decidedAt: string;
    project: { id: string; name: string } | null;
  }>;
}

export const DASHBOARD_KEY = ['iron-triangle', 'dashboard'] as const;

/**
 * The dashboard's data: one request, shared by the charts and the cards; the answer asked for at sign-in when there
 * is one (dashboardQuery.ts), else a new request. An early answer that is in already is the first render's data
 * (not asked again on mount); it is then taken, so that a later visit of the dashboard asks anew.
 */
export function useDashboard() {
  const [early] = useState(() => earlyDashboardIn());
  useEffect(() => {
    if (early) takeEarlyDashboard();
  }, [early]);
  return useQuery({
    queryKey: DASHBOARD_KEY,
    queryFn: () => takeEarlyDashboard() ?? fetchDashboard(),
    ...(early ? { initialData: early.data, initialDataUpdatedAt: early.askedAt, refetchOnMount: false } : {}),
  });
}
