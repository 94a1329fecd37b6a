import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  analyseChecklist,
  csvToRows,
  findHeaderRow,
  normaliseCode,
  parseChecklistCsv,
  proposeMapping,
  type PreviousVersion,
} from "./checklist-import";

const HEADER = "category_code,category_ja,category_en,code,text_ja,text_en,guidance_ja,guidance_en,evidence_ja,evidence_en,pillar";

describe("checklist import", () => {
  it("reads the shipped template: 73 items in 9 categories with unique codes", () => {
    const result = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.template.items).toHaveLength(73);
    expect(result.template.categories.map((c) => c.code)).toEqual(["OPS", "ASM", "MON", "RIG", "COL", "COM", "HRD", "INF", "EMG"]);
    expect(new Set(result.template.items.map((i) => i.code)).size).toBe(73);
    expect(result.template.items.every((i) => i.textEn && i.textJa.endsWith("。") && i.pillar)).toBe(true);
  });

  it("refuses every bad row with its line, column and reason, keeping nothing", () => {
    const csv = [
      HEADER,
      "OPS,運営体制,Operations,OPS-01,方針を共有している。,Shared.,,,,,hr",
      "OPS,運営体制,Operations,OPS 01!,コードが不正。,Bad code.,,,,,hr",
      "OPS,運営体制,Operations,OPS-01,重複している。,Duplicate.,,,,,hr",
      "MON,モニタリング,Monitoring,MON-01,柱が不正。,Bad pillar.,,,,,money",
      "MON,モニタリング,Monitoring,MON-02,,Empty Japanese.,,,,,individual",
    ].join("\n");
    const result = parseChecklistCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.column, e.reason])).toEqual([
      [3, "D（code）", "badCode"],
      [4, "D（code）", "duplicateCode"],
      [5, "K（pillar）", "badPillar"],
      [6, "E（text_ja）", "emptyText"],
    ]);
  });

  it("refuses a file without an item-text column, naming the header line", () => {
    const result = parseChecklistCsv("番号,区分\n1,運営");
    expect(result).toEqual({ ok: false, errors: [{ line: 1, reason: "missingColumns", value: "textJa" }] });
  });

  it("counts lines inside quoted multi-line cells, keeps the line breaks and ignores blank lines", () => {
    const csv = [HEADER, 'OPS,,,OPS-01,"二行に\r\nわたる。",,,,,,hr', "", "OPS,,,OPS-02,ok,,,,,,bad"].join("\r\n");
    const result = parseChecklistCsv(csv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ line: 5, column: "K（pillar）", reason: "badPillar", value: "bad" }]);
    const ok = parseChecklistCsv([HEADER, 'OPS,,,OPS-01,"二行に\r\nわたる。",,,,,,hr'].join("\r\n"));
    expect(ok.ok && ok.template.items[0].textJa).toBe("二行に\nわたる。");
  });

  it("finds the header below title rows and proposes meanings from Japanese synonyms", () => {
    const rows = csvToRows(
      [
        "相談支援事業所 自己評価チェックシート,,,",
        "令和7年度版,,,",
        ",,,",
        "番号,区分,評価項目,着眼点",
        "１,運営体制,方針を共有している。,会議録",
      ].join("\n"),
    );
    expect(findHeaderRow(rows)).toBe(3);
    expect(proposeMapping(rows[3].cells)).toEqual(["label", "category", "textJa", "guidanceJa"]);
    expect(proposeMapping(["No.", "大項目", "項目", "評価の視点", "確認書類"])).toEqual([
      "label",
      "category",
      "textJa",
      "guidanceJa",
      "evidenceJa",
    ]);
  });

  it("takes the city's own structure: categories filled down, labels as written (NFKC), pillar optional, texts kept", () => {
    const rows = csvToRows(
      [
        "番号,区分,評価項目,研修の柱",
        "１,運営体制,方針を　共有している。,",
        "１－２,,苦情に対応している。,人材育成",
        "Ａ-３,アセスメント,本人の言葉で記録している。,個別支援",
      ].join("\n"),
    );
    const a = analyseChecklist(rows);
    expect(a.errors).toEqual([]);
    const t = a.template!;
    expect(t.categories.map((c) => [c.code, c.nameJa])).toEqual([
      ["C01", "運営体制"],
      ["C02", "アセスメント"],
    ]);
    expect(t.items.map((i) => [i.label, i.code, i.categoryCode, i.pillar, i.textJa])).toEqual([
      ["1", "1", "C01", null, "方針を　共有している。"],
      ["1-2", "1-2", "C01", "hr", "苦情に対応している。"],
      ["A-3", "A-3", "C02", "individual", "本人の言葉で記録している。"],
    ]);
    expect(normaliseCode("OPS-０１")).toBe("OPS-01");
  });

  it("refuses a cell holding U+FFFD instead of storing garbled text", () => {
    const a = analyseChecklist(csvToRows("番号,評価項目\n1,方針を\uFFFD\uFFFD有している。"));
    expect(a.template).toBeNull();
    expect(a.errors).toEqual([{ line: 2, column: "B（評価項目）", reason: "replacementChar" }]);
  });

  it("matches items to the previous version by label and text, lets the user choose, and announces dropped items", () => {
    const previous: PreviousVersion = {
      version: 2,
      categories: [{ code: "C01", nameJa: "運営体制" }],
      items: [
        { code: "1", label: "1", textJa: "方針を共有している。" },
        { code: "2", label: "2", textJa: "苦情に対応している。" },
        { code: "3", label: "3", textJa: "なくなる項目。" },
      ],
      usedItemCodes: ["1", "2", "3", "OPS-01"],
      usedCategoryCodes: ["C01", "OPS"],
    };
    const rows = csvToRows(
      ["番号,区分,評価項目", "1,運営体制,方針を共有している。", "2,運営体制,苦情解決の仕組みがある。", "3,新しい区分,新しい項目。"].join(
        "\n",
      ),
    );
    const first = analyseChecklist(rows, { previous });
    expect(first.template!.categories.map((c) => c.code)).toEqual(["C01", "C02"]);
    expect(first.matches.map((m) => [m.label, m.code, m.how])).toEqual([
      ["1", "1", "labelText"],
      ["2", "2_2", null],
      ["3", "3_2", null],
    ]);
    expect(first.dropped.map((d) => d.code)).toEqual(["2", "3"]);
    // The user says line 3 (label 2) is the old item 2 reworded.
    const chosen = analyseChecklist(rows, { previous, choices: { "3": "2" } });
    expect(chosen.matches.map((m) => [m.code, m.how])).toEqual([
      ["1", "labelText"],
      ["2", "chosen"],
      ["3_2", null],
    ]);
    expect(chosen.dropped.map((d) => d.code)).toEqual(["3"]);
    const refused = analyseChecklist(rows, { previous, choices: { "3": "2" }, acknowledgeDropped: false });
    expect(refused.errors).toEqual([{ line: 0, reason: "droppedNotAcknowledged", value: "1" }]);
    expect(refused.template).not.toBeNull();
    expect(analyseChecklist(rows, { previous, choices: { "3": "2" }, acknowledgeDropped: true }).template).not.toBeNull();
  });
});
