import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { notFound, requireUser } from "~/auth/permissions.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { answerSurvey, surveyForTrainee } from "~/survey/survey.server";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((t, d, { fiscalYear }) =>
  t("survey.title", { name: d.survey.title ?? t("survey.ondemand", { year: fiscalYear(d.survey.fiscalYear) }) }),
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const survey = await surveyForTrainee(user, params.id, resolveLocale(request, user));
  if (!survey) throw notFound();
  return { survey };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const result = await answerSurvey(user, params.id, await request.formData());
  if (result.ok) return result;
  return data(result, { status: result.error === "survey.error.notYours" ? 403 : result.error === "survey.error.already" ? 409 : 400 });
}

export default function Survey() {
  const t = useT();
  const format = useFormat();
  const { survey: s } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const name = s.title ?? t("survey.ondemand", { year: format.fiscalYear(s.fiscalYear) });
  return (
    <div className="page narrow">
      <h1>{t("survey.title", { name })}</h1>
      {result?.ok || s.answered ? (
        <>
          <p className="alert alert-success" role="status">
            {t("survey.thanks")}
          </p>
          <p>
            <Link to="/">{t("survey.backHome")}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t("survey.intro")}</p>
          <div aria-live="polite">
            {result && !result.ok ? (
              <p className="alert alert-error" role="alert">
                {t(result.error)}
              </p>
            ) : null}
          </div>
          <Form method="post" className="survey-form">
            {s.questions.map((q) =>
              q.kind === "rating" ? (
                <fieldset key={q.id} aria-invalid={result && !result.ok && result.questionId === q.id ? true : undefined}>
                  <legend>{q.text}</legend>
                  <div className="rating-row">
                    {[1, 2, 3, 4, 5].map((n) => (
                      <label key={n} className="rating-option">
                        <input type="radio" name={`q${q.id}`} value={n} required />
                        {t("survey.rating.label", { n })}
                      </label>
                    ))}
                  </div>
                </fieldset>
              ) : (
                <div key={q.id} className="field">
                  <label htmlFor={`q${q.id}`}>{q.text}</label>
                  <textarea id={`q${q.id}`} name={`q${q.id}`} rows={4} maxLength={2000} aria-describedby="survey-text-help" />
                  <p id="survey-text-help" className="muted small">
                    {t("survey.textHelp")}
                  </p>
                </div>
              ),
            )}
            <button type="submit" className="button" disabled={busy}>
              {t("survey.submit")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
