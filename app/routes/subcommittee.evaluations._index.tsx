import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { reviewFiscalYears, submissionsFor, wardChoices } from "~/evaluation/evaluation.server";
import { SUBMISSION_STATUSES, type SubmissionStatus } from "~/evaluation/submissions";
import { Pagination } from "~/components/pagination";
import { useCan } from "~/auth/use-can";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { currentFiscalYear } from "~/lib/fiscal-year";
import { fiscalYearSearch, idSearch, pageSearch } from "~/lib/params";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";
import { JaText } from "~/components/ja-text";

export const meta = pageMeta("subEval.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "viewSubcommittee");
  const years = await reviewFiscalYears();
  const current = currentFiscalYear();
  const fallback = years.includes(current) ? current : (years[0] ?? current);
  const asked = fiscalYearSearch(request, fallback);
  const fiscalYear = years.includes(asked) ? asked : fallback;
  // Paginated and filtered on the server (issue 13): a national list has 12,000 offices.
  const url = new URL(request.url);
  const wardId = idSearch(url, "ward");
  const askedStatus = url.searchParams.get("status");
  const status = (SUBMISSION_STATUSES as readonly string[]).includes(askedStatus ?? "") ? (askedStatus as SubmissionStatus) : null;
  const query = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const [list, wards] = await Promise.all([submissionsFor(fiscalYear, { page: pageSearch(url), wardId, status, query }), wardChoices()]);
  return { fiscalYear, years, wards, wardId, status, query, ...list };
}

export default function SubcommitteeEvaluations() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const { fiscalYear, years, wards, wardId, status, query, offices, submitted, total, matching, page, pages } =
    useLoaderData<typeof loader>();
  const params: Record<string, string> = { year: String(fiscalYear) };
  if (wardId) params.ward = String(wardId);
  if (status) params.status = status;
  if (query) params.q = query;
  const canImport = useCan("importResults");
  return (
    <div className="page">
      <h1>{t("subEval.title")}</h1>
      {canImport ? (
        <p>
          <Link to="/subcommittee/results-import">{t("imports.results.link")}</Link>
        </p>
      ) : null}
      <FiscalYearPicker
        years={years}
        value={fiscalYear}
        fields={
          <>
            <div className="field">
              <label htmlFor="ward">{t("cycle.ward")}</label>
              <select id="ward" name="ward" defaultValue={wardId ?? ""}>
                <option value="">{t("cycle.allWards")}</option>
                {wards.map((w) => (
                  <option key={w.id} value={w.id}>
                    {locale === "en" ? w.nameEn : w.nameJa}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="status">{t("evaluation.col.status")}</label>
              <select id="status" name="status" defaultValue={status ?? ""}>
                <option value="">{t("performance.filter.allStatuses")}</option>
                {SUBMISSION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`evaluation.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="office-name">{t("performance.filter.name")}</label>
              <input id="office-name" type="search" name="q" defaultValue={query} maxLength={100} />
            </div>
          </>
        }
      ></FiscalYearPicker>
      <p>{t("subEval.summary", { submitted, total })}</p>
      <p role="status">{t("performance.filter.matching", { count: matching })}</p>
      <DataTable
        caption={
          <>
            {t("subEval.title")} ({format.fiscalYear(fiscalYear)})
          </>
        }
      >
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
                <Link to={`/subcommittee/evaluations/${o.officeId}/${fiscalYear}`}>
                  <JaText>{o.name}</JaText>
                </Link>
              </td>
              <td>{locale === "en" ? o.wardEn : o.wardJa}</td>
              <td>{t(`evaluation.status.${o.status ?? "NONE"}`)}</td>
              <td className="num">{o.answered}</td>
              <td>{o.submittedAt ? format.date(o.submittedAt) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Pagination page={page} pages={pages} params={params} />
    </div>
  );
}
