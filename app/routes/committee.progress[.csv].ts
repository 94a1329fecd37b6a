import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/auth/permissions.server";
import { serverT, resolveLocale } from "~/i18n/i18n.server";
import { formatFiscalYear } from "~/i18n/format";
import { exportPreamble } from "~/lib/csv";
import { findModule, pick } from "~/training/content.server";
import { toCsv } from "~/training/progress-csv";
import { committeeProgress } from "~/training/training.server";
import { trainingYearSearch } from "~/lib/params";
import { inLocale } from "~/i18n";

/** The committee's progress table as CSV (UTF-8 with BOM so Excel reads Japanese correctly). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const t = serverT(request, user);
  const locale = resolveLocale(request, user);
  const year = trainingYearSearch(request);
  const { matrix, watch } = await committeeProgress(user, year, "csv");
  const videoTitle = (v: { titleJa: string; titleEn: string }) =>
    `${t("video.progress.videos")}: ${inLocale(locale, v.titleJa, v.titleEn)} (%)`;
  const header = [
    t("field.displayName"),
    t("field.email"),
    t("field.office"),
    ...matrix.slugs.map((s) => pick(findModule(s)!.frontmatter.title, locale)),
    // A number in its cells; the number of modules in the header.
    `${t("training.progress.completed")} (/${matrix.slugs.length})`,
    ...watch.videos.map(videoTitle),
  ];
  const rows = matrix.rows.map((r) => [
    r.displayName,
    r.email,
    r.officeName ?? "",
    ...r.cells.map((c) =>
      c.status === "in-progress" || c.status === "failed"
        ? `${t(`training.status.${c.status}`)} (${c.reached}/${c.sections})`
        : t(`training.status.${c.status}`),
    ),
    r.complete,
    ...watch.videos.map((v) => watch.percent(r.id, v.id)),
  ]);
  const title = `${t("training.progress.title")} ${formatFiscalYear(year, locale)}`;
  return new Response(toCsv([...exportPreamble(title, t("imports.export.exportedAt")), header, ...rows]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="training-progress-${year}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
