// Enum values the domain keeps as types only, listed for choices (the domain's lists where it has them).
export const LEAD_STATUSES = ['OPEN', 'CONVERTED', 'DROPPED'] as const;
