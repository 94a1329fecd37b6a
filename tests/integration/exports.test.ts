// Every export opened the way a city clerk's Excel opens it (issue 11, "Round trip"): each is downloaded
// through its route as the role that has it, on the demo data, the XLSX read with ExcelJS and the CSV as
// bytes. Checked for each: Japanese intact (UTF-8 with a BOM, CRLF; no U+FFFD), an export date line, numbers
// as numbers (numeric cells; no "3/12" or "4 できている" text), dates as ISO text or date cells, offices by
// name (never an id). Then the results export (the office's own, from its results page) round trip:
// exported, imported back into a platform without that sheet, exported again: the same workbook.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { now } from "~/lib/clock";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { jstDateString } from "~/lib/jst";
import { loader as progressCsv } from "~/routes/committee.progress[.csv]";
import { loader as rosterCsv } from "~/routes/committee.sessions.$id_.roster[.csv]";
import { loader as resultsXlsx } from "~/routes/evaluation.$year.export";
import { loader as trainingCsv } from "~/routes/office.training[.csv]";
import { loader as trainingXlsx } from "~/routes/office.training[.xlsx]";
import { loader as sheetXlsx } from "~/routes/subcommittee.evaluations.$officeId.$year.export";
import { loader as reportCsv } from "~/routes/subcommittee.report.$year.csv";
import { loader as reportXlsx } from "~/routes/subcommittee.report.$year.xlsx";
import { action as importAction } from "~/routes/subcommittee.results-import";
import { seedDemoData } from "../../scripts/lib/seed.ts";
import { requestAs } from "./factories";
import { callRoute } from "./call-route";

const ctx = { context: { clientIp: "" } };
type Loader = (args: { request: Request; params: Record<string, string>; context: { clientIp: string } }) => Promise<unknown>;
type Cell = string | number | Date | null;

let FY: number;
let user: Record<"manager" | "committee" | "subcommittee", number>;
let office: { id: number; name: string; officeNumber: string | null };
/** The latest fiscal year the manager's office submitted a sheet for. */
let sheetYear: number;
let sessionId: number;

beforeAll(async () => {
  await seedDemoData(prisma, undefined, { videos: false });
  FY = currentFiscalYear();
  const id = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
  user = {
    manager: await id("manager@example.jp"),
    committee: await id("committee@example.jp"),
    subcommittee: await id("subcommittee@example.jp"),
  };
  const manager = await prisma.user.findUniqueOrThrow({ where: { id: user.manager }, include: { office: true } });
  office = manager.office!;
  sheetYear = (
    await prisma.evaluation.findFirstOrThrow({
      where: { officeId: office.id, status: "SUBMITTED" },
      orderBy: { fiscalYear: "desc" },
    })
  ).fiscalYear;
  // A session with a waiting list (the demo's nearly full one): its roster has offices, dates and places in it.
  sessionId = (await prisma.sessionEnrollment.findFirstOrThrow({ where: { status: "waitlisted" } })).sessionId;
}, 120_000);

