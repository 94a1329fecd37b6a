import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { retryOutboxMessage } from "~/jobs/admin.server";
import { outboxPage } from "~/mail/outbox.server";
import { Pagination } from "~/components/pagination";
import { useFormat, useT } from "~/i18n/react";
import { pageSearch } from "~/lib/params";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("admin.outbox.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return outboxPage(user, pageSearch(request));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const result = await retryOutboxMessage(user, Object.fromEntries(await request.formData()));
  return result.ok ? result : data(result, { status: 400 });
}

export default function Outbox() {
  const t = useT();
  const format = useFormat();
  const { smtp, page, pages, messages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="page">
      <h1>{t("admin.outbox.title")}</h1>
      <p>{smtp ? t("admin.outbox.smtpOn") : t("admin.outbox.smtpOff")}</p>
      <p>
        <Link to="/admin/jobs">{t("ops.nav.jobs")}</Link>
      </p>
      <div aria-live="polite">
        {result ? (
          <p className={result.ok ? "alert alert-success" : "alert alert-error"} role={result.ok ? "status" : "alert"}>
            {result.ok ? t("ops.outbox.retried") : t(`ops.${result.error}`)}
          </p>
        ) : null}
      </div>
      {messages.length === 0 ? <p>{t("admin.outbox.empty")}</p> : null}
      <ol className="card-list" reversed>
        {messages.map((m) => (
          <li key={m.id} className="card outbox-message">
            <h2 className="h3">{m.subject}</h2>
            <p className="muted">
              {t("admin.outbox.to")}: {m.to} · {format.dateTime(m.at)} ·{" "}
              {m.sent ? t("admin.outbox.sent") : m.error ? t("admin.outbox.failed") : t("admin.outbox.notSent")}
            </p>
            {!m.sent && m.error ? (
              <>
                <p className="alert alert-error">
                  {t("ops.outbox.error")}: {m.error}
                </p>
                {smtp ? (
                  <Form method="post">
                    <input type="hidden" name="id" value={m.id} />
                    <button type="submit" className="button" disabled={busy}>
                      {t("ops.outbox.retryButton")}
                    </button>
                  </Form>
                ) : null}
              </>
            ) : null}
            <pre className="mail-body">{m.body}</pre>
          </li>
        ))}
      </ol>
      <Pagination page={page} pages={pages} params={{}} />
    </div>
  );
}
