import { OrgTree, OrgUnitRecord, buildOrgTree } from './tree';

function build(records: readonly OrgUnitRecord[]): OrgTree {
  const result = buildOrgTree(records);
  if (!result.ok) throw new Error(`expected a tree, got ${result.error.code}`);
  return result.value;
}

// HQ → two regions → offices → a system department.
const company: OrgUnitRecord[] = [
  { id: 'hq', parentId: null, kind: 'HQ', code: 'HQ', name: '总部' },
  { id: 'east', parentId: 'hq', kind: 'REGION' },
  { id: 'west', parentId: 'hq', kind: 'REGION' },
  { id: 'shanghai', parentId: 'east', kind: 'REP_OFFICE' },
  { id: 'hangzhou', parentId: 'east', kind: 'REP_OFFICE' },
  { id: 'chengdu', parentId: 'west', kind: 'REP_OFFICE' },
  { id: 'sh-telecom', parentId: 'shanghai', kind: 'SYSTEM_DEPT' },
];

describe('buildOrgTree', () => {
  const tree = build(company);

  it('indexes every unit', () => {
    expect(tree.size).toBe(7);
    expect(tree.has('shanghai')).toBe(true);
    expect(tree.has('nowhere')).toBe(false);
    expect(tree.get('hq')?.name).toBe('总部');
    expect(tree.get('nowhere')).toBeUndefined();
    expect(tree.roots()).toEqual(['hq']);
  });

  it('knows parents, children and depth', () => {
    expect(tree.parentOf('shanghai')).toBe('east');
    expect(tree.parentOf('hq')).toBeNull();
    expect(tree.parentOf('nowhere')).toBeNull();
    expect(tree.childrenOf('east')).toEqual(['shanghai', 'hangzhou']);
    expect(tree.childrenOf('sh-telecom')).toEqual([]);
    expect(tree.depth('hq')).toBe(0);
    expect(tree.depth('sh-telecom')).toBe(3);
    expect(tree.depth('nowhere')).toBe(-1);
  });

  describe('isWithin', () => {
    it('a unit is within itself', () => {
      expect(tree.isWithin('east', 'east')).toBe(true);
      expect(tree.isWithin('hq', 'hq')).toBe(true);
    });

    it('a unit is within every ancestor', () => {
      expect(tree.isWithin('sh-telecom', 'shanghai')).toBe(true);
      expect(tree.isWithin('sh-telecom', 'east')).toBe(true);
      expect(tree.isWithin('sh-telecom', 'hq')).toBe(true);
    });

    it('an ancestor is not within its descendant', () => {
      expect(tree.isWithin('east', 'shanghai')).toBe(false);
      expect(tree.isWithin('hq', 'sh-telecom')).toBe(false);
    });

    it('siblings and cousins are not within each other', () => {
      expect(tree.isWithin('shanghai', 'hangzhou')).toBe(false);
      expect(tree.isWithin('west', 'east')).toBe(false);
      expect(tree.isWithin('chengdu', 'east')).toBe(false);
      expect(tree.isWithin('sh-telecom', 'hangzhou')).toBe(false);
    });

    it('an unknown unit or scope is never within', () => {
      expect(tree.isWithin('nowhere', 'hq')).toBe(false);
      expect(tree.isWithin('hq', 'nowhere')).toBe(false);
      expect(tree.isWithin('nowhere', 'nowhere')).toBe(false);
    });
  });

  it('lists a subtree in depth-first order, scope first', () => {
    expect(tree.subtree('east')).toEqual(['east', 'shanghai', 'sh-telecom', 'hangzhou']);
    expect(tree.subtree('chengdu')).toEqual(['chengdu']);
    expect(tree.subtree('hq')).toHaveLength(7);
    expect(tree.subtree('nowhere')).toEqual([]);
  });

  it('lists ancestors from the unit up to its root', () => {
    expect(tree.ancestors('sh-telecom')).toEqual(['sh-telecom', 'shanghai', 'east', 'hq']);
    expect(tree.ancestors('hq')).toEqual(['hq']);
    expect(tree.ancestors('nowhere')).toEqual([]);
  });

  it('accepts records in any order', () => {
    const shuffled = build([...company].reverse());
    expect(shuffled.isWithin('sh-telecom', 'hq')).toBe(true);
    expect([...shuffled.subtree('east')].sort()).toEqual(['east', 'hangzhou', 'sh-telecom', 'shanghai']);
  });

  it('allows a forest: several roots, no unit within another tree', () => {
    const forest = build([
      { id: 'a', parentId: null },
      { id: 'a1', parentId: 'a' },
      { id: 'b', parentId: null },
      { id: 'b1', parentId: 'b' },
    ]);
    expect(forest.roots()).toEqual(['a', 'b']);
    expect(forest.isWithin('a1', 'a')).toBe(true);
    expect(forest.isWithin('b1', 'a')).toBe(false);
    expect(forest.isWithin('a1', 'b')).toBe(false);
    expect(forest.subtree('b')).toEqual(['b', 'b1']);
  });

  it('builds an empty tree', () => {
    const empty = build([]);
    expect(empty.size).toBe(0);
    expect(empty.roots()).toEqual([]);
  });

  it('builds a 100,000-deep chain without overflowing the stack', () => {
    const depth = 100_000;
    const records: OrgUnitRecord[] = [{ id: 'u0', parentId: null }];
    for (let i = 1; i < depth; i++) records.push({ id: `u${i}`, parentId: `u${i - 1}` });
    const chain = build(records);
    expect(chain.depth(`u${depth - 1}`)).toBe(depth - 1);
    expect(chain.isWithin(`u${depth - 1}`, 'u0')).toBe(true);
    expect(chain.isWithin('u0', `u${depth - 1}`)).toBe(false);
    expect(chain.isWithin('u50000', 'u49999')).toBe(true);
    expect(chain.ancestors(`u${depth - 1}`)).toHaveLength(depth);
    expect(chain.subtree('u99990')).toHaveLength(10);
  });

  it('builds a wide tree (10,000 children of one root)', () => {
    const records: OrgUnitRecord[] = [{ id: 'root', parentId: null }];
    for (let i = 0; i < 10_000; i++) records.push({ id: `c${i}`, parentId: 'root' });
    const wide = build(records);
    expect(wide.childrenOf('root')).toHaveLength(10_000);
    expect(wide.isWithin('c9999', 'root')).toBe(true);
    expect(wide.isWithin('c9999', 'c0')).toBe(false);
  });
});

