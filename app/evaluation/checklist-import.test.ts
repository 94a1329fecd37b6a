import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseChecklistCsv } from "./checklist-import";

const HEADER = "category_code,category_ja,category_en,code,text_ja,text_en,guidance_ja,guidance_en,evidence_ja,evidence_en,pillar";

describe("checklist import", () => {
  it("reads the shipped template: 73 items in 9 categories with unique codes", () => {
    const result = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.template.items).toHaveLength(73);
    expect(result.template.categories.map((c) => c.code)).toEqual(["OPS", "ASM", "MON", "RIG", "COL", "COM", "HRD", "INF", "EMG"]);
    expect(new Set(result.template.items.map((i) => i.code)).size).toBe(73);
    expect(result.template.items.every((i) => i.textEn && i.textJa.endsWith("。"))).toBe(true);
  });

  it("refuses every bad row with its line number and reason, keeping nothing", () => {
    const csv = [
      HEADER,
      "OPS,運営体制,Operations,OPS-01,方針を共有している。,Shared.,,,,,hr",
      "OPS,運営体制,Operations,,コードがない。,No code.,,,,,hr",
      "OPS,運営体制,Operations,OPS-01,重複している。,Duplicate.,,,,,hr",
      "XYZ,謎,Unknown,XYZ-01,分類が不明。,Unknown.,,,,,hr",
      "MON,モニタリング,Monitoring,MON-01,柱が不正。,Bad pillar.,,,,,money",
      "MON,モニタリング,Monitoring,MON-02,,Empty Japanese.,,,,,individual",
    ].join("\n");
    const result = parseChecklistCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.reason])).toEqual([
      [3, "missingCode"],
      [4, "duplicateCode"],
      [5, "unknownCategory"],
      [6, "badPillar"],
      [7, "emptyText"],
    ]);
  });

  it("refuses a file without the required columns on line 1", () => {
    const result = parseChecklistCsv("code,text\nOPS-01,x");
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          line: 1,
          reason: "missingColumns",
          value: "category_code, text_ja, pillar",
        },
      ],
    });
  });

  it("counts lines inside quoted multi-line cells and ignores blank lines", () => {
    const csv = [HEADER, 'OPS,,,OPS-01,"二行に\nわたる。",,,,,,hr', "", "OPS,,,OPS-02,ok,,,,,,bad"].join("\n");
    const result = parseChecklistCsv(csv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ line: 5, reason: "badPillar", value: "bad" }]);
  });
});
