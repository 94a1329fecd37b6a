import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOwnOffice } from "~/auth/permissions.server";
import { fiscalYearParam } from "~/lib/params";
import { ScoreResults } from "~/evaluation/score-results";
import { resultsFor } from "~/evaluation/results.server";
import { useFormat, useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "自己評価の結果 | つなぐ" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { officeId } = await requireOwnOffice(request);
  const fiscalYear = fiscalYearParam(params.year);
  return { fiscalYear, results: await resultsFor(officeId, fiscalYear) };
}

export default function EvaluationResults() {
  const t = useT();
  const format = useFormat();
  const { fiscalYear, results } = useLoaderData<typeof loader>();
  const year = format.fiscalYear(fiscalYear);
  return (
    <div className="page evaluation-results">
      <p className="no-print">
        <Link to="/evaluation">← {t("evaluation.back")}</Link> · <Link to={`/evaluation/${fiscalYear}`}>{t("evaluation.toSheet")}</Link>
      </p>
      <h1>{t("evaluation.results.title", { year })}</h1>
      <p className="muted">{results.office.name}</p>
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
        </>
      ) : (
        <p className="alert alert-error">{t("evaluation.results.notSubmitted")}</p>
      )}
    </div>
  );
}
