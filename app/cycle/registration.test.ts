import { describe, expect, it } from "vitest";
import { attendeeNames, checkHeadCount } from "./registration";

describe("a meeting registration adds up", () => {
  it("counts the names however they are separated", () => {
    expect(attendeeNames("高橋 誠、佐藤 はるか\n鈴木・田中 / 伊藤")).toEqual(["高橋 誠", "佐藤 はるか", "鈴木", "田中", "伊藤"]);
  });
  it("refuses 2 names with a head count of 5 unless the difference is explained", () => {
    expect(checkHeadCount("高橋、佐藤", 5, "")).toEqual({ ok: false, reason: "unexplained", names: 2 });
    expect(checkHeadCount("高橋、佐藤", 5, "ほか3名は当日決定")).toEqual({ ok: true });
  });
  it("accepts a count equal to the names and refuses fewer", () => {
    expect(checkHeadCount("高橋、佐藤", 2, "")).toEqual({ ok: true });
    expect(checkHeadCount("高橋、佐藤、鈴木", 2, "説明")).toEqual({ ok: false, reason: "fewerThanNames", names: 3 });
  });
});
