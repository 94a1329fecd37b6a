import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { askQuestion, groupCases } from "~/cases/cases.server";
import styles from "~/cases/cases.css?url";
import { refuse, sessionIdOf } from "~/cases/http.server";
import { CaseDisplay, CasePageHead } from "~/cases/ui";
import { isMessageKey } from "~/i18n";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("cases.title.group");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "joinSessions");
  const r = await groupCases(user, sessionIdOf(params.id), resolveLocale(request, user));
  if (!r.ok) {
    if (r.reason === "not-yet") return { ok: false as const, sessionId: sessionIdOf(params.id), dueAt: r.dueAt };
    throw refuse(r.reason);
  }
  return r;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "joinSessions");
  const form = await request.formData();
  const r = await askQuestion(user, sessionIdOf(params.id), { submissionId: form.get("submissionId"), body: form.get("body") });
  if (!r.ok) {
    if (r.reason === "forbidden" || r.reason === "not-found") throw refuse(r.reason);
    return data(
      { ok: false as const, submissionId: Number(form.get("submissionId")), error: r.errors?.body ?? "cases.error.invalid" },
      { status: 400 },
    );
  }
  return { ok: true as const, submissionId: Number(form.get("submissionId")), error: null };
}

export default function GroupCases() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  if (!d.ok) {
    return (
      <div className="page">
        <p>
          <Link to={`/sessions/${d.sessionId}`}>{t("cases.backToSession")}</Link>
        </p>
        <h1>{t("cases.title.group")}</h1>
        <p className="alert alert-info">{t("cases.notYet", { date: format.dateTime(d.dueAt) })}</p>
      </div>
    );
  }
  return (
    <div className="page">
      <CasePageHead back={`/sessions/${d.session.id}`} title="cases.title.group" session={d.session} locale={locale} />
      <p>{t("cases.due", { date: format.dateTime(d.assignment.dueAt) })}</p>
      {d.cases.length === 0 ? <p>{t("cases.noCases")}</p> : null}
      {d.cases.map((c) => {
        const headingId = `case-${c.id}`;
        const errorId = `q-${c.id}-error`;
        const err =
          result && !result.ok && result.submissionId === c.id && result.error && isMessageKey(result.error) ? result.error : null;
        return (
          <article key={c.id} className="case-card" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {t("cases.by", { name: c.trainee })} {c.mine ? <span className="muted">{t("cases.mine")}</span> : null}
            </h2>
            <p className="muted">
              {c.submittedAt ? `${t("cases.submittedAt")}: ${format.dateTime(c.submittedAt)}` : null} ·{" "}
              {t("cases.version", { number: c.version })}
              {c.late ? <span className="badge badge-late"> {t("cases.late")}</span> : null}
            </p>
            <CaseDisplay
              sessionId={d.session.id}
              template={d.template}
              fields={c.fields}
              textsDeleted={c.textsDeleted}
              locale={locale}
              attachments={c.attachments}
              questions={c.questions}
            />
            {result && result.ok && result.submissionId === c.id ? (
              <p className="alert alert-success" role="status">
                {t("cases.question.sent")}
              </p>
            ) : null}
            {!c.textsDeleted ? (
              <Form method="post" className="stack">
                <input type="hidden" name="submissionId" value={c.id} />
                <div className="field">
                  <label htmlFor={`q-${c.id}`}>{t("cases.question.ask")}</label>
                  <textarea
                    id={`q-${c.id}`}
                    name="body"
                    rows={2}
                    maxLength={2000}
                    aria-invalid={err ? true : undefined}
                    aria-describedby={err ? errorId : undefined}
                  />
                  {err ? (
                    <ul className="error-list" id={errorId}>
                      <li>{t(err)}</li>
                    </ul>
                  ) : null}
                </div>
                <button type="submit" className="button secondary" disabled={busy}>
                  {t("cases.question.ask")}
                </button>
              </Form>
            ) : null}
          </article>
        );
      })}
    </div>
  );
}
