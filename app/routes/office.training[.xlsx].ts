import type { LoaderFunctionArgs } from "@remix-run/node";
import { forbidden, notFound, requireCapability } from "~/auth/permissions.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { fiscalYearSearch, idSearch } from "~/lib/params";
import { officeChoice, officeTrainingExport } from "~/office-training/office-training.server";

/** The office's staff training records as XLSX (same access as /office/training; logged as an export). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "viewOfficeTraining");
  const fiscalYear = fiscalYearSearch(request);
  const choice = await officeChoice(user, idSearch(request, "office"));
  if (!choice.ok) throw choice.reason === "forbidden" ? forbidden() : notFound();
  const file = await officeTrainingExport(user, choice.officeId, fiscalYear, resolveLocale(request, user), "xlsx");
  return new Response(file.body, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
