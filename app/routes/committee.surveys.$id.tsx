import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireCapability } from "~/auth/permissions.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { surveyResults } from "~/survey/survey.server";
import { QuestionResultPanel } from "~/survey/ui";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((t, d, { fiscalYear }) =>
  t("survey.results.title", { name: d.title ?? t("survey.ondemand", { year: fiscalYear(d.fiscalYear) }) }),
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const r = await surveyResults(params.id, resolveLocale(request, user));
  if (!r) throw notFound();
  return r;
}

export default function SurveyResults() {
  const t = useT();
  const format = useFormat();
  const r = useLoaderData<typeof loader>();
  const name = r.title ?? t("survey.ondemand", { year: format.fiscalYear(r.fiscalYear) });
  return (
    <div className="page">
      <p>
        <Link to={`/committee/surveys?year=${r.fiscalYear}`}>{t("survey.committee.title")}</Link>
      </p>
      <h1>{t("survey.results.title", { name })}</h1>
      <p>{t("survey.results.rate", { responses: r.responses, eligible: r.eligible, rate: r.rate === null ? "—" : `${r.rate}%` })}</p>
      {r.withheld ? (
        <p className="alert alert-info" role="status">
          {t("survey.results.withheld", { min: 3 })}
        </p>
      ) : (
        <>
          <p>
            <a className="button secondary" href={`/committee/surveys/${r.slug}.csv`} download>
              {t("survey.results.csv")}
            </a>
          </p>
          {r.questions.map((q) => (
            <QuestionResultPanel key={q.id} q={q} />
          ))}
        </>
      )}
    </div>
  );
}
