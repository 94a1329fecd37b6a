import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { neutraliseFormula, toCsv } from "./csv";

describe("CSV", () => {
  it("writes a BOM, CRLF line ends, quotes where needed and a final line end", () => {
    const csv = toCsv([
      ["区", "件数"],
      ["青葉区, 北", 3],
      ['言う "はい"', "複数\n行"],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('区,件数\r\n"青葉区, 北",3\r\n"言う ""はい""","複数\n行"\r\n');
  });

  it("neutralises every formula start in text cells, also before a line break, but not numbers", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutraliseFormula('=HYPERLINK("x")\nsecond line')).toBe('\'=HYPERLINK("x")\nsecond line');
    expect(neutraliseFormula(-5)).toBe(-5);
    expect(neutraliseFormula("a=b")).toBe("a=b");
    const parsed = Papa.parse<string[]>(toCsv([["=cmd|' /C calc'!A0", -3]]).slice(1)).data[0];
    expect(parsed).toEqual(["'=cmd|' /C calc'!A0", "-3"]);
  });
});
