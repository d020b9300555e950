// The generic record resolver: react-admin's convention (ra-data-graphql-simple) for one record type,
// with permissions, org scoping, filters, optimistic locking, dependency checks and audit, plus hooks.
// spec.ts: what a record type declares; list.ts: list/meta arguments and filters; columns.ts: arguments → columns;
// scope-checks.ts: scope checks of writes; writes.ts: the writes (locks, audit); operations.ts: reads and writes
// together; resolver.ts: the resolver factory.
export type { CrudHooks, CrudSpec, Dependent, MoneyField, RemoveMode, WriteContext } from './spec';
export { applyFilter, ListArgs, ListMetadata, MetaArgs, subtreeIds } from './list';
export { argsToColumns, MAX_MINOR, toId } from './columns';
export { guardedUpdate, loadForWrite } from './writes';
export { crudOperations } from './operations';
export type { CrudOperations } from './operations';
export { createCrudResolver } from './resolver';
export { importRows, requiredFields } from './import';
export type {
  ImportAction,
  ImportOutcome,
  ImportPlan,
  ImportProblem,
  PreparedRow,
  RowOutcome,
  RowReader,
} from './import';
