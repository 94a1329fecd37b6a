import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/auth/permissions.server";
import { reportWorkbook } from "~/cycle/report.server";
import { fiscalYearParam } from "~/lib/params";
import { resolveLocale } from "~/i18n/i18n.server";

// The annual report as XLSX (a resource route: no page).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "viewSubcommittee");
  const fiscalYear = fiscalYearParam(params.year);
  const body = await reportWorkbook(fiscalYear, resolveLocale(request, user));
  return new Response(body, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="annual-report-${fiscalYear}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
