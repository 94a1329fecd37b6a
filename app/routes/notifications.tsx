import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { prisma } from "~/db.server";
import { now } from "~/lib/clock";
import { useFormat, useT } from "~/i18n/react";
import type { MessageKey } from "~/i18n";
import { formatDateTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/i18n.server";

export const meta: MetaFunction = () => [{ title: "お知らせ / Notifications – つなぐ" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = resolveLocale(request, user);
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

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await prisma.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: now() } });
  return { ok: true };
}

export default function Notifications() {
  const t = useT();
  const format = useFormat();
  const { items } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("scheduling.notifications.title")}</h1>
      {items.some((i) => i.unread) ? (
        <Form method="post">
          <button type="submit" className="button secondary">
            {t("scheduling.notifications.markRead")}
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? (
        <p>{t("scheduling.notifications.none")}</p>
      ) : (
        <ul className="card-list notifications">
          {items.map((n) => (
            <li key={n.id} className={`card${n.unread ? " unread" : ""}`}>
              <p>
                {n.unread ? <span className="badge badge-waitlisted">{t("scheduling.notifications.unread")}</span> : null}{" "}
                <span className="muted small">{format.dateTime(n.createdAt)}</span>
              </p>
              <p>{t(`scheduling.notify.${n.kind}` as MessageKey, n.params)}</p>
              {n.sessionId ? <Link to={`/sessions/${n.sessionId}`}>{t("scheduling.notifications.open")}</Link> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
