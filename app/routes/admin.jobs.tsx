import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/auth/permissions.server";
import { useCan } from "~/auth/use-can";
import { useFormat, useT } from "~/i18n/react";
import { jobsOverview, retryFailedJob } from "~/jobs/admin.server";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("ops.jobs.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return jobsOverview(await requireUser(request));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const result = await retryFailedJob(user, Object.fromEntries(await request.formData()));
  return result.ok ? result : data(result, { status: 400 });
}

export default function AdminJobs() {
  const t = useT();
  const format = useFormat();
  const { queues, failed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const canSeeOutbox = useCan("administer");
  return (
    <div className="page">
      <h1>{t("ops.jobs.title")}</h1>
      <p>{t("ops.jobs.intro")}</p>
      <ul className="link-list">
        {canSeeOutbox ? (
          <li>
            <Link to="/admin/outbox">{t("ops.jobs.outboxLink")}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/admin/retention">{t("retention.title")}</Link>
        </li>
      </ul>
      <div aria-live="polite">
        {result ? (
          <p className={result.ok ? "alert alert-success" : "alert alert-error"} role={result.ok ? "status" : "alert"}>
            {result.ok ? t("ops.jobs.retried") : t(`ops.${result.error}`)}
          </p>
        ) : null}
      </div>
      <h2>{t("ops.jobs.queues")}</h2>
      {queues.length === 0 ? (
        <p>{t("ops.jobs.none")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t("ops.jobs.queues")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("ops.jobs.queue")}</th>
                <th scope="col">{t("ops.jobs.waiting")}</th>
                <th scope="col">{t("ops.jobs.active")}</th>
                <th scope="col">{t("ops.jobs.retry")}</th>
                <th scope="col">{t("ops.jobs.failed")}</th>
                <th scope="col">{t("ops.jobs.completed")}</th>
              </tr>
            </thead>
            <tbody>
              {queues.map((q) => (
                <tr key={q.name}>
                  <th scope="row">
                    <code>{q.name}</code>
                  </th>
                  <td>{q.waiting}</td>
                  <td>{q.active}</td>
                  <td>{q.retry}</td>
                  <td>{q.failed}</td>
                  <td>{q.completed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("ops.jobs.failedTitle")}</h2>
      {failed.length === 0 ? (
        <p>{t("ops.jobs.noFailed")}</p>
      ) : (
        <ol className="card-list">
          {failed.map((f) => (
            <li key={f.id} className="card">
              <h3>
                <code>{f.name}</code>
              </h3>
              <p className="muted">
                {f.failedAt ? format.dateTime(f.failedAt) : null} · {t("ops.jobs.retries", { count: f.retries })}
              </p>
              <pre className="mail-body">{f.error}</pre>
              <Form method="post">
                <input type="hidden" name="id" value={f.id} />
                <input type="hidden" name="name" value={f.name} />
                <button type="submit" className="button" disabled={busy}>
                  {t("ops.jobs.retryButton")}
                </button>
              </Form>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
