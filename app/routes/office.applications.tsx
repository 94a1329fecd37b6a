import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { endorseAction, officeApplications } from "~/applications/applications.server";
import { AnswerList, FileLink, StatusBadge } from "~/applications/ui";
import { requireCapability } from "~/auth/permissions.server";
import { FormErrorSummary } from "~/components/forms";
import { resolveLocale } from "~/i18n/i18n.server";
import { useT } from "~/i18n/react";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("applications.office.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "endorseApplications");
  return officeApplications(user, resolveLocale(request, user));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "endorseApplications");
  const result = await endorseAction(user, await request.formData());
  return result.ok ? result : data(result, { status: 400 });
}

export default function OfficeApplications() {
  const t = useT();
  const { rows } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="page">
      <h1>{t("applications.office.title")}</h1>
      <p className="hint">{t("applications.office.intro")}</p>
      <div aria-live="polite">
        {result && result.ok ? (
          <p className="alert alert-success" role="status">
            {result.intent === "endorse" ? t("applications.office.endorsed") : t("applications.office.declined")}
          </p>
        ) : (
          <FormErrorSummary result={result} />
        )}
      </div>
      {rows.length === 0 ? (
        <p>{t("applications.office.none")}</p>
      ) : (
        <ul className="card-list">
          {rows.map((a) => (
            <li key={a.id} className="card">
              <h2 className="h3">
                {a.name} — {a.round.title}
              </h2>
              <p>
                <StatusBadge status={a.status} />
                {a.rank !== null ? ` ${t("applications.rankN", { n: a.rank })}` : ""}
              </p>
              <p className="small muted">{t("applications.office.deadline", { date: a.round.endorseOn })}</p>
              {a.declineReason ? <p className="small">{t("applications.declineReasonIs", { reason: a.declineReason })}</p> : null}
              <AnswerList answers={a.answers} />
              <FileLink applicationId={a.id} file={a.file} />
              {a.mayDecide ? (
                <div className="inline-forms">
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="applicationId" value={a.id} />
                    <div className="field">
                      <label htmlFor={`rank-${a.id}`}>{t("applications.office.rank")}</label>
                      <input id={`rank-${a.id}`} name="rank" type="number" min={1} max={999} required defaultValue={a.rank ?? ""} />
                    </div>
                    <button
                      type="submit"
                      name="intent"
                      value="endorse"
                      className="button small"
                      disabled={busy}
                      aria-label={`${t("applications.office.endorse")}: ${a.name}`}
                    >
                      {t("applications.office.endorse")}
                    </button>
                  </Form>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="applicationId" value={a.id} />
                    <div className="field">
                      <label htmlFor={`reason-${a.id}`}>{t("applications.office.reason")}</label>
                      <input id={`reason-${a.id}`} name="reason" required maxLength={1000} />
                    </div>
                    <button
                      type="submit"
                      name="intent"
                      value="decline"
                      className="button small danger"
                      disabled={busy}
                      aria-label={`${t("applications.office.decline")}: ${a.name}`}
                    >
                      {t("applications.office.decline")}
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
