export { createImportResolver, MAX_IMPORT_ROWS } from './resolver';
export type { ImportDefinition } from './resolver';
export { amountCell, dateCell, enumCell, enumsCell, integerCell, namedRecord, referenceCell, textCell } from './cells';
export type { Cells } from './cells';
export { bodySizeGuard, BODY_LIMIT, IMPORT_BODY_LIMIT, rememberBodySize } from './body-size';
export { knownToExist, markExisting, memoized, remember, withImportMemo } from './memo';
