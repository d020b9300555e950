// The bitemporal reading of a change log, branch by branch: which entry decides a record at (at, knownAt), deleted
// records, the revision known at a moment, and how a write's asked effective moment is classified.
import {
  classifyEffectiveMoment,
  decidingEntries,
  decidingEntry,
  entryApplies,
  revisionKnownAt,
  versionAt,
  VersionEntry,
} from './versions';

const t = (minute: number): Date => new Date(Date.UTC(2026, 2, 1, 0, minute));

function entry(
  revision: number,
  key: string,
  effectiveFrom: number | null,
  recordedAt: number,
  after: string | null,
  over: Partial<VersionEntry<string>> = {},
): VersionEntry<string> {
  return {
    revision: BigInt(revision),
    key,
    operation: after === null ? 'DELETE' : revision === 1 ? 'CREATE' : 'UPDATE',
    effectiveFrom: effectiveFrom === null ? null : t(effectiveFrom),
    recordedAt: t(recordedAt),
    after,
    correction: false,
    ...over,
  };
}

describe('entryApplies', () => {
  const e = entry(1, 'R:1', 10, 20, 'v1');

  it('needs the entry recorded by knownAt (inclusive)', () => {
    expect(entryApplies(e, t(30), t(19))).toBe(false);
    expect(entryApplies(e, t(30), t(20))).toBe(true);
  });

  it('needs the entry effective by at (inclusive)', () => {
    expect(entryApplies(e, t(9), t(30))).toBe(false);
    expect(entryApplies(e, t(10), t(30))).toBe(true);
  });

  it('takes an entry without an effective moment for every moment', () => {
    const since = entry(1, 'R:1', null, 20, 'v1');
    expect(entryApplies(since, new Date(0), t(20))).toBe(true);
    expect(entryApplies(since, new Date(0), t(19))).toBe(false);
  });
});

describe('decidingEntry and versionAt', () => {
  // v1 since the start (recorded at 0); v2 from 10 (recorded at 10); a correction recorded at 20 says v3 from 5.
  const log = [
    entry(3, 'R:1', 5, 20, 'v3', { correction: true }),
    entry(1, 'R:1', null, 0, 'v1'),
    entry(2, 'R:1', 10, 10, 'v2'),
  ];

  it('is null when nothing was known yet', () => {
    expect(decidingEntry(log, t(30), new Date(-1))).toBeNull();
    expect(versionAt(log, t(30), new Date(-1))).toBeNull();
    expect(versionAt([], t(30), t(30))).toBeNull();
  });

  it('reads the highest applicable revision, whatever the order of the entries', () => {
    expect(versionAt(log, t(12), t(30))).toBe('v3');
    expect(versionAt(log, t(4), t(30))).toBe('v1');
    expect(decidingEntry(log, t(12), t(30))?.revision).toBe(3n);
    expect(versionAt([...log].reverse(), t(12), t(30))).toBe('v3');
  });

  it('as known before the correction, reproduces what was known then', () => {
    expect(versionAt(log, t(7), t(15))).toBe('v1');
    expect(versionAt(log, t(12), t(15))).toBe('v2');
    expect(versionAt(log, t(12), t(5))).toBe('v1');
  });

  it('a later ordinary entry never changes moments before its effective moment', () => {
    const later = [...log, entry(4, 'R:1', 40, 40, 'v4')];
    for (const at of [0, 5, 12, 39]) expect(versionAt(later, t(at), t(50))).toBe(versionAt(log, t(at), t(50)));
    expect(versionAt(later, t(40), t(50))).toBe('v4');
  });

  it('is null once the record is deleted, and the deciding entry says so', () => {
    const deleted = [...log, entry(4, 'R:1', 40, 40, null)];
    expect(versionAt(deleted, t(41), t(50))).toBeNull();
    expect(decidingEntry(deleted, t(41), t(50))?.operation).toBe('DELETE');
    expect(versionAt(deleted, t(39), t(50))).toBe('v3');
  });
});