interface ExportCase {
  name: string;
  as: keyof typeof user;
  path: () => string;
  params: () => Record<string, string>;
  loader: Loader;
  kind: "csv" | "xlsx";
  /** A cell of the header row (it is found below the title and date lines). */
  header: string;
  /** Columns (by the start of their header) whose every filled cell is a number. */
  numbers: string[];
  /** Columns whose filled cells are dates: ISO text (2026-04-01, 2026-04-01 10:00:00) or date cells. */
  dates?: string[];
  /** Lines above the header (label → value pattern) besides the export date. */
  lines?: () => Record<string, RegExp | string>;
  /** A column naming offices: its cells are names (never a number), and this office's name is among them. */
  officeColumn?: string;
  /** Japanese text the file must contain as written. */
  japanese: () => string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/;

const CASES: ExportCase[] = [
  {
    name: "an office's sheet (subcommittee)",
    as: "subcommittee",
    path: () => `/subcommittee/evaluations/${office.id}/${sheetYear}/export`,
    params: () => ({ officeId: String(office.id), year: String(sheetYear) }),
    loader: sheetXlsx as Loader,
    kind: "xlsx",
    header: "項目コード",
    numbers: ["評価"],
    lines: () => ({ 事業所: office.name, 事業所番号: office.officeNumber!, 提出日: ISO_DATE }),
    japanese: () => [office.name, "評価の文言"],
  },
  {
    name: "results (the office's own, from its results page)",
    as: "manager",
    path: () => `/evaluation/${sheetYear}/export`,
    params: () => ({ year: String(sheetYear) }),
    loader: resultsXlsx as Loader,
    kind: "xlsx",
    header: "項目コード",
    numbers: ["評価"],
    lines: () => ({ 事業所: office.name, 事業所番号: office.officeNumber!, 提出日: ISO_DATE }),
    japanese: () => [office.name, "できている"],
  },
  ...(["xlsx", "csv"] as const).map((kind): ExportCase => ({
    name: `the annual report (${kind.toUpperCase()})`,
    as: "subcommittee",
    path: () => `/subcommittee/report/${FY - 1}/${kind}`,
    params: () => ({ year: String(FY - 1) }),
    loader: (kind === "xlsx" ? reportXlsx : reportCsv) as Loader,
    kind,
    header: "数えているもの",
    numbers: ["数"],
    japanese: () => ["年次報告", "自己評価を提出した事業所"],
  })),
  {
    name: "a session's roster (CSV)",
    as: "committee",
    path: () => `/committee/sessions/${sessionId}/roster.csv`,
    params: () => ({ id: String(sessionId) }),
    loader: rosterCsv as Loader,
    kind: "csv",
    header: "申込日時",
    numbers: ["順番"],
    dates: ["申込日時"],
    officeColumn: "事業所",
    japanese: () => ["受講確定", "名簿"],
  },
  {
    name: "training progress (CSV)",
    as: "committee",
    path: () => `/committee/progress.csv?year=${FY}`,
    params: () => ({}),
    loader: progressCsv as Loader,
    kind: "csv",
    header: "氏名",
    numbers: ["修了数"],
    officeColumn: "所属事業所",
    japanese: () => ["受講状況"],
  },
  ...(["csv", "xlsx"] as const).map((kind): ExportCase => ({
    name: `an office's staff training (${kind.toUpperCase()})`,
    as: "manager",
    path: () => `/office/training.${kind}?year=${FY}`,
    params: () => ({}),
    loader: (kind === "xlsx" ? trainingXlsx : trainingCsv) as Loader,
    kind,
    header: "視聴した動画",
    numbers: ["視聴した動画", "出席した集合研修", "出席した実践研修", "個別支援 初任者"],
    japanese: () => [`${office.name} 職員の研修記録`],
  })),
];

async function download(c: ExportCase) {
  const request = await requestAs(user[c.as], c.path());
  const r = await callRoute(c.loader({ request, params: c.params(), ...ctx }));
  expect(r.status, c.name).toBe(200);
  const response = r.response!;
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** The file as rows of cells: XLSX with their types (numbers, dates, text), CSV as text. */
async function rowsOf(c: ExportCase, response: Response, bytes: Uint8Array): Promise<{ rows: Cell[][]; text: string }> {
  if (c.kind === "xlsx") {
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer);
    const rows: Cell[][] = [];
    wb.worksheets[0].eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = (row.values as unknown[]).slice(1).map((v) => (v === undefined ? null : (v as Cell)));
    });
    return { rows: Array.from(rows, (r) => r ?? []), text: rows.flat().map(String).join("\n") };
  }
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  // Excel in Japan reads UTF-8 only with a BOM; the rest must decode strictly; rows end in CRLF.
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(3));
  expect(text.endsWith("\r\n")).toBe(true);
  const parsed = Papa.parse<string[]>(text, { newline: "\r\n", skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  // Outside quoted cells, no line ends in a bare LF.
  expect(text.replace(/"[^"]*"/g, "").replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  return { rows: parsed.data, text };
}

describe("every export opens in Excel with Japanese intact, numbers as numbers, dates, offices by name", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", { timeout: 60_000 }, async (_name, c) => {
    const { response, bytes } = await download(c);
    const { rows, text } = await rowsOf(c, response, bytes);
    expect(text).not.toContain("\uFFFD");
    for (const ja of c.japanese()) expect(text, ja).toContain(ja);

    const headerIndex = rows.findIndex((r) => r.includes(c.header));
    expect(headerIndex, `header with ${c.header}`).toBeGreaterThan(0);
    const header = rows[headerIndex].map((h) => String(h ?? ""));
    // The table runs to the first empty line (the annual report's CSV has a second table, training's effect, below).
    const below = rows.slice(headerIndex + 1);
    const end = below.findIndex((r) => !r.some((v) => v !== null && v !== ""));
    const body = end < 0 ? below : below.slice(0, end);
    expect(body.length, "rows below the header").toBeGreaterThan(0);

    // The lines above the header: the export date (today in JST, ISO), and what the export names.
    const above = new Map(rows.slice(0, headerIndex).map((r) => [String(r[0] ?? ""), r[1]]));
    expect(above.get("出力日")).toBe(jstDateString(now()));
    for (const [label, value] of Object.entries(c.lines?.() ?? {}))
      if (value instanceof RegExp) expect(String(above.get(label)), label).toMatch(value);
      else expect(above.get(label), label).toBe(value);

    const column = (start: string) => {
      const exact = header.indexOf(start);
      const i = exact >= 0 ? exact : header.findIndex((h) => h.startsWith(start));
      expect(i, `column ${start}`).toBeGreaterThanOrEqual(0);
      return body.map((r) => r[i]).filter((v) => v !== null && v !== undefined && v !== "");
    };
    for (const n of c.numbers) {
      const cells = column(n);
      expect(cells.length, `${n}: filled cells`).toBeGreaterThan(0);
      for (const v of cells)
        if (c.kind === "xlsx") expect(typeof v, `${n}: ${String(v)}`).toBe("number");
        else expect(String(v), n).toMatch(/^-?\d+(\.\d+)?$/);
    }
    for (const d of c.dates ?? []) {
      const cells = column(d);
      expect(cells.length, `${d}: filled cells`).toBeGreaterThan(0);
      for (const v of cells) if (!(v instanceof Date)) expect(String(v), d).toMatch(ISO_DATE);
    }
    if (c.officeColumn) {
      const names = column(c.officeColumn).map(String);
      expect(names.length).toBeGreaterThan(0);
      for (const v of names) expect(v, "an office by its name").not.toMatch(/^\d+$/);
      const known = new Set((await prisma.office.findMany({ select: { name: true } })).map((o) => o.name));
      expect(names.every((v) => known.has(v))).toBe(true);
    }
    // No column is an office's id.
    expect(header.some((h) => /^(office ?id|事業所id)$/i.test(h))).toBe(false);
  });
});

