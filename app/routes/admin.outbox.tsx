import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { outboxPage } from "~/mail/outbox.server";
import { Pagination } from "~/components/pagination";
import { useFormat, useT } from "~/i18n/react";
import { pageSearch } from "~/lib/params";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return outboxPage(user, pageSearch(request));
}

export default function Outbox() {
  const t = useT();
  const format = useFormat();
  const { smtp, page, pages, messages } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("admin.outbox.title")}</h1>
      <p>{smtp ? t("admin.outbox.smtpOn") : t("admin.outbox.smtpOff")}</p>
      {messages.length === 0 ? <p>{t("admin.outbox.empty")}</p> : null}
      <ol className="card-list" reversed>
        {messages.map((m) => (
          <li key={m.id} className="card outbox-message">
            <h2 className="h3">{m.subject}</h2>
            <p className="muted">
              {t("admin.outbox.to")}: {m.to} · {format.dateTime(m.at)} ·{" "}
              {m.sent ? t("admin.outbox.sent") : m.error ? t("admin.outbox.failed") : t("admin.outbox.notSent")}
            </p>
            <pre className="mail-body">{m.body}</pre>
          </li>
        ))}
      </ol>
      <Pagination page={page} pages={pages} params={{}} />
    </div>
  );
}
