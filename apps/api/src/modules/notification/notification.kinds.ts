// What a notification can be about, and what each kind carries to be rendered in either language without another
// read: names, codes, amounts and instants, never only ids.
import { registerEnumType } from 'type-graphql';

export const NOTIFICATION_KINDS = [
  'DECISION_REQUESTED',
  'DECISION_ESCALATED',
  'DELEGATION_CREATED',
  'DELEGATION_REVOKED',
  'DELEGATION_EXPIRING',
  'CERTIFICATION_EXPIRING',
  'POOL_APPROVAL_PENDING',
  'REASSESSMENT_SCHEDULED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Instants are ISO strings; amounts decimal strings with their currency. */
export interface NotificationPayloads {
  /** A decision waiting for you (a request routed to you, directly, through a delegation or as a seat). */
  DECISION_REQUESTED: {
    projectName: string;
    decisionPoint: string;
    requesterName?: string | null;
    amount?: string | null;
    currency?: string | null;
    dueAt?: string | null;
    note?: string | null;
  };
  /** A request not decided by its due date came up to you (or: yours went up a level). */
  DECISION_ESCALATED: {
    projectName: string;
    decisionPoint: string;
    /** Who it waited for before. */
    fromName?: string | null;
    requesterName?: string | null;
    dueAt?: string | null;
    reason?: string | null;
  };
  DELEGATION_CREATED: {
    delegatorName: string;
    decisionPoints: string[];
    grades: string[];
    scopeName: string;
    limit: string | null;
    currency: string;
    validFrom: string;
    validTo: string | null;
    reason: string;
  };
  DELEGATION_REVOKED: {
    delegatorName: string;
    decisionPoints: string[];
    scopeName: string;
    revokedAt: string;
    reason: string;
  };
  DELEGATION_EXPIRING: {
    delegatorName: string;
    decisionPoints: string[];
    scopeName: string;
    validTo: string;
  };
  CERTIFICATION_EXPIRING: {
    role: string;
    level: number | null;
    validUntil: string;
    /** To the assessor of a re-assessment scheduled for it: whose certification it is. */
    personName?: string | null;
    asAssessor?: boolean;
  };
  POOL_APPROVAL_PENDING: {
    poolName: string;
    projectName: string | null;
    orgUnitName: string;
    amount: string | null;
    currency: string;
  };
  /** A re-assessment of your certification was scheduled. */
  REASSESSMENT_SCHEDULED: {
    personName: string;
    role: string;
    level: number | null;
    validUntil: string;
    dueAt: string;
    assessorName: string | null;
    note: string | null;
  };
}

export type NotificationPayload<K extends NotificationKind = NotificationKind> = NotificationPayloads[K];

export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k])) as {
  [K in NotificationKind]: K;
};

registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description: 'What a notification is about.',
  valuesConfig: {
    DECISION_REQUESTED: { description: 'A decision waits for you.' },
    DECISION_ESCALATED: { description: 'A request not decided in time was escalated.' },
    DELEGATION_CREATED: { description: 'An authority was delegated to you.' },
    DELEGATION_REVOKED: { description: 'A delegation to you was revoked.' },
    DELEGATION_EXPIRING: { description: 'A delegation to you ends within 7 days.' },
    CERTIFICATION_EXPIRING: { description: 'Your certification ends within 30 days.' },
    POOL_APPROVAL_PENDING: { description: 'A bonus pool waits for your approval.' },
    REASSESSMENT_SCHEDULED: { description: 'A re-assessment of your certification was scheduled.' },
  },
});

/** The record a notification leads to. */
export interface NotificationLink {
  recordType: string;
  recordId: string | number;
}
