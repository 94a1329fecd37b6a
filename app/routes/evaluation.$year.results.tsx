import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOwnOffice } from "~/auth/permissions.server";
import { fiscalYearParam } from "~/lib/params";
import { ScoreResults } from "~/evaluation/score-results";
import { resultsFor } from "~/evaluation/results.server";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { resolveLocale } from "~/i18n/i18n.server";
import { officeEffect } from "~/office-training/office-training.server";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";
import { JaText } from "~/components/ja-text";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((t, d, { fiscalYear }) => t("evaluation.results.title", { year: fiscalYear(d.fiscalYear) }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, officeId } = await requireOwnOffice(request);
  const fiscalYear = fiscalYearParam(params.year);
  const [results, effect] = await Promise.all([
    resultsFor(officeId, fiscalYear),
    officeEffect(officeId, fiscalYear, resolveLocale(request, user)),
  ]);
  return { fiscalYear, results, effect };
}

export default function EvaluationResults() {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const { fiscalYear, results, effect } = useLoaderData<typeof loader>();
  const year = format.fiscalYear(fiscalYear);
  return (
    <div className="page evaluation-results">
      <p className="no-print">
        <Link to="/evaluation">← {t("evaluation.back")}</Link> · <Link to={`/evaluation/${fiscalYear}`}>{t("evaluation.toSheet")}</Link>
      </p>
      <h1>{t("evaluation.results.title", { year })}</h1>
      <p className="muted">
        <JaText>{results.office.name}</JaText>
      </p>
      {results.submitted ? (
        <>
          <div className="button-row no-print">
            <a className="button secondary" href={`/evaluation/${fiscalYear}/export`} download>
              {t("evaluation.results.export")}
            </a>
            <button type="button" className="button secondary" onClick={() => window.print()}>
              {t("evaluation.results.print")}
            </button>
          </div>
          <ScoreResults results={results} />
          {effect.length ? (
            <section aria-labelledby="own-training-effect" className="own-training-effect">
              <h2 id="own-training-effect">{t("officeTraining.own.title")}</h2>
              <ul>
                {effect.map((e) => (
                  <li key={e.code} data-category={e.code}>
                    <strong>{e.name}</strong>:{" "}
                    {t("officeTraining.own.row", {
                      modules: e.modules.join(locale === "en" ? "”, “" : "」「"),
                      count: e.completions,
                      from: e.from.toFixed(1),
                      to: e.to.toFixed(1),
                    })}
                  </li>
                ))}
              </ul>
              <p className="hint">{t("officeTraining.own.caution")}</p>
            </section>
          ) : null}
        </>
      ) : (
        <p className="alert alert-error">{t("evaluation.results.notSubmitted")}</p>
      )}
    </div>
  );
}
