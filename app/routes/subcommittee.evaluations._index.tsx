import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { reviewFiscalYears, submissionsFor } from "~/evaluation/evaluation.server";
import { useCan } from "~/auth/use-can";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { fiscalYearSearch } from "~/lib/params";

export const meta: MetaFunction = () => [{ title: "自己評価の提出状況 | つなぐ" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "viewSubcommittee");
  const years = await reviewFiscalYears();
  const current = currentFiscalYear();
  const fallback = years.includes(current) ? current : (years[0] ?? current);
  const asked = fiscalYearSearch(request, fallback);
  const fiscalYear = years.includes(asked) ? asked : fallback;
  const offices = await submissionsFor(fiscalYear);
  return {
    fiscalYear,
    years,
    offices,
    submitted: offices.filter((o) => o.status === "SUBMITTED").length,
  };
}

export default function SubcommitteeEvaluations() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const { fiscalYear, years, offices, submitted } = useLoaderData<typeof loader>();
  const canImport = useCan("importResults");
  return (
    <div className="page">
      <h1>{t("subEval.title")}</h1>
      {canImport ? (
        <p>
          <Link to="/subcommittee/results-import">{t("imports.results.link")}</Link>
        </p>
      ) : null}
      <FiscalYearPicker years={years} value={fiscalYear}></FiscalYearPicker>
      <p>{t("subEval.summary", { submitted, total: offices.length })}</p>
      <div className="table-wrap">
        <table>
          <caption>
            {t("subEval.title")} ({format.fiscalYear(fiscalYear)})
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("subEval.col.office")}</th>
              <th scope="col">{t("subEval.col.ward")}</th>
              <th scope="col">{t("evaluation.col.status")}</th>
              <th scope="col" className="num">
                {t("evaluation.col.answered")}
              </th>
              <th scope="col">{t("evaluation.col.submittedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {offices.map((o) => (
              <tr key={o.officeId}>
                <td>
                  <Link to={`/subcommittee/evaluations/${o.officeId}/${fiscalYear}`}>{o.name}</Link>
                </td>
                <td>{locale === "en" ? o.wardEn : o.wardJa}</td>
                <td>{t(`evaluation.status.${o.status ?? "NONE"}`)}</td>
                <td className="num">{o.answered}</td>
                <td>{o.submittedAt ? format.date(o.submittedAt) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
