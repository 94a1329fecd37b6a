import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOwnOffice } from "~/auth/permissions.server";
import { fiscalYearParam } from "~/lib/params";
import { sheetWorkbook } from "~/evaluation/export.server";
import { resolveLocale } from "~/i18n/i18n.server";

// The office's sheet as XLSX (a resource route: no page).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, officeId } = await requireOwnOffice(request);
  const fiscalYear = fiscalYearParam(params.year);
  const body = await sheetWorkbook(officeId, user.office?.name ?? "", fiscalYear, resolveLocale(request, user));
  return new Response(body, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="self-evaluation-${fiscalYear}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
