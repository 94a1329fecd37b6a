// Watch progress, honestly: the intervals actually played are merged, and a video counts as watched
// only when what was played covers at least 90 % of its duration (skipping ahead adds nothing).

export type Interval = [start: number, end: number];

export const WATCHED_SHARE = 0.9;

/** Keeps well-formed intervals inside [0, duration], sorted and merged (touching or overlapping ones join). */
export function mergeIntervals(intervals: readonly Interval[], duration?: number | null): Interval[] {
  const max = duration && duration > 0 ? duration : Infinity;
  const clean = intervals
    .filter((i) => Array.isArray(i) && i.length === 2 && Number.isFinite(i[0]) && Number.isFinite(i[1]))
    .map(([s, e]): Interval => [Math.max(0, s), Math.min(e, max)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Interval[] = [];
  for (const [s, e] of clean) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out.map(([s, e]) => [round(s), round(e)]);
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Seconds covered by (already merged) intervals. */
export function playedSeconds(merged: readonly Interval[]): number {
  return round(merged.reduce((sum, [s, e]) => sum + (e - s), 0));
}

/** Share of the duration played, 0–1. */
export function playedShare(merged: readonly Interval[], duration: number | null | undefined): number {
  if (!duration || duration <= 0) return 0;
  return Math.min(1, playedSeconds(merged) / duration);
}

/** The 90 % rule. */
export function isWatched(merged: readonly Interval[], duration: number | null | undefined): boolean {
  return !!duration && duration > 0 && playedShare(merged, duration) >= WATCHED_SHARE;
}

/** Parses a client report: an array of [start, end] pairs of numbers (anything else is dropped). */
export function parseIntervals(value: unknown, maxCount = 500): Interval[] {
  if (!Array.isArray(value)) return [];
  return value
    .slice(0, maxCount)
    .filter((v): v is [number, number] => Array.isArray(v) && v.length === 2 && typeof v[0] === "number" && typeof v[1] === "number")
    .map(([s, e]) => [s, e]);
}
