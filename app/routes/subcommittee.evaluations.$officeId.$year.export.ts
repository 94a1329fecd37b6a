import type { LoaderFunctionArgs } from "@remix-run/node";
import { logRead } from "~/audit/audit.server";
import { requireCapability } from "~/auth/permissions.server";
import { officeForReview } from "~/evaluation/evaluation.server";
import { sheetWorkbook } from "~/evaluation/export.server";
import { fiscalYearParam, idParam } from "~/lib/params";
import { resolveLocale } from "~/i18n/i18n.server";

// Any office's sheet as XLSX, for the subcommittee and administrators (a resource route: no page).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "viewSubcommittee");
  const office = await officeForReview(user, idParam(params.officeId));
  const fiscalYear = fiscalYearParam(params.year);
  const body = await sheetWorkbook(office.id, office.name, fiscalYear, resolveLocale(request, user));
  await logRead(user, "evaluation.export", [
    { entityType: "Office", entityId: office.id, subjectOfficeId: office.id, summary: `FY${fiscalYear} sheet (XLSX)` },
  ]);
  return new Response(body, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="self-evaluation-${office.id}-${fiscalYear}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
