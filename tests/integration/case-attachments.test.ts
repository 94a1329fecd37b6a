// Files attached to a case, with real files made here: a PDF by pdfkit (Japanese text in Noto Sans JP) and
// a Word .docx by the `docx` package. Type by content, size limit, the guard over the file's text, who may
// download (and that each download is audited), removal, and retention deleting the file from the storage.
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// Before any app module reads the environment: this file's own media directory.
const dirs = vi.hoisted(() => {
  const media = `/tmp/tsunagu-case-files-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  process.env.TSUNAGU_MEDIA_DIR = media;
  return { media };
});

import type { SessionUser } from "~/auth/permissions.server";
import { MAX_ATTACHMENT_BYTES } from "~/cases/attachment-file.server";
import { attachFile, confirmFinding, groupCases, ownCase, purgeExpiredCaseTexts, saveAssignment, submitCase } from "~/cases/cases.server";
import { warmTokenizer } from "~/cases/tokenizer.server";
import { prisma } from "~/db.server";
import { setClock } from "~/lib/clock";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { action as caseAction } from "~/routes/sessions.$id_.case";
import { loader as fileLoader } from "~/routes/sessions.$id_.case_.attachments.$attachmentId";
import { CLEAN_PLAN, PERSONAL_PLAN, makeDocx, makePdf, padTo } from "../fixtures/case-files";
import { createUser, requestAs } from "./factories";
import { callRoute, routeStatus } from "./call-route";

const FY = currentFiscalYear();
const DAY = 24 * 60 * 60 * 1000;
const context = { clientIp: "" };

function asUser(u: { id: number; email: string; displayName: string; roles: string[]; officeId: number | null }): SessionUser {
  return { id: u.id, email: u.email, displayName: u.displayName, locale: "ja", roles: u.roles, officeId: u.officeId, office: null };
}
const jstDate = (d: Date) => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 10);

const GOOD: Record<string, string> = {
  ageBand: "40代",
  disability: "知的障害",
  living: "〇〇区内のグループホームで暮らしている。",
  assessment: "Aさんは自分でお金を管理したいと話す。",
  planGoals: "小遣いを自分で管理できる。",
  planServices: "共同生活援助、就労継続支援B型（週5日）。",
  question: "本人の挑戦をどう支えるか。",
};
async function status(p: Promise<unknown>): Promise<number> {
  return routeStatus(p);
}

async function scenario() {
  const start = new Date(Date.now() + 30 * DAY);
  const session = await prisma.trainingSession.create({
    data: {
      track: "practical",
      fiscalYear: FY,
      titleJa: "実践研修（添付テスト）",
      capacity: 10,
      opensAt: new Date(Date.now() - 10 * DAY),
      closesAt: new Date(Date.now() + 20 * DAY),
      days: { create: [{ startsAt: start, endsAt: new Date(start.getTime() + 8 * 3600_000) }] },
    },
    include: { days: true },
  });
  const other = await prisma.trainingSession.create({
    data: {
      track: "practical",
      fiscalYear: FY,
      titleJa: "別の研修",
      capacity: 10,
      opensAt: new Date(),
      closesAt: new Date(Date.now() + DAY),
    },
  });
  const [a, b, outsider, facilitatorRow, committeeRow, managerRow] = await Promise.all([
    createUser({ roles: ["TRAINEE"] }),
    createUser({ roles: ["TRAINEE"] }),
    createUser({ roles: ["TRAINEE"] }),
    createUser({ roles: ["PLANNING_COMMITTEE"] }),
    createUser({ roles: ["PLANNING_COMMITTEE"] }),
    createUser({ roles: ["EVALUATION_SUBCOMMITTEE"] }),
  ]);
  for (const t of [a, b])
    await prisma.sessionEnrollment.create({ data: { sessionId: session.id, userId: t.id, status: "enrolled", enrolledAt: new Date() } });
  await prisma.sessionEnrollment.create({ data: { sessionId: other.id, userId: outsider.id, status: "enrolled", enrolledAt: new Date() } });
  const facilitator = asUser(facilitatorRow);
  const saved = await saveAssignment(facilitator, session.id, {
    instructionsJa: "事例をまとめてください。",
    dueDate: jstDate(new Date(start.getTime() - 7 * DAY)),
    dueTime: "17:00",
    goalCodes: ["IND-1-1"],
    retentionDays: "90",
    facilitatorIds: [String(facilitatorRow.id)],
  });
  expect(saved.ok).toBe(true);
  const assignment = await prisma.caseAssignment.findUniqueOrThrow({ where: { sessionId: session.id } });
  return {
    session,
    assignment,
    lastDay: session.days[0].endsAt,
    a: asUser(a),
    b: asUser(b),
    outsider: asUser(outsider),
    facilitator,
    committee: asUser(committeeRow),
    subcommittee: asUser(managerRow),
  };
}

/** Uploads through the page's own action, as the browser's multipart form does. */
async function upload(userId: number, sessionId: number, name: string, bytes: Uint8Array, type = "application/octet-stream") {
  const body = new FormData();
  body.set("file", new File([Buffer.from(bytes)], name, { type }));
  const request = await requestAs(userId, `/sessions/${sessionId}/case`, { method: "POST", body });
  const res = await callRoute(caseAction({ request, params: { id: String(sessionId) }, context }));
  return { ...(res.body as { ok: boolean; error: string | null; findings: number }), status: res.status };
}

function download(userId: number | null, sessionId: number, attachmentId: number) {
  return (async () =>
    fileLoader({
      request: await requestAs(userId, `/sessions/${sessionId}/case/attachments/${attachmentId}`),
      params: { id: String(sessionId), attachmentId: String(attachmentId) },
      context,
    }))();
}

beforeAll(async () => {
  await warmTokenizer();
}, 120_000);
afterEach(() => setClock(null));
afterAll(async () => {
  await rm(dirs.media, { recursive: true, force: true });
});

describe("case attachments", () => {
  it("accepts a PDF and a Word file by their content, refuses other types, oversize and text-less files with a reason", async () => {
    const s = await scenario();
    const pdf = await makePdf(CLEAN_PLAN);
    const docx = await makeDocx(CLEAN_PLAN);

    // A PDF named .docx is still a PDF (type from content); a .docx is read by mammoth.
    const asPdf = await upload(s.a.id, s.session.id, "plan.docx", pdf);
    expect(asPdf).toMatchObject({ ok: true, findings: 0, status: 200 });
    const asDocx = await upload(s.a.id, s.session.id, "支援計画.docx", docx);
    expect(asDocx).toMatchObject({ ok: true, findings: 0 });
    const rows = await prisma.caseAttachment.findMany({ where: { submission: { userId: s.a.id } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.kind, r.contentType, r.originalName])).toEqual([
      ["pdf", "application/pdf", "plan.docx.pdf"],
      ["docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "支援計画.docx"],
    ]);
    expect(rows[0].textChars).toBeGreaterThan(20);
    for (const r of rows) expect(existsSync(join(dirs.media, r.storageKey))).toBe(true);

    // Other content, whatever the name: a text file named .pdf, a PNG.
    expect(await upload(s.a.id, s.session.id, "plan.pdf", new TextEncoder().encode("%PDX not really a pdf"))).toMatchObject({
      ok: false,
      error: "type",
      status: 400,
    });
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
    ]);
    expect(await upload(s.a.id, s.session.id, "plan.pdf", png)).toMatchObject({ ok: false, error: "type" });
    // A PDF without text (nothing the guard could check).
    expect(await upload(s.a.id, s.session.id, "scan.pdf", await makePdf([]))).toMatchObject({ ok: false, error: "no-text" });
    // Over the limit: refused while reading the upload (413), with the reason the page shows.
    const big = padTo(pdf, MAX_ATTACHMENT_BYTES + 1024);
    expect(big.length).toBeGreaterThan(MAX_ATTACHMENT_BYTES);
    expect(await upload(s.a.id, s.session.id, "big.pdf", big)).toMatchObject({ ok: false, error: "too-large", status: 413 });
    // The same limit in the capability itself, whoever calls it.
    expect(await attachFile(s.a, s.session.id, { name: "big.pdf", bytes: big })).toMatchObject({ ok: false, error: "too-large" });
    expect(await prisma.caseAttachment.count({ where: { submission: { userId: s.a.id } } })).toBe(2);

    // A trainee of another session may not attach here.
    expect(await attachFile(s.outsider, s.session.id, { name: "x.pdf", bytes: pdf })).toMatchObject({ ok: false, reason: "forbidden" });
    const audits = await prisma.auditLog.count({ where: { action: "case.attachment.add", actorId: s.a.id } });
    expect(audits).toBe(2);
  }, 120_000);

  it("flags a file whose text holds a name and a phone number, and blocks submitting until each is confirmed", async () => {
    const s = await scenario();
    for (const [name, bytes] of [
      ["plan.pdf", await makePdf(PERSONAL_PLAN)],
      ["plan.docx", await makeDocx(PERSONAL_PLAN)],
    ] as const) {
      const r = await upload(s.b.id, s.session.id, name, bytes);
      expect(r.ok).toBe(true);
      expect(r.findings).toBeGreaterThanOrEqual(2);
    }
    const own = await ownCase(s.b, s.session.id, "ja");
    if (!own.ok) throw new Error("own case");
    for (const f of own.attachments) {
      const kinds = f.findings.map((x) => x.kind);
      expect(kinds).toContain("phone");
      expect(kinds).toContain("name");
      expect(f.findings.find((x) => x.kind === "phone")?.text.replace(/\s/g, "")).toBe("090-1234-5678");
    }
    const first = await submitCase(s.b, s.session.id, { fields: GOOD, revision: own.revision });
    expect(first).toMatchObject({ ok: false, reason: "unresolved" });
    if (first.ok) throw new Error("submitted");
    expect(first.findings.filter((f) => f.field.startsWith("attachment.")).length).toBeGreaterThanOrEqual(4);

    // The group cannot see an unsubmitted file.
    setClock(new Date(s.assignment.dueAt.getTime() + 60_000));
    expect(await status(download(s.a.id, s.session.id, own.attachments[0].id))).toBe(403);
    setClock(null);

    // Confirming each finding (recorded like the text's) lets the case go out with its files.
    for (const f of own.attachments.flatMap((x) => x.findings))
      expect((await confirmFinding(s.b, s.session.id, { field: f.field, kind: f.kind, text: f.text })).ok).toBe(true);
    const again = await ownCase(s.b, s.session.id, "ja");
    if (!again.ok) throw new Error("own case");
    const second = await submitCase(s.b, s.session.id, { fields: GOOD, revision: again.revision });
    expect(second).toMatchObject({ ok: true, version: 1 });
    const files = await prisma.caseAttachment.findMany({ where: { submission: { userId: s.b.id } } });
    expect(files.every((f) => f.submittedAt !== null)).toBe(true);
  }, 120_000);

  it("is downloaded as an attachment (not cached), only by who may read the case; each download audited; removal deletes the file", async () => {
    const s = await scenario();
    const pdf = await makePdf(CLEAN_PLAN);
    expect((await upload(s.a.id, s.session.id, "計画.pdf", pdf)).ok).toBe(true);
    const own = await ownCase(s.a, s.session.id, "ja");
    if (!own.ok) throw new Error("own case");
    const id = own.attachments[0].id;

    // Before submitting: the author only.
    const mine = await download(s.a.id, s.session.id, id);
    expect(mine).toBeInstanceOf(Response);
    const res = mine as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(res.headers.get("Content-Disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("計画.pdf")}`);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf);
    expect(await status(download(s.facilitator.id, s.session.id, id))).toBe(403);

    expect(await submitCase(s.a, s.session.id, { fields: GOOD, revision: own.revision })).toMatchObject({ ok: true });
    // After submitting, before the due date: facilitators yes; the group not yet (409); the rest never.
    expect(await status(download(s.facilitator.id, s.session.id, id))).toBe(200);
    expect(await status(download(s.b.id, s.session.id, id))).toBe(409);
    setClock(new Date(s.assignment.dueAt.getTime() + 60_000));
    expect(await status(download(s.b.id, s.session.id, id))).toBe(200);
    for (const u of [s.outsider, s.committee, s.subcommittee]) expect(await status(download(u.id, s.session.id, id))).toBe(403);
    expect(await status(download(null, s.session.id, id))).toBe(302);
    // The id under another session's URL is not found, even for the author.
    expect(await status(download(s.a.id, s.session.id + 1, id))).not.toBe(200);
    const reads = await prisma.auditLog.findMany({ where: { action: "case.attachment.read" } });
    const readers = new Set(reads.filter((r) => r.summary.startsWith(`file ${id},`)).map((r) => r.actorId));
    expect(readers).toEqual(new Set([s.a.id, s.facilitator.id, s.b.id]));

    // The group and the facilitators see the file listed with the case.
    const group = await groupCases(s.b, s.session.id, "ja");
    if (!group.ok) throw new Error("group");
    expect(group.cases.find((c) => c.mine === false)?.attachments.map((f) => f.name)).toEqual(["計画.pdf"]);

    // The author removes it: gone from the storage and from the list.
    const row = await prisma.caseAttachment.findUniqueOrThrow({ where: { id } });
    const form = new URLSearchParams({ intent: "remove", attachmentId: String(id) });
    const request = await requestAs(s.a.id, `/sessions/${s.session.id}/case`, {
      method: "POST",
      body: form,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    await caseAction({ request, params: { id: String(s.session.id) }, context });
    expect(existsSync(join(dirs.media, row.storageKey))).toBe(false);
    expect(await prisma.caseAttachment.count({ where: { id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "case.attachment.remove", actorId: s.a.id } })).toBe(1);
  }, 120_000);

  it("retention deletes the files from the storage with the case texts", async () => {
    const s = await scenario();
    expect((await upload(s.a.id, s.session.id, "plan.docx", await makeDocx(CLEAN_PLAN))).ok).toBe(true);
    const own = await ownCase(s.a, s.session.id, "ja");
    if (!own.ok) throw new Error("own case");
    expect(await submitCase(s.a, s.session.id, { fields: GOOD, revision: own.revision })).toMatchObject({ ok: true });
    const row = await prisma.caseAttachment.findFirstOrThrow({ where: { submission: { userId: s.a.id } } });
    const path = join(dirs.media, row.storageKey);
    expect(existsSync(path)).toBe(true);

    setClock(new Date(s.lastDay.getTime() + 89 * DAY));
    await purgeExpiredCaseTexts();
    expect(existsSync(path)).toBe(true);
    setClock(new Date(s.lastDay.getTime() + 90 * DAY + 60_000));
    expect(await purgeExpiredCaseTexts()).toBeGreaterThanOrEqual(1);
    expect(existsSync(path)).toBe(false);
    expect(await prisma.caseAttachment.count({ where: { submissionId: row.submissionId } })).toBe(0);
    const log = await prisma.auditLog.findFirstOrThrow({ where: { action: "case.texts.delete", entityId: String(row.submissionId) } });
    expect(log.summary).toContain("1 file(s)");
    expect(await status(download(s.a.id, s.session.id, row.id))).toBe(404);
  }, 120_000);
});
