import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { parseChecklistCsv } from "~/evaluation/checklist-import";
import { insertTemplateVersion } from "~/evaluation/template-store";
import { publishTemplate, YearInUseError } from "~/evaluation/templates.server";
import { readSpreadsheet } from "~/evaluation/spreadsheet.server";
import { insertTemplateVersion as insertVersion } from "~/evaluation/template-store";
import { validateRows } from "~/evaluation/checklist-import";
import { action as sheetAction, loader as sheetLoader } from "~/routes/evaluation.$year._index/route";
import { action as returnAction, loader as subLoader } from "~/routes/subcommittee.evaluations.$officeId.$year._index";
import { createOffice, createUser, formRequestInit, requestAs } from "./factories";
import { callRoute } from "./call-route";

type Result = { data: Record<string, unknown>; init: { status?: number } | null } | Record<string, unknown>;
const statusOf = (r: Result) => ("init" in r && r.init ? ((r.init as { status?: number }).status ?? 200) : 200);
const body = (r: Result) => ("data" in r && "init" in r ? (r.data as Record<string, unknown>) : r);

async function thrownStatus(promise: Promise<unknown>) {
  const outcome = await callRoute(promise);
  return outcome.thrown ? outcome.status : 200;
}

// The current fiscal year, so the test means the same thing in any year.
const FY = currentFiscalYear();
const YEAR = String(FY);
const parsed = parseChecklistCsv(readFileSync("content/checklists/v1.csv", "utf8"));
if (!parsed.ok) throw new Error("v1.csv invalid");
const items = parsed.template.items;

let officeId: number;
let alice: number;
let bob: number;

beforeAll(async () => {
  await insertTemplateVersion(prisma, parsed.template, { publishFor: [FY] });
  officeId = (await createOffice()).id;
  alice = (await createUser({ roles: ["OFFICE_MANAGER"], officeId })).id;
  bob = (await createUser({ roles: ["OFFICE_MANAGER"], officeId })).id;
});

function answer(userId: number, code: string, revision: number, rating: string, extra: Record<string, string> = {}) {
  return (async () =>
    (await sheetAction({
      request: await requestAs(
        userId,
        `/evaluation/${YEAR}`,
        formRequestInit({
          intent: "answer",
          code,
          [`revision_${code}`]: String(revision),
          [`rating_${code}`]: rating,
          [`comment_${code}`]: extra.comment ?? "",
          ...extra,
        }),
      ),
      params: { year: YEAR },
      context: { clientIp: "" },
    })) as Result)();
}

describe("saving answers with optimistic concurrency", () => {
  it("refuses the later save of a stale revision and returns both versions, keeping the first", async () => {
    const first = await answer(alice, "OPS-01", 0, "4", {
      comment: "職員会議で共有",
    });
    expect(statusOf(first)).toBe(200);
    expect(body(first)).toMatchObject({
      status: "saved",
      answer: { rating: 4, revision: 1 },
    });

    // Bob's page still showed the item unanswered (revision 0).
    const stale = await answer(bob, "OPS-01", 0, "2", { comment: "不十分" });
    expect(statusOf(stale)).toBe(409);
    expect(body(stale)).toMatchObject({
      status: "conflict",
      saved: { rating: 4, comment: "職員会議で共有", revision: 1 },
    });
    const stored = await prisma.evaluationAnswer.findFirstOrThrow({
      where: { itemCode: "OPS-01" },
    });
    expect(stored).toMatchObject({
      rating: 4,
      revision: 1,
      updatedById: alice,
    });

    // Having seen both, Bob keeps his version on purpose: he now sends the saved revision.
    const overwrite = await answer(bob, "OPS-01", 1, "2", {
      comment: "不十分",
    });
    expect(body(overwrite)).toMatchObject({
      status: "saved",
      answer: { rating: 2, revision: 2 },
    });
  });

  it("lets exactly one of two simultaneous saves of the same revision through", async () => {
    await answer(alice, "OPS-02", 0, "3");
    const results = await Promise.all([answer(alice, "OPS-02", 1, "4"), answer(bob, "OPS-02", 1, "1")]);
    expect(results.map((r) => body(r).status).sort()).toEqual(["conflict", "saved"]);
    expect(
      (
        await prisma.evaluationAnswer.findFirstOrThrow({
          where: { itemCode: "OPS-02" },
        })
      ).revision,
    ).toBe(2);
  });

  it("refuses not-applicable without a reason", async () => {
    const r = await answer(alice, "OPS-03", 0, "na");
    expect(statusOf(r)).toBe(400);
    expect(body(r)).toMatchObject({
      status: "invalid",
      error: "evaluation.item.reasonRequired",
    });
  });
});

