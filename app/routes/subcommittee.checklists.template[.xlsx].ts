// The downloadable checklist template (XLSX) with its columns explained.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/auth/permissions.server";
import { checklistTemplateXlsx } from "~/evaluation/checklist-import.server";
import { resolveLocale } from "~/i18n/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "manageChecklists");
  const body = await checklistTemplateXlsx(resolveLocale(request, user));
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="checklist-template.xlsx"; filename*=UTF-8''${encodeURIComponent("チェックシート様式.xlsx")}`,
    },
  });
}
