import { prisma } from "~/db.server";

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  summary?: string;
}

export async function audit(entry: AuditEntry) {
  await prisma.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      summary: (entry.summary ?? "").slice(0, 2000),
    },
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
