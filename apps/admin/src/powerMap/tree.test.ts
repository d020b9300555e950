import { flatten, reportsToForest } from './tree';

const ids = (forest: ReturnType<typeof reportsToForest>) =>
  flatten(forest).map((n) => `${'  '.repeat(n.depth)}${n.item.id}`);

describe('power map tree from reports-to lines', () => {
  it('puts each stakeholder under the one they report to, tops first, in the order given', () => {
    const forest = reportsToForest([
      { id: 'cio', reportsToId: 'ceo' },
      { id: 'ceo', reportsToId: null },
      { id: 'buyer', reportsToId: 'cfo' },
      { id: 'cfo', reportsToId: 'ceo' },
      { id: 'architect', reportsToId: 'cio' },
    ]);
    expect(forest).toHaveLength(1);
    expect(ids(forest)).toEqual(['ceo', '  cio', '    architect', '  cfo', '    buyer']);
  });

  it('orders siblings and trees by the comparison given', () => {
    const forest = reportsToForest(
      [{ id: 'b', reportsToId: 'top' }, { id: 'a', reportsToId: 'top' }, { id: 'top' }, { id: 'alone' }],
      (x, y) => x.id.localeCompare(y.id),
    );
    expect(ids(forest)).toEqual(['alone', 'top', '  a', '  b']);
  });

  it('starts a tree at someone whose line points off the map or at themselves', () => {
    const forest = reportsToForest([
      { id: 'x', reportsToId: 'not-on-map' },
      { id: 'y', reportsToId: 'y' },
      { id: 'z', reportsToId: 'x' },
    ]);
    expect(ids(forest)).toEqual(['x', '  z', 'y']);
  });

  it('cuts a circle at its first member so that everyone is drawn exactly once', () => {
    const forest = reportsToForest([
      { id: 'root' },
      { id: 'p', reportsToId: 'q' },
      { id: 'q', reportsToId: 'r' },
      { id: 'r', reportsToId: 'p' },
    ]);
    expect(ids(forest)).toEqual(['root', 'p', '  r', '    q']);
    expect(
      flatten(forest)
        .map((n) => n.item.id)
        .sort(),
    ).toEqual(['p', 'q', 'r', 'root']);
  });

  it('draws nothing for an empty map', () => {
    expect(reportsToForest([])).toEqual([]);
  });
});
