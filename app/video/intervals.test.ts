import { describe, expect, it } from "vitest";
import { isWatched, mergeIntervals, parseIntervals, playedSeconds, playedShare } from "./intervals";

describe("mergeIntervals", () => {
  it("sorts, joins overlapping and touching intervals and keeps gaps", () => {
    expect(
      mergeIntervals([
        [20, 30],
        [0, 10],
        [5, 12],
        [12, 15],
        [40, 41],
      ]),
    ).toEqual([
      [0, 15],
      [20, 30],
      [40, 41],
    ]);
  });
  it("clips to the duration, drops empty, reversed and non-finite intervals", () => {
    expect(
      mergeIntervals(
        [
          [-5, 3],
          [50, 70],
          [9, 9],
          [8, 4],
          [Number.NaN, 2],
          [1, Infinity],
        ],
        60,
      ),
    ).toEqual([
      [0, 3],
      [50, 60],
    ]);
    expect(mergeIntervals([[70, 80]], 60)).toEqual([]);
  });
  it("is idempotent: merging again changes nothing, repeated reports count once", () => {
    const once = mergeIntervals([
      [0, 10],
      [0, 10],
      [3, 7],
    ]);
    expect(mergeIntervals(once)).toEqual(once);
    expect(playedSeconds(once)).toBe(10);
  });
});

describe("the 90 % rule", () => {
  it("counts only what was played: skipping ahead to the end is not watching", () => {
    const skipped = mergeIntervals([
      [0, 5],
      [95, 100],
    ]);
    expect(playedShare(skipped, 100)).toBeCloseTo(0.1);
    expect(isWatched(skipped, 100)).toBe(false);
  });
  it("is watched at 90 % and not at 89.9 %", () => {
    expect(isWatched([[0, 90]], 100)).toBe(true);
    expect(isWatched([[0, 89.9]], 100)).toBe(false);
    expect(
      isWatched(
        mergeIntervals([
          [0, 45],
          [45, 60],
          [60, 91],
        ]),
        100,
      ),
    ).toBe(true);
  });
  it("is never watched without a known duration", () => {
    expect(isWatched([[0, 90]], null)).toBe(false);
    expect(isWatched([[0, 90]], 0)).toBe(false);
  });
});

describe("parseIntervals", () => {
  it("keeps pairs of numbers only", () => {
    expect(parseIntervals([[1, 2], ["a", 3], [4], null, [5, 6]])).toEqual([
      [1, 2],
      [5, 6],
    ]);
    expect(parseIntervals("nope")).toEqual([]);
  });
});
