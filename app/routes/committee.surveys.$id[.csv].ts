import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireCapability } from "~/auth/permissions.server";
import { resolveLocale, serverT } from "~/i18n/i18n.server";
import { csvResponse, toCsv, type CsvCell } from "~/lib/csv";
import { surveyResults } from "~/survey/survey.server";

/** A survey's results as CSV: per question the count of each rating and the mean, then the free-text answers. Withheld under 3. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const t = serverT(request, user);
  const r = await surveyResults(params.id, resolveLocale(request, user));
  if (!r) throw notFound();
  const rows: CsvCell[][] = [
    [
      t("survey.csv.question"),
      t("survey.csv.kind"),
      t("survey.csv.answered"),
      t("survey.csv.mean"),
      "1",
      "2",
      "3",
      "4",
      "5",
      t("survey.csv.text"),
    ],
  ];
  if (r.withheld) rows.push([t("survey.results.withheld", { min: 3 })]);
  for (const q of r.questions) {
    if (q.kind === "rating") rows.push([q.text, q.kind, q.answered, q.mean ?? "", ...q.counts, ""]);
    else for (const text of q.texts) rows.push([q.text, q.kind, "", "", "", "", "", "", "", text]);
  }
  rows.push([]);
  rows.push([
    t("survey.committee.responses"),
    r.responses,
    t("survey.committee.eligible"),
    r.eligible,
    t("survey.committee.rate"),
    r.rate ?? "",
  ]);
  return csvResponse(toCsv(rows), `survey-${r.slug}.csv`);
}
