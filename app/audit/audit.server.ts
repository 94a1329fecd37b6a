import { can } from "~/auth/capabilities";
import { forbidden } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  summary?: string;
}

/** Where an entry is written: the application's client, or the transaction of the write it records. */
export type AuditDb = Pick<Prisma.TransactionClient, "auditLog">;

/** One entry; pass the write's transaction (`db`) so the entry and the change are one. */
export async function audit(entry: AuditEntry, db: AuditDb = prisma) {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      summary: (entry.summary ?? "").slice(0, 2000),
    },
  });
}

/** Several entries in one insert (e.g. every case a reader opened at once), each exactly as `audit` writes it. */
export async function auditMany(entries: AuditEntry[], db: AuditDb = prisma) {
  if (entries.length === 0) return;
  await db.auditLog.createMany({
    data: entries.map((entry) => ({
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      summary: (entry.summary ?? "").slice(0, 2000),
    })),
  });
}

/** "field: before → after" for each changed field, for the audit summary. */
export function describeChanges(before: Record<string, unknown>, after: Record<string, unknown>): string {
  const show = (v: unknown) => (Array.isArray(v) ? v.join(",") : v === null || v === undefined ? "—" : String(v));
  return Object.keys(after)
    .filter((k) => show(before[k]) !== show(after[k]))
    .map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`)
    .join("; ");
}

export const AUDIT_PAGE_SIZE = 50;

/** Page reader of /admin/audit: one page of the log, newest first (administrators only). */
export async function auditLogPage(user: SessionUser, page: number) {
  if (!can(user, "administer")) throw forbidden();
  const [total, entries] = await Promise.all([
    prisma.auditLog.count(),
    prisma.auditLog.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { actor: { select: { displayName: true, email: true } } },
    }),
  ]);
  return {
    page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    entries: entries.map((e) => ({
      id: e.id,
      at: e.createdAt.toISOString(),
      actor: e.actor ? `${e.actor.displayName} <${e.actor.email}>` : null,
      action: e.action,
      record: `${e.entityType} #${e.entityId}`,
      summary: e.summary,
    })),
  };
}
