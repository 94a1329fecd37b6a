// Anonymisation for aggregates shown beyond one office: no figure over fewer than MIN_GROUP_SIZE offices.
// Reuses the evaluation capability's threshold and median, so both capabilities withhold the same groups.
import { MIN_GROUP_SIZE, groupMedian, mean } from "~/evaluation/scoring";

export { MIN_GROUP_SIZE, groupMedian };

/** True when a group of `count` offices may be shown. */
export function showable(count: number, minGroup = MIN_GROUP_SIZE): boolean {
  return count >= minGroup;
}

/** The mean of a group, or null when it has fewer than `minGroup` members. */
export function groupMean(values: number[], minGroup = MIN_GROUP_SIZE): number | null {
  return values.length >= minGroup ? mean(values) : null;
}

/** An aggregate computed elsewhere (e.g. in SQL), withheld when its group is too small. */
export function withheld<T>(value: T | null, count: number, minGroup = MIN_GROUP_SIZE): T | null {
  return count >= minGroup ? value : null;
}