describe('decidingEntries', () => {
  const log = [
    entry(1, 'R:1', null, 0, 'r1'),
    entry(2, 'D:1', null, 1, 'd1'),
    entry(3, 'R:1', 10, 10, 'r1b'),
    entry(4, 'D:1', 20, 20, null),
    entry(5, 'D:2', null, 30, 'd2'),
  ];

  it('gives each record its deciding entry, by key', () => {
    const found = decidingEntries(log, t(15), t(15));
    expect([...found.keys()].sort()).toEqual(['D:1', 'R:1']);
    expect(found.get('R:1')?.after).toBe('r1b');
    expect(found.get('D:1')?.after).toBe('d1');
  });

  it('leaves out records deleted by then and records not known yet', () => {
    const found = decidingEntries(log, t(25), t(25));
    expect([...found.keys()]).toEqual(['R:1']);
    const later = decidingEntries(log, t(25), t(30));
    expect([...later.keys()].sort()).toEqual(['D:2', 'R:1']);
  });

  it('keeps the highest revision when entries come in any order', () => {
    const found = decidingEntries([...log].reverse(), t(15), t(30));
    expect(found.get('R:1')?.revision).toBe(3n);
    expect(decidingEntries([], t(0), t(0)).size).toBe(0);
  });

  it('agrees with decidingEntry record by record', () => {
    for (const at of [0, 9, 10, 19, 20, 40]) {
      for (const knownAt of [-1, 0, 1, 10, 20, 30]) {
        const found = decidingEntries(log, t(at), t(knownAt));
        for (const key of ['R:1', 'D:1', 'D:2']) {
          const one = decidingEntry(
            log.filter((e) => e.key === key),
            t(at),
            t(knownAt),
          );
          expect(found.get(key) ?? null).toBe(one?.after === null ? null : one);
        }
      }
    }
  });
});

describe('revisionKnownAt', () => {
  const log = [entry(2, 'R:1', null, 10, 'a'), entry(1, 'R:2', null, 0, 'b'), entry(3, 'R:1', 5, 20, 'c')];

  it('is 0 before anything was recorded', () => {
    expect(revisionKnownAt(log, new Date(-1))).toBe(0n);
    expect(revisionKnownAt([], t(100))).toBe(0n);
  });

  it('is the highest revision recorded by then (inclusive), whatever the order', () => {
    expect(revisionKnownAt(log, t(0))).toBe(1n);
    expect(revisionKnownAt(log, t(19))).toBe(2n);
    expect(revisionKnownAt(log, t(20))).toBe(3n);
    expect(revisionKnownAt([...log].reverse(), t(20))).toBe(3n);
  });
});

describe('classifyEffectiveMoment', () => {
  const now = t(100);
  const sec = (s: number) => new Date(now.getTime() + s * 1000);

  it('an ordinary change without a moment takes effect now', () => {
    expect(classifyEffectiveMoment(null, false, now)).toEqual({ kind: 'ordinary', effectiveFrom: now });
  });

  it('a moment within the tolerance counts as now, on either side', () => {
    for (const s of [-60, -1, 0, 1, 60])
      expect(classifyEffectiveMoment(sec(s), false, now)).toEqual({ kind: 'ordinary', effectiveFrom: now });
  });

  it('a moment further in the past needs a correction', () => {
    expect(classifyEffectiveMoment(new Date(now.getTime() - 60_001), false, now)).toEqual({
      kind: 'refused',
      code: 'CORRECTION_REQUIRED',
    });
  });

  it('a moment further in the future is refused, correction or not', () => {
    const later = new Date(now.getTime() + 60_001);
    for (const correction of [false, true])
      expect(classifyEffectiveMoment(later, correction, now)).toEqual({
        kind: 'refused',
        code: 'EFFECTIVE_FROM_IN_FUTURE',
      });
  });

  it('a correction keeps its moment, or none (the whole life of the record)', () => {
    const past = sec(-3600);
    expect(classifyEffectiveMoment(past, true, now)).toEqual({ kind: 'correction', effectiveFrom: past });
    expect(classifyEffectiveMoment(null, true, now)).toEqual({ kind: 'correction', effectiveFrom: null });
    expect(classifyEffectiveMoment(now, true, now)).toEqual({ kind: 'correction', effectiveFrom: now });
  });

  it('a correction from a moment just after now (within the tolerance) holds from now', () => {
    expect(classifyEffectiveMoment(sec(10), true, now)).toEqual({ kind: 'correction', effectiveFrom: now });
    expect(classifyEffectiveMoment(sec(60), true, now)).toEqual({ kind: 'correction', effectiveFrom: now });
  });

  it('takes another tolerance', () => {
    expect(classifyEffectiveMoment(sec(-2), false, now, 1000)).toEqual({
      kind: 'refused',
      code: 'CORRECTION_REQUIRED',
    });
    expect(classifyEffectiveMoment(sec(2), false, now, 1000)).toEqual({
      kind: 'refused',
      code: 'EFFECTIVE_FROM_IN_FUTURE',
    });
    expect(classifyEffectiveMoment(sec(-2), false, now, 0).kind).toBe('refused');
    expect(classifyEffectiveMoment(now, false, now, 0)).toEqual({ kind: 'ordinary', effectiveFrom: now });
  });
});
