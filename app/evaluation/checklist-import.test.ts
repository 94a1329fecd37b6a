import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  analyseChecklist,
  CATEGORY_CODES,
  DEFAULT_CATEGORY_NAMES,
  FIELDS,
  PILLAR_WORDS,
  PILLARS,
  SYNONYMS,
  columnLetter,
  csvToRows,
  findHeaderRow,
  normaliseCode,
  normaliseHeader,
  normaliseText,
  parseChecklistCsv,
  proposeField,
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

// The rules the mutation run (docs/mutation.md) found unguarded: every header word, every column kept, every check.
describe("checklist import: headers", () => {
  it("proposes each meaning from each of its header words, no word shadowed by another meaning's", () => {
    expect(Object.keys(SYNONYMS).sort()).toEqual(FIELDS.filter((f) => f !== "ignore").sort());
    for (const [field, words] of Object.entries(SYNONYMS)) {
      expect(words.length).toBeGreaterThan(0);
      for (const w of words) expect([w, proposeField(w)]).toEqual([w, field]);
    }
    // The words cities' sheets actually use (pinned here so that dropping one fails).
    expect(["番号", "区分", "評価項目", "着眼点", "根拠資料", "研修の柱", "項目コード"].map((w) => proposeField(w))).toEqual([
      "label",
      "category",
      "textJa",
      "guidanceJa",
      "evidenceJa",
      "pillar",
      "code",
    ]);
  });

  it("reads headers whatever their width, case, brackets, marks and byte-order mark", () => {
    expect(
      ["\uFEFFＣＯＤＥ", "【評価項目】", "「区分」", "※ 着眼点：", "Text_EN", "評価 項目", "（根拠）", "*柱*"].map((h) => proposeField(h)),
    ).toEqual(["code", "textJa", "category", "guidanceJa", "textEn", "textJa", "evidenceJa", "pillar"]);
    expect(normaliseHeader("\uFEFF  Item・No ")).toBe("itemno");
    expect(proposeField("")).toBe("ignore");
    expect(proposeField("  ")).toBe("ignore");
    expect(proposeField("備考")).toBe("ignore");
  });

  it("prefers a saved meaning when it is a meaning, and proposes each meaning once", () => {
    expect(proposeField("備考", { 備考: "guidanceJa" })).toBe("guidanceJa");
    expect(proposeField("備考", { 備考: "nonsense" })).toBe("ignore");
    expect(proposeField("項目", { 備考: "guidanceJa" })).toBe("textJa");
    expect(proposeMapping(["項目", "評価項目", "備考", "番号"])).toEqual(["textJa", "ignore", "ignore", "label"]);
  });

  it("looks for the header in the first 30 rows only, else takes the first row with two cells, else none", () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => ({ line: i + 1, cells: ["タイトル", ""] }));
    const rows = [...filler(29), { line: 30, cells: ["番号", "評価項目"] }];
    expect(findHeaderRow(rows)).toBe(29);
    const late = [...filler(30), { line: 31, cells: ["番号", "評価項目"] }];
    expect(findHeaderRow(late)).toBe(30);
    const wide = [
      { line: 1, cells: ["タイトル", " "] },
      { line: 2, cells: ["一", "二", ""] },
      { line: 3, cells: ["番号", "評価項目"] },
    ];
    expect(findHeaderRow(wide.slice(0, 2))).toBe(1);
    expect(findHeaderRow([{ line: 1, cells: ["番号", " "] }])).toBe(-1);
    expect(findHeaderRow([])).toBe(-1);
    expect(
      findHeaderRow([
        { line: 1, cells: ["番号"] },
        { line: 2, cells: ["備考", "評価項目"] },
      ]),
    ).toBe(1);
  });

  it("names columns by letter like a spreadsheet", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });

  it("normalises codes (dashes, spaces) and texts (line ends only)", () => {
    expect(normaliseCode(" A\u2010B\u2015C\u2212D\u30FCE\uFF70F  G ")).toBe("A-B-C-D-E-F G");
    expect(normaliseText("  一\r\n二\r三\n四　 ")).toBe("一\n二\n三\n四");
  });
});

