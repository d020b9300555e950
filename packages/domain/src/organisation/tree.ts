// The org-unit tree (HQ → region → representative office → system department, any depth) and scopes.
import { DomainError, Result, err, ok } from '../shared/result';

export type OrgUnitKind = 'HQ' | 'REGION' | 'REP_OFFICE' | 'SYSTEM_DEPT' | 'OTHER';

export interface OrgUnitRecord {
  readonly id: string;
  readonly parentId: string | null;
  readonly code?: string;
  readonly name?: string;
  readonly kind?: string;
}

export type OrgTreeError =
  | DomainError<'ORG.DUPLICATE_ID', { id: string }>
  | DomainError<'ORG.ORPHAN', { id: string; parentId: string }>
  | DomainError<'ORG.CYCLE', { ids: string[] }>
  | DomainError<'ORG.SELF_PARENT', { id: string }>;

/** An indexed tree: scope checks in O(1) through entry/exit numbers of a depth-first walk. */
export interface OrgTree {
  readonly size: number;
  has(id: string): boolean;
  get(id: string): OrgUnitRecord | undefined;
  parentOf(id: string): string | null;
  childrenOf(id: string): readonly string[];
  /** The unit itself first, then each ancestor up to its root. Empty for an unknown unit. */
  ancestors(id: string): readonly string[];
  /** 0 for a root. -1 for an unknown unit. */
  depth(id: string): number;
  /** True when `unit` is `scope` or lies below it. False when either is unknown. */
  isWithin(unit: string, scope: string): boolean;
  /** The scope and every unit below it, in depth-first order. */
  subtree(scope: string): readonly string[];
  roots(): readonly string[];
}

/**
 * Builds and indexes a tree from records. Several roots are allowed (a forest);
 * a parent that is not in the records, a cycle, or a duplicate id is refused.
 */
export function buildOrgTree(records: readonly OrgUnitRecord[]): Result<OrgTree, OrgTreeError> {
  const byId = new Map<string, OrgUnitRecord>();
  for (const record of records) {
    if (byId.has(record.id)) return err({ code: 'ORG.DUPLICATE_ID', data: { id: record.id } });
    byId.set(record.id, record);
  }
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const record of records) {
    if (record.parentId === null) {
      roots.push(record.id);
      continue;
    }
    if (record.parentId === record.id) return err({ code: 'ORG.SELF_PARENT', data: { id: record.id } });
    if (!byId.has(record.parentId))
      return err({ code: 'ORG.ORPHAN', data: { id: record.id, parentId: record.parentId } });
    const list = children.get(record.parentId);
    if (list) list.push(record.id);
    else children.set(record.parentId, [record.id]);
  }

  const enter = new Map<string, number>();
  const exit = new Map<string, number>();
  const depthOf = new Map<string, number>();
  const order: string[] = [];
  let clock = 0;
  // Iterative walk: deep trees must not overflow the stack.
  for (const root of roots) {
    const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    enter.set(root, clock++);
    depthOf.set(root, 0);
    order.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const kids = children.get(top.id) ?? [];
      if (top.next < kids.length) {
        const child = kids[top.next++] as string;
        enter.set(child, clock++);
        depthOf.set(child, stack.length);
        order.push(child);
        stack.push({ id: child, next: 0 });
      } else {
        exit.set(top.id, clock++);
        stack.pop();
      }
    }
  }

  if (enter.size !== byId.size) {
    // Every unit not reached from a root sits on (or hangs below) a cycle: report the cycle itself.
    const unreached = records.map((r) => r.id).filter((id) => !enter.has(id));
    const start = unreached[0] as string;
    const seen: string[] = [];
    let cursor: string | null = start;
    while (cursor !== null && !seen.includes(cursor)) {
      seen.push(cursor);
      cursor = byId.get(cursor)?.parentId ?? null;
    }
    const cycle = cursor === null ? seen : seen.slice(seen.indexOf(cursor));
    return err({ code: 'ORG.CYCLE', data: { ids: cycle } });
  }

  const position = new Map<string, number>();
  order.forEach((id, index) => position.set(id, index));
  const tree: OrgTree = {
    size: byId.size,
    has: (id) => byId.has(id),
    get: (id) => byId.get(id),
    parentOf: (id) => byId.get(id)?.parentId ?? null,
    childrenOf: (id) => children.get(id) ?? [],
    ancestors(id) {
      const result: string[] = [];
      let cursor: string | null = byId.has(id) ? id : null;
      while (cursor !== null) {
        result.push(cursor);
        cursor = byId.get(cursor)?.parentId ?? null;
      }
      return result;
    },
    depth: (id) => depthOf.get(id) ?? -1,
    isWithin(unit, scope) {
      const u = enter.get(unit);
      const s = enter.get(scope);
      if (u === undefined || s === undefined) return false;
      return s <= u && (exit.get(unit) as number) <= (exit.get(scope) as number);
    },
    subtree(scope) {
      if (!byId.has(scope)) return [];
      const start = position.get(scope) as number;
      const end = exit.get(scope) as number;
      const result: string[] = [];
      for (let i = start; i < order.length; i++) {
        const id = order[i] as string;
        if ((enter.get(id) as number) > end) break;
        result.push(id);
      }
      return result;
    },
    roots: () => roots,
  };
  return ok(tree);
}
