// Statements of one transaction sent together (issue #13).
import type { EntityManager, QueryRunner } from 'typeorm';
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

/**
 * `first`, then `second`, their statements in one round trip and sent in that order: `second` is started once `first`
 * has handed a statement to the transaction's query runner (or has settled without one). Pieces started together
 * reach the runner in an order set by how many steps each takes inside TypeORM before it gets there (a query
 * builder's update takes more than a find), so where the order matters (a lock taken before another, a row read back
 * after its update) it is made explicit here. Both are awaited before an error is thrown (together).
 */
export function inOrder<A, B>(em: EntityManager, first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  const runner = em.queryRunner;
  if (!runner?.isTransactionActive) return sequence(first, second);
  const own = Object.prototype.hasOwnProperty.call(runner, 'query');
  const original = runner.query;
  const restore = () => {
    if (runner.query === watched) {
      if (own) runner.query = original;
      else delete (runner as { query?: unknown }).query;
    }
  };
  let asked!: () => void;
  const handed = new Promise<void>((resolve) => (asked = resolve));
  // The runner's next query: passed on at once (the statement is on its way), then `second` may start.
  const watched = function (this: QueryRunner, ...args: Parameters<QueryRunner['query']>) {
    restore();
    const result = original.apply(this, args);
    asked();
    return result;
  } as QueryRunner['query'];
  runner.query = watched;
  let a: Promise<A>;
  try {
    a = first();
  } catch (error) {
    restore();
    throw error;
  }
  const b = Promise.race([handed, a.then(noop, noop)]).then(() => {
    restore();
    return second();
  });
  return together(a, b);
}

async function sequence<A, B>(first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  const a = await first();
  return [a, await second()];
}

function noop(): void {}