describe('buildOrgTree refusals', () => {
  it('refuses a duplicate id', () => {
    expect(buildOrgTree([...company, { id: 'east', parentId: 'hq' }])).toEqual({
      ok: false,
      error: { code: 'ORG.DUPLICATE_ID', data: { id: 'east' } },
    });
  });

  it('refuses an orphan (a parent not in the records)', () => {
    expect(buildOrgTree([...company, { id: 'lost', parentId: 'ghost' }])).toEqual({
      ok: false,
      error: { code: 'ORG.ORPHAN', data: { id: 'lost', parentId: 'ghost' } },
    });
  });

  it('refuses a unit that is its own parent', () => {
    expect(buildOrgTree([{ id: 'me', parentId: 'me' }])).toEqual({
      ok: false,
      error: { code: 'ORG.SELF_PARENT', data: { id: 'me' } },
    });
  });

  it('refuses a cycle and names its members', () => {
    const result = buildOrgTree([
      { id: 'hq', parentId: null },
      { id: 'a', parentId: 'c' },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: 'b' },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ORG.CYCLE');
    expect([...(result.error.data as { ids: string[] }).ids].sort()).toEqual(['a', 'b', 'c']);
  });

  it('reports the cycle, not the units hanging below it', () => {
    const result = buildOrgTree([
      { id: 'below', parentId: 'x' },
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
    ]);
    expect(result).toMatchObject({ ok: false, error: { code: 'ORG.CYCLE' } });
    if (result.ok) return;
    expect([...(result.error.data as { ids: string[] }).ids].sort()).toEqual(['x', 'y']);
  });

  it('refuses a cycle even with no root at all', () => {
    expect(
      buildOrgTree([
        { id: 'p', parentId: 'q' },
        { id: 'q', parentId: 'p' },
      ]),
    ).toMatchObject({ ok: false, error: { code: 'ORG.CYCLE' } });
  });
});
