import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { useFormat, useT } from "~/i18n/react";
import type { MessageKey } from "~/i18n";
import { resolveLocale } from "~/i18n/i18n.server";
import { markAllRead, notificationsPage } from "~/notifications/notifications.server";

export const meta: MetaFunction = () => [{ title: "お知らせ / Notifications – つなぐ" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return notificationsPage(user, resolveLocale(request, user));
}

export async function action({ request }: ActionFunctionArgs) {
  return markAllRead(await requireUser(request));
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