describe("checklist import: rows", () => {
  it("keeps every column of the project's own format", () => {
    const r = parseChecklistCsv([HEADER, "OPS,運営,Ops,ops-01,文。,Text.,視点。,Guidance.,資料。,Evidence.,individual"].join("\n"));
    expect(r.ok && r.template).toEqual({
      categories: [{ code: "OPS", nameJa: "運営", nameEn: "Ops", sortOrder: 1 }],
      items: [
        {
          categoryCode: "OPS",
          code: "OPS-01",
          label: "",
          textJa: "文。",
          textEn: "Text.",
          guidanceJa: "視点。",
          guidanceEn: "Guidance.",
          evidenceJa: "資料。",
          evidenceEn: "Evidence.",
          pillar: "individual",
          sortOrder: 1,
        },
      ],
    });
  });

  it("names the project's categories from their codes, and a file without categories 'チェック項目'", () => {
    const names = DEFAULT_CATEGORY_NAMES;
    expect(Object.keys(names)).toEqual([...CATEGORY_CODES]);
    expect(Object.values(names).every(([ja, en]) => ja && en && ja !== en)).toBe(true);
    const rows = csvToRows(["category_code,text_ja", ...Object.keys(names).map((c) => `${c},${c}の項目。`), "xyz,独自。"].join("\n"));
    const t = analyseChecklist(rows).template!;
    expect(t.categories.map((c) => [c.code, c.nameJa, c.nameEn])).toEqual([
      ...Object.entries(names).map(([code, [ja, en]]) => [code, ja, en]),
      ["XYZ", "XYZ", "XYZ"],
    ]);
    const plain = analyseChecklist(csvToRows("番号,評価項目\n1,一。\n2,二。")).template!;
    expect(plain.categories).toEqual([{ code: "C01", nameJa: "チェック項目", nameEn: "Checklist items", sortOrder: 1 }]);
    const named = analyseChecklist(csvToRows("区分,評価項目\n運営,一。")).template!;
    expect(named.categories[0]).toEqual({ code: "C01", nameJa: "運営", nameEn: "運営", sortOrder: 1 });
  });

  it("fills a blank category cell down with the row above's code and English name, not after a new category", () => {
    const rows = csvToRows(
      ["区分,category_code,category_en,評価項目", "運営,OPS,Running,一。", ",,,二。", "独自,,,三。", ",,,四。"].join("\n"),
    );
    const t = analyseChecklist(rows).template!;
    expect(t.categories.map((c) => [c.code, c.nameJa, c.nameEn])).toEqual([
      ["OPS", "運営", "Running"],
      ["C01", "独自", "独自"],
    ]);
    expect(t.items.map((i) => i.categoryCode)).toEqual(["OPS", "OPS", "C01", "C01"]);
    // A code given without a name starts its own category rather than taking the name above.
    const coded = analyseChecklist(csvToRows(["区分,category_code,評価項目", "運営,OPS,一。", ",MON,二。"].join("\n"))).template!;
    expect(coded.categories.map((c) => [c.code, c.nameJa])).toEqual([
      ["OPS", "運営"],
      ["MON", "モニタリング"],
    ]);
  });

  it("sorts items by category in the order categories first appear, keeping the file's order within each", () => {
    const rows = csvToRows(["区分,番号,評価項目", "甲,1,一。", "乙,2,二。", "甲,3,三。", "乙,4,四。", "丙,5,五。"].join("\n"));
    const t = analyseChecklist(rows).template!;
    expect(t.items.map((i) => [i.label, i.categoryCode, i.sortOrder])).toEqual([
      ["1", "C01", 1],
      ["3", "C01", 2],
      ["2", "C02", 3],
      ["4", "C02", 4],
      ["5", "C03", 5],
    ]);
    expect(t.categories.map((c) => c.sortOrder)).toEqual([1, 2, 3]);
  });

  it("refuses malformed item and category codes, accepting 40 characters and no more", () => {
    const code = (c: string) => parseChecklistCsv(`code,text_ja\n${c},文。`);
    expect(code("A".repeat(40)).ok).toBe(true);
    expect(code("a1._-b").ok).toBe(true);
    for (const bad of ["A".repeat(41), "-A", "A/B", "A B", "Ａ＋"]) expect([bad, code(bad).ok]).toEqual([bad, false]);
    const r = parseChecklistCsv("category_code,text_ja\nO P,文。");
    expect(r).toEqual({ ok: false, errors: [{ line: 2, column: "A（category_code）", reason: "badCode", value: "O P" }] });
  });

  it("accepts every pillar word, in either language", () => {
    const words: Record<string, string> = { ...PILLAR_WORDS, HR: "hr" };
    expect(new Set(Object.values(PILLAR_WORDS))).toEqual(new Set(PILLARS));
    expect(PILLAR_WORDS).toMatchObject({ 個別支援: "individual", 地域支援: "community", 人材育成: "hr" });
    const r = parseChecklistCsv(["text_ja,pillar", ...Object.keys(words).map((w, i) => `文${i}。,${w}`), "文。,"].join("\n"));
    expect(r.ok && r.template.items.map((i) => i.pillar)).toEqual([...Object.values(words), null]);
  });

  it("refuses duplicate labels and duplicate meanings, and needs rows", () => {
    expect(parseChecklistCsv("label,text_ja\n1,一。\n１,二。")).toEqual({
      ok: false,
      errors: [{ line: 3, column: "A（label）", reason: "duplicateLabel", value: "1 (2)" }],
    });
    const dup = analyseChecklist(csvToRows("評価項目,番号,項目\n一。,1,二。"), { mapping: ["textJa", "label", "textJa"] });
    expect(dup.errors).toEqual([{ line: 1, column: "C（項目）", reason: "duplicateField", value: "textJa" }]);
    expect(dup.columns.map((c) => [c.letter, c.header, c.field])).toEqual([
      ["A", "評価項目", "textJa"],
      ["B", "番号", "label"],
      ["C", "項目", "textJa"],
    ]);
    expect(parseChecklistCsv("番号,評価項目\n,\n")).toEqual({ ok: false, errors: [{ line: 2, reason: "noRows" }] });
    expect(analyseChecklist([], {}).errors).toEqual([{ line: 0, reason: "noHeader" }]);
  });

  it("takes a mapping given by the user, unmapped columns ignored", () => {
    const a = analyseChecklist(csvToRows("甲,乙,丙\n一。,メモ,x"), { mapping: ["textJa"] });
    expect(a.columns.map((c) => c.field)).toEqual(["textJa", "ignore", "ignore"]);
    expect(a.template!.items.map((i) => i.textJa)).toEqual(["一。"]);
  });

  it("refuses control characters and texts over 2000 characters in mapped columns only", () => {
    expect(parseChecklistCsv("text_ja,memo\n一\u0007。,x")).toEqual({
      ok: false,
      errors: [{ line: 2, column: "A（text_ja）", reason: "controlChar" }],
    });
    expect(parseChecklistCsv("text_ja,memo\n一。,\u0007").ok).toBe(true);
    expect(parseChecklistCsv("text_ja\n一\t二\n").ok).toBe(true);
    expect(parseChecklistCsv(`text_ja\n${"あ".repeat(2000)}`).ok).toBe(true);
    expect(parseChecklistCsv(`text_ja\n${"あ".repeat(2001)}`)).toEqual({
      ok: false,
      errors: [{ line: 2, column: "A（text_ja）", reason: "tooLong", value: "2000" }],
    });
  });

  it("takes 500 items and refuses 501", () => {
    const csv = (n: number) => ["text_ja", ...Array.from({ length: n }, (_, i) => `項目${i}。`)].join("\n");
    expect(parseChecklistCsv(csv(500)).ok).toBe(true);
    expect(parseChecklistCsv(csv(501))).toEqual({ ok: false, errors: [{ line: 0, reason: "tooManyRows", value: "500" }] });
  });

  it("reads CSV with a byte-order mark and CR line ends, dropping blank rows at the end only", () => {
    expect(csvToRows("\uFEFF番号,評価項目\r1,一。\r\r,\r")).toEqual([
      { line: 1, cells: ["番号", "評価項目"] },
      { line: 2, cells: ["1", "一。"] },
    ]);
    expect(csvToRows("a\n\nb").map((r) => r.line)).toEqual([1, 2, 3]);
    expect(csvToRows('"x\ny\rz",b\nc').map((r) => r.line)).toEqual([1, 4]);
    expect(csvToRows("")).toEqual([]);
  });
});

