// The city's own checklist files through the import page's action: every shape, bad files, and hostile workbooks.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { parseChecklistCsv } from "~/evaluation/checklist-import";
import { readSpreadsheet } from "~/evaluation/spreadsheet.server";
import { insertTemplateVersion } from "~/evaluation/template-store";
import { publishTemplate } from "~/evaluation/templates.server";
import { now } from "~/lib/clock";
import { fiscalYearOf } from "~/lib/fiscal-year";
import { action } from "~/routes/subcommittee.checklists._index";
import { loader as templateLoader } from "~/routes/subcommittee.checklists.template[.xlsx]";
import { createUser, requestAs } from "./factories";
import { cityChecklistCsv, cityChecklistXlsx, farColumnXlsx, shiftJis, utf8Bom, zipBombXlsx } from "./import-fixtures";
import { callRoute } from "./call-route";

let subcommittee: number;

beforeAll(async () => {
  const v1 = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
  if (!v1.ok) throw new Error("v1.csv invalid");
  await insertTemplateVersion(prisma, v1.template, { publishFor: [fiscalYearOf(now())] });
  subcommittee = (await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] })).id;
});

async function post(form: FormData) {
  const request = await requestAs(subcommittee, "/subcommittee/checklists", { method: "POST", body: form });
  const r = await callRoute(action({ request, params: {}, context: { clientIp: "" } }));
  if (r.thrown) throw r.response;
  return { status: r.status, location: r.location, body: (r.body ?? {}) as Record<string, unknown> };
}

