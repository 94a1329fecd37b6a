import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { committeeSessionsPage } from "~/scheduling/sessions-page.server";
import { DayList, FunnelPanel } from "~/scheduling/ui";
import { trainingYearSearch } from "~/lib/params";
import { yearChoices } from "~/training/year";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";
import { JaText } from "~/components/ja-text";

export const meta = pageMeta("scheduling.committee.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const locale = resolveLocale(request, user);
  const year = trainingYearSearch(request);
  return {
    year,
    years: [...new Set([...yearChoices(), 2023])].sort((a, b) => b - a),
    ...(await committeeSessionsPage(year, locale)),
  };
}

export default function CommitteeSessions() {
  const t = useT();
  const format = useFormat();
  const { year, years, sessions, funnel } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("scheduling.committee.title")}</h1>
      <FiscalYearPicker years={years} value={year}>
        <Link className="button" to="/committee/sessions/new">
          {t("scheduling.committee.new")}
        </Link>
        <Link to="/committee/certificates">{t("nav.committeeCertificates")}</Link>
      </FiscalYearPicker>
      {sessions.length === 0 ? (
        <p>{t("scheduling.committee.none")}</p>
      ) : (
        <DataTable caption={t("scheduling.committee.caption", { year: format.fiscalYear(year) })}>
          <thead>
            <tr>
              <th scope="col">{t("scheduling.col.title")}</th>
              <th scope="col">{t("scheduling.col.dates")}</th>
              <th scope="col" className="num">
                {t("scheduling.col.capacity")}
              </th>
              <th scope="col" className="num">
                {t("scheduling.col.enrolled")}
              </th>
              <th scope="col" className="num">
                {t("scheduling.col.waitlisted")}
              </th>
              <th scope="col">{t("scheduling.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link to={`/committee/sessions/${s.id}`}>
                    <JaText>{s.title}</JaText>
                  </Link>
                  <br />
                  <span className="muted small">
                    {t(`scheduling.track.${s.track as "practical"}`)}
                    {s.cancelled ? ` · ${t("scheduling.status.sessionCancelled")}` : ""}
                  </span>
                </th>
                <td>
                  <DayList days={s.days} />
                </td>
                <td className="num">{s.capacity}</td>
                <td className="num">{s.enrolled}</td>
                <td className="num">{s.waitlisted}</td>
                <td>
                  <Link to={`/committee/sessions/${s.id}`}>{t("scheduling.committee.roster")}</Link>
                  {" · "}
                  <Link to={`/committee/sessions/${s.id}/edit`} aria-label={`${t("scheduling.committee.edit")}: ${s.title}`}>
                    {t("scheduling.committee.edit")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <FunnelPanel funnel={funnel} />
    </div>
  );
}
