import { can } from "~/auth/capabilities";
import { forbidden } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/i18n";
import { jstDateTimeString, parseJstDate } from "~/lib/jst";
import { actionAreas, actionLabel } from "./actions";

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

/** What the audit page can be narrowed to (from its query string): who, which kind of action, which record, when. */
export interface AuditFilter {
  /** Part of the actor's name or e-mail. */
  who: string;
  /** An action area ("evaluation") or a whole code ("evaluation.submit"). */
  action: string;
  /** A record type ("Evaluation", "User"…), optionally with its id. */
  entity: string;
  entityId: string;
  /** JST dates, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
}

export type AuditFilterError = "from" | "to";

/** Reads the filter from a URL; a date that is not a real day is reported and left out, never a 500. */
export function readAuditFilter(url: URL): { filter: AuditFilter; errors: AuditFilterError[] } {
  const text = (name: string, max: number) => (url.searchParams.get(name) ?? "").replace(/\0/g, "").trim().slice(0, max);
  const filter: AuditFilter = {
    who: text("who", 100),
    action: text("action", 100),
    entity: text("entity", 60),
    entityId: text("entityId", 60),
    from: text("from", 10),
    to: text("to", 10),
  };
  const errors: AuditFilterError[] = [];
  if (filter.from && !parseJstDate(filter.from)) errors.push("from");
  if (filter.to && !parseJstDate(filter.to)) errors.push("to");
  return { filter, errors };
}

function auditWhere(f: AuditFilter): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput[] = [];
  if (f.who)
    where.push({
      actor: { OR: [{ displayName: { contains: f.who, mode: "insensitive" } }, { email: { contains: f.who, mode: "insensitive" } }] },
    });
  if (f.action) where.push({ OR: [{ action: f.action }, { action: { startsWith: `${f.action}.` } }] });
  if (f.entity) where.push({ entityType: f.entity });
  if (f.entityId) where.push({ entityId: f.entityId });
  const from = f.from ? parseJstDate(f.from) : null;
  const to = f.to ? parseJstDate(f.to) : null;
  if (from) where.push({ createdAt: { gte: from } });
  if (to) where.push({ createdAt: { lt: new Date(to.getTime() + 24 * 3600_000) } });
  return where.length ? { AND: where } : {};
}

function entryView(e: Prisma.AuditLogGetPayload<{ include: { actor: { select: { displayName: true; email: true } } } }>, locale: Locale) {
  return {
    id: e.id,
    at: e.createdAt.toISOString(),
    actor: e.actor ? `${e.actor.displayName} <${e.actor.email}>` : null,
    action: e.action,
    label: actionLabel(e.action, locale),
    entityType: e.entityType,
    entityId: e.entityId,
    record: `${e.entityType} #${e.entityId}`,
    summary: e.summary,
  };
}

/** Page reader of /admin/audit: one page of the (filtered) log, newest first (administrators only). */
export async function auditLogPage(user: SessionUser, page: number, filter: AuditFilter, locale: Locale) {
  if (!can(user, "readAuditLog")) throw forbidden();
  const where = auditWhere(filter);
  const [total, entries, entityTypes] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { actor: { select: { displayName: true, email: true } } },
    }),
    prisma.auditLog.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
  ]);
  return {
    page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    total,
    areas: actionAreas(locale),
    entityTypes: entityTypes.map((e) => e.entityType),
    entries: entries.map((e) => entryView(e, locale)),
  };
}

/** At most this many rows in one CSV (narrow the filter for more). */
export const AUDIT_CSV_LIMIT = 50_000;

/** The filtered log as rows for CSV (administrators only); the header row in the reader's language. */
export async function auditLogRows(user: SessionUser, filter: AuditFilter, locale: Locale, header: string[]) {
  if (!can(user, "readAuditLog")) throw forbidden();
  const entries = await prisma.auditLog.findMany({
    where: auditWhere(filter),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_CSV_LIMIT,
    include: { actor: { select: { displayName: true, email: true } } },
  });
  return [
    header,
    ...entries.map((e) => {
      const v = entryView(e, locale);
      return [jstDateTimeString(e.createdAt), v.actor ?? "", v.label, v.action, v.entityType, v.entityId, v.summary];
    }),
  ];
}
