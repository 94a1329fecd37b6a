// Scores of a self-evaluation sheet. Pure: used by the results page, the subcommittee's views and the seed.
//
// Definition: an item's score is its rating (4 できている … 1 できていない). A category's score is the
// mean of its rated items; items marked 該当なし (not applicable) and unanswered items are left out.
// A category with no rated item has no score (null), never 0.

export const RATINGS = [4, 3, 2, 1] as const;
export type Rating = (typeof RATINGS)[number];

/** Aggregates of fewer offices than this are never shown (privacy: a small group identifies an office). */
export const MIN_GROUP_SIZE = 3;

export interface AnswerLike {
  rating: number | null;
  notApplicable: boolean;
  notApplicableReason?: string;
}

export interface ItemLike {
  code: string;
  categoryCode: string;
  sortOrder?: number;
}

export function isRating(value: unknown): value is Rating {
  return typeof value === "number" && (RATINGS as readonly number[]).includes(value);
}

/** An item counts as answered when rated, or marked not applicable with a reason. */
export function isAnswered(answer: AnswerLike | undefined | null): boolean {
  if (!answer) return false;
  if (answer.notApplicable) return (answer.notApplicableReason ?? "").trim().length > 0;
  return isRating(answer.rating);
}

export function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median of a group, or null when the group has fewer than `MIN_GROUP_SIZE` members. */
export function groupMedian(values: number[], minGroup = MIN_GROUP_SIZE): number | null {
  return values.length >= minGroup ? median(values) : null;
}

/** Mean rating per category code (N/A and unanswered excluded; null when nothing is rated). */
export function categoryScores(
  items: ItemLike[],
  answers: Map<string, AnswerLike> | Record<string, AnswerLike>,
): Record<string, number | null> {
  const get = (code: string) => (answers instanceof Map ? answers.get(code) : answers[code]);
  const rated: Record<string, number[]> = {};
  for (const item of items) {
    rated[item.categoryCode] ??= [];
    const a = get(item.code);
    if (a && !a.notApplicable && isRating(a.rating)) rated[item.categoryCode].push(a.rating);
  }
  return Object.fromEntries(Object.entries(rated).map(([code, values]) => [code, mean(values)]));
}

/**
 * Each category's scores over a group of offices, sorted, nulls left out: what `categoryMediansWithout` needs to give
 * the group's medians, or its medians with any one office left out, without sorting again (issue 13: 12,000 offices
 * a year).
 */
export function sortedCategoryScores(perOffice: Record<string, number | null>[]): Map<string, number[]> {
  const sorted = new Map<string, number[]>();
  for (const scores of perOffice)
    for (const [code, value] of Object.entries(scores)) {
      let values = sorted.get(code);
      if (!values) sorted.set(code, (values = []));
      if (typeof value === "number") values.push(value);
    }
  for (const values of sorted.values()) values.sort((a, b) => a - b);
  return sorted;
}

/**
 * Per category, the median over the group's offices of their category scores (offices without a score in that
 * category are left out), null when fewer than `minGroup` offices contribute; with one office left out (`without`:
 * that office's scores, or undefined for the whole group): one occurrence of its value is skipped in each sorted list.
 */
export function categoryMediansWithout(
  sorted: Map<string, number[]>,
  without: Record<string, number | null> | undefined,
  minGroup = MIN_GROUP_SIZE,
): Record<string, number | null> {
  const result: Record<string, number | null> = {};
  for (const [code, values] of sorted) {
    const skipped = without?.[code];
    const skip = typeof skipped === "number" ? lowerBound(values, skipped) : -1;
    const n = skip >= 0 ? values.length - 1 : values.length;
    if (n === 0 || n < minGroup) {
      result[code] = null;
      continue;
    }
    const at = (i: number) => (skip >= 0 && i >= skip ? values[i + 1] : values[i]);
    const mid = Math.floor(n / 2);
    result[code] = n % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  }
  return result;
}

/** The first index of `value` in the sorted list (it is there: the group's own list holds it). */
function lowerBound(values: number[], value: number) {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return values[lo] === value ? lo : -1;
}

/** The lowest-rated items (rated 1 or 2), lowest first, then in checklist order. */
export function weakestItems<T extends ItemLike>(items: T[], answers: Map<string, AnswerLike>, limit = 5): (T & { rating: number })[] {
  return items
    .map((item, index) => ({ item, index, a: answers.get(item.code) }))
    .filter((x) => x.a && !x.a.notApplicable && isRating(x.a.rating) && x.a.rating <= 2)
    .sort((x, y) => x.a!.rating! - y.a!.rating! || x.index - y.index)
    .slice(0, limit)
    .map((x) => ({ ...x.item, rating: x.a!.rating! }));
}

/** Rounded for display: two decimals. */
export function roundScore(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}
