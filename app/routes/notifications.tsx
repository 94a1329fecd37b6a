import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { useFormat, useT } from "~/i18n/react";
import { resolveLocale } from "~/i18n/i18n.server";
import { markNoticesRead, noticesFor } from "~/mail/notify.server";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("scheduling.notifications.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { items: await noticesFor(user.id, resolveLocale(request, user)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await markNoticesRead(user.id);
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
              <p>{n.text}</p>
              {n.link ? <Link to={n.link}>{t("scheduling.notifications.open")}</Link> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
