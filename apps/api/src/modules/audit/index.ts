// The audit entry's GraphQL reads; the entry itself and its writer are platform (platform/audit.ts).
// Other modules use nothing of this one.
export {};
