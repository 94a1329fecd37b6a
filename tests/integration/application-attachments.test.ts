// The one optional file on an application (issue 20), with real files made here (a PDF by pdfkit, an Excel
// workbook by exceljs, a PNG): uploaded through /apply's own multipart action; type by content and the size
// limit refused with nothing saved; replaced and removed while the round is open, frozen after; downloaded by
// the applicant, their own office's manager and the committee (audited), refused to another office's manager;
// removed from the storage on erasure and by the retention job.
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

// Before any app module reads the environment: this file's own media directory.
const dirs = vi.hoisted(() => {
  const media = `/tmp/tsunagu-application-files-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  process.env.TSUNAGU_MEDIA_DIR = media;
  return { media };
});

import ExcelJS from "exceljs";
import { MAX_ATTACHMENT_BYTES } from "~/cases/attachment-file.server";
import { prisma } from "~/db.server";
import { now, setClock } from "~/lib/clock";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { personalData } from "~/privacy/person.server";
import { applyRetention } from "~/privacy/retention.server";
import { action as applyAction } from "~/routes/apply";
import { loader as fileLoader } from "~/routes/apply.$id.attachment";
import { action as userAction } from "~/routes/admin.users.$userId";
import { makePdf, padTo } from "../fixtures/case-files";
import { callRoute } from "./call-route";
import { createOffice, createUser, createWard, formRequestInit, requestAs, sessionUser } from "./factories";

const DAY = 86_400_000;
const context = { clientIp: "" };
// A 1×1 PNG.
const PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"),
);

afterEach(() => setClock(null));
afterAll(async () => {
  await rm(dirs.media, { recursive: true, force: true });
});

async function xlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("推薦").addRow(["推薦者", "所属長"]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A round open from yesterday for a week, asking for what the applicant wants to learn and offering the file. */
async function scenario() {
  const ward = await createWard();
  const officeA = await createOffice({ wardId: ward.id });
  const officeB = await createOffice({ wardId: ward.id });
  const managerA = await createUser({ roles: ["OFFICE_MANAGER"], officeId: officeA.id });
  const managerB = await createUser({ roles: ["OFFICE_MANAGER"], officeId: officeB.id });
  const committee = await createUser({ roles: ["PLANNING_COMMITTEE"] });
  const trainee = await createUser({ roles: ["TRAINEE"], officeId: officeA.id });
  const other = await createUser({ roles: ["TRAINEE"], officeId: officeA.id });
  const round = await prisma.applicationRound.create({
    data: {
      fiscalYear: currentFiscalYear(),
      track: "basic-ondemand",
      titleJa: "添付ファイルのテスト募集",
      opensAt: new Date(now().getTime() - DAY),
      closesAt: new Date(now().getTime() + 7 * DAY),
      endorseBy: new Date(now().getTime() + 10 * DAY),
      places: 3,
      questions: ["learn", "attachment"],
    },
  });
  return { managerA, managerB, committee, trainee, other, round };
}

/** Posts /apply as the browser's multipart form does, with `fields` and (when given) the file. */
async function post(userId: number, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  body.set("attachment", file ? new File([Buffer.from(file.bytes)], file.name, { type: "application/octet-stream" }) : new File([], ""));
  const request = await requestAs(userId, "/apply", { method: "POST", body });
  const out = await callRoute(applyAction({ request, params: {}, context } as never));
  const value = out.value as { data?: Record<string, unknown> } & Record<string, unknown>;
  return { status: out.status, body: (value?.data ?? value) as Record<string, unknown> };
}

const apply = (userId: number, roundId: number, file?: { name: string; bytes: Uint8Array }) =>
  post(userId, { intent: "apply", roundId: String(roundId), wantToLearn: "アセスメント" }, file);

async function download(userId: number, applicationId: number) {
  const r = await callRoute(
    fileLoader({ request: await requestAs(userId, `/apply/${applicationId}/attachment`), params: { id: String(applicationId) }, context }),
  );
  return r.response ?? r.value!;
}

const fileOf = (applicationId: number) => prisma.applicationAttachment.findUnique({ where: { applicationId } });
const stored = (key: string) => existsSync(join(dirs.media, key));

describe("an application's attached file", () => {
  it("is taken with the application when it is a PDF, Word, Excel or image by its content; a wrong type or too large a file saves nothing", async () => {
    const s = await scenario();
    // Content, not name: a text file named .pdf, a PNG named .docx is taken as a PNG.
    const wrong = await apply(s.trainee.id, s.round.id, { name: "推薦書.pdf", bytes: new TextEncoder().encode("%PDX not a pdf") });
    expect(wrong.status).toBe(400);
    expect((wrong.body.fieldErrors as Record<string, unknown>).attachment).toEqual([{ key: "applications.file.type" }]);
    const big = await apply(s.trainee.id, s.round.id, {
      name: "big.pdf",
      bytes: padTo(await makePdf(["推薦書"]), MAX_ATTACHMENT_BYTES + 1024),
    });
    expect(big.status).toBe(400);
    expect((big.body.fieldErrors as Record<string, unknown>).attachment).toEqual([
      { key: "applications.file.tooLarge", params: { mb: 10 } },
    ]);
    // What was typed comes back with the refusal; no application was saved.
    expect((big.body.values as Record<string, string>).wantToLearn).toBe("アセスメント");
    expect(await prisma.application.count({ where: { userId: s.trainee.id } })).toBe(0);

    const ok = await apply(s.trainee.id, s.round.id, { name: "推薦書.pdf", bytes: await makePdf(["推薦書", "所属長"]) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const a = await prisma.application.findUniqueOrThrow({ where: { roundId_userId: { roundId: s.round.id, userId: s.trainee.id } } });
    const pdf = (await fileOf(a.id))!;
    expect([pdf.kind, pdf.contentType, pdf.originalName]).toEqual(["pdf", "application/pdf", "推薦書.pdf"]);
    expect(stored(pdf.storageKey)).toBe(true);

    // Replaced by an Excel workbook, then by a PNG named .docx: the earlier file leaves the storage.
    expect(
      (await post(s.trainee.id, { intent: "attach", applicationId: String(a.id) }, { name: "推薦.xlsx", bytes: await xlsx() })).status,
    ).toBe(200);
    const sheet = (await fileOf(a.id))!;
    expect([sheet.kind, sheet.originalName]).toEqual(["xlsx", "推薦.xlsx"]);
    expect(stored(pdf.storageKey)).toBe(false);
    expect((await post(s.trainee.id, { intent: "attach", applicationId: String(a.id) }, { name: "scan.docx", bytes: PNG })).status).toBe(
      200,
    );
    const image = (await fileOf(a.id))!;
    expect([image.kind, image.contentType, image.originalName]).toEqual(["png", "image/png", "scan.docx.png"]);
    expect(stored(sheet.storageKey)).toBe(false);
    // Someone else cannot attach to it.
    expect((await post(s.other.id, { intent: "attach", applicationId: String(a.id) }, { name: "x.png", bytes: PNG })).status).toBe(400);
    expect((await fileOf(a.id))!.id).toBe(image.id);

    // A round that does not offer the file refuses one.
    await prisma.applicationRound.update({ where: { id: s.round.id }, data: { questions: ["learn"] } });
    const notTaken = await apply(s.other.id, s.round.id, { name: "x.png", bytes: PNG });
    expect((notTaken.body.fieldErrors as Record<string, unknown>).attachment).toEqual([{ key: "applications.file.notTaken" }]);

    const audits = await prisma.auditLog.findMany({ where: { entityType: "Application", entityId: String(a.id) }, orderBy: { id: "asc" } });
    expect(audits.map((x) => x.action).filter((x) => x.startsWith("applications.attachment"))).toEqual([
      "applications.attachment.add",
      "applications.attachment.replace",
      "applications.attachment.replace",
    ]);
  });

  it("is downloaded by the applicant, their office's manager and the committee (audited), never by another office's manager; frozen after the close", async () => {
    const s = await scenario();
    expect((await apply(s.trainee.id, s.round.id, { name: "推薦書.pdf", bytes: await makePdf(["推薦書"]) })).status).toBe(200);
    const a = await prisma.application.findUniqueOrThrow({ where: { roundId_userId: { roundId: s.round.id, userId: s.trainee.id } } });
    for (const u of [s.trainee, s.managerA, s.committee]) {
      const res = await download(u.id, a.id);
      expect(res.status, `user ${u.id}`).toBe(200);
      expect(res.headers.get("Content-Disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("推薦書.pdf")}`);
      expect(res.headers.get("Content-Type")).toBe("application/pdf");
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe("%PDF-");
    }
    for (const u of [s.managerB, s.other]) expect((await download(u.id, a.id)).status, `user ${u.id}`).toBe(404);
    const reads = await prisma.auditLog.findMany({ where: { action: "applications.attachment.read", entityId: String(a.id) } });
    expect(reads.map((r) => r.actorId).sort()).toEqual([s.trainee.id, s.managerA.id, s.committee.id].sort());

    // After the close: neither replaced nor removed.
    setClock(new Date(Date.now() + 8 * DAY));
    const late = await post(s.trainee.id, { intent: "remove-file", applicationId: String(a.id) });
    expect(late.status).toBe(400);
    expect(late.body.formError).toEqual({ key: "applications.file.frozen" });
    const lateAttach = await post(s.trainee.id, { intent: "attach", applicationId: String(a.id) }, { name: "x.png", bytes: PNG });
    expect(lateAttach.body.formError).toEqual({ key: "applications.file.frozen" });
    expect(await fileOf(a.id)).not.toBeNull();
    setClock(null);
    // Before it: removed, from the storage too.
    const key = (await fileOf(a.id))!.storageKey;
    expect((await post(s.trainee.id, { intent: "remove-file", applicationId: String(a.id) })).status).toBe(200);
    expect(await fileOf(a.id)).toBeNull();
    expect(stored(key)).toBe(false);
    expect((await download(s.trainee.id, a.id)).status).toBe(404);
  });

  it("is removed from the storage when the person is erased, and by the retention job a year after the decisions", async () => {
    const s = await scenario();
    await apply(s.trainee.id, s.round.id, { name: "推薦書.pdf", bytes: await makePdf(["推薦書"]) });
    await apply(s.other.id, s.round.id, { name: "推薦.png", bytes: PNG });
    const mine = await prisma.application.findUniqueOrThrow({ where: { roundId_userId: { roundId: s.round.id, userId: s.trainee.id } } });
    const theirs = await prisma.application.findUniqueOrThrow({ where: { roundId_userId: { roundId: s.round.id, userId: s.other.id } } });
    const mineKey = (await fileOf(mine.id))!.storageKey;
    const theirKey = (await fileOf(theirs.id))!.storageKey;

    // Before the erasure, the person's own data export names the application and its file.
    const held = await personalData(await sessionUser(s.trainee.id), s.trainee.id);
    expect(held.person.applications.applications).toEqual([
      expect.objectContaining({ fiscalYear: s.round.fiscalYear, file: expect.objectContaining({ name: "推薦書.pdf", kind: "pdf" }) }),
    ]);

    const admin = await createUser({ roles: ["ADMINISTRATOR"] });
    const erased = await callRoute(
      userAction({
        request: await requestAs(
          admin.id,
          `/admin/users/${s.trainee.id}`,
          formRequestInit({ intent: "erase", confirmEmail: s.trainee.email, reason: "退職" }),
        ),
        params: { userId: String(s.trainee.id) },
        context,
      }),
    );
    expect(erased.status).toBeLessThan(400);
    expect(await fileOf(mine.id)).toBeNull();
    expect(stored(mineKey)).toBe(false);
    expect(stored(theirKey)).toBe(true);

    // The decisions are sent; the file stays until the period (a year by default) has passed since.
    const sent = new Date(now().getTime() + 20 * DAY);
    await prisma.applicationRound.update({ where: { id: s.round.id }, data: { decisionsSentAt: sent } });
    await applyRetention(new Date(sent.getTime() + 364 * DAY));
    expect(await fileOf(theirs.id)).not.toBeNull();
    const deleted = await applyRetention(new Date(sent.getTime() + 366 * DAY));
    expect(deleted.applicationFiles).toBeGreaterThanOrEqual(1);
    expect(await fileOf(theirs.id)).toBeNull();
    expect(stored(theirKey)).toBe(false);
  });
});
