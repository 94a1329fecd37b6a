// The one file an applicant may attach to an application (issue 20): 推薦書 or a document the office adds.
// The case attachments' machinery (app/cases/attachment-file.server.ts): the same size limit, the type read from
// the content (PDF, Word, Excel, PNG, JPEG), the media storage, the download answer; who may download is
// `mayReadApplicationFile` (app/auth/capabilities.ts). The file can be replaced or removed while the
// application can be withdrawn (the round is open, no decision); every change and download is audited.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { audit } from "~/audit/audit.server";
import { mayEndorse, mayReadApplicationFile } from "~/auth/capabilities";
import type { SessionUser } from "~/auth/session.server";
import { MAX_ATTACHMENT_BYTES, DOCUMENT_TYPES, cleanFileName, detectKind, type DocumentKind } from "~/cases/attachment-file.server";
import { prisma } from "~/db.server";
import { now as clockNow } from "~/lib/clock";
import { mediaStorage } from "~/video/storage.server";
import { inSelection, roundOpen } from "./rules";

export const APPLICATION_FILE_KINDS: readonly DocumentKind[] = ["pdf", "docx", "xlsx", "png", "jpg"];
export const MAX_APPLICATION_FILE_BYTES = MAX_ATTACHMENT_BYTES;

/** Why a file was refused, for the message the applicant sees. */
export type ApplicationFileError = "too-large" | "type";

export type CheckedFile = { name: string; bytes: Uint8Array; kind: DocumentKind };

/** The file as it will be stored, or why it is refused (checked before anything is written). */
export async function checkApplicationFile(file: {
  name: string;
  bytes: Uint8Array;
}): Promise<{ ok: true; file: CheckedFile } | { ok: false; error: ApplicationFileError }> {
  if (file.bytes.length > MAX_APPLICATION_FILE_BYTES) return { ok: false, error: "too-large" };
  const kind = await detectKind(file.bytes, APPLICATION_FILE_KINDS);
  if (!kind) return { ok: false, error: "type" };
  return { ok: true, file: { ...file, kind } };
}

const prefixOf = (applicationId: number) => `applications/${applicationId}`;
const folderOf = (storageKey: string) => storageKey.split("/").slice(0, -1).join("/");

/** Whether the applicant may still change the application's file: as for withdrawing (round open, no decision). */
function editable(a: { status: string; round: { opensAt: Date; closesAt: Date; decisionsSentAt: Date | null } }, now: Date) {
  return roundOpen(a.round, now) && !a.round.decisionsSentAt && inSelection(a);
}

/**
 * Stores a checked file as the application's one attachment, replacing the one before (its file is removed
 * from the storage once the new row is in place). Only the applicant, while the application is editable.
 */
export async function storeApplicationFile(
  user: SessionUser,
  applicationId: number,
  file: CheckedFile,
): Promise<{ ok: true; id: number } | { ok: false; reason: "not-found" | "frozen" }> {
  const a = await prisma.application.findUnique({ where: { id: applicationId }, include: { round: true, attachment: true } });
  if (!a || a.userId !== user.id) return { ok: false, reason: "not-found" };
  if (!editable(a, clockNow())) return { ok: false, reason: "frozen" };
  const key = `${prefixOf(a.id)}/${randomUUID()}/file.${file.kind}`;
  const dir = await mkdtemp(join(tmpdir(), "tsunagu-application-"));
  try {
    const local = join(dir, `file.${file.kind}`);
    await writeFile(local, file.bytes);
    await mediaStorage().putFile(key, local, { move: true });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const data = {
    originalName: cleanFileName(file.name, file.kind),
    kind: file.kind,
    contentType: DOCUMENT_TYPES[file.kind],
    sizeBytes: file.bytes.length,
    storageKey: key,
    createdAt: clockNow(),
  };
  const row = await prisma.$transaction(async (tx) => {
    const saved = await tx.applicationAttachment.upsert({
      where: { applicationId: a.id },
      create: { applicationId: a.id, ...data },
      update: data,
    });
    await audit(
      {
        actorId: user.id,
        action: a.attachment ? "applications.attachment.replace" : "applications.attachment.add",
        entityType: "Application",
        entityId: a.id,
        summary: `${file.kind}, ${file.bytes.length} bytes`,
      },
      tx,
    );
    return saved;
  });
  if (a.attachment) await mediaStorage().removePrefix(folderOf(a.attachment.storageKey));
  return { ok: true, id: row.id };
}

/** The applicant removes the application's file while the application is editable. */
export async function removeApplicationFile(
  user: SessionUser,
  applicationId: number,
): Promise<{ ok: true } | { ok: false; reason: "not-found" | "frozen" }> {
  const a = await prisma.application.findUnique({ where: { id: applicationId }, include: { round: true, attachment: true } });
  if (!a || a.userId !== user.id || !a.attachment) return { ok: false, reason: "not-found" };
  if (!editable(a, clockNow())) return { ok: false, reason: "frozen" };
  // The file first: a row is only removed once its file is gone from the storage.
  await mediaStorage().removePrefix(folderOf(a.attachment.storageKey));
  await prisma.$transaction(async (tx) => {
    await tx.applicationAttachment.delete({ where: { id: a.attachment!.id } });
    await audit({ actorId: user.id, action: "applications.attachment.remove", entityType: "Application", entityId: a.id, summary: "" }, tx);
  });
  return { ok: true };
}

/** The file to download, for the applicant, their office's manager or the committee; audited. Null: not found or not theirs. */
export async function readApplicationFile(user: SessionUser, applicationId: number) {
  if (!Number.isInteger(applicationId) || applicationId <= 0) return null;
  const a = await prisma.application.findUnique({ where: { id: applicationId }, include: { attachment: true } });
  if (!a || !a.attachment || !mayReadApplicationFile(user, a)) return null;
  await audit({
    actorId: user.id,
    action: "applications.attachment.read",
    entityType: "Application",
    entityId: a.id,
    summary: a.userId === user.id ? "applicant" : mayEndorse(user, a) ? "office manager" : "committee",
  });
  return { key: a.attachment.storageKey, name: a.attachment.originalName, contentType: a.attachment.contentType };
}

/** Removes the files of these applications from the storage (their rows are the caller's to delete). */
export async function removeApplicationFiles(applicationIds: number[]) {
  const rows = await prisma.applicationAttachment.findMany({
    where: { applicationId: { in: applicationIds } },
    select: { storageKey: true },
  });
  for (const r of rows) await mediaStorage().removePrefix(folderOf(r.storageKey));
  return rows.length;
}