describe("checklist import: codes across versions", () => {
  const previous: PreviousVersion = {
    version: 1,
    categories: [
      { code: "C01", nameJa: "運営 体制" },
      { code: "C05", nameJa: "相談" },
    ],
    items: [
      { code: "A", label: "", textJa: "方針を 共有している。" },
      { code: "B", label: "2", textJa: "苦情に対応している。" },
    ],
    usedItemCodes: ["A", "B", "X", "ITEM_2", "1_2"],
    usedCategoryCodes: ["C01", "C02", "C05"],
  };

  it("reuses a previous category's code by name, never an old code for a new category", () => {
    const rows = csvToRows(["区分,評価項目", "新しい区分,一。", "運営体制,二。", "相談,三。"].join("\n"));
    const t = analyseChecklist(rows, { previous }).template!;
    expect(t.categories.map((c) => [c.nameJa, c.code])).toEqual([
      ["新しい区分", "C03"],
      ["運営体制", "C01"],
      ["相談", "C05"],
    ]);
    // A previous code given to another category in the file is not taken twice.
    const given = analyseChecklist(csvToRows(["区分,category_code,評価項目", "その他,C01,一。", "運営体制,,二。"].join("\n")), {
      previous,
    });
    expect(given.template!.categories.map((c) => c.code)).toEqual(["C01", "C03"]);
  });

  it("matches an unlabelled item by its text alone, and by label and text otherwise", () => {
    const rows = csvToRows(["番号,評価項目", ",方針を共有している。", "2,苦情に 対応している。", "3,苦情に対応している。"].join("\n"));
    const a = analyseChecklist(rows, { previous });
    expect(a.matches.map((m) => [m.line, m.code, m.how])).toEqual([
      [2, "A", "labelText"],
      [3, "B", "labelText"],
      [4, "3", null],
    ]);
    expect(a.dropped).toEqual([]);
  });

  it("marks a given code of the previous version as the same item, and a new one as its own", () => {
    const a = analyseChecklist(csvToRows("code,text_ja\nB,何か。\nNEW,別。"), { previous });
    expect(a.matches.map((m) => [m.code, m.how])).toEqual([
      ["B", "code"],
      ["NEW", null],
    ]);
    expect(a.dropped.map((d) => d.code)).toEqual(["A"]);
  });

  it("never takes a code given in the file or ever used, generating from the label or ITEM", () => {
    const rows = csvToRows(
      ["番号,code,評価項目", ",1,一。", "1,,二。", "x/y,,三。", ",,四。", "2,,苦情に対応している。", "2,B,重複。"].join("\n"),
    );
    const a = analyseChecklist(rows, { previous });
    expect(a.errors).toEqual([{ line: 7, column: "A（番号）", reason: "duplicateLabel", value: "2 (6)" }]);
    const fine = analyseChecklist(
      csvToRows(["番号,code,評価項目", ",1,一。", "1,,二。", "x/y,,三。", ",,四。", "5,B,苦情。", "6,,苦情に対応している。"].join("\n")),
      {
        previous,
      },
    );
    expect(fine.matches.map((m) => m.code)).toEqual(["1", "1_3", "ITEM_3", "ITEM_4", "B", "6"]);
  });

  it("lets the user link an item to a previous one, start its own history, or refuse a bad or taken choice", () => {
    const rows = csvToRows(["番号,評価項目", "7,言い換えた。", "8,方針を共有している。"].join("\n"));
    expect(analyseChecklist(rows, { previous, choices: { "2": "A" } }).matches.map((m) => [m.code, m.how])).toEqual([
      ["A", "chosen"],
      ["8", null],
    ]);
    expect(analyseChecklist(rows, { previous, choices: { "3": "" } }).matches.map((m) => [m.code, m.how])).toEqual([
      ["7", null],
      ["8", null],
    ]);
    expect(analyseChecklist(rows, { previous, choices: { "3": "auto" } }).matches.map((m) => [m.code, m.how])).toEqual([
      ["7", null],
      ["A", "labelText"],
    ]);
    const bad = analyseChecklist(rows, { previous, choices: { "2": "Z" } });
    expect([bad.errors, bad.template]).toEqual([[{ line: 2, reason: "badMatch", value: "Z" }], null]);
    const taken = analyseChecklist(csvToRows("番号,code,評価項目\n7,,一。\n,A,二。"), { previous, choices: { "2": "A" } });
    expect(taken.errors).toEqual([{ line: 2, reason: "matchTaken", value: "A" }]);
  });
});

