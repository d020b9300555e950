// Statements of one transaction sent together (issue #13).
/**
 * Independent pieces of one transaction's work, their statements sent together (issue #13: a write's own p99 under
 * load): each statement's answer waits for the event loop's turn, so a dozen statements one after another wait a
 * dozen times; pieces started together queue their statements on the transaction's one connection, which sends the
 * next as soon as the one before is answered. Statements still run one at a time, in the order they were asked for,
 * inside the transaction. Every piece is awaited before an error is thrown (the first one's): the transaction is
 * never rolled back while a piece still has statements to send, which would run outside it.
 */
export async function together<T extends readonly unknown[]>(
  ...pieces: { [K in keyof T]: Promise<T[K]> | T[K] }
): Promise<T> {
  const settled = await Promise.allSettled(pieces);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
