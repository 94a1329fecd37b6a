import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireRole } from "~/auth/permissions.server";
import { prisma } from "~/db.server";
import { EVALUATION_VIEWER_ROLES, parseYear } from "~/evaluation/evaluation.server";
import { sheetWorkbook } from "~/evaluation/export.server";
import { resolveLocale } from "~/i18n/i18n.server";

// Any office's sheet as XLSX, for the subcommittee and administrators (a resource route: no page).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, [...EVALUATION_VIEWER_ROLES]);
  const id = Number(params.officeId);
  const office = Number.isInteger(id) && id > 0 ? await prisma.office.findUnique({ where: { id } }) : null;
  if (!office) throw notFound();
  const fiscalYear = parseYear(params.year);
  const body = await sheetWorkbook(office.id, office.name, fiscalYear, resolveLocale(request, user));
  return new Response(body, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="self-evaluation-${office.id}-${fiscalYear}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
