// What a draft changes against the version in force: dimensions and their key behaviours, matched by code, each
// added, removed, changed (a name in either language) or the same. Pure: the dialog lays it out side by side.
import type { Indicator } from './indicators';

export interface DimensionContent {
  code: string;
  name: string;
  nameZh: string;
  indicators?: Indicator[] | null;
}

export type Change = 'added' | 'removed' | 'changed' | 'same';

export interface BehaviourDiff {
  code: string;
  change: Change;
  before: Indicator | null;
  after: Indicator | null;
}

export interface DimensionDiff {
  code: string;
  /** The dimension itself: added, removed, changed (its names), or the same. */
  change: Change;
  before: DimensionContent | null;
  after: DimensionContent | null;
  behaviours: BehaviourDiff[];
}

const sameName = (a: Record<string, string> | undefined, b: Record<string, string> | undefined) =>
  (a?.en ?? '') === (b?.en ?? '') && (a?.['zh-CN'] ?? '') === (b?.['zh-CN'] ?? '');

function byCode<T extends { code: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.code, r]));
}

/** The codes of both lists, in the draft's order first, then the ones the draft removed (in their old order). */
function codesOf(before: readonly { code: string }[], after: readonly { code: string }[]): string[] {
  const codes = after.map((r) => r.code);
  for (const r of before) if (!codes.includes(r.code)) codes.push(r.code);
  return codes;
}

function behavioursDiff(before: readonly Indicator[], after: readonly Indicator[]): BehaviourDiff[] {
  const old = byCode(before);
  const now = byCode(after);
  return codesOf(before, after).map((code) => {
    const b = old.get(code) ?? null;
    const a = now.get(code) ?? null;
    const change: Change = !b ? 'added' : !a ? 'removed' : sameName(b.name, a.name) ? 'same' : 'changed';
    return { code, change, before: b, after: a };
  });
}

export function versionDiff(inForce: readonly DimensionContent[], draft: readonly DimensionContent[]): DimensionDiff[] {
  const old = byCode(inForce);
  const now = byCode(draft);
  return codesOf(inForce, draft).map((code) => {
    const before = old.get(code) ?? null;
    const after = now.get(code) ?? null;
    const behaviours = behavioursDiff(before?.indicators ?? [], after?.indicators ?? []);
    const change: Change = !before
      ? 'added'
      : !after
        ? 'removed'
        : before.name !== after.name || before.nameZh !== after.nameZh
          ? 'changed'
          : 'same';
    return { code, change, before, after, behaviours };
  });
}

/** Whether the draft changes anything at all. */
export function hasChanges(diff: readonly DimensionDiff[]): boolean {
  return diff.some((d) => d.change !== 'same' || d.behaviours.some((b) => b.change !== 'same'));
}
