import { can } from "~/auth/capabilities";
import { forbidden } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { distinctValues } from "~/lib/distinct-values.server";
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

/** Whose personal content a read shows: a person, an office, or both (issue 19, decision 016). */
export interface ReadSubject {
  entityType: string;
  entityId: string | number;
  subjectUserId?: number | null;
  subjectOfficeId?: number | null;
  summary?: string;
}

/** The reader of a page, as far as `logRead` needs it. */
export interface Reader {
  id: number;
  officeId: number | null;
}

/** Whether the reader owns the data: the person themself, or a member of the office whose data it is. */
export function isOwnRead(reader: Reader, s: Pick<ReadSubject, "subjectUserId" | "subjectOfficeId">): boolean {
  if (s.subjectUserId != null) return s.subjectUserId === reader.id;
  if (s.subjectOfficeId != null) return s.subjectOfficeId === reader.officeId;
  return false;
}

/**
 * The access log (issue 19): one page view that shows someone else's personal content writes its entries in ONE
 * insert, outside any transaction of the page's reads; the owner's own reads write nothing. The one accepted
 * exception to "no GET ever writes" (decision 016). `action` is a code of app/audit/actions.ts ("evaluation.read"…).
 */
export async function logRead(reader: Reader, action: string, subjects: ReadSubject[]) {
  const rows = subjects.filter((s) => !isOwnRead(reader, s));
  if (rows.length === 0) return 0;
  await prisma.auditLog.createMany({
    data: rows.map((s) => ({
      actorId: reader.id,
      action,
      entityType: s.entityType,
      entityId: String(s.entityId),
      summary: (s.summary ?? "").slice(0, 2000),
      isRead: true,
      subjectUserId: s.subjectUserId ?? null,
      subjectOfficeId: s.subjectOfficeId ?? null,
    })),
  });
  return rows.length;
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
  /** "read" (the access log), "write" (changes) or "" for both (issue 19). */
  kind: "" | "read" | "write";
  /** Whose data: part of a person's name or e-mail, or of an office's name (issue 19). */
  subject: string;
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
    kind: (["read", "write"] as const).find((k) => k === text("kind", 10)) ?? "",
    subject: text("subject", 100),
  };
  const errors: AuditFilterError[] = [];
  if (filter.from && !parseJstDate(filter.from)) errors.push("from");
  if (filter.to && !parseJstDate(filter.to)) errors.push("to");
  return { filter, errors };
}

/** The people and offices a "whose data" text names (part of a name or e-mail; an office's name). */
async function subjectsNamed(text: string) {
  const [users, offices] = await Promise.all([
    prisma.user.findMany({
      where: { OR: [{ displayName: { contains: text, mode: "insensitive" } }, { email: { contains: text, mode: "insensitive" } }] },
      select: { id: true },
      take: 500,
    }),
    prisma.office.findMany({ where: { name: { contains: text, mode: "insensitive" } }, select: { id: true }, take: 500 }),
  ]);
  return { userIds: users.map((u) => u.id), officeIds: offices.map((o) => o.id) };
}

async function auditWhere(f: AuditFilter): Promise<Prisma.AuditLogWhereInput> {
  const where: Prisma.AuditLogWhereInput[] = [];
  if (f.kind) where.push({ isRead: f.kind === "read" });
  if (f.subject) {
    // Reads name their subject; a change names it as its record (a User or Office entry) or as its subject.
    const { userIds, officeIds } = await subjectsNamed(f.subject);
    where.push({
      OR: [
        { subjectUserId: { in: userIds } },
        { subjectOfficeId: { in: officeIds } },
        { entityType: "User", entityId: { in: userIds.map(String) } },
        { entityType: "Office", entityId: { in: officeIds.map(String) } },
      ],
    });
  }
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

type EntryRow = Prisma.AuditLogGetPayload<{ include: { actor: { select: { displayName: true; email: true } } } }>;

/** Names of the people and offices the entries are about ("whose data"), in two queries. */
async function subjectNames(entries: EntryRow[]) {
  const userIds = [...new Set(entries.flatMap((e) => (e.subjectUserId == null ? [] : [e.subjectUserId])))];
  const officeIds = [...new Set(entries.flatMap((e) => (e.subjectOfficeId == null ? [] : [e.subjectOfficeId])))];
  const [users, offices] = await Promise.all([
    userIds.length ? prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true, email: true } }) : [],
    officeIds.length ? prisma.office.findMany({ where: { id: { in: officeIds } }, select: { id: true, name: true } }) : [],
  ]);
  const u = new Map(users.map((x) => [x.id, `${x.displayName} <${x.email}>`]));
  const o = new Map(offices.map((x) => [x.id, x.name]));
  return (e: EntryRow) =>
    [
      e.subjectUserId != null ? (u.get(e.subjectUserId) ?? `User #${e.subjectUserId}`) : null,
      e.subjectOfficeId != null ? (o.get(e.subjectOfficeId) ?? `Office #${e.subjectOfficeId}`) : null,
    ]
      .filter(Boolean)
      .join(" / ");
}

function entryView(e: EntryRow, locale: Locale, subject: (e: EntryRow) => string = () => "") {
  return {
    id: e.id,
    isRead: e.isRead,
    subject: subject(e),
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
  const where = await auditWhere(filter);
  const [total, entries, entityTypes] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { actor: { select: { displayName: true, email: true } } },
    }),
    // The kinds of record the log names, one index probe each (not the whole log read).
    distinctValues("AuditLog"),
  ]);
  const subject = await subjectNames(entries);
  return {
    page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    total,
    areas: actionAreas(locale),
    entityTypes,
    entries: entries.map((e) => entryView(e, locale, subject)),
  };
}

/** At most this many rows in one CSV (narrow the filter for more). */
export const AUDIT_CSV_LIMIT = 50_000;

/** The filtered log as rows for CSV (administrators only); the header row in the reader's language. */
export async function auditLogRows(
  user: SessionUser,
  filter: AuditFilter,
  locale: Locale,
  header: string[],
  kindWords: { read: string; write: string },
) {
  if (!can(user, "readAuditLog")) throw forbidden();
  const entries = await prisma.auditLog.findMany({
    where: await auditWhere(filter),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_CSV_LIMIT,
    include: { actor: { select: { displayName: true, email: true } } },
  });
  const subject = await subjectNames(entries);
  return [
    header,
    ...entries.map((e) => {
      const v = entryView(e, locale, subject);
      return [
        jstDateTimeString(e.createdAt),
        v.actor ?? "",
        v.label,
        v.action,
        v.entityType,
        v.entityId,
        v.summary,
        v.isRead ? kindWords.read : kindWords.write,
        v.subject,
      ];
    }),
  ];
}
