import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { activeQuestions, questionAction, surveysOfYear } from "~/survey/survey.server";
import { trainingYearSearch } from "~/lib/params";
import { yearChoices } from "~/training/year";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";
import { inLocale } from "~/i18n";

export const meta = pageMeta("survey.committee.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const locale = resolveLocale(request, user);
  const year = trainingYearSearch(request);
  const [surveys, questions] = await Promise.all([surveysOfYear(year, locale), activeQuestions()]);
  return {
    year,
    years: yearChoices(),
    surveys,
    questions: questions.map((q) => ({ id: q.id, kind: q.kind, text: inLocale(locale, q.textJa, q.textEn) })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const result = await questionAction(user.id, await request.formData());
  return result.ok ? result : data(result, { status: 400 });
}

export default function CommitteeSurveys() {
  const t = useT();
  const format = useFormat();
  const { year, years, surveys, questions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="page">
      <h1>{t("survey.committee.title")}</h1>
      <p>{t("survey.committee.intro")}</p>
      <FiscalYearPicker years={years} value={year}></FiscalYearPicker>
      <DataTable caption={t("survey.committee.caption", { year: format.fiscalYear(year) })}>
        <thead>
          <tr>
            <th scope="col">{t("survey.committee.training")}</th>
            <th scope="col" className="num">
              {t("survey.committee.responses")}
            </th>
            <th scope="col" className="num">
              {t("survey.committee.eligible")}
            </th>
            <th scope="col" className="num">
              {t("survey.committee.rate")}
            </th>
          </tr>
        </thead>
        <tbody>
          {surveys.map((s) => (
            <tr key={s.slug}>
              <th scope="row">
                <Link to={`/committee/surveys/${s.slug}`}>{s.title ?? t("survey.ondemand", { year: format.fiscalYear(year) })}</Link>
                {s.firstDay ? <span className="muted small"> · {format.date(s.firstDay)}</span> : null}
              </th>
              <td className="num">{s.responses}</td>
              <td className="num">{s.eligible}</td>
              <td className="num">{s.rate === null ? "—" : `${s.rate}%`}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>

      <section aria-labelledby="survey-questions" className="panel">
        <h2 id="survey-questions">{t("survey.questions.title")}</h2>
        <p className="muted">{t("survey.questions.intro")}</p>
        <div aria-live="polite">
          {result?.ok ? (
            <p className="alert alert-success" role="status">
              {t(result.intent === "add" ? "survey.questions.added" : "survey.questions.retired")}
            </p>
          ) : result ? (
            <p className="alert alert-error" role="alert">
              {t(result.error)}
            </p>
          ) : null}
        </div>
        <ol>
          {questions.map((q) => (
            <li key={q.id}>
              {q.text} <span className="muted small">({t(q.kind === "rating" ? "survey.kind.rating" : "survey.kind.text")})</span>{" "}
              <Form method="post" className="inline">
                <input type="hidden" name="questionId" value={q.id} />
                <button
                  type="submit"
                  name="intent"
                  value="retire"
                  className="button small secondary"
                  disabled={busy}
                  aria-label={`${t("survey.questions.retire")}: ${q.text}`}
                >
                  {t("survey.questions.retire")}
                </button>
              </Form>
            </li>
          ))}
        </ol>
        <h3>{t("survey.questions.add")}</h3>
        <Form method="post" className="stack-form">
          <label htmlFor="q-kind">{t("survey.questions.kind")}</label>
          <select id="q-kind" name="kind" defaultValue="rating">
            <option value="rating">{t("survey.kind.rating")}</option>
            <option value="text">{t("survey.kind.text")}</option>
          </select>
          <label htmlFor="q-textJa">{t("survey.questions.textJa")}</label>
          <input id="q-textJa" name="textJa" required maxLength={300} />
          <label htmlFor="q-textEn">{t("survey.questions.textEn")}</label>
          <input id="q-textEn" name="textEn" maxLength={300} />
          <button type="submit" name="intent" value="add" className="button secondary" disabled={busy}>
            {t("survey.questions.addButton")}
          </button>
        </Form>
      </section>
    </div>
  );
}
