// An assessment's ratings as one spreadsheet cell, "DIM:score; DIM:score" (the export writes it, an import reads it).
import type { ImportProblem } from '../../platform/crud';
import type { AssessmentRating } from './assessment.entity';

export type Rating = { dimension: string; proficiency: number; evidence: string | null };

/** "COMM:3; TECH:4" → ratings; a problem for an entry that is not "code:score". */
export function parseRatings(text: string, problems: ImportProblem[]): Rating[] | undefined {
  const ratings: Rating[] = [];
  for (const entry of text.split(/[;；\n]/).map((e) => e.trim())) {
    if (entry === '') continue;
    const match = /^([^:：]+?)\s*[:：]\s*(\d+)$/.exec(entry);
    if (!match) {
      problems.push({ field: 'ratings', code: 'INVALID_RATINGS', params: { value: entry } });
      return undefined;
    }
    ratings.push({ dimension: match[1]!, proficiency: Number(match[2]), evidence: null });
  }
  return ratings;
}

/** The ratings of an assessment as the export writes them (ratingSummary). */
export function ratingsText(ratings: ReadonlyArray<Pick<AssessmentRating, 'dimensionCode' | 'score'>>): string {
  return ratings.map((r) => `${r.dimensionCode}:${r.score}`).join('; ');
}
