// The pure readers of the results import: office names, years inside texts, ratings as written.
import { describe, expect, it } from "vitest";
import { analyseResults, findYearIn, officeKey, parseRating } from "./results-import";

const words = { できている: 4, おおむねできている: 3, あまりできていない: 2, できていない: 1, 該当なし: "na", "Done well": 4 } as const;

describe("results import readers", () => {
  it("office names match across width, spaces and corporate forms", () => {
    const key = officeKey("株式会社つなぐ 相談支援センター");
    for (const written of [
      "つなぐ相談支援センター",
      "（株）つなぐ　相談支援センター",
      "㈱つなぐ相談支援センター",
      "つなぐ 相談支援センター",
    ])
      expect(officeKey(written)).toBe(key);
    expect(officeKey("社会福祉法人 あおば会 あおば相談所")).toBe(officeKey("あおば会あおば相談所"));
    expect(officeKey("ひまわり相談室")).not.toBe(officeKey("ひまわり相談所"));
  });

  it("finds a fiscal year in file names, sheet names and titles, in era or Western form", () => {
    expect(findYearIn("平成24年度")).toBe(2012);
    expect(findYearIn("令和元年度_結果.xlsx")).toBe(2019);
    expect(findYearIn("自己評価結果（平成３０年度）")).toBe(2018);
    expect(findYearIn("H25")).toBe(2013);
    expect(findYearIn("R3 結果")).toBe(2021);
    expect(findYearIn("FY2022 (Reiwa 4)")).toBe(2022);
    expect(findYearIn("2019年度 自己評価")).toBe(2019);
    expect(findYearIn("ひまわり相談室")).toBeNull();
    expect(findYearIn("平成40年度")).toBeNull();
  });

  it("reads ratings as numbers, full-width numbers, words and 'N words'; refuses anything else", () => {
    expect(parseRating("４", words)).toBe(4);
    expect(parseRating("3.0", words)).toBe(3);
    expect(parseRating("おおむね できている", words)).toBe(3);
    expect(parseRating("4 できている", words)).toBe(4);
    expect(parseRating("done well", words)).toBe(4);
    expect(parseRating("該当なし", words)).toBe("na");
    expect(parseRating("", words)).toBeNull();
    expect(parseRating("5", words)).toBeUndefined();
    expect(parseRating("3 できている", words)).toBeUndefined();
  });

  it("a merged office cell and a blank year cell take the row above's; the default year applies only when nothing says", () => {
    const rows = [
      { line: 1, cells: ["事業所", "年度", "番号", "評価"] },
      { line: 2, cells: ["ひまわり相談室", "H30", "1", "4"] },
      { line: 3, cells: ["", "", "2", "3"] },
    ];
    const a = analyseResults([{ name: "Sheet1", rows }], {
      offices: [{ id: 7, name: "ひまわり相談室", ward: "" }],
      items: [
        { code: "1", label: "1", textJa: "a" },
        { code: "2", label: "2", textJa: "b" },
      ],
      ratingWords: words,
      defaultYear: 2000,
    });
    expect(a.errors).toEqual([]);
    expect(a.records.map((r) => [r.officeId, r.fiscalYear, r.itemCode, r.rating])).toEqual([
      [7, 2018, "1", 4],
      [7, 2018, "2", 3],
    ]);
  });
});
