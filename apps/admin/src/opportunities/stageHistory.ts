// An opportunity's stage history as the API sends it (JSON: a list, or its text), oldest first.
export interface StageStep {
  stage: string;
  at: string | null;
  by: string | null;
}

export function stageSteps(value: unknown): StageStep[] {
  let list: unknown = value;
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(list)) return [];
  return list
    .filter((s): s is Record<string, unknown> => Boolean(s) && typeof s === 'object' && typeof s.stage === 'string')
    .map((s) => ({
      stage: String(s.stage),
      at: typeof s.at === 'string' ? s.at : null,
      by: s.by === null || s.by === undefined ? null : String(s.by),
    }));
}
