// Past years' results through the import page's action (issue 11), on PostgreSQL with files built here:
// every shape a city keeps, office matching and its review, era years, refusals that save nothing,
// re-import that changes nothing, the results page showing the years, and the export round trip.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { analyseChecklist } from "~/evaluation/checklist-import";
import { sheetWorkbook } from "~/evaluation/export.server";
import { resultsFor } from "~/evaluation/results.server";
import { insertTemplateVersion } from "~/evaluation/template-store";
import { csvToRows } from "~/evaluation/checklist-import";
import { now } from "~/lib/clock";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { action, loader } from "~/routes/subcommittee.results-import";
import { BODY_LIMITS, bodyLimitFor } from "../../scripts/lib/server.ts";
import { expectAggregatesMatchAnswers } from "./council-aggregates";
import { createOffice, createUser, createWard, requestAs } from "./factories";
import { cityChecklistCsv, shiftJis, utf8Bom } from "./import-fixtures";
import { eraYear, fullWidth, longTableCsv, ratingOf, twelveYearWorkbook, yearWorkbook } from "./results-fixtures";
import { callRoute } from "./call-route";

const ITEMS = 6;
const FIRST = 2012; // 平成24年度, when the city's self-evaluation began
let subcommittee: number;
let templateVersion: number;
const office: Record<string, { id: number; name: string }> = {};

beforeAll(async () => {
  // The city's own 6-item checklist (numbered 1–6), published for this fiscal year.
  const a = analyseChecklist(csvToRows(cityChecklistCsv(ITEMS)), {});
  if (!a.template || a.errors.length) throw new Error("fixture checklist invalid");
  templateVersion = (await insertTemplateVersion(prisma, a.template, { publishFor: [fiscalYearOf(now())] })).version;
  subcommittee = (await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] })).id;
  const ward = await createWard();
  const other = await createWard();
  for (const [key, name, wardId] of [
    ["tsunagu", "株式会社つなぐ 相談支援センター", ward.id],
    ["himawari", "ひまわり相談室", ward.id],
    ["aoba1", "あおば相談所", ward.id],
    ["aoba2", "あおば相談所", other.id],
    ["midori", "みどり相談室", ward.id],
    ["sakura", "さくら相談室", ward.id],
  ] as const)
    office[key] = await createOffice({ name, wardId });
});

type State = {
  fileName: string;
  encoding: string;
  sheets: unknown;
  version: number;
  defaultYear: string;
  resolved: Record<string, number>;
  analysis: {
    columns: { index: number; header: string; field: string }[];
    errors: { line: number; column?: string; reason: string; value?: string; sheet?: string }[];
    questions: { key: string; written: string; candidates: number[] }[];
    records: unknown[];
  };
  plan: { officeId: number; fiscalYear: number; answers: number; action: string }[];
  errors: { line: number; reason: string; value?: string }[];
};

async function post(form: FormData, userId = subcommittee) {
  const request = await requestAs(userId, "/subcommittee/results-import", { method: "POST", body: form });
  const r = await callRoute(action({ request, params: {}, context: { clientIp: "" } }));
  if (r.thrown) throw r.response;
  return { status: r.status, location: r.location, body: (r.body ?? {}) as Record<string, unknown> };
}

async function upload(files: { bytes: Uint8Array; name: string }[], userId = subcommittee) {
  const form = new FormData();
  form.set("intent", "upload");
  for (const f of files) form.append("file", new File([f.bytes as Uint8Array<ArrayBuffer>], f.name));
  return post(form, userId);
}

/** The fields the mapping form posts back, as the browser would. */
function stepForm(state: State, intent: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set("intent", intent);
  form.set("sheets", JSON.stringify(state.sheets));
  form.set("fileName", state.fileName);
  form.set("encoding", state.encoding);
  form.set("version", String(state.version));
  form.set("defaultYear", state.defaultYear);
  for (const c of state.analysis.columns) form.set(`map_${c.index}`, c.field);
  for (const [k, v] of Object.entries(state.resolved)) form.set(`office_${k}`, String(v));
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  return form;
}