describe("the results export comes back unchanged", () => {
  it("export → import (as another installation would) → export: the same workbook, the same answers", { timeout: 120_000 }, async () => {
    const c = CASES[1];
    const first = await download(c);
    const before = await prisma.evaluation.findUniqueOrThrow({
      where: { officeId_fiscalYear: { officeId: office.id, fiscalYear: sheetYear } },
      include: { answers: true },
    });
    const answers = (list: typeof before.answers) =>
      list
        .map((a) => [a.itemCode, a.rating, a.notApplicable, a.notApplicableReason, a.comment, a.evidenceNote])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    // The sheet leaves the platform; its export is all that is left of it.
    await prisma.evaluation.delete({ where: { id: before.id } });

    const post = async (form: FormData) => {
      const request = await requestAs(user.subcommittee, "/subcommittee/results-import", { method: "POST", body: form });
      const r = await callRoute(importAction({ request, params: {}, ...ctx }));
      if (r.thrown) throw r.response;
      if (r.response) return { status: r.status, state: null };
      return {
        status: r.status,
        state: (r.body as { state?: Record<string, unknown> }).state as Record<string, unknown> & {
          analysis: { errors: unknown[]; columns: { index: number; field: string }[] };
        },
      };
    };
    const upload = new FormData();
    upload.set("intent", "upload");
    upload.append("file", new File([first.bytes.slice()], `self-evaluation-${sheetYear}.xlsx`));
    const { state } = await post(upload);
    expect(state!.analysis.errors).toEqual([]);
    const confirm = new FormData();
    confirm.set("intent", "confirm");
    for (const key of ["fileName", "encoding", "defaultYear"]) confirm.set(key, String(state![key] ?? ""));
    confirm.set("sheets", JSON.stringify(state!.sheets));
    confirm.set("version", String(state!.version));
    for (const col of state!.analysis.columns) confirm.set(`map_${col.index}`, col.field);
    expect((await post(confirm)).status).toBe(302);

    const back = await prisma.evaluation.findUniqueOrThrow({
      where: { officeId_fiscalYear: { officeId: office.id, fiscalYear: sheetYear } },
      include: { answers: true },
    });
    expect(back.imported).toBe(true);
    expect(back.templateId).toBe(before.templateId);
    expect(answers(back.answers)).toEqual(answers(before.answers));
    expect(jstDateString(back.submittedAt!)).toBe(jstDateString(before.submittedAt!));

    // Exported again: every cell as before (the status line aside: the sheet is now marked imported).
    const second = await download(c);
    const a = (await rowsOf(c, first.response, first.bytes)).rows;
    const b = (await rowsOf(c, second.response, second.bytes)).rows;
    expect(b.length).toBe(a.length);
    expect(b.slice(2)).toEqual(a.slice(2));
  });
});