async function upload(bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.set("intent", "upload");
  form.set("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  return post(form);
}

type MapState = {
  fileName: string;
  encoding: string;
  sheets: unknown;
  sheet: number;
  sheetNames: string[];
  analysis: {
    headerLine: number;
    columns: { index: number; header: string; field: string }[];
    errors: { line: number; column?: string; reason: string; value?: string }[];
    template: {
      categories: { code: string; nameJa: string }[];
      items: { label: string; code: string; textJa: string; categoryCode: string; pillar: string | null }[];
    } | null;
    dropped: { code: string }[];
  };
};

/** The fields the mapping form posts back, as the browser would. */
function stepForm(state: MapState, intent: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set("intent", intent);
  form.set("sheets", JSON.stringify(state.sheets));
  form.set("fileName", state.fileName);
  form.set("encoding", state.encoding);
  form.set("sheet", String(state.sheet));
  form.set("headerLine", String(state.analysis.headerLine));
  for (const c of state.analysis.columns) form.set(`map_${c.index}`, c.field);
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  return form;
}

describe("checklist import from the city's files", () => {
  it("reads a Shift_JIS CSV with Japanese headers: detected, mapped, previewed, and saved only after dropped items are acknowledged", async () => {
    const res = await upload(shiftJis(cityChecklistCsv(6)), "チェックシート.csv");
    expect(res.status).toBe(200);
    const state = res.body.state as MapState;
    expect(state.encoding).toBe("Shift_JIS (CP932)");
    expect(state.analysis.columns.map((c) => [c.header, c.field])).toEqual([
      ["番号", "label"],
      ["区分", "category"],
      ["評価項目", "textJa"],
      ["着眼点", "guidanceJa"],
      ["根拠資料", "evidenceJa"],
    ]);
    const t = state.analysis.template!;
    expect(t.categories.map((c) => c.nameJa)).toEqual(["運営体制", "アセスメント"]);
    expect(t.items.map((i) => i.label)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(t.items[1].textJa).toBe("苦情解決の仕組みを\n利用者に説明している。");
    expect(JSON.stringify(t)).not.toContain("\uFFFD");
    // Version 1's 73 items are not in this file: saving is refused until that is acknowledged.
    expect(state.analysis.dropped).toHaveLength(73);
    const refused = await post(stepForm(state, "confirm"));
    expect(refused.status).toBe(400);
    expect((refused.body.state as MapState).analysis.errors).toEqual([{ line: 0, reason: "droppedNotAcknowledged", value: "73" }]);
    expect(await prisma.checklistTemplate.count()).toBe(1);
    const saved = await post(stepForm(state, "confirm", { acknowledgeDropped: "on" }));
    expect(saved.status).toBe(302);
    const version = Number(saved.location!.split("/").pop()!.split("?")[0]);
    // Published for next fiscal year, it is the version the next import is matched against.
    const saved2 = await prisma.checklistTemplate.findUniqueOrThrow({ where: { version } });
    await publishTemplate(saved2.id, [fiscalYearOf(now()) + 1], subcommittee);
    const items = await prisma.checklistItem.findMany({
      where: { template: { version } },
      orderBy: { sortOrder: "asc" },
      include: { category: true },
    });
    expect(items.map((i) => [i.label, i.category.nameJa, i.pillar])).toEqual([
      ["1", "運営体制", null],
      ["2", "運営体制", null],
      ["3", "運営体制", null],
      ["4", "アセスメント", null],
      ["5", "アセスメント", null],
      ["6", "アセスメント", null],
    ]);
  });

  it("reads UTF-8 with BOM and CRLF, proposes the saved mapping again, and matches unchanged items to the previous version", async () => {
    const res = await upload(utf8Bom(cityChecklistCsv(6)), "checklist-bom.csv");
    const state = res.body.state as MapState;
    expect(state.encoding).toBe("UTF-8 (BOM)");
    expect(state.analysis.columns[0].header).toBe("番号");
    // Same labels and texts as the version saved by the test above: every item keeps its history, none dropped.
    expect(state.analysis.dropped).toEqual([]);
    // The user changes a column's meaning; the choice is remembered for the next file.
    const remapped = await post(stepForm(state, "map", { map_4: "ignore" }));
    const next = remapped.body.state as MapState;
    expect(next.analysis.columns[4].field).toBe("ignore");
    expect((await post(stepForm(next, "confirm"))).status).toBe(302);
    const again = (await upload(utf8Bom(cityChecklistCsv(6)), "again.csv")).body.state as MapState;
    expect(again.analysis.columns[4].field).toBe("ignore");
  });

  it("reads an XLSX: the sheet with the checklist, header below title rows, merged categories filled, full-width labels normalised, line breaks kept", async () => {
    const res = await upload(await cityChecklistXlsx(6), "city.xlsx");
    expect(res.status).toBe(200);
    const state = res.body.state as MapState;
    expect(state.sheetNames).toEqual(["表紙", "チェックシート"]);
    expect(state.sheet).toBe(1);
    expect(state.analysis.headerLine).toBe(4);
    const t = state.analysis.template!;
    expect(t.items.map((i) => [i.label, t.categories.find((c) => c.code === i.categoryCode)!.nameJa, i.pillar])).toEqual([
      ["1-1", "運営体制", "hr"],
      ["1-2", "運営体制", null],
      ["1-3", "運営体制", null],
      ["2-1", "地域との連携", null],
      ["2-2", "地域との連携", null],
      ["2-3", "地域との連携", null],
    ]);
    expect(t.items[0].textJa).toBe("項目1の文章。\n二行目。");
  });

  it("refuses bad files with a clear message and saves nothing", async () => {
    const before = await prisma.checklistTemplate.count();
    const cases: [Uint8Array, string, string][] = [
      [new TextEncoder().encode("%PDF-1.7\n1 0 obj"), "list.pdf", "imports.problem.pdf"],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "photo.png", "imports.problem.image"],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "old.xls", "imports.problem.oldExcel"],
      [new Uint8Array(50 * 1024 * 1024), "huge.csv", "imports.problem.tooLarge"],
      // Bytes that are neither UTF-8 nor Shift_JIS.
      [new Uint8Array([0x8e, 0xd4, 0x2c, 0xff, 0xfe, 0xfd, 0x0a, 0x85, 0x40, 0x2c, 0xa0]), "garbage.csv", "imports.problem.undecodable"],
      [new TextEncoder().encode("not a zip"), "book.xlsx", "imports.problem.notSpreadsheet"],
    ];
    for (const [bytes, name, message] of cases) {
      const res = await upload(bytes, name);
      expect([name, res.status, res.body.message]).toEqual([name, 400, message]);
    }
    const empty = new FormData();
    empty.set("intent", "upload");
    empty.set("file", new File([], "empty.csv"));
    expect((await post(empty)).body.message).toBe("imports.problem.empty");
    // A tampered confirm (rows null, objects, strings) is a 400 with a message, never a 500.
    for (const sheets of ["null", "[{}]", '"str"', "[", JSON.stringify([{ name: "x", rows: [{ line: 1, cells: [1] }] }])]) {
      const form = new FormData();
      form.set("intent", "confirm");
      form.set("sheets", sheets);
      const res = await post(form);
      expect([sheets, res.status, res.body.message]).toEqual([sheets, 400, "imports.problem.badForm"]);
    }
    // Refused rows name line and column; nothing saved.
    const bad = await upload(new TextEncoder().encode("番号,評価項目,研修の柱\n1,ok,人材育成\n1,dup,\n3,,x\n"), "bad.csv");
    const errors = (bad.body.state as MapState).analysis.errors;
    expect(errors.map((e) => [e.line, e.column, e.reason])).toEqual([
      [3, "A（番号）", "duplicateLabel"],
      [4, "B（評価項目）", "emptyText"],
      [4, "C（研修の柱）", "badPillar"],
    ]);
    expect(await prisma.checklistTemplate.count()).toBe(before);
  });

  it("serves the XLSX template, which imports as it is", async () => {
    const res = await templateLoader({
      request: await requestAs(subcommittee, "/subcommittee/checklists/template.xlsx"),
      params: {},
      context: { clientIp: "" },
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const up = await upload(bytes, "template.xlsx");
    const state = up.body.state as MapState;
    expect(state.analysis.errors).toEqual([]);
    expect(state.analysis.template!.items.map((i) => i.label)).toEqual(["1", "2", "1-1"]);
  });
});

describe("hostile workbooks (issue 16)", () => {
  it("refuses a cell in column XFD on 20,000 rows quickly, without growing the server's heap", async () => {
    const file = farColumnXlsx(20_000);
    expect(file.length).toBeLessThan(1024 * 1024);
    const heap = process.memoryUsage().heapUsed;
    const started = Date.now();
    const res = await readSpreadsheet(file, "wide.xlsx");
    const ms = Date.now() - started;
    expect(res).toEqual({ ok: false, problem: "tooWide", value: "100" });
    expect(ms).toBeLessThan(15_000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(100 * 1024 * 1024);
    console.log(`XFD × 20,000 rows (${Math.round(file.length / 1024)} KB): refused in ${ms} ms`);
  });

  it("refuses a zip bomb from its declared size before inflating it", async () => {
    const file = zipBombXlsx(70);
    expect(file.length).toBeLessThan(1024 * 1024);
    const rss = process.memoryUsage().rss;
    const started = Date.now();
    const res = await readSpreadsheet(file, "bomb.xlsx");
    const ms = Date.now() - started;
    expect(res).toEqual({ ok: false, problem: "uncompressedTooLarge", value: "60" });
    expect(ms).toBeLessThan(3_000);
    console.log(
      `zip bomb (${Math.round(file.length / 1024)} KB → 70 MB): refused in ${ms} ms, rss +${Math.round((process.memoryUsage().rss - rss) / 1e6)} MB`,
    );
  });

  it("refuses a workbook of over 100,000 rows that passes the size check, before parsing it, and reads the next file", async () => {
    const file = zipBombXlsx(6);
    const started = Date.now();
    const res = await readSpreadsheet(file, "big.xlsx");
    expect(res).toEqual({ ok: false, problem: "tooManyRows", value: "100000" });
    expect(Date.now() - started).toBeLessThan(15_000);
    const ok = await readSpreadsheet(await cityChecklistXlsx(3), "after.xlsx");
    expect(ok.ok).toBe(true);
  });
});