describe("checklist import: survivors of the first mutation run", () => {
  it("takes the first row naming two known columns even below a wide title row", () => {
    const rows = [
      { line: 1, cells: ["自己評価", "令和7年度"] },
      { line: 2, cells: ["番号", "評価項目"] },
      { line: 3, cells: ["1", "一。"] },
    ];
    expect(findHeaderRow(rows)).toBe(1);
    expect(proposeField("  ", { "": "textJa" })).toBe("ignore");
  });

  it("answers an empty analysis when there is no header, and no template after too many rows", () => {
    expect(analyseChecklist([])).toEqual({
      headerLine: 0,
      columns: [],
      errors: [{ line: 0, reason: "noHeader" }],
      template: null,
      matches: [],
      dropped: [],
    });
    const csv = ["text_ja", ...Array.from({ length: 501 }, (_, i) => `項目${i}。`)].join("\n");
    expect(analyseChecklist(csvToRows(csv)).template).toBeNull();
  });

  it("names the line of the first use of a duplicate code, skips rows of blanks, strips a byte-order mark from a header", () => {
    expect(parseChecklistCsv("code,text_ja\nA,一。\nA,二。")).toEqual({
      ok: false,
      errors: [{ line: 3, column: "A（code）", reason: "duplicateCode", value: "A (2)" }],
    });
    expect(parseChecklistCsv("text_ja,memo\n一。,\n  , \n二。,").ok).toBe(true);
    const a = analyseChecklist(
      [
        { line: 1, cells: ["\uFEFF評価項目"] },
        { line: 2, cells: ["一。"] },
      ],
      { headerIndex: 0 },
    );
    expect(a.columns[0].header).toBe("評価項目");
  });

  it("does not match an unlabelled item to a labelled previous item by text alone", () => {
    const previous: PreviousVersion = {
      version: 1,
      categories: [],
      items: [{ code: "B", label: "2", textJa: "苦情に対応している。" }],
      usedItemCodes: ["B"],
      usedCategoryCodes: [],
    };
    const a = analyseChecklist(csvToRows("番号,評価項目\n,苦情に対応している。"), { previous });
    expect(a.matches.map((m) => [m.code, m.how])).toEqual([["ITEM_2", null]]);
  });
});