async function counts() {
  return {
    evaluations: await prisma.evaluation.count(),
    answers: await prisma.evaluationAnswer.count(),
    events: await prisma.evaluationEvent.count(),
  };
}

describe("past years' results from the city's files", () => {
  it("only the subcommittee may import", async () => {
    const manager = await createUser({ roles: ["OFFICE_MANAGER"], officeId: office.sakura.id });
    const admin = await createUser({ roles: ["ADMINISTRATOR"] });
    for (const id of [manager.id, admin.id]) {
      const request = await requestAs(id, "/subcommittee/results-import");
      await expect(loader({ request, params: {}, context: { clientIp: "" } })).rejects.toMatchObject({ status: 403 });
      await expect(upload([{ bytes: utf8Bom("年度,番号,評価\r\n2015,1,4\r\n"), name: "ひまわり相談室.csv" }], id)).rejects.toMatchObject({
        status: 403,
      });
    }
  });

  it("a long table as a Shift_JIS CSV: offices matched by name as the city writes it, era years, ratings as numbers and words; saved once, re-import changes nothing", async () => {
    const rows = [];
    const years = [FIRST, FIRST + 1, 2019, 2020];
    const written = [2012, 2013, 2019, 2020].map((fy, i) => [eraYear(fy), "H25", "令和元年度", "2020"][i]);
    for (const [y, fy] of years.entries())
      for (let i = 1; i <= ITEMS; i++)
        rows.push({
          // As written on the city's sheet: no 株式会社, full-width space, half-width kana-free.
          office: "つなぐ　相談支援センター",
          year: written[y],
          item: fullWidth(i),
          text: `項目${i}`,
          rating:
            i === 3
              ? "該当なし"
              : y % 2
                ? ["", "できていない", "あまりできていない", "おおむねできている", "できている"][ratingOf(0, fy, i)]
                : fullWidth(ratingOf(0, fy, i)),
          comment: i === 1 ? "研修を\r\n実施した" : "",
        });
    const before = await counts();
    const res = await upload([{ bytes: shiftJis(longTableCsv(rows)), name: "自己評価結果.csv" }]);
    expect(res.status).toBe(200);
    const state = res.body.state as State;
    expect(state.encoding).toBe("Shift_JIS (CP932)");
    expect(state.analysis.columns.map((c) => [c.header, c.field])).toEqual([
      ["事業所名", "office"],
      ["年度", "year"],
      ["番号", "item"],
      ["評価項目", "itemText"],
      ["評価", "rating"],
      ["コメント", "comment"],
    ]);
    expect(state.analysis.errors).toEqual([]);
    expect(state.analysis.questions).toEqual([]);
    expect(state.plan.map((p) => [p.officeId, p.fiscalYear, p.answers, p.action])).toEqual(
      years.map((fy) => [office.tsunagu.id, fy, ITEMS, "new"]),
    );
    // Nothing is written before the user confirms.
    expect(await counts()).toEqual(before);
    const saved = await post(stepForm(state, "confirm"));
    expect(saved.status).toBe(302);
    expect(saved.location).toContain("created=4");
    const evaluations = await prisma.evaluation.findMany({
      where: { officeId: office.tsunagu.id },
      include: { answers: true, events: true, template: true },
      orderBy: { fiscalYear: "asc" },
    });
    expect(evaluations.map((e) => [e.fiscalYear, e.status, e.imported, e.template.version, e.events.map((v) => v.kind)])).toEqual(
      years.map((fy) => [fy, "SUBMITTED", true, templateVersion, ["IMPORTED"]]),
    );
    const first = new Map(evaluations[0].answers.map((a) => [a.itemCode, a]));
    expect(first.get("1")).toMatchObject({ rating: ratingOf(0, FIRST, 1), comment: "研修を\n実施した" });
    expect(first.get("3")).toMatchObject({ rating: null, notApplicable: true });
    const second = new Map(evaluations[1].answers.map((a) => [a.itemCode, a]));
    expect(second.get("2")?.rating).toBe(ratingOf(0, FIRST + 1, 2));

    // The same file again: every sheet unchanged, nothing written.
    const afterFirst = await counts();
    const again = (await upload([{ bytes: shiftJis(longTableCsv(rows)), name: "自己評価結果.csv" }])).body.state as State;
    expect(again.plan.map((p) => p.action)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged"]);
    const resaved = await post(stepForm(again, "confirm"));
    expect(resaved.location).toContain("created=0&replaced=0&unchanged=4");
    expect(await counts()).toEqual(afterFirst);
  });

  it("one file per office as UTF-8 with BOM and CRLF: the office from the file's name, the year from a column", async () => {
    const lines = ["年度,番号,評価"];
    for (const fy of [2014, 2015]) for (let i = 1; i <= ITEMS; i++) lines.push(`${fy}年度,${i},${ratingOf(2, fy, i)}`);
    const state = (await upload([{ bytes: utf8Bom(lines.join("\r\n") + "\r\n"), name: "ひまわり相談室.csv" }])).body.state as State;
    expect(state.encoding).toBe("UTF-8 (BOM)");
    expect(state.analysis.errors).toEqual([]);
    expect(state.plan.map((p) => [p.officeId, p.fiscalYear])).toEqual([
      [office.himawari.id, 2014],
      [office.himawari.id, 2015],
    ]);
    expect((await post(stepForm(state, "confirm"))).status).toBe(302);
  });

  it("a twelve-year workbook (a sheet per year, title rows, merged cells, full-width numbers) and the office's results page shows every year", async () => {
    const bytes = await twelveYearWorkbook(
      "みどり相談室",
      FIRST,
      Array.from({ length: ITEMS }, (_, i) => String(i + 1)),
    );
    const state = (await upload([{ bytes, name: "みどり相談室_12年分.xlsx" }])).body.state as State;
    expect(state.analysis.errors).toEqual([]);
    expect(state.plan.map((p) => p.fiscalYear)).toEqual(Array.from({ length: 12 }, (_, i) => FIRST + i));
    expect(new Set(state.plan.map((p) => p.officeId))).toEqual(new Set([office.midori.id]));
    expect((await post(stepForm(state, "confirm"))).status).toBe(302);
    const last = FIRST + 11;
    const results = await resultsFor(office.midori.id, last);
    expect(results.submitted).toBe(true);
    if (!results.submitted) return;
    expect(results.earlierYears).toEqual(Array.from({ length: 11 }, (_, i) => FIRST + i));
    const answers = await prisma.evaluationAnswer.findMany({ where: { evaluation: { officeId: office.midori.id, fiscalYear: 2015 } } });
    const byCode = new Map(answers.map((a) => [a.itemCode, a]));
    for (let i = 1; i <= ITEMS; i++) expect(byCode.get(String(i))?.rating).toBe(ratingOf(1, 2015, i));
    expect(byCode.get("2")?.comment).toBe("所見\n二行目（2015）");
  });

  it("a workbook per year with a sheet per office: an ambiguous office name is listed and resolved by the user", async () => {
    const bytes = await yearWorkbook(["さくら相談室", "あおば相談所"], 2016, ITEMS);
    const state = (await upload([{ bytes, name: "平成28年度.xlsx" }])).body.state as State;
    expect(state.analysis.questions.map((q) => [q.written, q.candidates.sort()])).toEqual([
      ["あおば相談所", [office.aoba1.id, office.aoba2.id].sort()],
    ]);
    expect(state.analysis.errors[0]).toMatchObject({ line: 3, reason: "ambiguousOffice", sheet: "平成28年度.xlsx › あおば相談所" });
    const before = await counts();
    expect((await post(stepForm(state, "confirm"))).status).toBe(400);
    expect(await counts()).toEqual(before);
    const key = state.analysis.questions[0].key;
    const resolved = (await post(stepForm(state, "map", { [`office_${key}`]: String(office.aoba2.id) }))).body.state as State;
    expect(resolved.analysis.errors).toEqual([]);
    expect(resolved.plan.map((p) => [p.officeId, p.fiscalYear])).toEqual([
      [office.aoba2.id, 2016],
      [office.sakura.id, 2016],
    ]);
    expect((await post(stepForm(resolved, "confirm"))).status).toBe(302);
  });

  it("offices matched by their number (事業所番号) before their name: a different-looking name, full-width digits, a number in the title line or file name; a number no office has is listed", async () => {
    const ward = await createWard();
    const kasumi = await createOffice({ name: "かすみ相談室", wardId: ward.id });
    const futaba = await createOffice({ name: "ふたば相談室", wardId: ward.id });
    await prisma.office.update({ where: { id: kasumi.id }, data: { officeNumber: "0419000001" } });
    await prisma.office.update({ where: { id: futaba.id }, data: { officeNumber: "0419000002" } });
    const lines = ["事業所番号,事業所名,年度,番号,評価"];
    for (let i = 1; i <= ITEMS; i++) {
      // The number in full-width digits, the name as an old one: the number decides.
      lines.push(`${fullWidth("0419000001")},株式会社 旧かすみケアプラン,2017,${i},${ratingOf(5, 2017, i)}`);
      // A number no office has, with the name of an office that has a number of its own: asked, not guessed.
      lines.push(`0419999999,ふたば相談室,2017,${i},3`);
      // A number no office has, and no name.
      lines.push(`0419999998,,2017,${i},2`);
    }
    const state = (await upload([{ bytes: utf8Bom(lines.join("\r\n") + "\r\n"), name: "番号つき.csv" }])).body.state as State;
    expect(state.analysis.columns.map((c) => c.field)).toEqual(["officeNumber", "office", "year", "item", "rating"]);
    expect(state.analysis.questions.map((q) => [q.key, q.written, q.candidates])).toEqual([
      ["№0419999999", "ふたば相談室（0419999999）", [futaba.id]],
      ["№0419999998", "0419999998", []],
    ]);
    expect(state.analysis.errors.map((e) => [e.line, e.reason, e.column])).toEqual([
      [3, "unmatchedOffice", "A（事業所番号）"],
      [4, "unmatchedOffice", "A（事業所番号）"],
    ]);
    expect(state.plan.map((p) => [p.officeId, p.fiscalYear, p.answers])).toEqual([[kasumi.id, 2017, ITEMS]]);
    // The user resolves both numbers; nothing was saved before.
    const resolved = (
      await post(stepForm(state, "map", { "office_№0419999999": String(futaba.id), "office_№0419999998": String(office.midori.id) }))
    ).body.state as State;
    expect(resolved.analysis.errors).toEqual([]);
    expect(resolved.plan.map((p) => [p.officeId, p.fiscalYear]).sort((a, b) => a[0] - b[0])).toEqual(
      [
        [kasumi.id, 2017],
        [futaba.id, 2017],
        [office.midori.id, 2017],
      ].sort((a, b) => a[0] - b[0]),
    );

    // One file per office: the number in a title line (full-width), or in the file's name, with no office name at all.
    const titled = utf8Bom(`事業所番号：${fullWidth("0419000002")}\r\n\r\n年度,番号,評価\r\n2018,1,4\r\n`);
    const byTitle = (await upload([{ bytes: titled, name: "results.csv" }])).body.state as State;
    expect(byTitle.analysis.errors).toEqual([]);
    expect(byTitle.plan.map((p) => [p.officeId, p.fiscalYear])).toEqual([[futaba.id, 2018]]);
    const byFile = (await upload([{ bytes: utf8Bom("年度,番号,評価\r\n2018,1,4\r\n"), name: "0419000001_2018.csv" }])).body.state as State;
    expect(byFile.analysis.errors).toEqual([]);
    expect(byFile.plan.map((p) => [p.officeId, p.fiscalYear])).toEqual([[kasumi.id, 2018]]);
    // A number that is not ten digits is refused with its line.
    const bad = (await upload([{ bytes: utf8Bom("事業所番号,年度,番号,評価\r\n12345,2018,1,4\r\n"), name: "bad.csv" }])).body
      .state as State;
    expect(bad.analysis.errors.map((e) => [e.line, e.reason, e.value])).toEqual([[2, "badOfficeNumber", "12345"]]);
  });

  it("a file with bad rows is refused whole: each row names its line, column and reason, and nothing is saved", async () => {
    const csv = longTableCsv([
      { office: "ひまわり相談室", year: "平成29年度", item: "1", text: "", rating: "4", comment: "" },
      { office: "ひまわり相談室", year: "平成40年度", item: "2", text: "", rating: "4", comment: "" },
      { office: "ひまわり相談室", year: "平成29年度", item: "99", text: "", rating: "3", comment: "" },
      { office: "ひまわり相談室", year: "平成29年度", item: "3", text: "", rating: "5", comment: "" },
      { office: "どこにもない事業所", year: "平成29年度", item: "4", text: "", rating: "2", comment: "" },
    ]);
    const before = await counts();
    const state = (await upload([{ bytes: utf8Bom(csv), name: "bad.csv" }])).body.state as State;
    expect(state.analysis.errors.map((e) => [e.line, e.column, e.reason, e.value])).toEqual([
      [3, "B（年度）", "badYear", "平成40年度"],
      [4, "C（番号）", "unknownItem", "99"],
      [5, "E（評価）", "badRating", "5"],
      [6, "A（事業所名）", "unmatchedOffice", "どこにもない事業所"],
    ]);
    expect((await post(stepForm(state, "confirm"))).status).toBe(400);
    expect(await counts()).toEqual(before);
    // A PDF gets a clear message, naming the file.
    const pdf = await upload([{ bytes: new TextEncoder().encode("%PDF-1.7 ..."), name: "結果.pdf" }]);
    expect(pdf.status).toBe(400);
    expect(pdf.body).toMatchObject({ step: "problem", message: "imports.problem.pdf", file: "結果.pdf" });
  });

  it("a year an office rated in the platform is never overwritten by an import", async () => {
    const fy = fiscalYearOf(now());
    const tpl = await prisma.checklistTemplate.findUniqueOrThrow({ where: { version: templateVersion } });
    await prisma.evaluation.create({ data: { officeId: office.sakura.id, fiscalYear: fy, templateId: tpl.id, status: "DRAFT" } });
    const lines = ["年度,番号,評価", ...Array.from({ length: ITEMS }, (_, i) => `${fy},${i + 1},4`)];
    const state = (await upload([{ bytes: utf8Bom(lines.join("\r\n")), name: "さくら相談室.csv" }])).body.state as State;
    expect(state.plan.map((p) => p.action)).toEqual(["conflict"]);
    expect(state.errors.map((e) => e.reason)).toEqual(["notImportable"]);
    const before = await counts();
    expect((await post(stepForm(state, "confirm"))).status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it("round trip: an office's exported sheet (ratings as numbers, office and year named) imports back to the same answers, in both languages", async () => {
    for (const locale of ["ja", "en"] as const) {
      const fy = locale === "ja" ? 2021 : 2022;
      const tpl = await prisma.checklistTemplate.findUniqueOrThrow({ where: { version: templateVersion } });
      const original = await prisma.evaluation.create({
        data: {
          officeId: office.himawari.id,
          fiscalYear: fy,
          templateId: tpl.id,
          status: "SUBMITTED",
          submittedAt: now(),
          answers: {
            create: Array.from({ length: ITEMS }, (_, i) =>
              i === 2
                ? { itemCode: String(i + 1), notApplicable: true, notApplicableReason: "対象者がいない", comment: "" }
                : {
                    itemCode: String(i + 1),
                    rating: ratingOf(3, fy, i),
                    comment: i === 0 ? "一行目\n二行目" : "",
                    evidenceNote: i === 1 ? "会議録" : "",
                  },
            ),
          },
        },
        include: { answers: true },
      });
      const exported = await sheetWorkbook(office.himawari.id, office.himawari.name, fy, locale);
      // Numbers stay numbers: a rating is 4, its label in the next column.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported);
      const ws = wb.worksheets[0];
      const header = ws.getRow(9).values as unknown[];
      const ratingCol = header.indexOf(locale === "ja" ? "評価" : "Rating");
      expect(typeof ws.getRow(10).getCell(ratingCol).value).toBe("number");
      expect(ws.getRow(3).getCell(2).value).toBe(office.himawari.name);

      // The sheet leaves the platform (as if for another installation), then comes back from the export.
      const shape = (rows: typeof original.answers) =>
        rows
          .map((a) => ({
            code: a.itemCode,
            rating: a.rating,
            na: a.notApplicable,
            reason: a.notApplicableReason,
            comment: a.comment,
            evidence: a.evidenceNote,
          }))
          .sort((a, b) => a.code.localeCompare(b.code));
      const expected = shape(original.answers);
      await prisma.evaluation.delete({ where: { id: original.id } });
      const state = (await upload([{ bytes: new Uint8Array(exported), name: `export-${locale}.xlsx` }])).body.state as State;
      expect(state.analysis.errors).toEqual([]);
      expect(state.plan.map((p) => [p.officeId, p.fiscalYear, p.answers])).toEqual([[office.himawari.id, fy, ITEMS]]);
      expect((await post(stepForm(state, "confirm"))).status).toBe(302);
      const back = await prisma.evaluation.findUniqueOrThrow({
        where: { officeId_fiscalYear: { officeId: office.himawari.id, fiscalYear: fy } },
        include: { answers: true },
      });
      expect(back.imported).toBe(true);
      expect(shape(back.answers)).toEqual(expected);
      // The imported sheet exported and imported again: unchanged.
      const reexported = await sheetWorkbook(office.himawari.id, office.himawari.name, fy, locale);
      const again = (await upload([{ bytes: new Uint8Array(reexported), name: "again.xlsx" }])).body.state as State;
      expect(again.plan.map((p) => p.action)).toEqual(["unchanged"]);
    }
  });

  it("a whole city's twelve years (30 offices × 73 items) fits the page's request limit when carried through the steps", async () => {
    const rows = [];
    for (let o = 1; o <= 30; o++)
      for (let fy = FIRST; fy < FIRST + 12; fy++)
        for (let i = 1; i <= 73; i++)
          rows.push({
            office: `事業所${o}`,
            year: eraYear(fy),
            item: String(i),
            text: "",
            rating: String(ratingOf(o, fy, i)),
            comment: "",
          });
    const csv = shiftJis(longTableCsv(rows));
    const started = performance.now();
    const res = await upload([{ bytes: csv, name: "city-12-years.csv" }]);
    const ms = Math.round(performance.now() - started);
    const state = res.body.state as State;
    const carried = new TextEncoder().encode(JSON.stringify(state.sheets)).length;
    console.log(
      `${rows.length} rows: file ${Math.round(csv.length / 1024)} KB, carried state ${Math.round(carried / 1024)} KB, read and analysed in ${ms} ms`,
    );
    expect(carried).toBeLessThan(bodyLimitFor("/subcommittee/results-import", BODY_LIMITS, 512 * 1024));
    // None of these names is an office: each is asked once, not once per row.
    expect(state.analysis.questions).toHaveLength(30);
    expect(state.analysis.errors.filter((e) => e.reason === "unmatchedOffice")).toHaveLength(30);
  });
});

describe("the council's aggregates after the imports (decision 063)", () => {
  it("equal a recomputation from the imported answers", async () => {
    const { storedScores, storedItems } = await expectAggregatesMatchAnswers();
    expect(storedScores.length).toBeGreaterThan(0);
    expect(storedItems.length).toBeGreaterThan(0);
  });
});
