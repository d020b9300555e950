import { buildTree } from './OrgUnitTree';

describe('buildTree', () => {
  it('nests units under their parents, sorted by code, and keeps orphans as roots', () => {
    const tree = buildTree([
      { id: '3', name: 'Shanghai', code: 'SH', parentId: '2' },
      { id: '1', name: 'HQ', code: 'HQ', parentId: null },
      { id: '2', name: 'East', code: 'EAST', parentId: '1' },
      { id: '4', name: 'West', code: 'WEST', parentId: '1' },
      { id: '5', name: 'Lost', code: 'LOST', parentId: '99' },
    ]);
    expect(tree.map((n) => n.code)).toEqual(['HQ', 'LOST']);
    expect(tree[0]!.children.map((n) => n.code)).toEqual(['EAST', 'WEST']);
    expect(tree[0]!.children[0]!.children.map((n) => n.name)).toEqual(['Shanghai']);
  });
});