describe("submitting and returning", () => {
  it("lists missing items, submits when complete, is read-only, and becomes editable when returned", async () => {
    const submit = async (fields: Record<string, string>) =>
      (await sheetAction({
        request: await requestAs(
          alice,
          `/evaluation/${YEAR}?step=summary`,
          formRequestInit({ intent: "submit", confirm: "yes", ...fields }),
        ),
        params: { year: YEAR },
        context: { clientIp: "" },
      })) as Result;

    // The whole form (no JavaScript): every item but the last, with the revisions the page showed.
    const saved = await prisma.evaluationAnswer.findMany();
    const rev = new Map(saved.map((a) => [a.itemCode, a.revision]));
    const fields: Record<string, string> = {};
    for (const item of items.slice(0, -1)) {
      fields[`rating_${item.code}`] = item.code === "OPS-03" ? "na" : "3";
      fields[`reason_${item.code}`] = item.code === "OPS-03" ? "対象者がいない" : "";
      fields[`comment_${item.code}`] = "";
      fields[`evidence_${item.code}`] = "";
      fields[`revision_${item.code}`] = String(rev.get(item.code) ?? 0);
    }
    // Submitting cannot be undone by the office: without the confirmation it is refused and nothing is submitted.
    const unconfirmed = (await sheetAction({
      request: await requestAs(alice, `/evaluation/${YEAR}?step=summary`, formRequestInit({ intent: "submit" })),
      params: { year: YEAR },
      context: { clientIp: "" },
    })) as Result;
    expect(statusOf(unconfirmed)).toBe(400);
    expect(body(unconfirmed)).toMatchObject({ confirmMissing: true, submitted: false });
    expect((await prisma.evaluation.findFirstOrThrow({ where: { officeId } })).status).not.toBe("SUBMITTED");
    const missing = await submit(fields);
    expect(statusOf(missing)).toBe(400);
    expect(body(missing).missing).toEqual([items[items.length - 1].code]);

    const last = items[items.length - 1].code;
    expect(body(await answer(bob, last, 0, "2")).status).toBe("saved");
    const ok = await submit({});
    expect(body(ok)).toMatchObject({ submitted: true });
    const evaluation = await prisma.evaluation.findFirstOrThrow({
      where: { officeId },
    });
    expect(evaluation.status).toBe("SUBMITTED");

    const late = await answer(alice, "OPS-01", 2, "1");
    expect(statusOf(late)).toBe(409);
    expect(body(late).status).toBe("readOnly");

    const subcommittee = await createUser({
      roles: ["EVALUATION_SUBCOMMITTEE"],
    });
    const returned = (await returnAction({
      request: await requestAs(
        subcommittee.id,
        `/subcommittee/evaluations/${officeId}/${YEAR}`,
        formRequestInit({ comment: "根拠を追記してください" }),
      ),
      params: { officeId: String(officeId), year: YEAR },
      context: { clientIp: "" },
    })) as Result;
    expect(body(returned)).toMatchObject({ ok: true });

    const sheet = await sheetLoader({
      request: await requestAs(alice, `/evaluation/${YEAR}`),
      params: { year: YEAR },
      context: { clientIp: "" },
    });
    expect(sheet.status).toBe("RETURNED");
    expect(sheet.events.map((e) => [e.kind, e.comment])).toEqual([
      ["SUBMITTED", ""],
      ["RETURNED", "根拠を追記してください"],
    ]);
    const current = sheet.answers.find((a) => a.code === "OPS-01")!.revision;
    expect(body(await answer(alice, "OPS-01", current, "1")).status).toBe("saved");
  });
});

describe("access", () => {
  it("shows an office only its own sheet; trainees see none; the subcommittee sees any office", async () => {
    const other = await createOffice();
    const otherManager = await createUser({
      roles: ["OFFICE_MANAGER"],
      officeId: other.id,
    });
    const sheet = await sheetLoader({
      request: await requestAs(otherManager.id, `/evaluation/${YEAR}`),
      params: { year: YEAR },
      context: { clientIp: "" },
    });
    expect(sheet.answers).toEqual([]);

    const trainee = await createUser({ roles: ["TRAINEE"], officeId });
    expect(
      await thrownStatus(
        sheetLoader({
          request: await requestAs(trainee.id, `/evaluation/${YEAR}`),
          params: { year: YEAR },
          context: { clientIp: "" },
        }),
      ),
    ).toBe(403);
    const args = async (userId: number) => ({
      request: await requestAs(userId, `/subcommittee/evaluations/${officeId}/${YEAR}`),
      params: { officeId: String(officeId), year: YEAR },
      context: { clientIp: "" },
    });
    expect(await thrownStatus(subLoader(await args(otherManager.id)))).toBe(403);
    const subcommittee = await createUser({
      roles: ["EVALUATION_SUBCOMMITTEE"],
    });
    expect(await thrownStatus(subLoader(await args(subcommittee.id)))).toBe(200);
  });
});

describe("template versions", () => {
  it("reads an XLSX import with spreadsheet row numbers, refusing bad rows", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("checklist");
    ws.addRow(["category_code", "code", "text_ja", "pillar"]);
    ws.addRow(["OPS", "OPS-01", "方針を共有している。", "hr"]);
    ws.addRow(["OPS", "OPS-01", "重複している。", "hr"]);
    ws.addRow(["EMG", "EMG-01", "", "community"]);
    const read = await readSpreadsheet(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer), "checklist.xlsx");
    if (!read.ok) throw new Error(read.problem);
    const result = validateRows(read.sheets[0].rows);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => [e.line, e.reason])).toEqual([
        [3, "duplicateCode"],
        [4, "emptyText"],
      ]);
  });

  it("saves a valid import as a draft and never publishes it for a year already started on another version", async () => {
    const user = await createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] });
    const result = validateRows([
      { line: 1, cells: ["category_code", "code", "text_ja", "pillar"] },
      { line: 2, cells: ["OPS", "OPS-01", "方針を共有している。", "hr"] },
    ]);
    if (!result.ok) throw new Error("invalid");
    const saved = await insertVersion(prisma, result.template);
    const draft = await prisma.checklistTemplate.findUniqueOrThrow({ where: { version: saved.version } });
    expect(draft.status).toBe("DRAFT");
    // This year already has sheets on version 1.
    await expect(publishTemplate(draft.id, [FY], user.id)).rejects.toBeInstanceOf(YearInUseError);
    await publishTemplate(draft.id, [FY + 1], user.id);
    const published = await prisma.checklistTemplate.findUniqueOrThrow({ where: { id: draft.id } });
    expect(published).toMatchObject({ status: "PUBLISHED", fiscalYears: [FY + 1] });
  });
});
