import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/auth/permissions.server";
import { reportCsv } from "~/cycle/report.server";
import { csvResponse } from "~/lib/csv";
import { fiscalYearParam } from "~/lib/params";
import { resolveLocale } from "~/i18n/i18n.server";

// The annual report as CSV, UTF-8 with a BOM (a resource route: no page).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "viewSubcommittee");
  const fiscalYear = fiscalYearParam(params.year);
  return csvResponse(await reportCsv(fiscalYear, resolveLocale(request, user)), `annual-report-${fiscalYear}.csv`);
}
