import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useFormat, useT } from "~/i18n/react";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { findModule, pick } from "~/training/content.server";
import { committeeProgress } from "~/training/training.server";
import { StatusBadge } from "~/training/ui";
import { trainingYearSearch } from "~/lib/params";
import { yearChoices } from "~/training/year";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";
import { JaText } from "~/components/ja-text";
import { inLocale } from "~/i18n";

export const meta = pageMeta("training.progress.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const locale = resolveLocale(request, user);
  const year = trainingYearSearch(request);
  const { matrix, watch } = await committeeProgress(user, year, "page");
  return {
    videos: watch.videos.map((v) => ({ id: v.id, title: inLocale(locale, v.titleJa, v.titleEn) })),
    watchRows: matrix.rows.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      cells: watch.videos.map((v) => ({ percent: watch.percent(r.id, v.id), watched: watch.watched(r.id, v.id) })),
    })),
    year,
    years: yearChoices(),
    modules: matrix.slugs.map((slug) => ({ slug, title: pick(findModule(slug)!.frontmatter.title, locale) })),
    rows: matrix.rows.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      officeName: r.officeName,
      complete: r.complete,
      cells: r.cells.map((c) => ({ status: c.status, reached: c.reached, sections: c.sections, attempts: c.attempts })),
    })),
  };
}

export default function CommitteeProgress() {
  const t = useT();
  const format = useFormat();
  const { year, years, modules, rows, videos, watchRows } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("training.progress.title")}</h1>
      <FiscalYearPicker years={years} value={year}>
        <a className="button" href={`/committee/progress.csv?year=${year}`} download>
          {t("training.progress.csv")}
        </a>
      </FiscalYearPicker>
      <p role="status">{t("training.progress.summary", { trainees: rows.length, modules: modules.length })}</p>
      {rows.length && modules.length ? (
        <DataTable caption={t("training.progress.caption", { year: format.fiscalYear(year) })} className="progress-matrix">
          <thead>
            <tr>
              <th scope="col">{t("field.displayName")}</th>
              {modules.map((m, i) => (
                <th scope="col" key={m.slug}>
                  <abbr title={m.title}>{i + 1}</abbr> <JaText className="module-col-title">{m.title}</JaText>
                </th>
              ))}
              <th scope="col" className="num">
                {t("training.progress.completed")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <JaText>{r.displayName}</JaText>
                  <br />
                  <JaText className="muted small">{r.officeName ?? "—"}</JaText>
                </th>
                {r.cells.map((c, i) => (
                  <td key={modules[i].slug}>
                    <StatusBadge status={c.status} />
                    {c.status === "in-progress" || c.status === "failed" ? (
                      <span className="small muted">
                        {" "}
                        {t("training.reached", { reached: c.reached, total: c.sections })}
                        {c.attempts ? ` · ${t("training.progress.attempts", { count: c.attempts })}` : ""}
                      </span>
                    ) : null}
                  </td>
                ))}
                <td className="num">
                  {r.complete} / {modules.length}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : (
        <p>{t("training.progress.none")}</p>
      )}
      <h2 id="video-heading">{t("video.progress.videos")}</h2>
      {videos.length && watchRows.length ? (
        <DataTable caption={t("video.progress.watchCaption", { year: format.fiscalYear(year) })}>
          <thead>
            <tr>
              <th scope="col">{t("field.displayName")}</th>
              {videos.map((v) => (
                <th scope="col" key={v.id}>
                  <JaText>{v.title}</JaText>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {watchRows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.displayName}</th>
                {r.cells.map((c, i) => (
                  <td key={videos[i].id} className="num">
                    {c.percent}%{c.watched ? " ✓" : ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : (
        <p>{t("video.progress.noVideos")}</p>
      )}
    </div>
  );
}
