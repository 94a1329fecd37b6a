import { describe, expect, it } from "vitest";
import { toCsv } from "./progress-csv";

describe("progress CSV", () => {
  it("starts with a BOM, quotes commas and quotes, and neutralises formulas", () => {
    const csv = toCsv([
      ["氏名", "メモ"],
      ["佐藤, はるか", 'a "b"'],
      ["=SUM(A1)", 3],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('氏名,メモ\r\n"佐藤, はるか","a ""b"""\r\n\'=SUM(A1),3\r\n');
  });
});
