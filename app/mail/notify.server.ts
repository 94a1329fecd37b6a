// People told what concerns them: ONE helper for every notice. A notice is an in-app notification
// (/notifications) and a mail in the outbox, both written with the database change that caused them
// (pass the transaction), so a change is never saved without its notice, nor a notice without its change.
// Text is chosen when it is read or mailed, in the recipient's language: the payload keeps the raw
// facts (both titles, the instant, the fiscal year), never a Japanese-only string. Links in mail are
// absolute (APP_ORIGIN, else the origin the server was started with).
import { audit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import type { Prisma } from "~/generated/prisma/client";
import { inLocale, isLocale, translator, type Locale, type MessageKey } from "~/i18n";
import { formatDateTime } from "~/i18n/format";
import { now } from "~/lib/clock";
import { fiscalYearLabelJa } from "~/lib/fiscal-year";

export type Db = Prisma.TransactionClient;

/** The facts a notice's text is made from; every field optional. */
export interface NoticeFacts {
  titleJa?: string;
  titleEn?: string;
  /** An instant (shown in JST, in the reader's language). */
  when?: Date | string | null;
  fiscalYear?: number;
  place?: number | null;
  /** Text shown as written (an office's name, a comment), in whatever language it was written. */
  text?: string;
}

export interface Notice extends NoticeFacts {
  userId: number;
  /** The message key of the text; `${key}.subject` is the mail's subject. */
  key: string;
  /** The notification's kind as stored (defaults to the key); scheduling keeps its short kinds. */
  kind?: string;
  /** A path in the application ("/evaluation/2026"); made absolute in mail. */
  link?: string | null;
  /** With a key, the same notice is never sent twice. */
  dedupeKey?: string;
}

interface Payload extends Omit<NoticeFacts, "when"> {
  key?: string;
  link?: string | null;
  when?: string | null;
  /** Notifications written before this helper: the Japanese title only. */
  title?: string;
  sessionId?: number | null;
}

/**
 * Runs a change and its notices in one transaction. The limit is generous: a notice to every manager of
 * the city is a few hundred small inserts, and the default 5 s is too tight on a busy machine.
 */
export function inTransaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
  return prisma.$transaction(fn, { timeout: 30_000, maxWait: 10_000 });
}

/** The origin links in mail point at. */
export function mailOrigin(): string {
  const env = getEnv();
  return (env.APP_ORIGIN ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

export function absoluteUrl(path: string): string {
  return new URL(path, mailOrigin() + "/").toString();
}

/** A fiscal year as a reader sees it: 令和8年度 in Japanese, FY2026 in English. */
export function yearLabel(fy: number, locale: Locale): string {
  return locale === "en" ? `FY${fy}` : fiscalYearLabelJa(fy);
}

function params(p: Payload, locale: Locale) {
  const titleJa = p.titleJa ?? p.title ?? "";
  return {
    title: inLocale(locale, titleJa, p.titleEn),
    when: p.when ? formatDateTime(p.when, locale) : "",
    year: typeof p.fiscalYear === "number" ? yearLabel(p.fiscalYear, locale) : "",
    place: p.place ?? "",
    text: p.text ?? "",
  };
}

function keyOf(kind: string, p: Payload): string {
  return p.key ?? `scheduling.notify.${kind}`;
}

function linkOf(p: Payload): string | null {
  return p.link ?? (p.sessionId ? `/sessions/${p.sessionId}` : null);
}

/** A notification's text, subject and link in the reader's language. */
export function renderNotice(kind: string, payload: unknown, locale: Locale) {
  const p = (payload ?? {}) as Payload;
  const t = translator(locale);
  const key = keyOf(kind, p);
  const values = params(p, locale);
  return {
    text: t(key as MessageKey, values),
    subject: t(`${key}.subject` as MessageKey, values),
    link: linkOf(p),
  };
}

/**
 * Writes the notification and its mail with `db` (the caller's transaction). Returns the outbox id of
 * the mail (null when a notice with the same dedupeKey already exists, or the user has gone); hand the
 * ids to `deliver` after the transaction commits.
 */
export async function notify(db: Db, notice: Notice): Promise<number | null> {
  const { userId, key, kind, link, dedupeKey, when, ...facts } = notice;
  const payload: Payload = { key, link: link ?? null, ...facts, when: when ? new Date(when).toISOString() : null };
  const created = await db.notification.createMany({
    data: [{ userId, kind: kind ?? key, payload: payload as Prisma.InputJsonValue, dedupeKey: dedupeKey ?? null }],
    skipDuplicates: true,
  });
  if (created.count === 0) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, locale: true, active: true } });
  if (!user || !user.active) return null;
  const locale: Locale = isLocale(user.locale) ? user.locale : "ja";
  const r = renderNotice(key, payload, locale);
  const t = translator(locale);
  const body = [r.text, r.link ? absoluteUrl(r.link) : null, "", t("notices.mail.footer", { url: absoluteUrl("/notifications") })]
    .filter((l) => l !== null)
    .join("\n");
  const mail = await db.outboxMessage.create({ data: { to: user.email, subject: r.subject, body } });
  return mail.id;
}

/** The same notice to several people. */
export async function notifyAll(db: Db, userIds: number[], notice: Omit<Notice, "userId">): Promise<(number | null)[]> {
  const ids: (number | null)[] = [];
  for (const userId of [...new Set(userIds)]) {
    ids.push(await notify(db, { ...notice, userId, dedupeKey: notice.dedupeKey ? `${notice.dedupeKey}:${userId}` : undefined }));
  }
  return ids;
}

/** Queues committed mail for delivery (see delivery.server.ts); re-exported so callers keep one import. */
export { deliver } from "./delivery.server";

/** Office managers of an office (active accounts). */
export async function officeManagers(db: Db, officeId: number): Promise<number[]> {
  const rows = await db.user.findMany({ where: { officeId, active: true, roles: { has: "OFFICE_MANAGER" } }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Members of the evaluation subcommittee (active accounts). */
export async function subcommitteeMembers(db: Db): Promise<number[]> {
  const rows = await db.user.findMany({ where: { active: true, roles: { has: "EVALUATION_SUBCOMMITTEE" } }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** The signed-in user's notifications, in their language. */
export async function noticesFor(userId: number, locale: Locale) {
  const rows = await prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 100 });
  return rows.map((n) => {
    const r = renderNotice(n.kind, n.payload, locale);
    return { id: n.id, unread: !n.readAt, createdAt: n.createdAt, text: r.text, link: r.link };
  });
}

export async function markNoticesRead(userId: number) {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now() } });
    if (count) await audit({ actorId: userId, action: "notices.read", entityType: "User", entityId: userId, summary: `${count}` }, tx);
  });
}
