// The power map as an org chart: the customer's stakeholders laid out as a tree from their reports-to lines. Pure:
// no React, no chart library. A line to someone not on the map, or one that closes a circle, starts a tree of its
// own, so every stakeholder is drawn exactly once.

export interface ReportsToLine {
  readonly id: string;
  readonly reportsToId?: string | null;
}

export interface TreeNode<T extends ReportsToLine> {
  readonly item: T;
  /** 0 at the top of a tree. */
  readonly depth: number;
  readonly children: TreeNode<T>[];
}

/**
 * The forest of `items` by their reports-to lines, siblings (and trees) in the order of `compare` (the input order
 * when none is given). A stakeholder whose line points off the map is a root; a circle of lines is cut at its member
 * that comes first in that order, which becomes a root.
 */
export function reportsToForest<T extends ReportsToLine>(
  items: readonly T[],
  compare?: (a: T, b: T) => number,
): TreeNode<T>[] {
  const order = new Map(items.map((item, index) => [item.id, index]));
  const sorted = [...items].sort((a, b) => (compare ? compare(a, b) : 0) || order.get(a.id)! - order.get(b.id)!);
  const byId = new Map(sorted.map((item) => [item.id, item]));
  const parentOf = (item: T): string | null => {
    const up = item.reportsToId ?? null;
    return up !== null && up !== item.id && byId.has(up) ? up : null;
  };
  const children = new Map<string, T[]>();
  for (const item of sorted) {
    const up = parentOf(item);
    if (up !== null) children.set(up, [...(children.get(up) ?? []), item]);
  }
  const placed = new Set<string>();
  const build = (item: T, depth: number): TreeNode<T> => {
    placed.add(item.id);
    const below = (children.get(item.id) ?? []).filter((c) => !placed.has(c.id));
    return { item, depth, children: below.map((c) => build(c, depth + 1)) };
  };
  const forest: TreeNode<T>[] = [];
  for (const item of sorted) if (parentOf(item) === null) forest.push(build(item, 0));
  // What is left sits on circles: cut each at its first member.
  for (const item of sorted) if (!placed.has(item.id)) forest.push(build(item, 0));
  return forest;
}

/** The nodes of a forest top-down, depth first (a printed list of the map). */
export function flatten<T extends ReportsToLine>(forest: readonly TreeNode<T>[]): TreeNode<T>[] {
  return forest.flatMap((node) => [node, ...flatten(node.children)]);
}
