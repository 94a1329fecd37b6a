import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { Pagination } from "~/components/pagination";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { useFormat, useT } from "~/i18n/react";
import { pageSearch } from "~/lib/params";

const PAGE_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "administer");
  const page = pageSearch(request);
  const [total, messages] = await Promise.all([
    prisma.outboxMessage.count(),
    prisma.outboxMessage.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
  ]);
  return {
    smtp: !!getEnv().SMTP_URL,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    messages: messages.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      body: m.body,
      at: m.createdAt.toISOString(),
      sent: !!m.sentAt,
      error: m.error,
    })),
  };
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
