// Rubric scoring: rows are the assignment's learning goals, levels are described in words. A goal is
// reached at level 3 or above; a submission's rubric is complete when every row is rated.

export const RUBRIC_LEVELS = [1, 2, 3, 4] as const;
export type RubricLevel = (typeof RUBRIC_LEVELS)[number];
/** The lowest level at which a goal counts as reached. */
export const REACHED_AT: RubricLevel = 3;

export function isRubricLevel(n: unknown): n is RubricLevel {
  return typeof n === "number" && (RUBRIC_LEVELS as readonly number[]).includes(n);
}

export interface RubricRating {
  goalCode: string;
  level: number;
}

export interface RubricResult {
  /** Every row of the rubric has a rating. */
  complete: boolean;
  rated: number;
  rows: number;
  /** Goals rated at REACHED_AT or above, in the rubric's order. */
  reached: string[];
  /** Mean level over the rated rows (null when none is rated), to one decimal. */
  mean: number | null;
  /** Sum of levels over the maximum possible (rows × 4), as a whole percentage; null until complete. */
  percent: number | null;
}

export function scoreRubric(goalCodes: readonly string[], ratings: readonly RubricRating[]): RubricResult {
  const byGoal = new Map<string, number>();
  for (const r of ratings) if (goalCodes.includes(r.goalCode) && isRubricLevel(r.level)) byGoal.set(r.goalCode, r.level);
  const levels = goalCodes.map((g) => byGoal.get(g)).filter((l): l is number => l !== undefined);
  const complete = goalCodes.length > 0 && levels.length === goalCodes.length;
  const sum = levels.reduce((a, b) => a + b, 0);
  return {
    complete,
    rated: levels.length,
    rows: goalCodes.length,
    reached: goalCodes.filter((g) => (byGoal.get(g) ?? 0) >= REACHED_AT),
    mean: levels.length ? Math.round((sum / levels.length) * 10) / 10 : null,
    percent: complete ? Math.round((sum / (goalCodes.length * RUBRIC_LEVELS.length)) * 100) : null,
  };
}

/** A submission is accepted when the facilitator accepted it and its rubric is complete. */
export function isAccepted(review: string, result: Pick<RubricResult, "complete">): boolean {
  return review === "accepted" && result.complete;
}
