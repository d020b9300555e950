// Request bodies: 256 kB for every operation but an import, whose rows (up to 10,000) may take up to 8 MB. The body is
// read with the larger limit; one above the smaller is then refused unless its only operation is `importRecords`.
import type { NextFunction, Request, Response } from 'express';
import { Kind, parse } from 'graphql';

export const BODY_LIMIT = 256 * 1024;
export const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;

const SIZE = Symbol('bodyBytes');

/** express.json's `verify`: remembers how many bytes the body had. */
export function rememberBodySize(req: Request, _res: Response, buffer: Buffer): void {
  (req as Request & { [SIZE]?: number })[SIZE] = buffer.length;
}

/** True when the document holds one mutation whose only fields are `importRecords`. */
export function onlyImports(query: unknown): boolean {
  if (typeof query !== 'string') return false;
  try {
    const document = parse(query, { maxTokens: 5_000 });
    if (document.definitions.length !== 1) return false;
    const [operation] = document.definitions;
    return (
      operation?.kind === Kind.OPERATION_DEFINITION &&
      operation.operation === 'mutation' &&
      operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value === 'importRecords')
    );
  } catch {
    return false;
  }
}

/** Refuses a body above BODY_LIMIT (413, as express.json would) unless it is an import. */
export function bodySizeGuard(req: Request, res: Response, next: NextFunction): void {
  const size = (req as Request & { [SIZE]?: number })[SIZE] ?? 0;
  if (size > BODY_LIMIT && !onlyImports((req.body as { query?: unknown } | undefined)?.query)) {
    res.status(413).json({
      errors: [
        {
          message: 'Request body is too large (limit 256 kB; 8 MB for importRecords).',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
    return;
  }
  next();
}
