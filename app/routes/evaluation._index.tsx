import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOwnOffice } from "~/auth/permissions.server";
import { officeYears } from "~/evaluation/evaluation.server";
import { useFormat, useT } from "~/i18n/react";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";
import { JaText } from "~/components/ja-text";

export const meta = pageMeta("evaluation.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, officeId } = await requireOwnOffice(request);
  return {
    officeName: user.office?.name ?? "",
    years: await officeYears(officeId),
  };
}

export default function EvaluationYears() {
  const t = useT();
  const format = useFormat();
  const { officeName, years } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("evaluation.title")}</h1>
      <p className="muted">
        <JaText>{officeName}</JaText>
      </p>
      <p>{t("evaluation.lead")}</p>
      <DataTable caption={t("evaluation.years.caption")}>
        <thead>
          <tr>
            <th scope="col">{t("evaluation.col.year")}</th>
            <th scope="col">{t("evaluation.col.status")}</th>
            <th scope="col">{t("evaluation.col.submittedAt")}</th>
            <th scope="col">{t("evaluation.col.results")}</th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.fiscalYear}>
              <td>
                <Link to={`/evaluation/${y.fiscalYear}`}>{format.fiscalYear(y.fiscalYear)}</Link>
              </td>
              <td>
                {t(`evaluation.status.${y.status ?? "NONE"}`)}
                {y.imported ? ` (${t("imports.results.importedMark")})` : ""}
              </td>
              <td>{y.submittedAt ? format.date(y.submittedAt) : "—"}</td>
              <td>
                {y.status === "SUBMITTED" ? <Link to={`/evaluation/${y.fiscalYear}/results`}>{t("evaluation.viewResults")}</Link> : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </div>
  );
}
