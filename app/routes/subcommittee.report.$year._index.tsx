import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { reportWithEffect } from "~/cycle/report.server";
import { fiscalYearParam } from "~/lib/params";
import { resolveLocale } from "~/i18n/i18n.server";
import { TrainingEffectSection } from "~/office-training/ui";
import { useFormat, useT } from "~/i18n/react";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";
import { DataTable } from "~/components/data-table";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((t, d, { fiscalYear }) => t("cycle.report.title", { year: fiscalYear(d.fiscalYear) }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "viewSubcommittee");
  const fiscalYear = fiscalYearParam(params.year);
  return { fiscalYear, ...(await reportWithEffect(fiscalYear, resolveLocale(request, user))) };
}

export default function AnnualReport() {
  const t = useT();
  const format = useFormat();
  const { fiscalYear, rows, trainingAvailable, effect } = useLoaderData<typeof loader>();
  const year = format.fiscalYear(fiscalYear);
  const section = (programme: "training" | "evaluation", title: string) => (
    <section aria-labelledby={`report-${programme}`}>
      <h2 id={`report-${programme}`}>{title}</h2>
      {programme === "training" && !trainingAvailable ? <p className="hint">{t("cycle.trainingUnavailable")}</p> : null}
      <DataTable caption={title} captionHidden tableClassName="report-table">
        <thead>
          <tr>
            <th scope="col">{t("figures.col.name")}</th>
            <th scope="col">{t("figures.col.counts")}</th>
            <th scope="col" className="num">
              {t("figures.col.value")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows
            .filter((r) => r.programme === programme)
            .map((r) => (
              <tr key={r.label}>
                <th scope="row">{t(r.label)}</th>
                <td className="hint">{t(r.counts)}</td>
                <td className="num">{r.value === null ? "—" : format.number(r.value)}</td>
              </tr>
            ))}
        </tbody>
      </DataTable>
    </section>
  );
  return (
    <div className="page annual-report">
      <p className="no-print">
        <Link to={`/subcommittee?year=${fiscalYear}`}>← {t("cycle.dash.title")}</Link>
      </p>
      <h1>{t("cycle.report.title", { year })}</h1>
      <p>{t("cycle.report.lead")}</p>
      <div className="button-row no-print">
        <a className="button secondary" href={`/subcommittee/report/${fiscalYear}/xlsx`} download>
          {t("cycle.report.xlsx")}
        </a>
        <a className="button secondary" href={`/subcommittee/report/${fiscalYear}/csv`} download>
          {t("cycle.report.csv")}
        </a>
        <button type="button" className="button secondary" onClick={() => window.print()}>
          {t("cycle.report.print")}
        </button>
      </div>
      {section("training", t("cycle.report.training"))}
      {section("evaluation", t("cycle.report.evaluation"))}
      <TrainingEffectSection rows={effect} toYear={fiscalYear} />
    </div>
  );
}
