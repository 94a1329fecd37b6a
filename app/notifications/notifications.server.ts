// A user's notifications (/notifications): page reader and the one intent handler.
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import type { Locale } from "~/i18n";
import { formatDateTime } from "~/i18n/format";
import { now } from "~/lib/clock";

/** The user's latest 100 notifications, newest first, with their message parameters. */
export async function notificationsPage(user: SessionUser, locale: Locale) {
  const rows = await prisma.notification.findMany({ where: { userId: user.id }, orderBy: { createdAt: "desc" }, take: 100 });
  return {
    items: rows.map((n) => {
      const p = (n.payload ?? {}) as { sessionId?: number | null; title?: string; when?: string | null; place?: number | null };
      return {
        id: n.id,
        kind: n.kind,
        unread: !n.readAt,
        createdAt: n.createdAt,
        sessionId: p.sessionId ?? null,
        params: { title: p.title ?? "", when: p.when ? formatDateTime(p.when, locale) : "", place: p.place ?? "" },
      };
    }),
  };
}

/** Marks every unread notification of the user as read. */
export async function markAllRead(user: SessionUser): Promise<{ ok: true }> {
  await prisma.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: now() } });
  return { ok: true };
}
