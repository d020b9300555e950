// Opaque cursors of paged answers: a JSON array in base64url. Each list decides what its parts are and checks them.

export function cursorOf(parts: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The parts of a cursor this API gave out with `length` parts; `refuse()` is thrown for anything else. */
export function cursorParts(after: string, length: number, refuse: () => Error): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== length) throw refuse();
  return parsed as unknown[];
}
