// Cursors of the change feed, and revisions given by clients. A cursor is opaque to clients (base64url of
// "rev:<revision>"): the feed may later carry more in it without breaking anyone who only passes it back.
import { badInput } from '../errors';

const PREFIX = 'rev:';
/** A revision: a decimal with no sign and no leading zeros, below 2^63 (a BIGINT). */
const REVISION = /^(0|[1-9][0-9]{0,18})$/;
const MAX_REVISION = (1n << 63n) - 1n;

function isRevision(value: string): boolean {
  return REVISION.test(value) && BigInt(value) <= MAX_REVISION;
}

export function encodeCursor(revision: string): string {
  return Buffer.from(`${PREFIX}${revision}`, 'utf8').toString('base64url');
}

/** The revision a cursor stands for; BAD_USER_INPUT naming `argument` when it is not one this API gave out. */
export function decodeCursor(cursor: string, argument = 'after'): string {
  const text = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const revision = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : '';
  if (!isRevision(revision)) {
    throw badInput(
      { [argument]: 'is not a cursor of this feed' },
      `${argument}: "${cursor.slice(0, 60)}" is not a cursor of this feed. Pass back an endCursor the feed returned ` +
        `(or leave ${argument} out to start from the beginning).`,
    );
  }
  return revision;
}

/** A revision sent by a client (a header or a connection parameter): a decimal string; BAD_USER_INPUT otherwise. */
export function parseRevision(value: string, field: string): string {
  const trimmed = value.trim();
  if (!isRevision(trimmed)) {
    throw badInput(
      { [field]: 'must be a revision: a whole number such as "1234", as `extensions.revision` reports it' },
      `${field}: "${value.slice(0, 60)}" is not a revision. Send the decimal revision an answer reported in ` +
        '`extensions.revision` (e.g. "1234").',
    );
  }
  return trimmed;
}
